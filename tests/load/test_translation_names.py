"""Which files of an incident folder are translations: ``<original>.<language>.md``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from statuspress.layout import is_update_file, translation_of

STEMS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)
TAGS = st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True)


@given(STEMS, TAGS)
def test_a_translation_names_its_original_and_language(stem: str, tag: str) -> None:
    assert translation_of(f"{stem}.{tag}.md") == (f"{stem}.md", tag)
    assert not is_update_file(f"incidents/x/{stem}.{tag}.md")


@given(STEMS)
def test_an_update_file_is_never_a_translation(stem: str) -> None:
    assert translation_of(f"{stem}.md") is None
    assert is_update_file(f"incidents/x/{stem}.md") == (stem not in ("incident", "postmortem"))


@given(st.text(max_size=60))
def test_any_name_is_read_without_failing(name: str) -> None:
    found = translation_of(name)
    assert found is None or (name.endswith(".md") and found[0].endswith(".md"))
