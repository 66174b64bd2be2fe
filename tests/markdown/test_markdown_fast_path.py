"""The plain-paragraph shortcut must render exactly what markdown-it renders, or step aside."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.markdown import _parser, _plain_paragraph, render_markdown

PIECES = st.sampled_from(
    [
        "Checkout",
        "is failing",
        " ",
        "  ",
        ".",
        ",",
        ":",
        "13:31 UTC",
        "1.",
        "2)",
        "-",
        "+",
        "*",
        "_",
        "`",
        "[link](https://x.example)",
        "<b>",
        "&amp;",
        "&",
        '"quoted"',
        "'single'",
        "\\",
        "#",
        "=",
        "|",
        "~",
        "!",
        "(",
        ")",
        "\n",
        "\t",
        "https://status.example.com",
        "Zürich",
        "\u00a0",
        "\u2028",
        "\u3000",
        "\u200b",
        "\ufeff",
        "\u0085",
        "\r",
        "Ω",
        "?",
        "%",
        "$",
        "@",
        "{",
        "}",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_shortcut_agrees_with_markdown_it_or_steps_aside(text: str) -> None:
    shortcut = _plain_paragraph(text)
    if shortcut is not None:
        assert shortcut == _parser().render(text)


def test_a_typical_update_takes_the_shortcut() -> None:
    text = 'Checkout is failing for some customers. We will post the next update by 13:31 UTC ("soon").'
    assert _plain_paragraph(text) == _parser().render(text)
    assert render_markdown(text) == _parser().render(text)


def test_markdown_still_goes_to_the_parser() -> None:
    for text in (
        "We **fixed** it.",
        "- one\n- two",
        "1. first",
        "See [the post](https://x.example).",
    ):
        assert _plain_paragraph(text) is None
        assert render_markdown(text) == _parser().render(text)
