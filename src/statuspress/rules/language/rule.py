"""What a language rule is: an id, a level, the fix-it message customers' writers read, and
the function that finds where it applies."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from statuspress.diagnostics import Level
from statuspress.rules.language.text import Text


class Hit(NamedTuple):
    """One place a rule applies: an offset in the text, and the values its message names.

    A named tuple rather than a dataclass because a hostile text can hold a million of them.
    """

    start: int
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One language rule. ``message`` is a ``str.format`` template filled from a hit's
    fields."""

    id: str
    level: Level
    message: str
    find: Callable[[Text], Iterable[Hit]]

    def message_for(self, hit: Hit) -> str:
        """The fix-it text for one hit."""
        return self.message.format(*hit.fields) if hit.fields else self.message
