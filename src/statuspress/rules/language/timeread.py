"""Reading the times an English status update writes: a grammar of its own, not a
general-purpose date parser (those read "ET" as winter time and "We" as Wednesday).

What it reads:

- **clock times**: ``10:30``, ``10:30:00``, ``2:30 PM``, ``2 pm``, ``10 a.m.``, ``10.30 UTC``,
  ``10h30 CET``, ``1800 UTC``, ``noon``, ``midnight``, ``2026-11-17T10:30Z``, each with an optional zone
  after it (``zones.ZONE``: abbreviations, ``UTC+2``, IANA names, "Pacific Time"). In a
  range ("between 10 and 11 AM PT", "10:00-11:00 UTC") the first time borrows the
  second's AM/PM and zone;
- **dates** near a clock time in the same sentence: ``2026-11-17``, ``17 November``,
  ``Nov 17, 2026``, a weekday, ``today``, ``tonight``, ``tomorrow``;
- **delays**: "in two hours", "within the next 30 minutes", "in 20-30 minutes", "within the
  hour", "in an hour and a half", "every 30 minutes"; "a few minutes" is read but marked
  *fuzzy* (it promises something, but not a time).

A bare number ("2 hours", "version 4.2", "28 November") is never a clock. Every pattern is
tried from a digit or a keyword and reads a bounded stretch, so the reader is linear.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta, tzinfo

from statuspress.rules.language import scan
from statuspress.rules.language.patterns import holds_digit, may_name_a_day
from statuspress.rules.language.zones import ZONE, zone_of

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

CLOCK = re.compile(
    # (the look-ahead lets every position that cannot start a time fail at once)
    r"(?=[\dnmNM])(?<![\w:.,/])(?:"
    r"(?P<iy>\d{4})-(?P<imo>[01]\d)-(?P<iday>[0-3]\d)[T ](?P<ih>[01]\d|2[0-3]):(?P<imi>[0-5]\d)"
    r"(?::[0-5]\d(?:\.\d{1,6})?)?"
    r"|(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.h]?)(?P<m>[0-5]\d)(?::[0-5]\d)?)?(?![\d:])"
    r"(?:\s?(?P<ampm>[aApP]\.?[mM](?![\w])\.?))?"
    r"|(?P<word>(?i:noon|midnight|midday)(?![\w]))"
    r")"
    rf"(?:\s?\(?{ZONE}\)?)?"
)
DATE = re.compile(
    r"(?=[\dA-Za-z])(?<![\w-])(?:"
    r"(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon2>{_MONTHS})\b\.?(?:,?\s(?P<y2>\d{{4}})\b)?"
    rf"|(?P<mon3>{_MONTHS})\.?\s(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s(?P<y3>\d{{4}})\b)?"
    r"|(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|(?P<wda>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?=[,.]?\s\d)"
    r"|(?P<rel>(?i:today|tonight|tomorrow|this\s(?:morning|afternoon|evening)))\b"
    r")"
)
_NUMBER = (
    r"\d{1,3}(?:\.\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty[-\s]five|forty|forty|fifty|sixty|ninety|"
    r"a\scouple\sof|couple\sof|a\sfew|few|several"
)
DELAY = re.compile(
    r"(?i:\b(?P<prep>in|within|every|over)\s"
    r"(?P<mods>(?:(?:the\s)?(?:next|coming|following)\s|about\s|around\s|approximately\s|"
    r"roughly\s|under\s|less\sthan\s|up\sto\s|another\s|a\sfurther\s|at\smost\s){0,3})"
    r"(?:(?P<n1>" + _NUMBER + r")(?:\s?(?:-|\u2013|to|or)\s?(?P<n2>" + _NUMBER + r"))?\s?"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|days?|h|m)\b(?P<half>\sand\s(?:a\s)?half)?"
    r"|(?P<halfhour>half\san\shour)|(?P<thehour>(?:the\s)?hour)\b))"
)
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "ninety": 90,
}  # fmt: skip
_FUZZY = {"a couple of": (2, 3), "couple of": (2, 3), "a few": (2, 5), "few": (2, 5),
          "several": (3, 8)}  # fmt: skip
_UNITS = {"m": 1.0, "h": 60.0, "d": 1440.0}
_CONNECTOR = re.compile(r"\s*(?:-|\u2013|\u2014|to|and|until|till)\s*")
#: Words before a number that make a delay "at most": "in the next 15 minutes".
_UP_TO = ("next", "coming", "under", "less", "up to", "most")
#: A text holds a time only if it holds a digit or one of these (in lower case).
_TIME_WORDS = ("noon", "midnight", "midday", "hour", "minute")
#: Every delay names its unit: one of these words, or a digit and "h" or "m".
_UNIT_WORDS = ("hour", "min", "hr", "day")
_DIGIT_UNIT = re.compile(r"\d\s?[hm]\b")


@dataclass(frozen=True, slots=True)
class Day:
    """A date written near a clock time: a full date, a month and day, a weekday (0 is
    Monday) or a day counted from the reference (0 today, 1 tomorrow)."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Clock:
    """A clock time as written: ``zone`` None when none is written with it."""

    start: int
    end: int
    hour: int
    minute: int
    zone: tzinfo | None
    day: Day | None = None


@dataclass(frozen=True, slots=True)
class Delay:
    """A delay counted from the update: at least ``low`` and at most ``high`` from it."""

    start: int
    end: int
    low: timedelta
    high: timedelta
    every: bool = False
    fuzzy: bool = False


Mention = Clock | Delay


#: The reader reads at most this many clock times, dates and delays of each kind in one
#: text: no update promises more, and a pasted log of a megabyte is not read time by time.
MOST = 100


def read_times(text: str, words: Iterable[str] | None = None) -> list[Mention]:
    """Every clock time (with the date written near it) and every delay, in order (the
    first ``MOST`` of each kind); ``words``, the text's lowered words, spare searches."""
    lowered = text.lower()
    digits = holds_digit(text)
    if not (digits or any(w in lowered for w in _TIME_WORDS)):
        return []
    clocks = _clocks(text, lowered)
    if clocks and may_name_a_day(lowered, words) and _DAY_HINT.search(lowered):
        clocks = attach_days(text, clocks, _days(text, clocks))
    delays = any(w in lowered for w in _UNIT_WORDS) or (digits and _DIGIT_UNIT.search(lowered))
    found: list[Mention] = [*clocks, *(_delays(text) if delays else ())]
    return sorted(found, key=lambda m: m.start)


def first_matches(matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The first ``MOST`` of ``matches``."""
    return itertools.islice(matches, MOST)


# -- clock times ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    hour: int
    minute: int
    ampm: str | None
    zone: tzinfo | None
    valid: bool
    day: Day | None = None


def _clocks(text: str, lowered: str) -> list[Clock]:
    found = first_matches(scan.clock_matches(CLOCK, text, lowered))
    raws = [raw for m in found if (raw := _raw(m)) is not None]
    for first, second in itertools.pairwise(raws):
        # "between 10 and 11 AM PT": the first time takes the second's AM/PM and zone.
        if second.valid and _CONNECTOR.fullmatch(text, first.end, second.start):
            if first.ampm is None and second.ampm is not None:
                first.ampm, first.valid = second.ampm, True
            if first.zone is None and second.zone is not None:
                first.zone, first.valid = second.zone, True
    clocks = []
    for raw in raws:
        hour = _with_ampm(raw.hour, raw.ampm)
        if raw.valid and hour is not None:
            clocks.append(Clock(raw.start, raw.end, hour, raw.minute, raw.zone, raw.day))
    return clocks


def _raw(m: re.Match[str]) -> _Raw | None:
    written_zone, iso, word, ampm, sep, hour = m.group("zone", "ih", "word", "ampm", "sep", "h")
    zone = zone_of(written_zone) if written_zone else None
    if written_zone and zone is None:
        return None
    if iso:
        day = Day(m.start(), m.start() + 10, int(m.group("iy")), int(m.group("imo")),
                  int(m.group("iday")))  # fmt: skip
        return _Raw(m.start(), m.end(), int(m.group("ih")), int(m.group("imi")), None,
                    zone, True, day)  # fmt: skip
    if word:
        return _Raw(m.start(), m.end(), 0 if word.lower() == "midnight" else 12, 0, None, zone,
                    True)  # fmt: skip
    half = ampm[0].lower() if ampm else None
    # "10:30" is a time; "10.30", "1030" and "10" are only with AM/PM or a zone after them.
    valid = sep == ":" or half is not None or zone is not None
    return _Raw(m.start(), m.end(), int(hour), int(m.group("m") or 0), half, zone, valid)


def _with_ampm(hour: int, ampm: str | None) -> int | None:
    if ampm is None:
        return hour
    if hour == 0 or hour > 12:
        return None  # "13 pm" or "0 am" is no time
    return (hour % 12) + (12 if ampm == "p" else 0)


# -- dates near a clock time --------------------------------------------------------------


def _days(text: str, clocks: list[Clock]) -> list[Day]:
    """The dates written within reach of a clock time (only there can they attach)."""
    matches: dict[int, re.Match[str]] = {}
    for clock in clocks:
        window = (max(0, clock.start - _ATTACH_GAP - 30), clock.end + _ATTACH_GAP + 30)
        for m in DATE.finditer(text, *window):
            matches.setdefault(m.start(), m)
    days = []
    for m in matches.values():
        if m.group("y"):
            days.append(Day(m.start(), m.end(), int(m.group("y")), int(m.group("mo")),
                            int(m.group("d"))))  # fmt: skip
        elif m.group("mon2") or m.group("mon3"):
            month = _month(m.group("mon2") or m.group("mon3"))
            day = int(m.group("d2") or m.group("d3"))
            year = m.group("y2") or m.group("y3")
            days.append(Day(m.start(), m.end(), int(year) if year else None, month, day))
        elif m.group("wd") or m.group("wda"):
            name = (m.group("wd") or m.group("wda")).lower()
            weekday = next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(name[:3]))
            days.append(Day(m.start(), m.end(), weekday=weekday))
        else:
            offset = 1 if m.group("rel").lower() == "tomorrow" else 0
            days.append(Day(m.start(), m.end(), offset=offset))
    return days


def _month(name: str) -> int:
    prefix = name[:3].lower()
    return 1 + [m[:3].lower() for m in _MONTHS.split("|")[:12]].index(prefix)


_ATTACH_GAP = 40
#: Every date DATE reads matches this (in lower case): most texts hold none.
_DAY_HINT = re.compile(
    r"\d{4}-\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat"
    r"|sun|today|tonight|tomorrow|this\s(?:morning|afternoon|evening))"
)
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|[\u3002\uff01\uff1f]|\n[ \t]*\n")


def attach_days(text: str, clocks: list[Clock], days: list[Day]) -> list[Clock]:
    """Each clock with the most exact date written within a few words of it in the same
    sentence (an ISO date-time already carries its own)."""
    if not days:
        return clocks
    attached = []
    for clock in clocks:
        if clock.day is not None:
            attached.append(clock)
            continue
        near = [d for d in days if _near(text, clock, d)]
        if near:
            best = max(near, key=_exactness)
            clock = Clock(clock.start, clock.end, clock.hour, clock.minute, clock.zone, best)
        attached.append(clock)
    return attached


def _near(text: str, clock: Clock, day: Day) -> bool:
    if day.end <= clock.start:
        gap = (day.end, clock.start)
    elif day.start >= clock.end:
        gap = (clock.end, day.start)
    else:
        return False
    if gap[1] - gap[0] > _ATTACH_GAP:
        return False
    return _SENTENCE_BREAK.search(text, *gap) is None


def _exactness(day: Day) -> int:
    if day.month is not None:
        return 3 if day.year is not None else 2
    return 1 if day.weekday is not None else 0


# -- delays --------------------------------------------------------------------------------


def _delays(text: str) -> list[Delay]:
    delays = []
    for m in first_matches(DELAY.finditer(text)):
        prep, mods = m.group("prep").lower(), m.group("mods").lower()
        fuzzy = False
        if prep == "over" and not ("next" in mods or "coming" in mods):
            continue  # "over 2 hours" is a length of time, not a promise
        if m.group("halfhour"):
            low = high = 30.0
        elif m.group("thehour"):
            # "within the hour", "in the next hour": by an hour from now; "every hour"
            low = 60.0 if prep == "every" else 0.0
            high = 60.0
        else:
            unit = _UNITS[m.group("unit").lower()[0]]
            first, fuzzy = _amount(m.group("n1"))
            second = _amount(m.group("n2"))[0] if m.group("n2") else first
            low, high = first[0] * unit, second[1] * unit
            if m.group("half"):
                low, high = low + 30, high + 30
        if prep == "within" or any(w in mods for w in _UP_TO):
            low = 0.0
        delays.append(Delay(m.start(), m.end(), timedelta(minutes=low), timedelta(minutes=high),
                            every=prep == "every", fuzzy=fuzzy))  # fmt: skip
    return delays


def _amount(written: str) -> tuple[tuple[float, float], bool]:
    """(least, most) of a written number, and whether it is fuzzy ("a few")."""
    words = " ".join(written.lower().split()).replace("-", " ")
    if words in _FUZZY:
        return _FUZZY[words], True
    if words == "forty five":
        return (45, 45), False
    if words in _WORDS:
        return (_WORDS[words], _WORDS[words]), False
    value = float(words)
    return (value, value), False
