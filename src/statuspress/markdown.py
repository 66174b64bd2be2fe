"""Markdown -> safe HTML, for every output that shows customer text (pages and feeds).

Raw HTML is disabled (it is escaped, not passed through) and links with unsafe schemes
(``javascript:``, ``data:``, ``vbscript:``, ``file:``) are dropped by markdown-it-py's
link validator, which we tighten to an allow-list.
"""

from __future__ import annotations

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


def render_markdown(text: str) -> str:
    """Customer Markdown as HTML; safe to insert into a page unescaped."""
    html: str = _parser().render(text)
    return html
