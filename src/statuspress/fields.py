"""Typed, located reading of front-matter keys, turning every mistake into a Diagnostic.

PyYAML's YAML 1.1 resolver guesses types (an unquoted date becomes a datetime, ``yes`` a
bool, ``10:30`` the number 630). We read the written text of every scalar instead and
convert it per field, so what the user meant wins where it is unambiguous, and anything
else gets an error that shows the fix.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Collection
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.source import YMap, YNode, YScalar, YSeq

E = TypeVar("E", bound=enum.Enum)

#: ``\Z``, not ``$``: ``$`` also matches before a final newline, and a folder named
#: "x\n" must not pass as the id "x".
ID_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9-]*\Z")
_TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?"
    r"\s*(?P<tz>[Zz]|[+-]\d{2}(?::?\d{2})?)?$"
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DURATION = re.compile(r"^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?\s*(?:(\d+)s)?$")
_INT = re.compile(r"^[+-]?\d+$")


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """``did you mean 'x'?`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def parse_timestamp(text: str) -> datetime | None:
    """An ISO 8601 timestamp with offset, or None when ``text`` is not one.

    Raises ValueError("naive") for a timestamp without an offset: never guess a zone.
    """
    match = _TIMESTAMP.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    micro = int((match.group(7) or "0").ljust(6, "0"))
    try:
        naive = datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None
    tz_text = match.group("tz")
    if tz_text is None:
        raise ValueError("naive")
    if tz_text in ("Z", "z"):
        tz = timezone.utc
    else:
        sign = -1 if tz_text[0] == "-" else 1
        digits = tz_text[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        if offset >= timedelta(hours=24):
            raise ValueError("offset")
        tz = timezone.utc if not offset else timezone(sign * offset)
    return naive.replace(tzinfo=tz)


def parse_duration(text: str) -> timedelta | None:
    """``15m``, ``1h``, ``1h30m``, ``2d``, ``90s`` -> timedelta; None when not one."""
    text = text.strip().lower()
    match = _DURATION.match(text)
    if not text or not match or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def format_duration(value: timedelta) -> str:
    """The inverse of parse_duration: ``1h30m``."""
    total = int(value.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if total >= size:
            parts.append(f"{total // size}{unit}")
            total %= size
    return "".join(parts) or "0m"


class Fields:
    """The keys of one YAML mapping, read one by one with types and located diagnostics.

    Creating it reports unknown and duplicate keys; each accessor reports a missing or
    mistyped value and returns None (or the default) so reading goes on.
    """

    def __init__(
        self,
        path: str,
        mapping: YMap | None,
        known: Collection[str],
        what: str,
        position: Position | None = None,
    ) -> None:
        self.path = path
        self.what = what
        self.position = position or (mapping.pos if mapping else Position(1, 1))
        self.diagnostics: list[Diagnostic] = []
        self.nodes: dict[str, YNode] = {}
        self.keys: dict[str, Position] = {}
        for key, value in mapping.items if mapping else ():
            name = key.value
            if name in self.nodes:
                self.error(
                    key.pos,
                    "schema/duplicate-key",
                    f"'{name}' is given twice in {what}; keep one (YAML would silently "
                    "use the last)",
                )
                continue
            if name not in known:
                self.error(
                    key.pos,
                    "schema/unknown-key",
                    f"unknown key '{name}' in {what}; {did_you_mean(name, known)}"
                    f"known keys are: {', '.join(sorted(known))}",
                )
                continue
            self.nodes[name] = value
            self.keys[name] = key.pos

    # -- reporting ---------------------------------------------------------------------
    def error(self, pos: Position, rule: str, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(self.path, pos.line, pos.col, Level.ERROR, rule, message)
        )

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def pos(self, key: str) -> Position:
        node = self.nodes.get(key)
        return node.pos if node is not None else self.keys.get(key, self.position)

    def _missing(self, key: str, example: str) -> None:
        self.error(
            self.position,
            "schema/required",
            f"{self.what} needs '{key}'; add a line such as '{key}: {example}'",
        )

    def _scalar(self, key: str, required: bool, example: str) -> YScalar | None:
        node = self.nodes.get(key)
        if node is None:
            if required:
                self._missing(key, example)
            return None
        if not isinstance(node, YScalar):
            shape = "a list" if isinstance(node, YSeq) else "a set of keys"
            self.error(
                node.pos,
                "schema/type",
                f"'{key}' must be a single value, not {shape}; write it as '{key}: {example}'",
            )
            return None
        if node.plain and node.kind == "null":
            if required:
                self.error(
                    node.pos,
                    "schema/required",
                    f"'{key}' is empty; give it a value, such as '{key}: {example}'",
                )
            return None
        return node

    # -- accessors ---------------------------------------------------------------------
    def text(self, key: str, *, required: bool = False, example: str = "...") -> str | None:
        node = self._scalar(key, required, example)
        if node is None:
            return None
        value = node.value.strip()
        if required and not value:
            self.error(node.pos, "schema/required", f"'{key}' is empty; write the text")
            return None
        hidden = invisible_character(value)
        if hidden is not None:
            self.error(
                node.pos,
                "schema/invisible-character",
                f"'{key}' contains the invisible character U+{ord(hidden):04X}, which can make "
                "text read differently from how it is stored; remove it",
            )
            return None
        return value

    def identifier(self, key: str, *, required: bool = False, example: str = "sev1") -> str | None:
        node = self._scalar(key, required, example)
        if node is None:
            return None
        return node.value.strip()

    def choice(
        self,
        key: str,
        enum_type: type[E],
        *,
        allowed: Collection[E] | None = None,
        required: bool = False,
        default: E | None = None,
    ) -> E | None:
        options = list(allowed) if allowed is not None else list(enum_type)
        example = str(options[0].value)
        node = self._scalar(key, required, example)
        if node is None:
            return default
        return self.enum_value(node, key, enum_type, options)

    def enum_value(
        self, node: YScalar, key: str, enum_type: type[E], options: Collection[E]
    ) -> E | None:
        text = node.value.strip()
        names = [str(o.value) for o in options]
        for option in options:
            if option.value == text:
                return option
        # `yes`/`no`/`on` came through as text: no enum here means a boolean.
        self.error(
            node.pos,
            "schema/value",
            f"'{text}' is not a valid {key} here; {did_you_mean(text, names)}"
            f"use one of: {', '.join(names)}",
        )
        return None

    def timestamp(
        self, key: str, *, required: bool = False, example: str = "2026-11-17T09:15:00Z"
    ) -> datetime | None:
        node = self._scalar(key, required, example)
        if node is None:
            return None
        return timestamp_value(self, node, key)

    def date(self, key: str) -> date | None:
        node = self._scalar(key, False, "2025-01-01")
        if node is None:
            return None
        text = node.value.strip()
        match = _DATE.match(text) or _DATE.match(text[:10])
        if match and (len(text) == 10 or _TIMESTAMP.match(text)):
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                pass
        self.error(
            node.pos, "schema/type", f"'{key}' must be a date such as 2025-01-01, not '{text}'"
        )
        return None

    def flag(self, key: str, *, default: bool) -> bool:
        """``true`` or ``false`` (``yes``/``no``, ``on``/``off`` too, in any case)."""
        node = self._scalar(key, False, "true")
        if node is None:
            return default
        text = node.value.strip().lower()
        if text in ("true", "yes", "on"):
            return True
        if text in ("false", "no", "off"):
            return False
        self.error(
            node.pos, "schema/type", f"'{key}' must be true or false, not '{node.value.strip()}'"
        )
        return default

    def integer(self, key: str, *, minimum: int | None = None) -> int | None:
        node = self._scalar(key, False, "10")
        if node is None:
            return None
        text = node.value.strip().replace("_", "")
        if not _INT.match(text):
            self.error(node.pos, "schema/type", f"'{key}' must be a whole number, not '{text}'")
            return None
        value = int(text)
        if minimum is not None and value < minimum:
            self.error(node.pos, "schema/value", f"'{key}' must be at least {minimum}")
            return None
        return value

    def duration(self, key: str) -> timedelta | None:
        node = self._scalar(key, False, "30m")
        if node is None:
            return None
        value = parse_duration(node.value)
        if value is None or not value:
            hint = f"'{node.value.strip()}m'" if _INT.match(node.value.strip()) else "'30m'"
            self.error(
                node.pos,
                "schema/type",
                f"'{key}' must be a duration with a unit, such as {hint}, '1h' or '1h30m'",
            )
            return None
        return value

    def mapping(self, key: str, *, required: bool = False, example: str = "") -> YMap | None:
        node = self.nodes.get(key)
        if node is None:
            if required:
                self.error(
                    self.position, "schema/required", f"{self.what} needs '{key}'; {example}"
                )
            return None
        if isinstance(node, YScalar) and node.plain and node.kind == "null":
            if required:
                self.error(node.pos, "schema/required", f"'{key}' is empty; {example}")
            return None
        if not isinstance(node, YMap):
            self.error(
                node.pos,
                "schema/type",
                f"'{key}' must be a set of 'name: value' lines indented under it",
            )
            return None
        return node

    def text_list(self, key: str) -> tuple[str, ...]:
        node = self.nodes.get(key)
        if node is None or (isinstance(node, YScalar) and node.kind == "null"):
            return ()
        if isinstance(node, YScalar):
            return (node.value.strip(),)
        if isinstance(node, YSeq) and all(isinstance(item, YScalar) for item in node.items):
            return tuple(item.value.strip() for item in node.items if isinstance(item, YScalar))
        self.error(node.pos, "schema/type", f"'{key}' must be a list of words")
        return ()


#: Characters that change how text displays without showing themselves: bidirectional
#: overrides and isolates (the "Trojan source" characters), and control characters other
#: than tab and line breaks.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def invisible_character(text: str) -> str | None:
    """The first invisible character of ``text`` (see ``_INVISIBLE``), or None."""
    found = _INVISIBLE.search(text)
    return found.group(0) if found else None


def timestamp_value(fields: Fields, node: YScalar, key: str) -> datetime | None:
    text = node.value.strip()
    example = "2026-11-17T09:15:00Z"
    try:
        value = parse_timestamp(text)
    except ValueError as exc:
        if str(exc) == "naive":
            fields.error(
                node.pos,
                "schema/timestamp",
                f"'{key}: {text}' has no UTC offset, so it could be any time zone; "
                f"write '{text}Z' if it is UTC, or add the offset, such as '{text}+01:00'",
            )
        else:
            fields.error(node.pos, "schema/timestamp", f"'{key}: {text}' has an impossible offset")
        return None
    except (OverflowError, TypeError):
        value = None
    if value is None:
        if _DATE.match(text):
            hint = f"'{key}' is a date without a time; write a full timestamp such as '{text}T09:15:00Z'"
        elif node.kind == "int" and ":" in text:
            hint = f"'{key}: {text}' is a time without a date; write a full timestamp such as '{example}'"
        else:
            hint = f"'{key}: {text}' is not a timestamp; write ISO 8601 with an offset, such as '{example}'"
        fields.error(node.pos, "schema/timestamp", hint)
    return value
