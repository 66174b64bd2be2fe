"""The build pipeline, top to bottom: load → check → derive → render → write.

The work of one incident (read its folder, hold it to the rules, render its page) needs
nothing of the others, so it runs on shares of the history on every core: that is the
build's one parallel step. The rest runs once, in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from statuspress import paths
from statuspress.audience import audience_components, incident_for, view_for
from statuspress.check import (
    PARALLEL_THRESHOLD,
    CheckedIncident,
    check_incident,
    check_site,
    require_repository,
)
from statuspress.diagnostics import Diagnostic
from statuspress.errors import ContentError
from statuspress.layout import incident_folder_names
from statuspress.load import Repository, load_repository
from statuspress.messages import catalogue_for
from statuspress.model import Audience, Incident, StatusSite
from statuspress.parallel import fork_map
from statuspress.render import Files, RenderContext
from statuspress.render.digest import with_digest
from statuspress.render.html import incident_page_renderer, redirect_page_renderer
from statuspress.render.ids import incident_id
from statuspress.templates import make_environment
from statuspress.timeline import build_timeline
from statuspress.transitions import in_time, site_in_time
from statuspress.views.frame import Frame
from statuspress.write import merge_outputs, write_site

if TYPE_CHECKING:
    from statuspress.incremental import Accelerator


@dataclass(frozen=True)
class BuildResult:
    files: int
    bytes: int
    diagnostics: tuple[Diagnostic, ...]  # warnings that did not stop the build
    reused: str | None = None  # with --incremental: what the accelerator reused


def normalize_base_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def build(
    root: Path,
    out: Path,
    now: datetime,
    audience: Audience = Audience.PUBLIC,
    base_url: str | None = None,
    *,
    incremental: bool = False,
    parallel: bool = True,
) -> BuildResult:
    """Check the repository, refuse to publish content with errors, render and write.

    With ``incremental`` the accelerator (``statuspress.incremental``) keeps what this
    build read, checked and rendered in ``.statuspress-cache/`` and reuses what the last
    build kept where nothing it came from has changed; the output is the same bytes.
    ``parallel=False`` keeps everything in this process (``serve`` runs a server thread,
    and a process with threads must not fork)."""
    require_repository(root)
    repository = load_repository(root)  # load: settings and components
    url = normalize_base_url(base_url or repository.settings.base_url)
    accelerator = _accelerator(root, now, audience, url) if incremental else None
    frame = Frame(
        repository.settings,
        audience_components(repository.components, audience),
        audience,
        url,
        now,
        catalogue_for(repository.settings.language),
    )
    # One template environment: compiled here once, inherited by the parallel step's worker.
    templates = make_environment(root, frame.messages)
    incidents = _incidents(root, repository, frame, templates, accelerator, parallel)
    checked = check_site(repository, (i.checked for i in incidents), now)
    notes = tuple(accelerator.notes) if accelerator else ()
    if checked.errors:
        raise ContentError(
            f"the content has {len(checked.errors)} error(s); nothing was written",
            (*checked.diagnostics, *notes),
        )
    context = derive(checked.site, now, audience, url, root, templates)
    pages: dict[str, bytes] = {}
    for i in incidents:
        if i.pages is not None:
            page, redirect = i.pages
            pages[paths.incident_page(i.page_id)] = page
            pages[paths.incident_redirect(incident_id(i.page_id))] = redirect
    files = render(context, pages)  # render
    write_site(files, out, root, accelerator.recycler(out) if accelerator else None)  # write
    reused = None
    if accelerator is not None:
        _remember(accelerator, incidents)
        accelerator.save()
        reused = accelerator.summary()
    size = sum(map(len, files.values()))
    return BuildResult(len(files), size, (*checked.warnings, *notes), reused)


def derive(
    site: StatusSite,
    now: datetime,
    audience: Audience,
    base_url: str,
    root: Path,
    templates: jinja2.Environment | None = None,
) -> RenderContext:
    """The audience's view of a checked site as it stands at ``now`` (maintenance windows
    with the transitions time made), and the facts derived from it (the timeline): what
    every renderer receives."""
    messages = catalogue_for(site.settings.language)
    view = view_for(site_in_time(site, now, messages), audience)
    timeline = build_timeline(view, now)
    return RenderContext(
        view, timeline, now, audience, base_url, root, messages, environment=templates
    )


def render_site(
    site: StatusSite,
    now: datetime,
    audience: Audience = Audience.PUBLIC,
    base_url: str | None = None,
    root: Path | None = None,
) -> Files:
    """Every output file of ``site`` (checked), in memory: ``derive`` then ``render``."""
    url = normalize_base_url(base_url or site.settings.base_url)
    return render(derive(site, now, audience, url, root or Path(".")))


def render(context: RenderContext, incident_pages: Mapping[str, bytes] | None = None) -> Files:
    """Every output file of the site, in memory. Pure: same context, same bytes
    (``incident_pages`` are pages already rendered from the same context's frame)."""
    from statuspress.render import (
        badge,
        feeds,
        headers,
        html,
        ical,
        report,
        statuspage_api,
        statuspress_json,
        translated,
    )

    files = merge_outputs(
        html.render(context, incident_pages),
        report.render(context),
        feeds.render(context),
        statuspage_api.render(context),
        ical.render(context),
        badge.render(context),
        statuspress_json.render(context),
        translated.render(context),
    )
    # The headers of every file above and of the digest, which is made last.
    files = merge_outputs(files, headers.render([*files, paths.SITE_DIGEST]))
    return with_digest(files)  # last: it covers every other file


@dataclass(frozen=True)
class _Incident:
    """One incident's share of the build: checked, and its pages when the audience sees it
    (``fresh``: read from its files by this build, not reused)."""

    checked: CheckedIncident
    page_id: str
    pages: tuple[bytes, bytes] | None  # its page, and the page at its API id
    page_key: bytes | None  # with the accelerator: the pages' key in its cache
    fresh: bool
    pages_fresh: bool


def _incidents(
    root: Path,
    repository: Repository,
    frame: Frame,
    templates: jinja2.Environment,
    accelerator: Accelerator | None,
    parallel: bool,
) -> list[_Incident]:
    """Every incident folder read, checked and its page rendered, on every core when there
    is much of that work (the build's one parallel step); what the accelerator has is
    reused, here."""
    names = incident_folder_names(root)
    known = accelerator.restore(root, names) if accelerator else {}
    shown = {c.id for c in frame.components}
    now = frame.now
    renderers: tuple[Callable[[Incident], bytes], ...] = ()  # made on first use

    def one(name: str, render: bool) -> _Incident | None:
        """The share of folder ``name``; None when its pages are still to be rendered and
        ``render`` is False."""
        nonlocal renderers
        checked = known.get(name) or check_incident(root, name, repository, now)
        view = None
        if checked.incident is not None and not checked.has_errors:
            timed = in_time(checked.incident, now, frame.settings, frame.messages)
            view = incident_for(timed, frame.audience, shown)
        pages = key = None
        rendered = False
        if view is not None:
            if accelerator is not None:
                key = accelerator.page_key(view, checked.digest, frame.messages.language)
                pages = accelerator.pages(key)
            if pages is None:
                if not render:
                    return None
                renderers = renderers or (
                    incident_page_renderer(frame, root, templates),
                    redirect_page_renderer(frame, root, templates),
                )
                pages, rendered = (renderers[0](view), renderers[1](view)), True
        page_id = view.id if view is not None else name
        return _Incident(checked, page_id, pages, key, name not in known, rendered)

    # What the accelerator restored, whose page it keeps too, is only looked up: not work
    # worth another process. The rest (folders to read and check, pages to render) is.
    ready = {name: item for name in known if (item := one(name, render=False)) is not None}
    left = [name for name in names if name not in ready]

    def work(share: Sequence[str]) -> list[_Incident | None]:
        return [one(name, render=True) for name in share]

    threshold = PARALLEL_THRESHOLD if parallel else None
    # Whole incidents and their pages come back: receiving them costs this process about a
    # fifth of making them, so it keeps a little more than half.
    for share in fork_map(work, left, threshold, 0.56):
        ready.update((item.checked.name, item) for item in share if item is not None)
    return [ready[name] for name in names]


def _accelerator(root: Path, now: datetime, audience: Audience, url: str) -> Accelerator:
    from statuspress.incremental import Accelerator

    return Accelerator(root, now, audience, url)


def _remember(accelerator: Accelerator, incidents: list[_Incident]) -> None:
    """Hand the accelerator what this build read and rendered, for the next build."""
    for item in incidents:
        if item.fresh:
            accelerator.keep_incident(item.checked)
        if item.page_key is not None and item.pages is not None:
            accelerator.keep_pages(item.page_key, item.pages if item.pages_fresh else None)
