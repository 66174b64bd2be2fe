"""Two versions of one file's front matter, compared by meaning: the history rules ask
which keys a change touched, not which bytes. ``09:10:00Z`` and ``09:10:00+00:00`` are the
same time; a key's order or quoting is no change."""

from __future__ import annotations

from dataclasses import dataclass

from statuspress.diagnostics import Position
from statuspress.fields import parse_timestamp
from statuspress.source import SourceError, YMap, YNode, YScalar, parse_yaml, split_front_matter

#: A value as compared: text, a time in UTC, or a tuple of values (lists, sorted mappings).
Value = object


@dataclass(frozen=True)
class FrontMatter:
    """The keys of a file's front matter by meaning, where each is written, and its body."""

    values: dict[str, Value]
    positions: dict[str, Position]
    body: str
    body_line: int

    def changed(self, other: FrontMatter, keys: tuple[str, ...]) -> list[str]:
        """Those of ``keys`` whose meaning differs between ``self`` and ``other``."""
        return [k for k in keys if self.values.get(k) != other.values.get(k)]

    def line_of(self, key: str) -> Position:
        """Where ``key`` is written (the first line when it is not)."""
        return self.positions.get(key, Position(1, 1))

    def text(self, key: str) -> str | None:
        """The written text of a one-line key (None: absent or not a single value)."""
        value = self.values.get(key)
        if value is None:
            return None
        return value if isinstance(value, str) else _written(value)


def read_front_matter(text: str, path: str) -> FrontMatter | None:
    """The front matter of ``text``; None when it cannot be read (``check`` reports why)."""
    try:
        front, body, body_line = split_front_matter(text, path)
        node = parse_yaml(front, path, first_line=2) if front is not None else None
    except SourceError:
        return None
    if node is not None and not isinstance(node, YMap):
        return None
    values: dict[str, Value] = {}
    positions: dict[str, Position] = {}
    for key, value in node.items if node else ():
        values[key.value] = _meaning(value)
        positions[key.value] = key.pos
    return FrontMatter(values, positions, body.strip(), body_line)


def _meaning(node: YNode) -> Value:
    if isinstance(node, YScalar):
        if node.plain and node.kind == "null":
            return None
        text = node.value.strip()
        try:
            stamp = parse_timestamp(text)
        except ValueError:
            stamp = None
        return stamp if stamp is not None else text
    if isinstance(node, YMap):
        return tuple(sorted((k.value, _meaning(v)) for k, v in node.items))
    return tuple(_meaning(item) for item in node.items)


def _written(value: Value) -> str:
    """A compared value as a reviewer reads it."""
    if isinstance(value, tuple):
        parts = [
            f"{item[0]}: {_written(item[1])}"
            if isinstance(item, tuple) and len(item) == 2
            else _written(item)
            for item in value
        ]
        return ", ".join(parts) if parts else "(none)"
    if hasattr(value, "isoformat"):
        return str(value.isoformat()).replace("+00:00", "Z")
    return str(value)
