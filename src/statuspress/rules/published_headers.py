"""**history** of headers: a published incident's or maintenance's header may change, but
never silently.

Teams correct a severity, sharpen a title, reschedule a window: those stay allowed, and
each is a named finding (a warning unless the repository's ``rules:`` says otherwise) that
the pull-request summary shows before → after. Changes that rewrite what customers lived
through are errors: moving ``started`` later (it shortens the recorded impact), turning an
incident into maintenance or back, hiding a published incident, deleting its header.
A header that was internal on the base was never public: nothing here applies to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from statuspress.diagnostics import Diagnostic, Level
from statuspress.rules.front_matter import FrontMatter, read_front_matter


@dataclass(frozen=True)
class HeaderChange:
    """One reviewed change of a published header."""

    key: str  # front-matter key ("summary" for the text under the header)
    rule: str
    level: Level
    what: str  # what the field is, in a reviewer's words


#: The header fields whose change is reviewed, in the order the summary lists them.
CHANGES = (
    HeaderChange("title", "history/title-changed", Level.WARNING, "the title"),
    HeaderChange("kind", "history/kind-changed", Level.ERROR, "incident or maintenance"),
    HeaderChange("severity", "history/severity-changed", Level.WARNING, "the severity"),
    HeaderChange("started", "history/started-changed", Level.WARNING, "when impact began"),
    HeaderChange("components", "history/components-changed", Level.WARNING, "the components"),
    HeaderChange("scheduled_start", "history/window-changed", Level.WARNING, "the window's start"),
    HeaderChange("scheduled_end", "history/window-changed", Level.WARNING, "the window's end"),
    HeaderChange("summary", "history/summary-changed", Level.WARNING, "the summary"),
)
_FIXES = {
    "history/kind-changed": "an incident stays an incident: undo the change, and open a new "
    "incident or maintenance for what it really is",
    "history/started-later": "moving the start later hides impact customers had: keep the "
    "published start, or set an earlier one",
}
_ACCEPT = (
    "customers see the change without notice: say why in a new update, and approve it with "
    "'accept: {{{rule}: <your name>}}' in incident.md"
)


def _value(front: FrontMatter, key: str) -> object:
    return front.body if key == "summary" else front.values.get(key)


def _shown(front: FrontMatter, key: str) -> str:
    if key == "summary":
        return "the summary text before" if front.body else "no summary"
    return front.text(key) or "(not set)"


def published_header_changes(old: FrontMatter, new: FrontMatter) -> list[HeaderChange]:
    """The reviewed fields that differ between the published header and this one."""
    return [c for c in CHANGES if _value(old, c.key) != _value(new, c.key)]


def header_violations(
    headers: list[str], published_text: Callable[[str], str | None], root: Path, base: str
) -> Iterator[Diagnostic]:
    """The findings about each published header in ``headers`` as it is now."""
    for path in headers:
        old = read_front_matter(published_text(path) or "", path)
        if old is None or old.values.get("audience") == "internal":
            continue
        current = root / path
        if not current.exists():
            yield Diagnostic(
                path,
                1,
                1,
                Level.ERROR,
                "history/deleted",
                f"this incident was published on {base} and customers may have read it; restore "
                "its incident.md (a correction goes in a new update)",
            )
            continue
        new = read_front_matter(current.read_text(encoding="utf-8", errors="replace"), path)
        if new is None:
            continue  # unreadable: check reports it
        yield from _changes(path, old, new, base)


def _changes(path: str, old: FrontMatter, new: FrontMatter, base: str) -> Iterator[Diagnostic]:
    if new.values.get("audience") == "internal":
        yield _finding(
            path,
            new,
            "audience",
            "history/hidden",
            Level.ERROR,
            f"this incident was public on {base}; making it internal takes it off the page "
            "customers read. Keep it public, and correct it with a new update",
        )
    for change in published_header_changes(old, new):
        rule, level = change.rule, change.level
        if change.key == "started" and _later(old, new):
            rule, level = "history/started-later", Level.ERROR
        if change.key == "summary":
            told = f"{change.what} customers read changed"
        else:
            told = (
                f"{change.what} changed from {_shown(old, change.key)} to {_shown(new, change.key)}"
            )
        fix = _FIXES.get(rule, _ACCEPT.format(rule=rule))
        message = f"published on {base}: {told}; {fix}"
        yield _finding(path, new, change.key, rule, level, message)


def _later(old: FrontMatter, new: FrontMatter) -> bool:
    before, after = old.values.get("started"), new.values.get("started")
    try:
        return bool(before is not None and after is not None and after > before)  # type: ignore[operator]
    except TypeError:
        return False


def _finding(
    path: str, new: FrontMatter, key: str, rule: str, level: Level, message: str
) -> Diagnostic:
    where = new.line_of(key)
    if key == "summary":
        where = where._replace(line=new.body_line, col=1)
    return Diagnostic(path, where.line, where.col, level, rule, message)
