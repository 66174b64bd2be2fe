"""The build pipeline, top to bottom: check, derive, render, write."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from statuspress.audience import view_for
from statuspress.cache import (
    CACHE_DIR,
    IncidentStore,
    OutputCache,
    PageCache,
    build_scope,
    committed,
    content_scope,
)
from statuspress.check import check_repository
from statuspress.diagnostics import Diagnostic, Level
from statuspress.errors import ContentError, UsageError
from statuspress.gcpause import gc_paused
from statuspress.layout import TEMPLATES_DIR
from statuspress.model import Audience, StatusSite
from statuspress.parallel import Background, WorkerError, fork_map
from statuspress.render import Files, RenderContext
from statuspress.templates import BUILTIN_TEMPLATES
from statuspress.timeline import build_timeline
from statuspress.write import (
    Reuse,
    Staging,
    discard_staging,
    guard_out,
    merge_outputs,
    prepare_staging,
    write_site,
)


@dataclass(frozen=True)
class BuildResult:
    files: int
    bytes: int
    diagnostics: tuple[Diagnostic, ...]  # warnings that did not stop the build


#: From this many incidents on, the feeds and JSON render in a second process (measured:
#: forking costs about 20 ms, the data half about a third of a second at 10,000).
PARALLEL_RENDER = 2000


def normalize_base_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def render_site(
    site: StatusSite,
    now: datetime,
    audience: Audience = Audience.PUBLIC,
    base_url: str | None = None,
    root: Path | None = None,
    pages: PageCache | None = None,
) -> Files:
    """Every output file of the site, in memory. Pure: same input, same bytes (``pages``,
    the previous build's incident pages, only saves rendering them again)."""
    from statuspress.render import html, report

    view = view_for(site, audience)
    context = RenderContext(
        site=view,
        timeline=build_timeline(view, now),
        now=now,
        audience=audience,
        base_url=normalize_base_url(base_url or site.settings.base_url),
        root=root or Path("."),
        pages=pages,
    )

    def html_pages() -> list[Files]:  # templates: their errors are the user's, shown here
        return [html.render(context), report.render(context)]

    def data() -> list[Files]:  # feeds, calendar and JSON, from the same context
        # Imported here: on a large history, in the process that renders them.
        from statuspress.render import badge, feeds, ical, statuspage_api, statuspress_json

        return [
            feeds.render(context),
            statuspage_api.render(context),
            ical.render(context),
            badge.render(context),
            statuspress_json.render(context),
        ]

    with gc_paused():
        # The two halves are independent: on a large history, the data half runs in a
        # forked process while this one renders the pages.
        parallel = len(view.incidents) >= PARALLEL_RENDER
        halves = fork_map(_call_each, [html_pages, data], 2 if parallel else 3)
        return merge_outputs(*(part for half in halves for part in half))


def _call_each(calls: Sequence[Callable[[], list[Files]]]) -> list[Files]:
    return [files for call in calls for files in call()]


def build(
    root: Path,
    out: Path,
    now: datetime,
    audience: Audience = Audience.PUBLIC,
    base_url: str | None = None,
    *,
    cache: bool = True,
    free: bool = True,
) -> BuildResult:
    """Check the repository, refuse to publish content with errors, render and write.

    With ``cache`` the previous build's loaded incidents and incident pages are kept in
    ``.statuspress-cache/`` and reused when nothing they come from has changed. With
    ``free=False`` what the build loaded and rendered stays allocated after it, for a
    process that ends right after without freeing anything (the console script: freeing a
    10,000-incident history object by object takes a twentieth of a second)."""
    left = None if free else _LEFT_FOR_EXIT
    with gc_paused():  # the loaded history is acyclic: collecting it is wasted time
        return _build(root, out, now, audience, base_url, cache, left)


#: What builds with ``free=False`` left allocated (see ``build``).
_LEFT_FOR_EXIT: list[object] = []


def _build(
    root: Path,
    out: Path,
    now: datetime,
    audience: Audience,
    base_url: str | None,
    cache: bool,
    left: list[object] | None,
) -> BuildResult:
    notes: list[Diagnostic] = []
    if cache and committed(root):
        cache = False
        notes.append(
            Diagnostic(
                f"{CACHE_DIR}/",
                1,
                1,
                Level.WARNING,
                "build/cache-committed",
                f"the build cache {CACHE_DIR}/ is committed to git, so this build ignores it "
                "(a cache is never reviewed content); remove it from git with "
                f"'git rm -r --cached {CACHE_DIR}' and commit that",
            )
        )
    written = OutputCache(root / CACHE_DIR) if cache else None
    reuse = written.reuse(out) if written is not None else None
    # Forked now, while this process is small; started once the content has passed and
    # its folders have been compared on both cores, while this process goes on alone
    # (opening the page cache, the timeline).
    staging = _start_staging(out, root, reuse) if reuse is not None else None
    try:
        store = IncidentStore(root / CACHE_DIR, content_scope(root), now) if cache else None
        checked = check_repository(root, now, store=store)
        if checked.errors:
            raise ContentError(
                f"the content has {len(checked.errors)} error(s); nothing was written",
                checked.diagnostics,
            )
        if staging is not None:
            staging.start()
        url = normalize_base_url(base_url or checked.site.settings.base_url)
        pages = None
        if store is not None:  # pages depend on all the store depends on, and more
            templates = (BUILTIN_TEMPLATES, root / TEMPLATES_DIR)
            pages = PageCache(root / CACHE_DIR, build_scope(store.scope, audience, url, templates))
        files = render_site(checked.site, now, audience, url, root, pages)
        ready = _staging_ready(staging)
        if written is not None and store is not None and pages is not None:
            output = write_site(files, out, root, pages.named, reuse, ready)
            written.save(out, output)
            store.save()
            pages.save()
        else:
            write_site(files, out, root)
    except BaseException:
        if staging is not None:
            with contextlib.suppress(WorkerError):
                unused = staging.cancel()
                if unused is not None:
                    discard_staging(unused)
        raise
    result = BuildResult(len(files), sum(map(len, files.values())), (*checked.warnings, *notes))
    if left is not None:
        left.append((checked, files, store, pages, written))
    return result


def _staging_ready(staging: Background[Staging] | None) -> Staging | None:
    """The folder the second process made ready; None (write_site then makes it ready
    itself, and reports what fails there as a clear error) if it failed."""
    if staging is None:
        return None
    try:
        return staging.result()
    except WorkerError:
        return None


def _start_staging(out: Path, root: Path, reuse: Reuse) -> Background[Staging] | None:
    """A second process to make the folder the new site is written to ready (see
    write.prepare_staging) once started, while this one renders: a rebuild of a large site
    then writes only the files that changed. None when ``--out`` is refused (write_site
    says why, once the content has been checked)."""
    try:
        guard_out(out, root)
    except UsageError:
        return None
    return Background(lambda: prepare_staging(out, root, reuse))
