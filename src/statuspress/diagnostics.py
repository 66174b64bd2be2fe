"""Diagnostics: a user's mistake as data (file, line, rule, fix-it), and its formatters."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Position(NamedTuple):
    """A place in a source file: 1-based line and column. (A tuple: there are many.)"""

    line: int
    col: int = 1


class Level(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located in one file. ``message`` says what is wrong and how to fix it."""

    path: str
    line: int
    col: int
    level: Level
    rule: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in reading order (file, line, column), duplicates removed."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.rule, d.message))


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """``path:line:col: error[rule-id] message`` lines and a closing count."""
    lines = [
        f"{d.path}:{d.line}:{d.col}: {d.level.value}[{d.rule}] {d.message}" for d in diagnostics
    ]
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    lines.append(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub workflow commands, one annotation per diagnostic.

    GitHub shows only about ten annotations of a kind per step, so the plain text list
    follows as well: the log then always has everything.
    """
    lines = []
    for d in diagnostics:
        command = "error" if d.is_error else "warning"
        props = ",".join(
            [
                f"file={_escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.col}",
                f"title={_escape_property(d.rule)}",
            ]
        )
        lines.append(f"::{command} {props}::{_escape_data(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "") + format_text(diagnostics)


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A JSON document: ``{"diagnostics": [...], "errors": N, "warnings": N}``."""
    errors = sum(d.is_error for d in diagnostics)
    document = {
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "level": d.level.value,
                "rule": d.rule,
                "message": d.message,
            }
            for d in diagnostics
        ],
        "errors": errors,
        "warnings": len(diagnostics) - errors,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
