"""Report the language corpus's precision and recall in the pytest summary."""

from __future__ import annotations

from typing import Any

from testsupport import LANGUAGE_SCORES as SCORES


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCORES:
        terminalreporter.write_sep("-", "language lint corpus")
        terminalreporter.write_line(
            f"messages: {int(SCORES['messages'])}  precision: {SCORES['precision']:.3f}  "
            f"recall: {SCORES['recall']:.3f}"
        )
