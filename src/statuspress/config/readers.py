"""How each kind of setting is read from ``statuspress.yaml``.

A reader takes the file's ``Fields`` and a key, and returns the value the key gives, or
None: the key is absent (the default stands) or its mistake is now reported in ``Fields``.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.fields import Fields
from statuspress.messages import SHIPPED_LANGUAGES, base_language, catalogue_path, missing_msgids
from statuspress.source import YScalar

RULE_LEVELS = ("error", "warning", "off")
#: A BCP 47 language tag as sites write them: ``en``, ``de-AT``, ``pt-BR``, ``zh-Hant``.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")

Reader = Callable[[Fields, str], object]


def text(f: Fields, key: str) -> str | None:
    """The key's text, stripped; a key left empty (YAML null) reads as absent."""
    return f.text(key)


def absolute_url(f: Fields, key: str) -> str | None:
    """An http(s) URL, ending in ``/`` so that relative links resolve beneath it."""
    url = f.text(key)
    if url is None:
        return None
    if not url.startswith(("http://", "https://")):
        f.error(
            f.pos(key),
            "schema/value",
            f"{key} must be an absolute http(s) URL, such as 'https://status.example.com/'",
        )
        return None
    return url if url.endswith("/") else url + "/"


#: The host of the example address ``init`` writes and the default stands for.
EXAMPLE_HOST = "status.example.com"


def site_url(f: Fields, key: str) -> str | None:
    """``absolute_url``, and a warning (``site/example-base-url``) while it is still the
    example address: every feed, canonical link and API URL would point there."""
    url = absolute_url(f, key)
    if url is not None and _host(url) == EXAMPLE_HOST:
        pos = f.pos(key)
        f.diagnostics.append(
            Diagnostic(
                f.path,
                pos.line,
                pos.col,
                Level.WARNING,
                "site/example-base-url",
                f"{key} is still the example address {url}, so feeds, canonical links and "
                "the API would point there; set it to the address customers read the page "
                "at (on GitHub Pages https://<owner>.github.io/<repository>/, or your own "
                "domain). The Publish workflow passes the Pages address with --base-url, "
                "but check, previews and local builds read this setting",
            )
        )
    return url


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # "http://[/": not a URL a browser would open either
        return None


def time_zone(f: Fields, key: str) -> str | None:
    """The name of an IANA time zone this Python knows."""
    zone = f.text(key)
    if zone is None:
        return None
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America", a folder
        f.error(
            f.pos(key),
            "schema/value",
            f"'{zone}' is not an IANA time zone; use a name such as 'Europe/Berlin' or 'UTC'",
        )
        return None
    return zone


def whole_number(minimum: int) -> Reader:
    """A reader of integers no smaller than ``minimum``."""

    def read(f: Fields, key: str) -> int | None:
        return f.integer(key, minimum=minimum)

    return read


def duration(f: Fields, key: str) -> timedelta | None:
    """A non-zero duration written with units, such as ``1h30m``."""
    return f.duration(key)


def word_list(*, lowercase: bool) -> Reader:
    """A reader of a word or a list of words; ``lowercase`` for words matched regardless of
    case (hostnames, allowed words), not for those shown as written (jargon)."""

    def read(f: Fields, key: str) -> tuple[str, ...] | None:
        words = f.text_list(key)
        if not words:
            return None
        return tuple(w.lower() for w in words) if lowercase else words

    return read


def one_of(choices: tuple[str, ...]) -> Reader:
    """A reader of one word out of ``choices``, in any case."""

    def read(f: Fields, key: str) -> str | None:
        answer = f.text(key)
        if answer is None:
            return None
        if answer.lower() in choices:
            return answer.lower()
        f.error(f.pos(key), "schema/value", f"'{key}' must be one of: {', '.join(choices)}")
        return None

    return read


def flag(f: Fields, key: str) -> bool | None:
    """``true``/``yes``/``on`` or ``false``/``no``/``off``, in any case."""
    answer = f.text(key)
    if answer is None:
        return None
    if answer.lower() in _TRUE:
        return True
    if answer.lower() in _FALSE:
        return False
    f.error(f.pos(key), "schema/type", f"'{key}' must be true or false")
    return None


def rule_levels(f: Fields, key: str) -> dict[str, str] | None:
    """Rule id (or family) -> one of RULE_LEVELS; None when none is given. A bad level is
    reported and skipped, so every bad level is reported at once."""
    node = f.mapping(key)
    levels: dict[str, str] = {}
    for rule, value in node.items if node else ():
        if not isinstance(value, YScalar) or value.value not in RULE_LEVELS:
            f.error(
                value.pos,
                "schema/value",
                f"rule '{rule.value}' must be set to one of: {', '.join(RULE_LEVELS)}",
            )
            continue
        levels[rule.value] = value.value
    return levels or None


def language(f: Fields, key: str) -> str | None:
    """A language tag; a language without a shipped catalogue, or whose catalogue lacks
    messages, is reported as a warning (its pages fall back to English words)."""
    tag = f.text(key)
    if tag is None:
        return None
    if not _valid_tag(f, key, f.pos(key), tag):
        return None
    _catalogue_warnings(f, f.pos(key), tag)
    return tag


def languages(f: Fields, key: str) -> tuple[str, ...] | None:
    """The site's languages, the default one (``language``, else ``en``) among them."""
    tags = f.text_list(key)
    if not tags:
        return None
    pos = f.pos(key)
    if not all(_valid_tag(f, key, pos, tag) for tag in tags):
        return None
    if len({t.lower() for t in tags}) != len(tags):
        f.error(pos, "schema/value", f"'{key}' names a language twice; list each once")
        return None
    default_node = f.nodes.get("language")
    default = default_node.value.strip() if isinstance(default_node, YScalar) else "en"
    if default not in tags:
        f.error(
            pos,
            "schema/value",
            f"'{key}' must include the default language '{default}' (the 'language' "
            f"setting); add it, or set 'language:' to one of: {', '.join(tags)}",
        )
        return None
    for tag in tags:
        if tag != default:
            _catalogue_warnings(f, pos, tag)
    return tags


def _valid_tag(f: Fields, key: str, pos: Position, tag: str) -> bool:
    if LANGUAGE_TAG.match(tag):
        return True
    f.error(
        pos,
        "schema/value",
        f"'{tag}' in '{key}' is not a language tag; write one such as 'en', 'de' or 'pt-BR'",
    )
    return False


def _catalogue_warnings(f: Fields, pos: Position, tag: str) -> None:
    """``i18n/unknown-language`` and ``i18n/untranslated`` for ``tag`` (English has none:
    its words are the msgids themselves, so nothing is read for it)."""
    base = base_language(tag)
    if base == "en":
        return
    if base not in SHIPPED_LANGUAGES or not catalogue_path(base).is_file():
        shipped = ", ".join(SHIPPED_LANGUAGES)
        _warn(
            f,
            pos,
            "i18n/unknown-language",
            f"statuspress has no '{base}' catalogue, so the site's own words (labels, dates "
            f"aside) show in English; use one of {shipped}, or contribute a catalogue "
            "(docs/translations.md)",
        )
        return
    missing = missing_msgids(base)
    if missing:
        first = "; ".join(repr(msgid) for _, msgid in missing[:3])
        _warn(
            f,
            pos,
            "i18n/untranslated",
            f"the '{base}' catalogue lacks {len(missing)} message(s), shown in English "
            f"(first: {first}); translate them in "
            f"locale/{base}/LC_MESSAGES/statuspress.po (docs/translations.md)",
        )


def _warn(f: Fields, pos: Position, rule: str, message: str) -> None:
    f.diagnostics.append(Diagnostic(f.path, pos.line, pos.col, Level.WARNING, rule, message))
