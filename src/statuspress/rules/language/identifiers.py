"""``language/identifier``: names from inside our systems, recognised by their shape:
``snake_case`` settings, ``--flags``, ``NAME=value``, dotted keys (``checkout.v3.enabled``),
camelCase names, hosts numbered like ``worker-3`` or ``search-07``, service names like
``auth-svc``, ticket ids (``OPS-4411``) and commit ids.

Each word is judged whole (a shape never matches inside a longer word), so a region name
such as ``eu-west-2`` holds no ticket id and ``GPT-5`` is a product version, not a ticket.
The site's own vocabulary (component names and descriptions) and ``allowed_words`` are
never flagged; a developer product (``language_audience: developers``) may name the
fields, flags and methods of its own API.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from statuspress.rules.language import patterns as p
from statuspress.rules.language import scan
from statuspress.rules.language.jargon import is_developer_site
from statuspress.rules.language.rule import Hit
from statuspress.rules.language.text import Text

#: A word: a run of characters that are not spaces or brackets. Judged after its trailing
#: punctuation is taken off; a word longer than ``_LONGEST`` is no name anyone reads.
_WORD = re.compile(r"[^\s()\[\]{}<>\"'`,;!?]+")
_TRAILING = ".:"
_LONGEST = 80

SETTING = "an internal setting", "say what changed for customers, such as 'a configuration change'"
NAME = "an internal name", "name the feature customers know, such as 'the search service'"
HOST = "one of our server names", "say 'one of our servers', or name the affected feature"
SERVICE = "an internal service name", "name the feature customers use, such as 'sign-in'"
TICKET = "an internal ticket id", "remove it: customers cannot open our tickets"
COMMIT = "a deploy or commit id", "say 'a recent change' instead"

_TLDS = frozenset((
    "com", "net", "org", "io", "co", "dev", "app", "ai", "cloud", "info", "biz", "gov", "edu",
    "html", "htm", "php", "json", "xml", "pdf", "png", "svg", "md",
    # internal hostnames are language/internal-host's
    "internal", "local", "lan", "intranet", "localdomain", "corp",
))  # fmt: skip
#: Lower-case words that come before a number in plain English ("top-10", "step-2").
_PLAIN_NUMBERED = frozenset((
    "top", "step", "phase", "day", "week", "tier", "level", "sev", "p", "v", "wave", "round",
    "part", "stage", "covid", "gpt", "windows", "ios", "android", "macos", "chapter", "page",
    "version", "release", "utf", "iso", "sha", "x", "mp", "h", "type", "class", "group",
))  # fmt: skip
_NOT_TICKETS = frozenset((
    "COVID", "ISO", "UTF", "SHA", "RFC", "TLS", "SSL", "SOC", "PCI", "WCAG", "CVE", "GDPR",
    "HIPAA", "IPV", "MP", "AES", "RSA", "ECDSA", "GPT", "IPV4", "IPV6", "HTTP", "H", "P", "F",
    "A", "B", "C", "E", "G", "M", "Q", "T", "V", "X", "USB", "PS", "XBOX", "WIN", "TIER",
))  # fmt: skip
_TICKET_PREFIXES = frozenset((
    "INC", "OPS", "SRE", "JIRA", "BUG", "ISSUE", "PD", "CASE", "SUP", "ENG", "INFRA", "PLAT",
    "CHG", "TICKET", "SEC", "DEV", "PROD", "HELP", "SD", "CS", "NOC",
))  # fmt: skip

_SHAPES: tuple[tuple[re.Pattern[str], tuple[str, str], bool, str], ...] = (
    # (whole-word shape, what it is and what to say instead, allowed on developer sites,
    #  what the word must hold for the shape to be tried: a character, or "A" a capital)
    (re.compile(r"--[A-Za-z0-9][A-Za-z0-9-]*+(?:=\S*)?"), SETTING, True, "-"),
    (re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*+=[^=\s]+"), SETTING, False, "="),
    (re.compile(r"_?[A-Za-z][A-Za-z0-9]*+(?:_[A-Za-z0-9]++)+_?"), SETTING, True, "_"),
    (re.compile(r"[a-z]{2,}+(?:[A-Z][a-z0-9]++)+"), NAME, True, "A"),
    (re.compile(r"(?:[A-Z][a-z0-9]++)+(?:Service|Svc|Worker|Job|Queue|Handler|Manager|"
                r"Controller|Consumer|Producer|Processor|Scheduler|Cluster|Daemon|Db|DB)"), NAME,
     False, "A"),
    (re.compile(r"[a-z][a-z0-9]*+(?:-[a-z0-9]++)*?-(?:svc|srv|service|worker|workers|db|cache|"
                r"proxy|gw|lb|node|host|daemon|cron|queue|consumer|primary|replica|canary|"
                r"internal|prod|staging|stg)"), SERVICE, False, "-"),
    (re.compile(r"(?:db|k8s|prod|stg|staging|canary|svc|srv|node|host)-[a-z0-9]++(?:-[a-z0-9]++)*+"),
     SERVICE, False, "-"),
    (re.compile(r"(?P<name>[a-z][a-z0-9]*+)(?:-[a-z0-9]++)*?-\d{1,3}[a-z]?"), HOST, False, "-"),
)  # fmt: skip
#: Every identifier holds one of these: "_", "=", "--", or a match of one of the patterns
#: below (a hyphen or dot inside a word, a capital after a small letter, a digit starting
#: seven hex digits); most texts hold none and are passed at once. Each pattern starts at
#: one character and looks around it from there, so its search skips ordinary letters;
#: searched one by one they cost less than one search for any of them.
_SHAPE_HINTS = tuple(
    re.compile(hint)
    for hint in (
        r"-(?<=\w-)(?=\w)",
        r"\.(?<=\w\.)(?=\w)",
        r"[A-Z](?<=[a-z][A-Z])",
        r"\d(?=[0-9a-f]{6})",
    )
)
_COMMIT_WORDS = frozenset(("commit", "deploy", "build", "sha", "rev", "revision", "release"))
_DOTTED = re.compile(r"[a-z][a-z0-9_-]*+(?:\.[a-z0-9_-]++){2,}")
_TICKET = re.compile(r"(?P<prefix>[A-Z][A-Z0-9]{1,9})-(?P<number>\d{1,6})")
_HEX = re.compile(r"(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,40}")


@lru_cache(maxsize=32)
def _allowed(allowed: tuple[str, ...], vocabulary: tuple[str, ...]) -> frozenset[str]:
    words = {w.lower() for v in vocabulary for w in _WORD.findall(v)}
    return frozenset(words | {a.lower() for a in allowed})


def _may_hold_an_identifier(raw: str) -> bool:
    if "_" in raw or "=" in raw or "--" in raw:
        return True
    dash, dot, capital, digit = _SHAPE_HINTS
    return bool(dash.search(raw) or dot.search(raw) or capital.search(raw) or digit.search(raw))


def identifiers(text: Text) -> Iterator[Hit]:
    raw = text.raw
    if not _may_hold_an_identifier(raw):
        return
    allowed = _allowed(text.settings.allowed_words, text.context.vocabulary)
    developers = is_developer_site(text)
    taken: tuple[list[int], list[tuple[int, int]]] | None = None
    for m in _WORD.finditer(raw):
        word, start = m.group(0).rstrip(_TRAILING), m.start()
        if len(word) > _LONGEST or len(word) < 3 or _plain(word):
            if word.lower() in _COMMIT_WORDS and (commit := p.DEPLOY_HASH.match(raw, start)):
                yield Hit(start, (commit.group(0), *COMMIT))
            continue
        kind = _kind(word, developers)
        if kind is None or word.lower() in allowed:
            continue
        if raw[m.end() : m.end() + 1] == ";" or raw[start - 1 : start] == ";":
            continue  # a "Key=value;" setting of a connection string
        if taken is None:  # connection strings and secrets are errors of their own
            spans = sorted([*scan.connection_strings(raw), *scan.secrets(raw)])
            taken = [s for s, _ in spans], spans
        if not _inside(*taken, start):
            yield Hit(start, (word, *kind))


def _plain(word: str) -> bool:
    """A word of letters in one case (or capitalised), which no identifier shape fits."""
    return word.isalpha() and (word.islower() or word.isupper() or word.istitle())


def _inside(starts: list[int], spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset)
    return bool(i) and offset < spans[i - 1][1]


def _kind(word: str, developers: bool) -> tuple[str, str] | None:
    if "://" in word or "@" in word or word.startswith("www."):
        return None
    capitals = not word.islower()
    for shape, kind, developer_word, needs in _SHAPES:
        if not (capitals if needs == "A" else needs in word):
            continue
        m = shape.fullmatch(word)
        if m is None or (developers and developer_word):
            continue
        if kind is HOST and m.group("name") in _PLAIN_NUMBERED:
            continue
        # a region code in any case ("us-east-1a", "nyC3") is the region-code rule's
        return None if p.REGION_ANY_CASE.fullmatch(word) else kind
    if "." in word and _DOTTED.fullmatch(word) and _dotted_key(word):
        return SETTING
    ticket = _TICKET.fullmatch(word) if capitals and "-" in word else None
    if ticket and _ticket(ticket):
        return TICKET
    if not word.isalpha() and _HEX.fullmatch(word):
        return COMMIT
    return None


def _dotted_key(word: str) -> bool:
    parts = word.split(".")
    return parts[-1] not in _TLDS and len(parts[-1]) > 2 and any(len(s) > 1 for s in parts)


def _ticket(m: re.Match[str]) -> bool:
    prefix = m.group("prefix")
    if prefix in _NOT_TICKETS or prefix.isdigit():
        return False
    return len(m.group("number")) >= 3 or prefix in _TICKET_PREFIXES
