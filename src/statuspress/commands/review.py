"""What a pull request changes for customers: the site as it is published (before) and as
it will be after the merge, side by side, for the summary to show.

"Before" is the content at the point where the change left the base branch (in CI, where
the pull request's merge commit is checked out, that is the base branch itself). Only
the settings, the components and the incident folders the change touches are read from
git; every other incident is the same on both sides.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from statuspress import layout
from statuspress.audience import public_view
from statuspress.diagnostics import Diagnostic
from statuspress.git import files_at, git, prefix
from statuspress.load import assemble, load_incident, load_repository
from statuspress.messages import Catalogue, catalogue_for
from statuspress.model import Incident, StatusSite
from statuspress.rules.history import Published, published
from statuspress.timeline import Timeline, build_timeline, overall_indicator


def changed_paths(root: Path, revision: str) -> set[str]:
    """Repository-relative paths that differ from ``revision`` (committed, staged, or
    untracked)."""
    top = prefix(root)
    names = git(root, "diff", "-z", "--name-only", revision, "--", ".").split("\0")
    names += git(
        root, "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", "."
    ).split("\0")
    return {n[len(top) :] for n in names if n and n.startswith(top)}


def incident_folder(path: str) -> str | None:
    """The incident id of a path inside ``incidents/<id>/`` (None for any other path)."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == layout.INCIDENTS_DIR:
        return parts[1]
    return None


@dataclass(frozen=True)
class Review:
    """A change, as the summary shows it."""

    root: Path
    base: str
    now: datetime
    published: Published
    before: StatusSite  # the whole site as published
    after: StatusSite  # the whole site after this change
    changed: frozenset[str]  # repository-relative paths the change touches
    diagnostics: tuple[Diagnostic, ...]
    touched: tuple[str, ...] = field(default=())  # incident ids, in history order

    def incident_before(self, incident_id: str) -> Incident | None:
        return _by_id(self.before, incident_id)

    def incident_after(self, incident_id: str) -> Incident | None:
        return _by_id(self.after, incident_id)

    def findings(self, path: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.path == path]

    @cached_property
    def messages(self) -> Catalogue:
        """The language the summary speaks to reviewers: the site's (default) language,
        the one its updates are written in."""
        return catalogue_for(self.after.settings.language)

    @cached_property
    def timeline_after(self) -> Timeline:
        """Component statuses over time after this change (every audience)."""
        return build_timeline(self.after, self.now)

    def headline(self, site: StatusSite) -> str:
        """The page's indicator (none, minor, major, critical, maintenance) for ``site``."""
        view = public_view(site)
        return overall_indicator(view, build_timeline(view, self.now))


def _by_id(site: StatusSite, incident_id: str) -> Incident | None:
    return next((i for i in site.incidents if i.id == incident_id), None)


def prepare_review(
    root: Path,
    site: StatusSite,
    base: str,
    diagnostics: tuple[Diagnostic, ...],
    now: datetime,
) -> Review:
    """The change of ``root`` (whose checked site is ``site``) against ``base``."""
    seen = published(root, base)
    changed = frozenset(changed_paths(root, seen.fork))
    folders = sorted({f for p in changed if (f := incident_folder(p)) is not None})
    before = _published_site(root, seen.fork, site, folders)
    order = {i.id: n for n, i in enumerate((*before.incidents, *site.incidents))}
    touched = tuple(sorted(folders, key=lambda f: (order.get(f, len(order)), f)))
    return Review(root, base, now, seen, before, site, changed, diagnostics, touched)


def _published_site(root: Path, fork: str, site: StatusSite, folders: list[str]) -> StatusSite:
    """The site at ``fork``: its settings and components, the ``folders`` as they were
    there, and every other incident as it is now (the change does not touch them)."""
    wanted = [layout.SETTINGS_FILE, f"{layout.COMPONENTS_DIR}/"]
    wanted += [f"{layout.INCIDENTS_DIR}/{f}/" for f in folders]
    with tempfile.TemporaryDirectory(prefix="statuspress-review-") as folder:
        copy = Path(folder)
        for path, text in _files_at(root, fork, wanted):
            target = copy / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        repository = load_repository(copy)
        by_id = repository.components_by_id
        then = [load_incident(copy, f, repository.settings, by_id).incident for f in folders]
    unchanged = [i for i in site.incidents if i.id not in set(folders)]
    return assemble(repository, [*unchanged, *then])


def _files_at(root: Path, revision: str, wanted: list[str]) -> Iterator[tuple[str, str]]:
    """(repository-relative path, text) of the files under ``wanted`` at ``revision``."""
    for path, git_path in files_at(root, revision, *wanted).items():
        yield path, git(root, "show", f"{revision}:{git_path}")
