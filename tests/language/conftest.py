"""Report the language corpus's precision and recall in the pytest summary."""

from __future__ import annotations

from typing import Any

from testsupport import LANGUAGE_SCORES as SCORES


def _line(name: str, s: dict[str, float]) -> str:
    return (
        f"{name:<32} precision {s['precision']:.3f}  recall {s['recall']:.3f}"
        f"  (labelled findings: {int(s['support'])})"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not SCORES:
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("-", "language lint corpus (tests/language)")
    write(f"messages: {SCORES['messages']}; English-only rules skipped on {SCORES['skipped']}")
    write(_line("overall", SCORES["overall"]))
    write(_line("without language/next-update", SCORES["content"]))
    for rule, scores in SCORES["per_rule"].items():
        write(_line(rule, scores))
