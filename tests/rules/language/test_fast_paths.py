"""The language lint's shortcuts decide exactly as the searches they spare: words found
without a regular expression, a day looked for only where a word may name one, the
identifier hints searched one by one, "fixed" words looked up among a text's words."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from statuspress.rules.language import patterns as p
from statuspress.rules.language.filler import _informative, _states_progress
from statuspress.rules.language.identifiers import _may_hold_an_identifier
from statuspress.rules.language.patterns import holds_digit, may_name_a_day
from statuspress.rules.language.scan import clock_matches
from statuspress.rules.language.text import _SENTENCE_END, TOKEN, Text, TextContext, words_of
from statuspress.rules.language.timeread import _DAY_HINT, CLOCK, read_times

#: Fragments that put words, times, dates and identifier shapes next to each other.
FRAGMENTS = st.sampled_from((
    "Next update ", "at ", "10:30 ", "UTC", " PM ET", "on ", "Monday", "tomorrow", "this ",
    "morning", "17 November", "Nov 17", "2026-11-17", "2026-11-17T10:30Z", "noon", "in 30 ",
    "minutes", "within the hour", "Mon, 3", " ", ".", ",", "-", "_", "=", "--", "a", "Z",
    "worker-3", "app.py", "paymentWorker", "3f9a2c1", "FIXED", "fixed", "Resolved",
    "back to normal", "not yet ", "e", "\n", "\u00e9", "\u212a", "\u017f", "\u0661", "\u3042",
))  # fmt: skip
TEXTS = st.one_of(st.lists(FRAGMENTS, max_size=14).map("".join), st.text(max_size=40))
OPEN_UPDATE = TextContext(is_update_body=True)
#: The identifier hint as one search, as it was written before it was split.
ONE_HINT = re.compile(
    r"[_=]|--|-(?<=\w-)(?=\w)|\.(?<=\w\.)(?=\w)|[A-Z](?<=[a-z][A-Z])|\d(?=[0-9a-f]{6})"
)


@given(TEXTS)
def test_words_are_found_as_the_word_pattern_finds_them(text: str) -> None:
    assert words_of(text.lower()) == TOKEN.findall(text.lower())
    assert words_of(text) == TOKEN.findall(text)


@given(TEXTS)
def test_a_day_is_looked_for_wherever_the_day_hint_could_match(text: str) -> None:
    lowered = text.lower()
    words = frozenset(TOKEN.findall(lowered))
    if _DAY_HINT.search(lowered):
        assert may_name_a_day(lowered, words)
    assert read_times(text, words) == read_times(text)


@given(TEXTS)
def test_the_identifier_hints_one_by_one_agree_with_one_search(text: str) -> None:
    assert _may_hold_an_identifier(text) == (ONE_HINT.search(text) is not None)


@given(TEXTS)
def test_a_fixed_word_in_ascii_text_is_among_its_words(text: str) -> None:
    if text.isascii() and p.FIXED.search(text):
        assert not frozenset(TOKEN.findall(text.lower())).isdisjoint(p.FIXED_WORDS)


@given(TEXTS)
def test_a_digit_is_found_as_the_digit_pattern_finds_it(text: str) -> None:
    assert holds_digit(text) == (re.search(r"\d", text) is not None)


#: The sentence end as one character class, as it was written before it was split.
ONE_END = re.compile(
    r"[.!?](?<![ap]\.m\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?=\s|$)|[\u3002\uff01\uff1f]|\n[ \t]*+\n"
    r"|\n(?=[ \t]*+(?:[-*+]|\d+[.)])\s)"
)
SENTENCES = st.lists(
    st.sampled_from(
        ("a", "a.m.", "e.g.", "i.e.", ".", "!", "?", "\u3002", " ", "\n", "\n\n", "- ", "1) ")
    ),
    max_size=16,
).map("".join)


@given(st.one_of(SENTENCES, TEXTS))
def test_sentences_end_where_the_one_class_pattern_ends_them(text: str) -> None:
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [
        m.span() for m in ONE_END.finditer(text)
    ]


CLOCKISH = st.lists(
    st.sampled_from(
        (
            "10:30",
            "9",
            "2",
            "30",
            "1800",
            "2026-11-17",
            "T",
            " ",
            ":",
            ".",
            ",",
            "/",
            "-",
            "a",
            "_",
            "PM",
            " am",
            " UTC",
            " ET",
            "(CET)",
            "h",
            "noon",
            "Midnight",
            "x",
            "\u00e9",
        )
    ),
    max_size=14,
).map("".join)


@given(st.one_of(CLOCKISH, TEXTS))
def test_clock_times_are_found_where_the_clock_pattern_finds_them(text: str) -> None:
    found = [m.span() for m in clock_matches(CLOCK, text, text.lower())]
    assert found == [m.span() for m in CLOCK.finditer(text)]


PROGRESS_TEXTS = st.lists(
    st.sampled_from(
        (
            "We ",
            "have ",
            "found ",
            "the cause",
            "fixed",
            "Resolved",
            "to ",
            "once ",
            "when ",
            "hope ",
            "expected ",
            "planning ",
            "it is ",
            "restored",
            "back ",
            "normal",
            ". ",
            "\n\n",
            "as soon as ",
            "nothing new",
            "working on it",
            "10:30",
            "Next update at 10:30 UTC.",
        )
    ),
    max_size=12,
).map("".join)


@given(PROGRESS_TEXTS)
def test_a_text_said_to_state_progress_has_a_sentence_with_news(text: str) -> None:
    subject = Text(text, OPEN_UPDATE, "en")
    if _states_progress(subject):
        assert any(_informative(subject, s, e, None) for s, e in subject.sentences)
