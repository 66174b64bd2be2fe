"""Linear-time matching: the ways the language rules find text without reading any stretch
of it again and again.

A regular expression that scans forward from every start position is quadratic on text
where the scan goes far and fails (a long ``a.a.a.a`` with no internal suffix at the end).
The helpers here keep exactly the matches ``finditer`` of the original expression would
give, but step over the stretches where no match can start.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from statuspress.rules.language import patterns as p

Span = tuple[int, int]
#: The leftmost match of one alternative at or after an offset.
Finder = Callable[[str, int], Span | None]


def real_matches(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that are not ``passed`` step-overs."""
    found = pattern.finditer(text, pos) if endpos is None else pattern.finditer(text, pos, endpos)
    return (m for m in found if m.group("passed") is None)


def first_real(pattern: re.Pattern[str]) -> Finder:
    """A finder over a pattern whose ``passed`` group marks step-overs."""

    def find(text: str, pos: int) -> Span | None:
        return next((m.span() for m in real_matches(pattern, text, pos)), None)

    return find


def first_match(pattern: re.Pattern[str]) -> Finder:
    """A finder over a plain pattern."""

    def find(text: str, pos: int) -> Span | None:
        m = pattern.search(text, pos)
        return m.span() if m else None

    return find


def leftmost_spans(text: str, finders: Sequence[Finder]) -> Iterator[Span]:
    """What ``finditer`` of one alternation of the finders' patterns gives: at the leftmost
    offset where any matches, the first finder's match there; then on after its end."""
    pos = 0
    next_spans = [find(text, 0) for find in finders]
    while True:
        best: Span | None = None
        for i, find in enumerate(finders):
            span = next_spans[i]
            if span is not None and span[0] < pos:
                span = next_spans[i] = find(text, pos)
            if span is not None and (best is None or span[0] < best[0]):
                best = span
        if best is None:
            return
        yield best
        pos = best[1]


# -- hostnames -----------------------------------------------------------------------------


def internal_hosts(text: str) -> Iterator[Span]:
    """Every match of the internal-host pattern (``localhost``, ``*.internal`` and the
    like, ``*.corp.*``), as ``finditer`` of it over the whole text would give them."""
    for stretch in p.HOST_STRETCH.finditer(text):
        yield from _in_stretch(p.INTERNAL_HOST, p.LOCALHOST, text, *stretch.span())


def _in_stretch(
    pattern: re.Pattern[str], after_miss: re.Pattern[str], text: str, pos: int, end: int
) -> Iterator[Span]:
    """The matches of ``pattern`` inside one hostname stretch; after its first miss only
    ``after_miss`` can still match, so the rest of the stretch is searched with that."""
    while pos < end:
        # end + 1: the character after the stretch decides the closing \b
        m = pattern.search(text, pos, end + 1)
        if m is None or m.start() >= end:
            return
        if m.group("passed") is not None:
            yield from (found.span() for found in after_miss.finditer(text, m.end(), end + 1))
            return
        yield m.span()
        pos = m.end()


def internal_domain_hosts(text: str, domains: tuple[str, ...]) -> Iterator[Span]:
    """Every hostname in one of the site's ``internal_domains`` (or a subdomain of one)."""
    patterns = _domain_patterns(domains)
    if patterns is None:
        return
    whole, stepping, direct = patterns
    if stepping is None:
        yield from (m.span() for m in whole.finditer(text))
        return
    for stretch in p.HOST_STRETCH.finditer(text):
        yield from _in_stretch(stepping, direct, text, *stretch.span())


_PLAIN_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")


@lru_cache(maxsize=32)
def _domain_patterns(
    domains: tuple[str, ...],
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]] | None:
    """(the whole pattern, its stepping form, its form without subdomains); the stepping
    form only when every domain is a plain hostname, for only then does every match lie
    inside one hostname stretch."""
    if not domains:
        return None
    names = [d.lower().lstrip(".") for d in domains]
    alternatives = "|".join(re.escape(name) for name in names)
    whole = re.compile(rf"\b(?:[a-z0-9-]+\.)*(?:{alternatives})\b", re.IGNORECASE)
    direct = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    if not all(_PLAIN_DOMAIN.fullmatch(name) for name in names):
        return whole, None, direct
    # After a miss at some start, a later start in the stretch could only match with no
    # subdomain in front: every domain further right was already out of reach.
    stepping = re.compile(
        rf"\b(?:(?:[a-z0-9-]+\.)*(?:{alternatives})\b|(?P<passed>[a-z0-9-]))", re.IGNORECASE
    )
    return whole, stepping, direct


# -- secrets and connection strings --------------------------------------------------------


def _user_and_password(text: str, pos: int) -> Span | None:
    """The leftmost ``scheme://user:password@`` at or after ``pos``: the first word start
    in a run of scheme characters right before ``://``, and a user and password after it."""
    rest = p.SCHEME_RUN_REST.match(text, pos)  # pos may fall inside a run
    runs = p.SCHEME_RUN.finditer(text, rest.end() if rest else pos)
    for run in itertools.chain((rest,) if rest else (), runs):
        start = p.SCHEME_START.search(text, run.start(), run.end())
        credentials = p.USER_AND_PASSWORD.match(text, run.end())
        if start is not None and credentials is not None:
            return start.start(), credentials.end()
    return None


def secrets(text: str) -> Iterator[Span]:
    """Every secret, token or credential, leftmost first, none overlapping."""
    return leftmost_spans(
        text,
        (
            first_match(p.SECRET_BEFORE_URL),
            _user_and_password,
            first_real(p.JSON_WEB_TOKEN),
            first_match(p.SECRET_AFTER_URL),
        ),
    )


def _connection_urls() -> Finder:
    """A finder of database URLs that reads each run of non-space text once, however
    often a URL inside it is found and then passed over for an earlier match."""
    run_end = -1

    def find(text: str, pos: int) -> Span | None:
        nonlocal run_end
        m = p.CONNECTION_URL.search(text, pos)
        if m is None:
            return None
        if m.end() >= run_end:
            run = p.NON_SPACE_RUN.match(text, m.end())
            assert run is not None  # the pattern looked ahead for a non-space
            run_end = run.end()
        return m.start(), run_end

    return find


def connection_strings(text: str) -> Iterator[Span]:
    """Every database URL or ``Server=...;Database=`` setting, leftmost first."""
    return leftmost_spans(text, (_connection_urls(), first_real(p.CONNECTION_SETTINGS)))


# -- clock times ---------------------------------------------------------------------------

#: Every digit as "0", every other byte as a space.
_DIGITS_AS_ZERO = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
#: What the clock pattern's look-behind refuses right before a time, in ASCII text.
_NOT_BEFORE_CLOCK = frozenset(string.ascii_letters + string.digits + "_:.,/")
_CLOCK_WORDS = ("noon", "midnight", "midday")
#: Longer texts are searched as they are: there a step per run of digits costs more than
#: it spares.
_SHORT = 5_000


def clock_matches(clock: re.Pattern[str], text: str, lowered: str) -> Iterator[re.Match[str]]:
    """What ``clock.finditer(text)`` gives, for the time reader's clock pattern (passed in,
    as ``timeread`` imports this module), ``lowered`` being ``text.lower()``.

    The pattern starts only at a digit with no word character or ``:.,/`` before it, or at
    "noon", "midnight" or "midday". In a short ASCII text without those words it is tried
    at those digits alone (the runs of digits found by ``bytes.find``), instead of at
    every character."""
    if len(text) > _SHORT or not text.isascii() or any(w in lowered for w in _CLOCK_WORDS):
        yield from clock.finditer(text)
        return
    marks = text.encode("ascii").translate(_DIGITS_AS_ZERO)
    end, at = 0, marks.find(b"0")
    while at >= 0:
        if at >= end and not (at and text[at - 1] in _NOT_BEFORE_CLOCK):
            m = clock.match(text, at)
            if m is not None:
                yield m
                end = m.end()
        # the rest of this run has a digit before each of its places: no time starts there
        after = marks.find(b" ", at)
        at = -1 if after < 0 else marks.find(b"0", after)
