"""The promises an open update makes: when the next update comes (``language/next-update``)
and when the problem will be fixed (``language/eta``). English text only.

Both read the text's times with ``timeread`` and judge them as instants, not digits:
"2:30 PM ET" on an update whose ``next_update`` is 19:30 UTC in November agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from statuspress.rules.language.rule import Hit
from statuspress.rules.language.text import Text
from statuspress.rules.language.timeread import Delay, Mention, clock_instants

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
_HINT = re.compile(
    r"updat|information|news|details|hear|back|follow|confirm|report|keep", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What the text promises about the next update: a time that agrees, one that does
    not (with its instant), or none."""

    agrees: bool
    wrong: tuple[Mention, datetime | None] | None
    mention: tuple[int, int] | None  # the first next-update phrase, if any


def _verdict(text: Text) -> _Verdict | None:
    cached = text.memo.get("next-update")
    if cached is None and "next-update" not in text.memo:
        cached = text.memo["next-update"] = _judge(text)
    return cached  # type: ignore[return-value]


def _judge(text: Text) -> _Verdict | None:
    context = text.context
    wanted = context.next_update
    if not (text.is_open_update and text.english) or wanted is None:
        return None
    phrases = [m.span() for m in NEXT_UPDATE.finditer(text.raw)] if _HINT.search(text.raw) else []
    sentences = {text.sentence_around(start) for start, _ in phrases}
    wrong: tuple[Mention, datetime | None] | None = None
    for mention in text.times:
        if not any(s <= mention.start < e for s, e in sentences):
            continue
        if isinstance(mention, Delay) and mention.fuzzy:
            continue
        agrees, instant = _agrees(text, mention, wanted)
        if agrees:
            return _Verdict(True, None, phrases[0] if phrases else None)
        if wrong is None:
            wrong = (mention, instant)
    return _Verdict(False, wrong, phrases[0] if phrases else None)


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


def _stamp(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def next_update_missing(text: Text) -> Iterator[Hit]:
    verdict = _verdict(text)
    if verdict is None or verdict.agrees or verdict.wrong is not None:
        return
    when = _stamp(text.context.next_update) if text.context.next_update else ""
    if verdict.mention is None:
        yield Hit(len(text.raw.rstrip()), ("", when))
        return
    start, end = verdict.mention
    sentence_end = text.sentence_around(start)[1]
    vague = WHEN_WORDS.search(text.raw, end, sentence_end)
    words = text.raw[start : vague.end() if vague else end]
    yield Hit(start, (f"'{words}' does not say when; ", when))


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
    trigger before it (or else after it) is a fix word or "ETA", not a next-update phrase;
    the sentence looks ahead ("will", "expect", "targeting") and nothing past tense
    ("was deployed at", "since") stands between the trigger and the time."""
    context = text.context
    if not (text.is_open_update and text.english) or context.maintenance or context.eta_approved:
        return
    raw = text.raw
    if not (FIX_WORD.search(raw) or ETA_WORD.search(raw)):
        return
    days = [m.span() for m in DAY_PROMISE.finditer(raw)]
    if ETA_WORD.search(raw):
        days += [m.span() for m in DURATION.finditer(raw)]
    spans = sorted({(m.start, m.end) for m in text.times if not _every(m)} | set(days))
    for s, e in text.sentences:
        inside = [span for span in spans if s <= span[0] < e]
        if not inside or NO_ETA.search(raw, s, e) or not FUTURE.search(raw, s, e):
            continue
        fixes = [m.span() for m in FIX_WORD.finditer(raw, s, e)]
        fixes += [m.span() for m in ETA_WORD.finditer(raw, s, e)]
        if not fixes:
            continue
        updates = [m.span() for m in NEXT_UPDATE.finditer(raw, s, e)]
        for start, end in inside:
            hit = _promise(text, fixes, updates, start, end)
            if hit is not None:
                yield hit
                break


def _every(mention: Mention) -> bool:
    return isinstance(mention, Delay) and mention.every


def _promise(
    text: Text, fixes: list[tuple[int, int]], updates: list[tuple[int, int]], start: int, end: int
) -> Hit | None:
    before = [t for t in (*fixes, *updates) if t[1] <= start]
    if before:
        owner = max(before, key=lambda t: t[1])
        gap = (owner[1], start)
    else:
        after = [t for t in fixes if t[0] >= end]
        if not after:
            return None
        owner = min(after)
        gap = (end, owner[0])
    if owner in updates or PAST.search(text.raw, *gap):
        return None
    words = text.raw[min(owner[0], start) : max(owner[1], end)]
    return Hit(min(owner[0], start), (words if len(words) <= 80 else words[:77] + "...",))
