"""Markdown -> safe HTML, for every output that shows customer text (pages and feeds).

Raw HTML is disabled (it is escaped, not passed through) and links with unsafe schemes
(``javascript:``, ``data:``, ``vbscript:``, ``file:``) are dropped by markdown-it-py's
link validator, which we tighten to an allow-list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def _validate_link(url: str) -> bool:
    lowered = url.strip().lower()
    if ":" not in lowered.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return True  # relative link, fragment or path
    return lowered.startswith(_SAFE_SCHEMES)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    return md


# Most updates are one plain paragraph: no character that Markdown gives meaning to, and
# nothing at the start of the line that could open a block. Those render as <p>text</p>
# without the parser; tests/markdown/test_markdown_fast_path.py holds the two equal.
_PLAIN = re.compile(r"[A-Za-z(][^\x00-\x1f\x7f*_`\[\]<>!&\\~#|=\u0080-\u00a0\u2028\u2029]*")


def _plain_paragraph(text: str) -> str | None:
    if _PLAIN.fullmatch(text) is None or "  " in text or text != text.rstrip():
        return None
    return "<p>" + text.replace('"', "&quot;") + "</p>\n"


def render_markdown(text: str) -> str:
    """Customer Markdown as HTML; safe to insert into a page unescaped."""
    plain = _plain_paragraph(text)
    if plain is not None:
        return plain
    html: str = _parser().render(text)
    return html


def unwrap_soft_breaks(text: str) -> str:
    """``text`` with each paragraph on one line: the line breaks Markdown renders as a
    space (soft breaks) become spaces, so a relay that shows the text as it is (chat
    tools, the Statuspage API's clients) does not show the source file's wrapping.
    Paragraphs, lists, quotes, code, headings and hard breaks (two trailing spaces or a
    backslash) keep their lines."""
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    joined: set[int] = set()  # line n continues on line n + 1 of the same paragraph
    quoted = 0
    for token in _parser().parse(text):
        if token.type == "blockquote_open":
            quoted += 1
        elif token.type == "blockquote_close":
            quoted -= 1
        elif token.type == "paragraph_open" and token.map and not quoted:
            start, end = token.map
            joined.update(n for n in range(start, end - 1) if not _hard_break(lines[n]))
    result: list[str] = []
    for number, line in enumerate(lines):
        # A line that is a bare marker ("*", "1.", "#") continues a paragraph only because an
        # empty list item or heading cannot interrupt one: given words, it would start one.
        if number - 1 in joined and not _BARE_MARKER.match(result[-1]):
            if _open_code_span(result[-1]):  # there every space around the newline counts
                result[-1] = result[-1] + " " + line
            else:  # (a hard break's two spaces stay at the end of the line)
                result[-1] = result[-1].rstrip() + " " + line.lstrip()
        else:
            result.append(line)
    return "\n".join(result)


_BARE_MARKER = re.compile(r"[ \t]*(?:[*+>-]|#{1,6}|\d{1,9}[.)])[ \t]*\Z")


def _open_code_span(text: str) -> bool:
    """Whether ``text`` ends inside a code span: a run of backticks opens one, and only a
    run of the same length closes it."""
    opened = 0
    for run in _BACKTICKS.findall(text):
        if not opened:
            opened = len(run)
        elif len(run) == opened:
            opened = 0
    return opened > 0


_BACKTICKS = re.compile(r"`+")


def _hard_break(line: str) -> bool:
    return line.endswith(("  ", "\\"))
