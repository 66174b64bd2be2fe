"""**history** of errata: an erratum corrects the words of a published update, nothing else.

With a new or changed ``erratum:`` note, a published update's body may change (the page
says "Corrected on …" and the original stays in git). Its time, status, next-update
promise, component statuses and audience are what happened and what was promised: they
stay as published, and a later update changes state.
"""

from __future__ import annotations

from statuspress.diagnostics import Diagnostic, Level
from statuspress.rules.front_matter import FrontMatter, read_front_matter

#: What an erratum may not change, with what the key means to a reader of the fix-it text.
LOCKED = {
    "at": "the time it was posted",
    "status": "its status",
    "next_update": "its next-update promise",
    "components": "the component statuses it set",
    "audience": "who could read it",
    "scheduled_start": "the window's start it announced",
    "scheduled_end": "the window's end it announced",
}


def erratum_violations(path: str, old: str, new: str, base: str) -> list[Diagnostic] | None:
    """The findings about an edit of the published update ``path`` (``old`` -> ``new``),
    or None when the edit is no erratum at all (the caller reports it as an edit)."""
    before = read_front_matter(old, path)
    after = read_front_matter(new, path)
    if before is None or after is None:
        return None  # the file cannot be read: check reports that, and the edit stays one
    note = after.values.get("erratum")
    if note is None or note == before.values.get("erratum"):
        return None
    found = [
        _locked(path, after, before, key, base) for key in after.changed(before, tuple(LOCKED))
    ]
    if "corrected" not in after.values:
        where = after.line_of("erratum")
        found.append(
            Diagnostic(
                path,
                where.line,
                where.col,
                Level.WARNING,
                "history/erratum-undated",
                "say when the correction was made, and the page shows 'Corrected on …': add "
                "'corrected: <now, with offset>' next to the erratum",
            )
        )
    return found


def _locked(path: str, after: FrontMatter, before: FrontMatter, key: str, base: str) -> Diagnostic:
    was = before.text(key) or "(not set)"
    where = after.line_of(key) if key in after.positions else after.line_of("erratum")
    return Diagnostic(
        path,
        where.line,
        where.col,
        Level.ERROR,
        "history/erratum-scope",
        f"an erratum corrects the wording only, and this changes {LOCKED[key]} "
        f"('{key}' was {was} on {base}); put '{key}' back as published and post a new "
        "update for what changed since",
    )
