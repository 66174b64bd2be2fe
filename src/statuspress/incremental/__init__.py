"""The rebuild accelerator: everything that exists only to make a rebuild faster.

``build --incremental`` and ``serve`` keep, in ``.statuspress-cache/`` of the status
repository, each incident folder as it was read and checked (``store``) and each incident
page as it was rendered (``pages``). A rebuild reads, checks and renders only what
changed; its output is byte for byte that of a plain build (the tests compare the two
after every kind of change). Deleting the folder at any time is safe.

Only ``build`` imports this package, and the pipeline never does: the pipeline takes
what is reused as plain values (checked incidents, rendered pages) and cannot tell them
from what it would have made itself.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from statuspress import git
from statuspress.check import CheckedIncident
from statuspress.diagnostics import Diagnostic, Level
from statuspress.incremental.keys import content_scope, page_scope
from statuspress.incremental.pages import PageCache, page_key, redirect_key
from statuspress.incremental.records import prepare, remove_stale_temporaries
from statuspress.incremental.site import SiteRecycler
from statuspress.incremental.store import IncidentStore
from statuspress.layout import CACHE_DIR, TEMPLATES_DIR
from statuspress.model import Audience, Incident
from statuspress.templates import BUILTIN_TEMPLATES


class Accelerator:
    """One build's use of the cache: what it can reuse, and what it keeps for the next."""

    def __init__(self, root: Path, now: datetime, audience: Audience, base_url: str) -> None:
        self.folder = root / CACHE_DIR
        self.now = now
        self.notes: list[Diagnostic] = []
        self.usable = not git.tracked(root, CACHE_DIR)
        if not self.usable:
            self.notes.append(_committed_note())
        scope = content_scope(root)
        templates = (BUILTIN_TEMPLATES, root / TEMPLATES_DIR)
        self._page_scope = page_scope(scope, audience, base_url, templates)
        # A cache committed to git is never read: it could publish what no one reviewed.
        self.store = IncidentStore(self.folder, scope, now) if self.usable else None
        self.pages_cache = PageCache(self.folder, self._page_scope) if self.usable else None
        self.incidents = self.reused_incidents = self.page_count = self.reused_pages = 0
        self.site: SiteRecycler | None = None

    def recycler(self, out: Path) -> SiteRecycler | None:
        """What writes the site over the one before last, kept beside ``out``
        (``incremental/site.py``); None when the cache cannot be used."""
        if self.usable:
            self.site = SiteRecycler(self.folder, Path(os.path.realpath(out)))
        return self.site

    def restore(self, root: Path, names: Sequence[str]) -> dict[str, CheckedIncident]:
        """The checked incidents of the folders among ``names`` that have not changed."""
        self.incidents = len(names)
        restored = self.store.restore(root, names) if self.store is not None else {}
        self.reused_incidents = len(restored)
        return restored

    def page_key(self, incident: Incident, files: bytes, language: str) -> bytes:
        """The key of the page of ``incident`` (the audience's view of it) in ``language``,
        whose folder has the digest ``files``."""
        return page_key(self._page_scope, incident, files, self.now, language)

    def pages(self, key: bytes) -> tuple[bytes, bytes] | None:
        """The incident page and the page at its API id the last build kept under
        ``key``, or None."""
        if self.pages_cache is None:
            return None
        page = self.pages_cache.get(key)
        redirect = self.pages_cache.get(redirect_key(key))
        return None if page is None or redirect is None else (page, redirect)

    def keep_incident(self, checked: CheckedIncident) -> None:
        """Remember an incident this build read and checked afresh."""
        if self.store is not None:
            self.store.keep(checked)

    def keep_pages(self, key: bytes, pages: tuple[bytes, bytes] | None) -> None:
        """Keep an incident's pages for the next build: ``pages`` rendered by this build,
        or None for the ones the cache holds under ``key``."""
        self.page_count += 1
        if pages is None:
            self.reused_pages += 1
        if self.pages_cache is not None:
            page, redirect = pages or (None, None)
            self.pages_cache.keep(key, page)
            self.pages_cache.keep(redirect_key(key), redirect)

    def save(self) -> None:
        """Write what ``keep`` remembered; never fails the build that already succeeded."""
        if self.store is None or self.pages_cache is None or not prepare(self.folder):
            return
        remove_stale_temporaries(self.folder)
        self.store.save()
        self.pages_cache.save()
        if self.site is not None:
            self.site.save()

    def summary(self) -> str:
        reused = (
            f"reused {self.reused_incidents} of {self.incidents} incidents, "
            f"{self.reused_pages} of {self.page_count} incident pages"
        )
        return f"{reused}; {self.site.summary()}" if self.site is not None else reused


def _committed_note() -> Diagnostic:
    return Diagnostic(
        f"{CACHE_DIR}/",
        1,
        1,
        Level.WARNING,
        "build/cache-committed",
        f"the build cache {CACHE_DIR}/ is committed to git, so this build ignores it "
        "(a cache is never reviewed content); remove it from git with "
        f"'git rm -r --cached {CACHE_DIR}' and commit that",
    )
