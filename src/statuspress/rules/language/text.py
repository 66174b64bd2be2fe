"""One text being linted: what the rules know about it besides its words, and what several
rules derive from it (computed once per text, in time linear in its length)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from statuspress.config import Settings
from statuspress.rules.language.patterns import CLOCK, ENGLISH, OTHER_LANGUAGE, TOKEN

_LEFT_STOP = re.compile(r"[.\n!]")
_RIGHT_STOP = re.compile(r"[.\n]")


@dataclass(frozen=True)
class TextContext:
    """What a rule needs to know about one text besides its words."""

    settings: Settings = field(default_factory=Settings)
    is_update_body: bool = False
    final: bool = False
    maintenance: bool = False
    next_update: datetime | None = None
    eta_approved: bool = False
    internal_component_names: tuple[str, ...] = ()


def is_english(text: str, tokens: Sequence[str] | None = None) -> bool:
    """A rough check: English prose is full of English function words, other languages of
    their own."""
    words = tokens if tokens is not None else TOKEN.findall(text.lower())
    english = sum(1 for w in words if w in ENGLISH)
    other = sum(1 for w in words if w in OTHER_LANGUAGE)
    return english >= other


class Text:
    """A text with its lowered form, its words and its sentences, each worked out once."""

    def __init__(self, raw: str, context: TextContext) -> None:
        self.raw = raw
        self.context = context
        self.settings = context.settings
        self.lowered = raw.lower()
        self.tokens: list[str] = TOKEN.findall(self.lowered)
        self.words = frozenset(self.tokens)

    @cached_property
    def english(self) -> bool:
        """Whether the English-only rules apply: an English site and English words."""
        return self.settings.language.lower().startswith("en") and is_english(self.raw, self.tokens)

    @property
    def is_open_update(self) -> bool:
        """An update body that is not the final one: a fix is still to come."""
        return self.context.is_update_body and not self.context.final

    @cached_property
    def clocks(self) -> list[tuple[int, int]]:
        """The (hour, minute) of every clock time written in the text, in order."""
        return [(int(m.group(1)), int(m.group(2))) for m in CLOCK.finditer(self.raw)]

    @cached_property
    def _left_stops(self) -> list[int]:
        return [m.start() for m in _LEFT_STOP.finditer(self.raw)]

    @cached_property
    def _right_stops(self) -> list[int]:
        return [m.start() for m in _RIGHT_STOP.finditer(self.raw)]

    def sentence_around(self, start: int) -> tuple[int, int]:
        """The bounds of the sentence holding offset ``start``: after the last ``.``, ``!``
        or line break before it, up to the next ``.`` or line break (or the end)."""
        # A "." inside a time such as 10.30 is not a sentence end; close enough for our use.
        left = bisect.bisect_left(self._left_stops, start)
        right = bisect.bisect_left(self._right_stops, start)
        stops = self._right_stops
        return (
            self._left_stops[left - 1] + 1 if left else 0,
            stops[right] if right < len(stops) else len(self.raw),
        )
