"""The nodes of parsed front matter: located scalars, maps and sequences."""

from __future__ import annotations

from typing import NamedTuple

from statuspress.diagnostics import Position


class YScalar(NamedTuple):
    value: str
    tag: str  # the YAML 1.1 implicit type PyYAML resolved: ...:str, ...:int, ...:timestamp ...
    plain: bool  # written without quotes
    pos: Position

    @property
    def kind(self) -> str:
        return self.tag.rsplit(":", 1)[-1]


class YMap(NamedTuple):
    items: tuple[tuple[YScalar, YNode], ...]
    pos: Position


class YSeq(NamedTuple):
    items: tuple[YNode, ...]
    pos: Position


YNode = YScalar | YMap | YSeq
