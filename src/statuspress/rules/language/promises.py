"""The promises an open update makes: when the next update comes (``language/next-update``)
and when the problem will be fixed (``language/eta``), in English and in every language
with a phrasebook (``phrasebook/``: German, French, Spanish, Japanese).

Both read the text's times in its language (``timeread`` for English, ``localread`` with
the phrasebook for the others) and judge them as instants, not digits, with one
comparison: "2:30 PM ET" on an update whose ``next_update`` is 19:30 UTC in November
agrees, and so do "20:30 Uhr MEZ", "à 20 h 30 (heure de Paris)" and "日本時間4時30分".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from statuspress.rules.language.instants import clock_instants
from statuspress.rules.language.phrasebook import Promises
from statuspress.rules.language.rule import Hit
from statuspress.rules.language.text import Text
from statuspress.rules.language.timeread import Clock, Delay, Mention

#: Every FIX_WORD and ETA_WORD match holds one of these (in lower case).
_FIX_HINTS = ("fix", "resol", "restor", "recover", "back", "again", "normal", "running",
              "full", "mitigat", "clear", "caught", "catch", "complet", "sent", "deliver",
              "process", "eta", "estimated")  # fmt: skip
#: The words DAY_PROMISE and ETA_WORD need (looked up in a text's set of words first).
_DAY_WORDS = frozenset((
    "day", "week", "eod", "tomorrow", "tonight", "today", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
))  # fmt: skip
_ETA_WORDS = frozenset(("eta", "estimated"))
#: The most day words and lengths of time read in one text (as ``timeread.MOST``).
_MOST = 100
#: How far a written clock time may lie from ``next_update`` and still agree with it.
CLOCK_TOLERANCE = timedelta(minutes=5)

NEXT_UPDATE = re.compile(
    r"\b(?:next\s(?:status\s)?(?:update|report)s?"
    r"|(?:another|further|more|additional|regular|new)\s(?:status\s)?updates?"
    r"|update\s(?:this\s(?:page|incident|post)|you|again|the\sstatus\spage|our\sstatus\spage)"
    r"|(?:post|provide|share|publish|send|give|issue|have)\s(?:you\s)?(?:an?\s|another\s|more\s"
    r"|further\s|the\snext\s|additional\s|an\sadditional\s)?(?:status\s)?"
    r"(?:update|information|news|details)"
    r"|be\sback\s(?:with|once|when|in|by|at|as)|updates?\s(?:every|at|by|in|within|around)"
    r"|hear\sfrom\sus|check\s(?:back|in\sagain)|report\sback|follow\sup"
    r"|(?:will|we'll|we\swill|shall)\s(?:update|confirm|report)|keep\syou\s(?:updated|posted|informed))\b",
    re.IGNORECASE,
)
#: Words that put off saying when ("as soon as possible", "shortly"): named in the finding.
WHEN_WORDS = re.compile(
    r"\b(?:as\ssoon\sas\s(?:possible|we\s\w+)|shortly|soon|as\s(?:\w+\s){0,2}becomes?\savailable"
    r"|(?:once|when)\swe\s(?:have|know|learn)|as\s(?:needed|necessary|appropriate)"
    r"|periodically|regularly|in\sdue\scourse|as\swe\s(?:make|have|learn)\s\w+)",
    re.IGNORECASE,
)
FIX_WORD = re.compile(
    r"\b(?:fix(?:ed|es)?|resolv(?:e|ed)|resolution|restor(?:e|ed|ation)|recover(?:ed|y|s)?"
    r"|back\s(?:online|up|to\snormal)|(?:working|available|operational|functional)\s(?:again|normally)"
    r"|up\sand\srunning|normal\s(?:service|operations?)|full\s(?:service|functionality)"
    r"|mitigat(?:e|ed|ion)|clear(?:ed)?|caught\sup|catch\sup|be\sback|completed?"
    r"|be\s(?:sent|delivered|processed))\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|should|expect\w*|estimat\w*|anticipat\w*|target\w*|aim\w*|hope\w*|plan\w*"
    r"|on\strack|projected|likely|ETA)\b|'ll\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:was|were|has|have|had|did|deployed|rolled|began|started|occurred|since|as\sof"
    r"|between|from|ago)\b",
    re.IGNORECASE,
)
NO_ETA = re.compile(
    r"\b(?:no|not\s(?:yet\s)?(?:have|able\sto\s\w+)|n't\s(?:yet\s)?\w+|without|cannot\s(?:yet\s)?\w+)"
    r"\s(?:an?\s|any\s)?(?:firm\s|exact\s|precise\s|reliable\s)?"
    r"(?:eta|estimate[ds]?|timeline|time\s?frame|estimated\s(?:time|resolution))\b",
    re.IGNORECASE,
)
ETA_WORD = re.compile(
    r"\bETA\b|\bestimated\s(?:time\s(?:of|to)\s)?(?:resolution|recovery|completion)\b",
    re.IGNORECASE,
)
DAY_PROMISE = re.compile(
    r"\b(?:(?:by|before|until)\s(?:the\s)?(?:end\sof\s(?:the\s)?(?:day|week|business\sday)|eod"
    r"|tomorrow|tonight|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|later\stoday)\b",
    re.IGNORECASE,
)
#: A length of time after "ETA": "ETA for the fix: 45 minutes".
DURATION = re.compile(
    r"\b\d{1,3}(?:\s?-\s?\d{1,3})?\s?(?:minutes?|mins?|hours?|hrs?)\b", re.IGNORECASE
)
#: Every NEXT_UPDATE match holds one of these (in lower case).
_HINTS = ("updat", "information", "news", "details", "hear", "back", "follow", "confirm",
          "report", "keep")  # fmt: skip

#: The English phrases (the other languages' are in their phrasebooks).
ENGLISH = Promises(
    next_update=NEXT_UPDATE,
    when_words=WHEN_WORDS,
    fix_word=FIX_WORD,
    eta_word=ETA_WORD,
    future=FUTURE,
    past=PAST,
    no_eta=NO_ETA,
    day_promise=DAY_PROMISE,
    duration=DURATION,
    hints=_HINTS,
    fix_hints=_FIX_HINTS,
    day_words=_DAY_WORDS,
    eta_words=_ETA_WORDS,
)


def promise_words(text: Text) -> Promises | None:
    """The phrases an open update's promises are read with, in its language; None when it
    is no open update or its language has no phrasebook."""
    if not text.is_open_update:
        return None
    if text.english:
        return ENGLISH
    book = text.phrasebook
    return book.promises if book is not None else None


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What the text promises about the next update: a time that agrees, one that does
    not (with its instant), or none."""

    agrees: bool
    wrong: tuple[Mention, datetime | None] | None
    mention: tuple[int, int] | None  # the first next-update phrase, when none has a time


def _verdict(text: Text) -> _Verdict | None:
    cached = text.memo.get("next-update")
    if cached is None and "next-update" not in text.memo:
        cached = text.memo["next-update"] = _judge(text)
    return cached  # type: ignore[return-value]


def _judge(text: Text) -> _Verdict | None:
    wanted = text.context.next_update
    words = promise_words(text)
    if words is None or wanted is None:
        return None
    if words.hints and not any(h in text.lowered for h in words.hints):
        return _Verdict(False, None, None)
    # Only a time in a sentence that promises an update counts: each sentence with a time
    # is searched for such a promise once (most updates hold one or two times).
    promises: dict[tuple[int, int], bool] = {}
    wrong: tuple[Mention, datetime | None] | None = None
    for mention in text.times:
        if isinstance(mention, Delay) and mention.fuzzy:
            continue
        sentence = text.sentence_around(mention.start)
        if sentence not in promises:
            promises[sentence] = words.next_update.search(text.raw, *sentence) is not None
        if not promises[sentence]:
            continue
        agrees, instant = _agrees(text, mention, wanted)
        if agrees:
            return _Verdict(True, None, None)
        if wrong is None:
            wrong = (mention, instant)
    if wrong is not None:
        return _Verdict(False, wrong, None)
    first = words.next_update.search(text.raw)
    return _Verdict(False, None, first.span() if first else None)


def time_stated(text: Text, wanted: datetime) -> Mention | None:
    """The first time ``text`` writes (read in its language) that means ``wanted``, in any
    sentence: how a translation is held to the next-update time its original states."""
    for mention in text.times:
        unknown = isinstance(mention, Delay) and (mention.fuzzy or text.context.at is None)
        if not unknown and _agrees(text, mention, wanted)[0]:
            return mention
    return None


def clock_meanings(text: Text) -> list[frozenset[datetime]]:
    """The instants each clock time ``text`` writes can mean (in its written zone, else in
    the site's zone or UTC), on the day nearest when the text was posted."""
    at = text.context.at or text.context.next_update
    if at is None:
        return []
    zones = _default_zones(text.settings.timezone)
    return [frozenset(clock_instants(m, at, zones, at)) for m in text.times if isinstance(m, Clock)]


def _agrees(text: Text, mention: Mention, wanted: datetime) -> tuple[bool, datetime | None]:
    """Whether ``mention`` agrees with ``wanted``, and the instant it says if not."""
    at = text.context.at
    if isinstance(mention, Delay):
        if at is None:
            return True, None  # a delay from an unknown time cannot be checked
        tolerance = max(CLOCK_TOLERANCE, mention.high / 10)
        low, high = at + mention.low - tolerance, at + mention.high + tolerance
        return low <= wanted <= high, at + mention.high
    instants = clock_instants(mention, wanted, _default_zones(text.settings.timezone), at)
    best = min(instants, key=lambda t: abs(t - wanted))
    return abs(best - wanted) <= CLOCK_TOLERANCE, best


@lru_cache(maxsize=16)
def _default_zones(name: str) -> tuple[tzinfo, ...]:
    """A clock time written without a zone is read in the site's zone, or in UTC (which
    every page also shows)."""
    if name.upper() == "UTC":
        return (timezone.utc,)
    return (ZoneInfo(name), timezone.utc)


def _stamp(value: datetime, on: datetime | None = None, english: bool = True) -> str:
    """``10:30 UTC``, with its date when it is not the UTC day of ``on`` (or always): "on
    2026-11-17" after it in English, "2026-11-17" before it in an example for another
    language."""
    utc = value.astimezone(timezone.utc)
    if on is not None and on.astimezone(timezone.utc).date() == utc.date():
        return utc.strftime("%H:%M UTC")
    return utc.strftime("%H:%M UTC on %Y-%m-%d" if english else "%Y-%m-%d %H:%M UTC")


def next_update_missing(text: Text) -> Iterator[Hit]:
    verdict = _verdict(text)
    words = promise_words(text)
    if verdict is None or verdict.agrees or verdict.wrong is not None or words is None:
        return
    context = text.context
    assert context.next_update is not None
    when = _stamp(context.next_update, context.at or context.next_update, words is ENGLISH)
    example = words.example.format(when)
    if verdict.mention is None:
        yield Hit(len(text.raw.rstrip()), ("", example))
        return
    start, end = verdict.mention
    sentence_end = text.sentence_around(start)[1]
    vague = words.when_words.search(text.raw, end, sentence_end)
    said = text.raw[start : vague.end() if vague else end]
    yield Hit(start, (f"'{said}' does not say when; ", example))


def next_update_disagrees(text: Text) -> Iterator[Hit]:
    verdict = _verdict(text)
    if verdict is None or verdict.wrong is None or verdict.agrees:
        return
    mention, instant = verdict.wrong
    at, wanted = text.context.at, text.context.next_update
    assert wanted is not None
    words = text.raw[mention.start : mention.end]
    said = _stamp(instant) if instant else words
    if instant is not None and at is not None and instant < at - CLOCK_TOLERANCE:
        yield Hit(mention.start, (words, said, f"before this update was posted ({_stamp(at)})"))
    else:
        yield Hit(mention.start, (words, said, f"but next_update says {_stamp(wanted)}"))


def fix_times(text: Text) -> Iterator[Hit]:
    """A time (clock, delay or day) that a sentence promises for the fix: the nearest
    trigger before it (or else after it, within ``_REACH`` characters) is a fix word or
    "ETA" (in the text's language), not a next-update phrase; the sentence looks ahead ("will", "expect",
    "targeting") and nothing past tense ("was deployed at", "since") stands between the
    trigger and the time."""
    context = text.context
    words = promise_words(text)
    if words is None or context.maintenance or context.eta_approved:
        return
    raw = text.raw
    hints = words.fix_hints
    if hints and not any(h in text.lowered for h in hints):
        return
    spans = {(m.start, m.end) for m in text.times if not _every(m)}
    if words.day_words is None or not text.words.isdisjoint(words.day_words):
        spans |= {m.span() for m in itertools.islice(words.day_promise.finditer(raw), _MOST)}
    if words.eta_words is None or not text.words.isdisjoint(words.eta_words):
        spans |= {m.span() for m in itertools.islice(words.duration.finditer(raw), _MOST)}
    if not spans:
        return
    done: set[tuple[int, int]] = set()
    for start, end in sorted(spans):
        sentence = text.sentence_around(start)
        if sentence in done:
            continue
        # The promise is read in its sentence, but no further than _AROUND characters from
        # the time: a sentence a megabyte long is not searched again for each time in it.
        lo, hi = max(sentence[0], start - _AROUND), min(sentence[1], end + _AROUND)
        if hints and not any(h in text.lowered[lo:hi] for h in hints):
            continue
        fixes = [m.span() for m in words.fix_word.finditer(raw, lo, hi)]
        fixes += [m.span() for m in words.eta_word.finditer(raw, lo, hi)]
        if not fixes or words.no_eta.search(raw, lo, hi) or not words.future.search(raw, lo, hi):
            continue
        updates = sorted(m.span() for m in words.next_update.finditer(raw, lo, hi))
        hit = _promise(text, words, _Triggers(sorted(fixes), updates), start, end)
        if hit is not None:
            done.add(sentence)
            yield hit


def _every(mention: Mention) -> bool:
    return isinstance(mention, Delay) and mention.every


#: How far a promised time may stand from the fix word it belongs to.
_REACH = 120
#: How far around a time its sentence is read for a promise.
_AROUND = 2 * _REACH


class _Triggers:
    """The fix words and next-update phrases of one sentence, found by position."""

    def __init__(self, fixes: list[tuple[int, int]], updates: list[tuple[int, int]]) -> None:
        self.fixes, self.updates = fixes, frozenset(updates)
        self.by_end = sorted([*fixes, *updates], key=lambda t: t[1])
        self.ends = [t[1] for t in self.by_end]
        self.fix_starts = [t[0] for t in fixes]

    def before(self, start: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.ends, start)
        return self.by_end[i - 1] if i and self.ends[i - 1] >= start - _REACH else None

    def after(self, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.fix_starts, end)
        ok = i < len(self.fixes) and self.fix_starts[i] <= end + _REACH
        return self.fixes[i] if ok else None


def _promise(text: Text, words: Promises, triggers: _Triggers, start: int, end: int) -> Hit | None:
    owner = triggers.before(start)
    if owner is not None:
        gap = (owner[1], start)
    else:
        owner = triggers.after(end)
        if owner is None:
            return None
        gap = (end, owner[0])
    if owner in triggers.updates or words.past.search(text.raw, *gap):
        return None
    said = text.raw[min(owner[0], start) : max(owner[1], end)]
    return Hit(min(owner[0], start), (said if len(said) <= 80 else said[:77] + "...",))
