"""Warnings: words that need a second look (jargon, "fixed" before the end, a promised fix
time, no next-update time, vague filler). The wording rules apply to English text only.

Each rule is one ``Rule`` in ``RULES`` below, with its finder just above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import lru_cache

from statuspress.diagnostics import Level
from statuspress.rules.language import patterns as p
from statuspress.rules.language.rule import Hit, Rule
from statuspress.rules.language.text import Text
from statuspress.timefmt import zone


@lru_cache(maxsize=32)
def _jargon_terms(extra: tuple[str, ...], allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset({t.lower() for t in (*p.JARGON_TERMS, *extra)} - {a.lower() for a in allowed})


@lru_cache(maxsize=32)
def _jargon_pattern(extra: tuple[str, ...], allowed: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = _jargon_terms(extra, allowed)
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=32)
def _jargon_prefilter(
    extra: tuple[str, ...], allowed: tuple[str, ...]
) -> tuple[frozenset[str], tuple[str, ...]]:
    """(single-word terms, multi-word terms): a text can only match if it holds one."""
    terms = _jargon_terms(extra, allowed)
    single = frozenset(t for t in terms if p.TOKEN.fullmatch(t))
    return single, tuple(t for t in terms if t not in single)


def jargon_terms(text: Text) -> Iterator[Hit]:
    extra, allowed = text.settings.jargon, text.settings.allowed_words
    pattern = _jargon_pattern(extra, allowed)
    single, multi = _jargon_prefilter(extra, allowed)
    if pattern and (text.words & single or any(t in text.lowered for t in multi)):
        yield from (Hit(m.start(), (m.group(0),)) for m in pattern.finditer(text.raw))


_STATUS_WORDS = frozenset({"error", "errors", "response", "responses", "status"})


def http_statuses(text: Text) -> Iterator[Hit]:
    if "http" in text.lowered or text.words & _STATUS_WORDS:
        for m in p.HTTP_STATUS.finditer(text.raw):
            if m.group(0).lower() not in text.settings.allowed_words:
                yield Hit(m.start(), (m.group(0),))


def deploy_ids(text: Text) -> Iterator[Hit]:
    if p.HEX_WORD.search(text.lowered):
        yield from (Hit(m.start(), (m.group(0),)) for m in p.DEPLOY_HASH.finditer(text.raw))


def ticket_ids(text: Text) -> Iterator[Hit]:
    if "-" in text.raw:
        for m in p.TICKET.finditer(text.raw):
            if m.group(0).lower() not in text.settings.allowed_words:
                yield Hit(m.start(), (m.group(0),))


def fixed_too_early(text: Text) -> Iterator[Hit]:
    if text.is_open_update and text.english:
        for m in p.FIXED.finditer(text.raw):
            before = text.raw[max(0, m.start() - 40) : m.start()]
            # Most "fixed" words have none of the qualifying words before them at all.
            if not (p.NOT_YET_HINT.search(before) and p.NOT_YET.search(before)):
                yield Hit(m.start(), (m.group(0),))


def fix_times(text: Text) -> Iterator[Hit]:
    context = text.context
    if not (text.is_open_update and text.english) or context.maintenance or context.eta_approved:
        return
    # An "update" inside the promise may be a next-update time rather than a fix time; each
    # sentence is searched for a next-update mention once however many promises it holds.
    mentions: dict[tuple[int, int], bool] = {}
    for m in p.ETA.finditer(text.raw):
        if "update" in m.group(0).lower():
            start, end = text.sentence_around(m.start())
            if (start, end) not in mentions:
                mentions[start, end] = bool(p.NEXT_UPDATE.search(text.raw, start, end))
            if mentions[start, end]:
                continue
        yield Hit(m.start())


def _times_of(value: datetime, zone_name: str) -> set[tuple[int, int]]:
    utc = value.astimezone(timezone.utc)
    local = value.astimezone(zone(zone_name))
    return {(utc.hour, utc.minute), (local.hour, local.minute)}


def _next_update_wanted(text: Text) -> set[tuple[int, int]] | None:
    """The (hour, minute) times the next update is due, if the text must say when."""
    context = text.context
    if not text.is_open_update or context.next_update is None:
        return None
    return _times_of(context.next_update, text.settings.timezone)


def next_update_missing(text: Text) -> Iterator[Hit]:
    wanted = _next_update_wanted(text)
    if wanted is None or any(clock in wanted for clock in text.clocks) or not text.english:
        return  # a promised time in the text counts, in whatever language
    if p.NEXT_UPDATE.search(text.raw) is None:
        yield Hit(len(text.raw.rstrip()))


def next_update_disagrees(text: Text) -> Iterator[Hit]:
    wanted = _next_update_wanted(text)
    if wanted is None or not text.english:
        return
    clocks = text.clocks
    mention = p.NEXT_UPDATE.search(text.raw)
    if mention is None or any(clock in wanted for clock in clocks):
        return
    start, end = text.sentence_around(mention.start())
    sentence = text.raw[start:end]
    hours = {h for h, _ in clocks}
    said = {h for h in hours if f"{h}" in sentence}  # each hour looked for once
    stated = [(h, mi) for h, mi in clocks if h in said]
    if stated:
        when = sorted(wanted)[0]
        yield Hit(
            mention.start(),
            (f"{stated[0][0]:02d}:{stated[0][1]:02d}", f"{when[0]:02d}:{when[1]:02d}"),
        )


def vague_words(text: Text) -> Iterator[Hit]:
    if not (text.context.is_update_body and text.english):
        return
    matches = p.VAGUE.finditer(text.raw)
    first = next(matches, None)
    # Whether the text names any impact is the same question for every vague phrase.
    if first is not None and not p.IMPACT.search(text.raw):
        yield from (Hit(m.start()) for m in (first, *matches))


RULES: tuple[Rule, ...] = (
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' is engineering jargon; say what customers see (slow pages, failed payments)",
        jargon_terms,
    ),
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' is an HTTP status code; say 'some requests fail' instead",
        http_statuses,
    ),
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' looks like a deploy or commit id; customers cannot use it",
        deploy_ids,
    ),
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' looks like an internal ticket id; remove it",
        ticket_ids,
    ),
    Rule(
        "language/fixed-wording",
        Level.WARNING,
        "'{0}' in an update that is not final; say what has changed, and keep 'resolved' for the final update",
        fixed_too_early,
    ),
    Rule(
        "language/eta",
        Level.WARNING,
        "this promises when the problem will be fixed; a missed promise costs trust. Remove it, or add 'eta_approved_by: <name>' if it was approved",
        fix_times,
    ),
    Rule(
        "language/next-update",
        Level.WARNING,
        "say when the next update comes, such as 'We will post the next update by 10:45 UTC.'",
        next_update_missing,
    ),
    Rule(
        "language/next-update",
        Level.WARNING,
        "the text promises the next update at {0}, but next_update says {1}; make them agree",
        next_update_disagrees,
    ),
    Rule(
        "language/vague",
        Level.WARNING,
        "say what customers see and who is affected, not only that something is happening",
        vague_words,
    ),
)
