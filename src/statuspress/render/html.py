"""The HTML site: index, incident, component and history pages, 404, sitemap, robots
and the stylesheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from html import escape as html_escape
from typing import Any
from urllib.parse import urlsplit

import jinja2

from statuspress import paths
from statuspress.model import Incident
from statuspress.parallel import fork_map
from statuspress.render import Files, RenderContext
from statuspress.templates import make_environment, render_template
from statuspress.views import Feed, Views

#: Below this many incidents, rendering their pages in one process is faster.
PARALLEL_PAGES = 400


def render(context: RenderContext) -> Files:
    env = make_environment(context.root)
    views = Views(context)
    files: Files = {}

    def rendered(
        path: str,
        template: str,
        title: str,
        feeds: tuple[Feed, ...] = (),
        updated: datetime | None = None,
        **values: Any,
    ) -> bytes:
        meta = views.meta(path, title, feeds, updated)
        return render_template(env, context.root, template, {"page": meta, **values}).encode()

    def page(
        path: str,
        template: str,
        title: str,
        feeds: tuple[Feed, ...] = (),
        updated: datetime | None = None,
        **values: Any,
    ) -> None:
        files[path] = rendered(path, template, title, feeds, updated, **values)

    page(paths.INDEX, "index.html", "Current status", index=views.index())

    def incident_pages(incidents: Sequence[Incident]) -> Files:
        return {
            # An incident page's "last updated" is its own: one new update elsewhere
            # leaves it byte for byte the same (and a rebuild can keep it).
            paths.incident_page(i.id): rendered(
                paths.incident_page(i.id),
                "incident.html",
                i.title,
                updated=views.last_change((i,)),
                incident=views.incident_page(i),
            )
            for i in incidents
        }

    # One page per incident is most of the work: keep what the cache has, and spread the
    # rest over the cores.
    cache = context.pages
    keys = {i.id: cache.key(i, context.now) for i in context.site.incidents} if cache else {}
    missing = []
    for incident in context.site.incidents:
        if cache:
            cache.named[paths.incident_page(incident.id)] = keys[incident.id]
        kept = cache.get(keys[incident.id]) if cache else None
        if kept is None:
            missing.append(incident)
        else:
            files[paths.incident_page(incident.id)] = kept
    for share in fork_map(incident_pages, missing, PARALLEL_PAGES):
        files.update(share)
    if cache:
        for incident in missing:
            cache.put(keys[incident.id], files[paths.incident_page(incident.id)])
    for component in context.site.components:
        feeds = (
            Feed(
                paths.component_feed(component.id, "atom"),
                "application/atom+xml",
                f"{component.name} (Atom)",
            ),
            Feed(
                paths.component_feed(component.id, "rss"),
                "application/rss+xml",
                f"{component.name} (RSS)",
            ),
        )
        page(
            paths.component_page(component.id),
            "component.html",
            component.name,
            feeds,
            component=views.component_page(
                component, context.timeline.incidents_by_component.get(component.id, ())
            ),
        )

    # A month of history changes only when one of its incidents does (or the months
    # around it): keep the others' pages too.
    months = views.history_months()
    counts = views.month_counts(months)
    listing = repr(sorted(counts.items())).encode()
    for key in (*months, None):
        month = key or next(iter(months))  # history/index.html shows the newest month
        path = paths.history_page(key)
        shown = {i.id for day in months[month].values() for i in day}
        month_key = (
            cache.key_of(path.encode(), listing, *sorted(keys[i] for i in shown)) if cache else b""
        )
        if cache:
            cache.named[path] = month_key
        kept = cache.get(month_key) if cache else None
        if kept is None:
            history = views.history_page(months, counts, month)
            title = f"History: {history.month_label}" if key else "History"
            kept = rendered(path, "history.html", title, updated=history.updated, history=history)
            if cache:
                cache.put(month_key, kept)
        files[path] = kept

    base_path = urlsplit(context.base_url).path or "/"
    meta_404 = views.meta(paths.NOT_FOUND, "Page not found")
    meta_404 = replace(meta_404, root=base_path)
    files[paths.NOT_FOUND] = render_template(
        env, context.root, "404.html", {"page": meta_404}
    ).encode("utf-8")

    files[paths.STYLESHEET] = _asset(env, "assets/style.css")
    files[paths.SITEMAP] = _sitemap(context, sorted(p for p in files if p.endswith("index.html")))
    files[paths.ROBOTS] = _robots(context)
    return files


def _asset(env: jinja2.Environment, name: str) -> bytes:
    loader = env.loader
    assert loader is not None
    source, _, _ = loader.get_source(env, name)
    return source.encode("utf-8")


def _sitemap(context: RenderContext, pages: list[str]) -> bytes:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for page in pages:
        lines.append(
            f"  <url><loc>{html_escape(context.url(paths.page_url(page)), quote=False)}</loc></url>"
        )
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _robots(context: RenderContext) -> bytes:
    if context.audience.value == "internal":
        return b"# Internal build: keep it out of every index.\nUser-agent: *\nDisallow: /\n"
    return f"User-agent: *\nAllow: /\nSitemap: {context.url(paths.SITEMAP)}\n".encode()
