"""Reading the times a German, French, Spanish or Japanese update writes, with the
patterns of its phrasebook ("um 14:30 Uhr MEZ", "à 14 h 30", "a las 14:30", "14時30分",
"in 30 Minuten", "dans 30 minutes", "en 30 minutos", "30分後").

The reading gives ``timeread``'s own ``Clock``, ``Day`` and ``Delay`` values, and dates
attach to clock times as there, so the promise rules judge every language with one
comparison (``instants.clock_instants``). Like the English reader it reads at most
``timeread.MOST`` of each kind, each match a bounded stretch, so it is linear.
"""

from __future__ import annotations

import re
from datetime import timedelta

from statuspress.rules.language.phrasebook import TimeWords, group_of
from statuspress.rules.language.timeread import (
    Clock,
    Day,
    Delay,
    Mention,
    attach_days,
    first_matches,
)
from statuspress.rules.language.zones import zone_of

#: How far around a clock time a date is looked for (as the English reader).
_DATE_REACH = 70


def read_local_times(text: str, words: TimeWords) -> list[Mention]:
    """Every clock time (with the date written near it) and every delay, in order."""
    delays = [_delay(m, words) for m in first_matches(words.delay.finditer(text))]
    clocks = [c for m in first_matches(words.clock.finditer(text)) if (c := _clock(m, words))]
    if delays and clocks:
        # "dans 2 heures", "en 2 h": the hour a length of time names is not a clock time.
        taken = [(d.start, d.end) for d in delays]
        clocks = [c for c in clocks if not any(s < c.end and c.start < e for s, e in taken)]
    if clocks:
        clocks = attach_days(text, clocks, _days(text, clocks, words))
    found: list[Mention] = [*clocks, *delays]
    return sorted(found, key=lambda m: m.start)


def _clock(m: re.Match[str], words: TimeWords) -> Clock | None:
    written_zone, local_zone = group_of(m, "zone"), group_of(m, "lzone")
    zone = None
    if written_zone:
        zone = zone_of(written_zone)
        if zone is None:
            return None
    elif local_zone:
        zone = zone_of(words.zones[_key(local_zone)])
    word = group_of(m, "word")
    if word is not None:
        return Clock(m.start(), m.end(), words.clock_words[_key(word)], 0, zone)
    hour, ampm = int(group_of(m, "h") or 0), group_of(m, "ampm")
    minute = 30 if group_of(m, "half") else int(group_of(m, "m") or 0)
    if hour > 23 or minute > 59:
        return None
    marked = group_of(m, "sep") in (":", "\uff1a") or group_of(m, "mark") or zone or ampm
    if not marked:
        return None  # a bare number ("14", "14.30") is not a time
    if ampm is not None:
        if hour > 12:
            return None
        hour = hour % 12 + words.ampm[_key(ampm)]
    day = None
    if group_of(m, "dmo") and group_of(m, "dd"):
        year = group_of(m, "dy")
        month, date = int(group_of(m, "dmo") or 0), int(group_of(m, "dd") or 0)
        day = Day(m.start(), m.end(), int(year) if year else None, month, date)
    return Clock(m.start(), m.end(), hour, minute, zone, day)


def _days(text: str, clocks: list[Clock], words: TimeWords) -> list[Day]:
    """The dates written within reach of a clock time (only there can they attach)."""
    matches: dict[int, re.Match[str]] = {}
    for clock in clocks:
        window = (max(0, clock.start - _DATE_REACH), clock.end + _DATE_REACH)
        for m in words.date.finditer(text, *window):
            matches.setdefault(m.start(), m)
    days = []
    for m in matches.values():
        day = _day(m, words)
        if day is not None:
            days.append(day)
    return days


def _day(m: re.Match[str], words: TimeWords) -> Day | None:
    year, month, day = group_of(m, "y"), group_of(m, "mo"), group_of(m, "d")
    name = group_of(m, "mon")
    if name is not None:
        month = str(_prefix_index(words.months, name) + 1)
    if month is not None and day is not None:
        return Day(m.start(), m.end(), int(year) if year else None, int(month), int(day))
    weekday = group_of(m, "wd")
    if weekday is not None:
        return Day(m.start(), m.end(), weekday=_prefix_index(words.weekdays, weekday))
    relative = group_of(m, "rel")
    if relative is not None:
        return Day(m.start(), m.end(), offset=words.relative[_key(relative)])
    return None


def _delay(m: re.Match[str], words: TimeWords) -> Delay:
    fuzzy = False
    if group_of(m, "halfhour"):
        low = high = 30.0
    elif group_of(m, "thehour"):
        low, high = 0.0, 60.0
    else:
        unit = _unit(words, group_of(m, "unit") or "")
        first, fuzzy = _amount(words, group_of(m, "count") or "1")
        to = group_of(m, "count_to")
        second = _amount(words, to)[0] if to else first
        low, high = first[0] * unit, second[1] * unit
        if group_of(m, "half"):
            low, high = low + 30, high + 30
    every = group_of(m, "every") is not None
    if every and group_of(m, "thehour"):
        low = 60.0
    if group_of(m, "within"):
        low = 0.0
    return Delay(m.start(), m.end(), timedelta(minutes=low), timedelta(minutes=high),
                 every=every, fuzzy=fuzzy)  # fmt: skip


def _amount(words: TimeWords, written: str) -> tuple[tuple[float, float], bool]:
    """(least, most) of a written number, and whether it is fuzzy ("ein paar")."""
    key = _key(written)
    if key in words.fuzzy:
        return words.fuzzy[key], True
    if key in words.numbers:
        value = float(words.numbers[key])
        return (value, value), False
    value = float(key.replace(",", "."))
    return (value, value), False


def _unit(words: TimeWords, written: str) -> float:
    key = _key(written)
    return next((minutes for prefix, minutes in words.units if key.startswith(prefix)), 1.0)


def _prefix_index(names: tuple[str, ...], written: str) -> int:
    """Where ``written`` is in ``names``: each name is its prefixes, joined by "|"."""
    key = _key(written)
    return next(i for i, name in enumerate(names) if key.startswith(tuple(name.split("|"))))


def _key(written: str) -> str:
    """A written word as the tables hold it: lower case, single spaces."""
    return " ".join(written.lower().replace("-", " ").split())
