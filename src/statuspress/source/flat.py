"""The fast reader of flat front matter (``key: value`` lines, one level of nesting), which
makes the same nodes libyaml would, in a fraction of its time."""

from __future__ import annotations

import re

import yaml

from statuspress.diagnostics import Position
from statuspress.source.nodes import YMap, YNode, YScalar

# -- the fast path for the front matter people actually write -----------------------------
#
# Nearly every status file is ``key: value`` lines, with at most one level of indented
# ``component: status`` lines under a key. Reading those lines directly is several times
# faster than composing a YAML node graph, and gives the very same nodes: the tags come
# from PyYAML's own resolver, and anything beyond this shape (quotes, comments, lists,
# flow style, block scalars, tabs, anchors, tags, odd characters) goes to libyaml.
# tests/source/test_source_fast_path.py holds the two paths equal on generated documents.

_FLAT_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_FLAT_UNSAFE_START = frozenset("-?:,[]{}#&*!|>'\"%@`~ ")
_RESOLVER = yaml.resolver.Resolver()


def _flat_scalar(text: str, line: int, col: int) -> YScalar | None:
    value = text.rstrip(" ")
    if (
        not value
        or value[0] in _FLAT_UNSAFE_START
        or value[-1] == ":"
        or ": " in value
        or " #" in value
        or not value.isprintable()
    ):
        return None
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return YScalar(value, tag, True, Position(line, col))


def _flat_entry(text: str, line: int, offset: int) -> tuple[YScalar, str, int] | None:
    """``key: rest`` starting at column ``offset + 1``: the key's node, the rest of the
    line and the rest's column; None when ``text`` is not such a line."""
    match = _FLAT_KEY.match(text)
    if match is None:
        return None
    key = _flat_scalar(match.group(1), line, offset + 1)
    if key is None:
        return None
    return key, text[match.end() :], offset + match.end() + 1


def parse_flat(text: str, first_line: int = 1) -> YMap | None:
    """The nodes of flat front matter, exactly as libyaml would give them; None when
    ``text`` is not flat (the caller then asks libyaml)."""
    lines = text.split("\n")
    items: list[tuple[YScalar, YNode]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip(" "):
            index += 1
            continue
        entry = _flat_entry(line, first_line + index, 0)
        if entry is None:
            return None
        key, rest, col = entry
        value: YNode | None
        if rest:
            value = _flat_scalar(rest, first_line + index, col)
            index += 1
        else:
            value, index = _flat_nested(lines, index + 1, first_line)
        if value is None:
            return None
        items.append((key, value))
    if not items:
        return None
    return YMap(tuple(items), items[0][0].pos)


def _flat_nested(lines: list[str], index: int, first_line: int) -> tuple[YMap | None, int]:
    """The indented ``key: value`` lines from ``index`` on, and the index after them."""
    items: list[tuple[YScalar, YNode]] = []
    indent = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip(" ")
        if not stripped:
            index += 1
            continue
        depth = len(line) - len(stripped)
        if depth == 0:
            break
        if indent and depth != indent:
            return None, index
        indent = depth
        entry = _flat_entry(stripped, first_line + index, depth)
        if entry is None or not entry[1]:
            return None, index
        key, rest, col = entry
        value = _flat_scalar(rest, first_line + index, col)
        if value is None:
            return None, index
        items.append((key, value))
        index += 1
    if not items:
        return None, index
    return YMap(tuple(items), items[0][0].pos), index
