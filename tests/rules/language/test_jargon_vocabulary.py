"""The site's own words are read once per site, and accept exactly the jargon terms a
search of the whole vocabulary for each term accepts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from statuspress.config import Settings
from statuspress.rules.language import TextContext, lint_text
from statuspress.rules.language.jargon import (
    JARGON_TERMS,
    _Vocabulary,
    terms_for,
    vocabulary_allows,
)

#: Pieces that put terms at, inside and next to the edges a term needs.
PIECES = st.sampled_from((
    *JARGON_TERMS[:40], "s", "es", "-", "_", " ", " | ", ".", "/", "x", "é", "ß", "2",
    "read replicas", "replica-set", "non-kafka", "kafkaesque", "cpus", "cpues", "cpuss",
    "disk i/o", "s3 buckets", "p99s", "5xx", "etcd_", "\n",
))  # fmt: skip
TERMS = st.one_of(
    st.sampled_from(JARGON_TERMS),
    st.text(alphabet="abcdeilopsuxz -_./2é", max_size=12),
)


@given(pieces=st.lists(PIECES, max_size=12), term=TERMS)
def test_reading_the_vocabulary_once_agrees_with_searching_it(pieces: list[str], term: str) -> None:
    vocabulary = "".join(pieces).lower()
    assert _Vocabulary(vocabulary).allows(term) == vocabulary_allows(term, vocabulary)


@given(pieces=st.lists(PIECES, max_size=12))
def test_every_jargon_term_is_judged_as_the_search_judges_it(pieces: list[str]) -> None:
    vocabulary = "".join(pieces).lower()
    words = _Vocabulary(vocabulary)
    for term in JARGON_TERMS:
        assert words.allows(term) == vocabulary_allows(term, vocabulary), term


def test_a_term_in_a_component_description_is_allowed_even_in_the_plural() -> None:
    vocabulary = ("Search", "Runs on Elasticsearch with read replicas")
    terms = terms_for((), (), vocabulary, False)
    assert "elasticsearch" not in terms and "read replica" not in terms
    assert "replica" not in terms  # inside "read replicas", at the start of its own word
    assert {"kafka", "replication"} <= terms
    context = TextContext(settings=Settings(), vocabulary=vocabulary)
    text = "Elasticsearch read replicas are slow, and Kafka is behind."
    assert [f.start for f in lint_text(text, context) if f.rule == "language/jargon"] == [
        text.index("Kafka")
    ]


def test_a_big_vocabulary_is_read_in_one_pass() -> None:
    # 500 components with long descriptions: a search per term would read it 250 times.
    vocabulary = tuple(f"Component {i} " + "stores orders and invoices " * 20 for i in range(500))
    assert {"replica", "kafka", "p99"} <= terms_for((), (), (*vocabulary, "Node pool"), False)
    assert "node pool" not in terms_for((), (), (*vocabulary, "Node pool"), False)
