"""**history** rules (``check --base REF``): what customers have seen is not rewritten silently.

A file under ``incidents/`` that exists on REF was published. Published updates are
append-only: editing one is an error unless the edit adds an ``erratum:`` note, and an
erratum corrects the wording only (``rules/errata.py``); deleting one is an error; a new
update dated before the latest published one of its incident is an error. A published
header (``incident.md``) may change, but every change is a named finding
(``rules/published_headers.py``) that the summary shows before → after.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from statuspress import layout
from statuspress.diagnostics import Diagnostic, Level
from statuspress.errors import UsageError
from statuspress.git import GitError, files_at, git, is_work_tree
from statuspress.model import StatusSite
from statuspress.rules.errata import erratum_violations
from statuspress.rules.published_headers import header_violations


def _git(root: Path, *args: str) -> str:
    try:
        return git(root, *args)
    except GitError as exc:
        if exc.missing:
            raise UsageError("--base needs git, and git is not installed") from None
        raise


def _listing(root: Path, revision: str) -> dict[str, str]:
    """The files under ``incidents/`` at ``revision``: repository-relative path -> git path.

    The status repository may be a folder of a larger git repository (``--repo status``
    in a monorepo): paths are listed by their full name in git and made relative to it."""
    try:
        return files_at(root, revision, f"{layout.INCIDENTS_DIR}/")
    except GitError as exc:
        if exc.missing:
            raise UsageError("--base needs git, and git is not installed") from None
        raise


def _fork_point(root: Path, base: str) -> str:
    """Where this change left ``base``: their merge base (``base`` itself when HEAD has no
    common history with it). A branch behind ``base`` has not seen what ``base`` added
    since, so it cannot have deleted or edited it."""
    try:
        return _git(root, "merge-base", base, "HEAD").strip()
    except GitError:
        return base


@dataclass(frozen=True)
class Published:
    """What customers have seen: the files under ``incidents/`` on ``base`` that this
    change also started from, read as they were at the fork point."""

    root: Path
    base: str
    fork: str
    files: dict[str, str]  # repository-relative path -> git path at the fork point

    @property
    def update_files(self) -> list[str]:
        return sorted(p for p in self.files if layout.is_update_file(p))

    @property
    def header_files(self) -> list[str]:
        return sorted(p for p in self.files if p.endswith(f"/{layout.INCIDENT_FILE}"))

    def text(self, path: str) -> str | None:
        """The published text of ``path`` (None: it was not published)."""
        if path not in self.files:
            return None
        return _git(self.root, "show", f"{self.fork}:{self.files[path]}")


def published(root: Path, base: str) -> Published:
    """The published files, or a UsageError when ``base`` cannot be compared against."""
    if not is_work_tree(root):
        raise UsageError(f"{root} is not a git repository; --base compares against git history")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except GitError:
        raise UsageError(
            f"--base {base} is not a commit in this repository; fetch it first "
            "(in CI: actions/checkout with fetch-depth: 0)"
        ) from None
    on_base = _listing(root, base)
    fork = _fork_point(root, base)
    at_fork = on_base if fork == base else _listing(root, fork)
    # What base added after this change began is not this change's to keep.
    files = {p: at_fork[p] for p in on_base if p in at_fork}
    return Published(root, base, fork, files)


def first_changed_line(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, _i1, _i2, j1, _j2 in matcher.get_opcodes():
        if tag != "equal":
            return j1 + 1
    return 1


def history_violations(root: Path, site: StatusSite, base: str) -> Iterator[Diagnostic]:
    seen = published(root, base)
    yield from _update_violations(seen)
    yield from header_violations(seen.header_files, seen.text, root, base)
    for incident in site.incidents:
        latest = max((u.at for u in incident.updates if u.source.path in seen.files), default=None)
        if latest is None:
            continue
        for update in incident.updates:
            if update.source.path not in seen.files and update.at < latest:
                yield update.source.diagnostic(
                    "at",
                    Level.ERROR,
                    "history/backdated",
                    f"this new update is dated before the latest published update of the incident "
                    f"({latest.isoformat()}); customers have seen that one already: set 'at' to now",
                )


def _update_violations(seen: Published) -> Iterator[Diagnostic]:
    for path in seen.update_files:
        current = seen.root / path
        if not current.exists():
            yield Diagnostic(
                path,
                1,
                1,
                Level.ERROR,
                "history/deleted",
                f"this update was published on {seen.base} and customers may have read it; "
                "restore the file, and add an 'erratum:' line to it if it needs a correction",
            )
            continue
        old = seen.text(path) or ""
        new = current.read_text(encoding="utf-8", errors="replace")
        if old == new:
            continue
        found = erratum_violations(path, old, new, seen.base)
        if found is None:
            yield Diagnostic(
                path,
                first_changed_line(old, new),
                1,
                Level.ERROR,
                "history/edited",
                f"this update was published on {seen.base}; published updates are append-only. "
                "Undo the edit and post a new update, or add an 'erratum:' line that explains "
                "the correction",
            )
        else:
            yield from found
