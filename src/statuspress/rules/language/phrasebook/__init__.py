"""The words a language promises with, as data: one module per shipped language besides
English (``de``, ``fr``, ``es``, ``ja``), each defining ``BOOK``.

A phrasebook holds two kinds of pattern. ``Promises`` are the phrases the next-update and
fix-time rules look for (English has its own, in ``promises.py``); ``TimeWords`` are the
ways the language writes clock times, dates and delays, which ``localread.py`` turns into
the same ``Clock``, ``Day`` and ``Delay`` values the English reader gives, so one
comparison (``instants.clock_instants``) judges them all.

A language's module is imported the first time a text in that language is read: a site in
English never loads one.

Named groups a pattern may repeat take a digit suffix (``m``, ``m2``, ``m3``), because
Python's ``re`` allows a name only once; ``group_of`` reads the first that matched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

#: The languages besides English whose phrasebooks ship with statuspress.
BOOK_LANGUAGES = ("de", "fr", "es", "ja")


@dataclass(frozen=True)
class Promises:
    """The phrases of the promise rules. Each ``hints`` tuple lists words (lower case) that
    every match of its pattern holds, so a text with none of them is not searched; an empty
    tuple searches every text. ``day_words`` and ``eta_words`` do the same for
    ``day_promise`` and ``duration`` by whole words (None: always search)."""

    next_update: re.Pattern[str]
    when_words: re.Pattern[str]
    fix_word: re.Pattern[str]
    eta_word: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    no_eta: re.Pattern[str]
    day_promise: re.Pattern[str]
    duration: re.Pattern[str]
    hints: tuple[str, ...] = ()
    fix_hints: tuple[str, ...] = ()
    day_words: frozenset[str] | None = None
    eta_words: frozenset[str] | None = None
    #: a next-update sentence the rule suggests, with ``{0}`` for the promised time
    example: str = "We will post the next update by {0}."


@dataclass(frozen=True)
class TimeWords:
    """How a language writes times, for ``localread``.

    ``clock`` matches a clock time; its groups: ``h`` (hour), ``m`` (minute), ``half``
    (half past), ``ampm`` (a word that ``pm`` or ``am`` maps to 12 or 0 hours added),
    ``word`` (a word in ``clock_words``: noon, midnight), ``mark`` (a word that makes a bare
    hour a time, as "Uhr" does), ``sep`` (":" makes one too), ``zone`` (``zones.ZONE``) and
    ``lzone`` (a zone word of the language, in ``zones``); ``dy``, ``dmo``, ``dd``: a date
    written inside the time ("日本時間11月17日14時", where the zone comes before both). A match
    with no ":", mark, zone, word or ``ampm`` is not a time.

    ``date`` matches a date; groups ``y``, ``mo``, ``d`` (digits), ``mon`` (a month name,
    looked up by prefix in ``months``), ``wd`` (a weekday, in ``weekdays``) and ``rel`` (a
    day counted from today, in ``relative``).

    ``delay`` matches a delay; groups ``count`` and ``count_to`` (a number or a range: digits,
    or words in ``numbers`` or ``fuzzy``), ``unit`` (looked up by prefix in ``units``),
    ``half`` (and a half), ``halfhour`` (half an hour), ``thehour`` (within the hour),
    ``every`` (every so long) and ``within`` (at most so long).

    Hours and minutes may be any digits (full-width ones too); their range is checked
    after the match.
    """

    clock: re.Pattern[str]
    date: re.Pattern[str]
    delay: re.Pattern[str]
    numbers: Mapping[str, float]
    units: tuple[tuple[str, float], ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    relative: Mapping[str, int]
    fuzzy: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    clock_words: Mapping[str, int] = field(default_factory=dict)
    ampm: Mapping[str, int] = field(default_factory=dict)
    zones: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Phrasebook:
    """One language's promises and time words. ``function_words`` are its commonest short
    words, which tell its text from English; ``script``, when given, is the writing system
    a text in it must mostly use instead."""

    language: str
    function_words: frozenset[str]
    promises: Promises
    times: TimeWords
    script: re.Pattern[str] | None = None


@cache
def phrasebook_for(language: str) -> Phrasebook | None:
    """The phrasebook of a primary language tag (``de``), or None when none ships."""
    if language not in BOOK_LANGUAGES:
        return None
    module = importlib.import_module(f"{__name__}.{language}")
    book: Phrasebook = module.BOOK
    return book


def group_of(m: re.Match[str], name: str) -> str | None:
    """The text of the first group called ``name`` or ``name`` and a digit that matched."""
    for key, value in m.groupdict().items():
        if value is not None and key.rstrip("0123456789") == name:
            return value
    return None


def words(*alternatives: str) -> str:
    """A regular-expression alternation of literal phrases, longest first, where a space
    stands for one whitespace character or a hyphen ("quarante-cinq", "demi heure")."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return "|".join(re.escape(a).replace(r"\ ", r"[\s-]") for a in ordered)
