"""The API's update bodies: each paragraph on one line, every other line as written."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from statuspress.markdown import render_markdown, unwrap_soft_breaks

WORDS = st.text(alphabet="abcdefghij.,", min_size=1, max_size=8)
# A paragraph: words, each followed by a space or a line break.
PARAGRAPH = st.lists(st.tuples(WORDS, st.sampled_from([" ", "\n"])), min_size=1, max_size=12).map(
    lambda pairs: "".join(w + sep for w, sep in pairs).strip()
)


@given(st.text())
def test_unwrapping_changes_only_whitespace(text: str) -> None:
    assert unwrap_soft_breaks(text).split() == text.replace("\r\n", "\n").split()


@given(st.lists(PARAGRAPH, min_size=1, max_size=5))
def test_each_paragraph_becomes_one_line_and_paragraphs_stay_apart(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert unwrap_soft_breaks(text) == "\n\n".join(p.replace("\n", " ") for p in paragraphs)


@given(st.text(alphabet="ab -*>#`\\\n1.)+=_", max_size=60))
@example("\\\n*\n1")  # a bare marker after a hard break: joined, it would start a list
@example("1\n1  \n1")  # a hard break after a joined line keeps its two spaces
@example("` \n1 `")  # the spaces around a newline inside a code span count
@example("`\n 1 `")
def test_the_unwrapped_text_renders_as_the_original_does_but_for_whitespace(text: str) -> None:
    def words(html: str) -> str:
        return re.sub(r"\s+", " ", html)

    assert words(render_markdown(unwrap_soft_breaks(text))) == words(render_markdown(text))


def test_lists_code_quotes_and_hard_breaks_keep_their_lines() -> None:
    text = (
        "Payments fail for\nsome customers.\n\n"
        "- checkout\n  in the app\n- invoices\n\n"
        "> quoted\n> lines\n\n"
        "```\nline one\nline two\n```\n\n"
        "first line  \nsecond line\\\nthird line"
    )
    assert unwrap_soft_breaks(text) == (
        "Payments fail for some customers.\n\n"
        "- checkout in the app\n- invoices\n\n"
        "> quoted\n> lines\n\n"
        "```\nline one\nline two\n```\n\n"
        "first line  \nsecond line\\\nthird line"
    )


def test_windows_line_ends_unwrap_too() -> None:
    assert (
        unwrap_soft_breaks("We are\r\nlooking.\r\n\r\nMore soon.")
        == "We are looking.\n\nMore soon."
    )
