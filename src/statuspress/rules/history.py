"""**history** rules (``check --base REF``): published updates are append-only.

An update file that exists on REF was published. Editing it is an error unless the edit
adds an ``erratum:`` note (shown publicly as a correction); deleting it is an error; a new
update dated before the latest published one of its incident is an error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from statuspress import layout
from statuspress.diagnostics import Diagnostic, Level
from statuspress.errors import UsageError
from statuspress.git import GitError, git, is_work_tree, prefix
from statuspress.model import StatusSite

ERRATUM_KEY = "erratum:"


def _git(root: Path, *args: str) -> str:
    try:
        return git(root, *args)
    except GitError as exc:
        if exc.missing:
            raise UsageError("--base needs git, and git is not installed") from None
        raise


def published_files(root: Path, base: str) -> dict[str, str]:
    """Update files on ``base`` (repository-relative path -> git path), or a UsageError.

    The status repository may be a folder of a larger git repository (``--repo status``
    in a monorepo): paths are listed by their full name in git and made relative to it."""
    if not is_work_tree(root):
        raise UsageError(f"{root} is not a git repository; --base compares against git history")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except GitError:
        raise UsageError(
            f"--base {base} is not a commit in this repository; fetch it first "
            "(in CI: actions/checkout with fetch-depth: 0)"
        ) from None
    top = prefix(root)
    listing = _git(
        root,
        "ls-tree",
        "-r",
        "-z",
        "--full-name",
        "--name-only",
        base,
        "--",
        f"{layout.INCIDENTS_DIR}/",
    )
    files = {}
    for git_path in listing.split("\0"):
        if not git_path.startswith(top):
            continue
        path = git_path[len(top) :]
        if layout.is_update_file(path):
            files[path] = git_path
    return files


def _first_changed_line(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, _i1, _i2, j1, _j2 in matcher.get_opcodes():
        if tag != "equal":
            return j1 + 1
    return 1


def _adds_erratum(old: str, new: str) -> bool:
    def erratum(text: str) -> str | None:
        lines = [line for line in text.splitlines() if line.startswith(ERRATUM_KEY)]
        return lines[0] if lines else None

    return erratum(new) is not None and erratum(new) != erratum(old)


def _fork_point(root: Path, base: str) -> str:
    """Where this change left ``base``: their merge base (``base`` itself when HEAD has no
    common history with it). A branch behind ``base`` has not seen what ``base`` added
    since, so it cannot have deleted or edited it."""
    try:
        return _git(root, "merge-base", base, "HEAD").strip()
    except GitError:
        return base


def history_violations(root: Path, site: StatusSite, base: str) -> Iterator[Diagnostic]:
    published = published_files(root, base)
    fork = _fork_point(root, base)
    seen = published if fork == base else published_files(root, fork)
    for path in sorted(published):
        if path not in seen:
            continue  # published on base after this change began
        current = root / path
        if not current.exists():
            yield Diagnostic(
                path,
                1,
                1,
                Level.ERROR,
                "history/deleted",
                f"this update was published on {base} and customers may have read it; restore "
                "the file, and add an 'erratum:' line to it if it needs a correction",
            )
            continue
        old = _git(root, "show", f"{fork}:{seen[path]}")
        new = current.read_text(encoding="utf-8", errors="replace")
        if old == new or _adds_erratum(old, new):
            continue
        yield Diagnostic(
            path,
            _first_changed_line(old, new),
            1,
            Level.ERROR,
            "history/edited",
            f"this update was published on {base}; published updates are append-only. Undo the "
            "edit and post a new update, or add an 'erratum:' line that explains the correction",
        )
    for incident in site.incidents:
        latest = max((u.at for u in incident.updates if u.source.path in published), default=None)
        if latest is None:
            continue
        for update in incident.updates:
            if update.source.path not in published and update.at < latest:
                yield update.source.diagnostic(
                    "at",
                    Level.ERROR,
                    "history/backdated",
                    f"this new update is dated before the latest published update of the incident "
                    f"({latest.isoformat()}); customers have seen that one already: set 'at' to now",
                )
