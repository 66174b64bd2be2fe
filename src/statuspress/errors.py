"""The core's own exception types; only the CLI turns them into exit codes."""

from __future__ import annotations

from statuspress.diagnostics import Diagnostic


class StatuspressError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class UsageError(StatuspressError):
    """The command was asked something impossible (exit code 2)."""


class ContentError(StatuspressError):
    """The content breaks a rule (exit code 1); ``diagnostics`` holds the details."""

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics
