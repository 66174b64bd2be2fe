"""How each kind of setting is read from ``statuspress.yaml``.

A reader takes the file's ``Fields`` and a key, and returns the value the key gives, or
None: the key is absent (the default stands) or its mistake is now reported in ``Fields``.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import timedelta

from statuspress.fields import Fields
from statuspress.source import YScalar

RULE_LEVELS = ("error", "warning", "off")
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
