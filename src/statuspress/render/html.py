"""The HTML site: index, incident, component and history pages, 404, sitemap, robots
and the theme's assets (the stylesheet), under fingerprinted names."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from html import escape as html_escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from statuspress import paths
from statuspress.model import Incident
from statuspress.render import Files, RenderContext
from statuspress.render.ids import incident_id
from statuspress.templates import environment_assets, make_environment, render_template
from statuspress.timefmt import iso
from statuspress.views.components import component_page, component_rows
from statuspress.views.frame import Frame, PageMeta, feeds_of, last_change
from statuspress.views.history import history_months, history_page, month_counts
from statuspress.views.incident import incident_page
from statuspress.views.index import index_page
from statuspress.views.subscribe import subscribe_page


def incident_page_renderer(
    frame: Frame, root: Path, env: jinja2.Environment | None = None
) -> Callable[[Incident], bytes]:
    """The function that renders one incident's page (the audience's view of the
    incident) from the incident and ``frame`` alone: its "last updated" is its own, so one
    new update elsewhere leaves it byte for byte the same. Templates compile once."""
    env = env or make_environment(root, frame.messages)

    def render_page(incident: Incident) -> bytes:
        path = paths.incident_page(incident.id)
        alone = replace(frame)  # its views are this page's alone: nothing kept after it
        meta = alone.meta(path, incident.title, last_change((incident,), frame.now) or frame.now)
        values = {"page": meta, "incident": incident_page(alone, incident)}
        return render_template(env, root, "incident.html", values).encode()

    return render_page


def redirect_page_renderer(
    frame: Frame, root: Path, env: jinja2.Environment | None = None
) -> Callable[[Incident], bytes]:
    """The function that renders the page at an incident's API id (``_redirects``), from
    the incident and ``frame`` alone, as ``incident_page_renderer`` does its page: what
    one makes, the other can make beside it."""
    env = env or make_environment(root, frame.messages)
    # Every such page has the same frame but for its title, canonical URL and time (they
    # all lie at the same depth), so the frame is made once. No alternates: they exist at
    # the root only, no other language has one.
    common = replace(frame.meta(paths.incident_redirect("-"), "", frame.now), alternates=())

    def render_redirect(incident: Incident) -> bytes:
        target = paths.page_url(paths.incident_page(incident.id))
        updated = last_change((incident,), frame.now) or frame.now
        meta = replace(
            common,
            title=incident.title,
            canonical=frame.url(target),
            last_updated=frame.time(updated),
            last_updated_iso=iso(updated),
        )
        values = {"page": meta, "target": target}
        return render_template(env, root, "redirect.html", values).encode()

    return render_redirect


def render(context: RenderContext, incident_pages: Mapping[str, bytes] | None = None) -> Files:
    """Every HTML page of the site. ``incident_pages`` (output path -> bytes) are incident
    pages and pages at their API ids already rendered by ``incident_page_renderer`` and
    ``redirect_page_renderer`` with this context's frame; the others are rendered here."""
    frame = context.frame
    messages = frame.messages
    env = context.templates
    files: Files = {}

    def page(path: str, template: str, meta: PageMeta, **values: Any) -> None:
        files[path] = render_template(
            env, context.root, template, {"page": meta, **values}
        ).encode()

    rows = component_rows(context)
    page(
        paths.INDEX,
        "index.html",
        # Translators: the title of the index page.
        frame.meta(paths.INDEX, messages.gettext("Current status"), context.last_updated),
        index=index_page(context, rows),
    )
    given = incident_pages or {}
    render_incident: Callable[[Incident], bytes] | None = None
    for incident in context.site.incidents:
        path = paths.incident_page(incident.id)
        ready = given.get(path)
        if ready is None:
            render_incident = render_incident or incident_page_renderer(frame, context.root, env)
            ready = render_incident(incident)
        files[path] = ready
    for component in context.site.components:
        feeds = feeds_of(
            component.name,
            paths.component_feed(component.id, "atom"),
            paths.component_feed(component.id, "rss"),
            messages,
        )
        path = paths.component_page(component.id)
        named = context.timeline.incidents_by_component.get(component.id, ())
        page(
            path,
            "component.html",
            frame.meta(path, component.name, context.last_updated, feeds),
            component=component_page(context, rows[component.id], component, named),
        )

    months = history_months(context)
    counts = month_counts(months)
    for key in (*months, None):
        month = key or next(iter(months))  # history/index.html shows the newest month
        path = paths.history_page(key)
        history = history_page(context, months, counts, month)
        title = (
            messages.gettext("History: %(month)s") % {"month": history.month_label}
            if key
            else messages.gettext("History")
        )
        page(
            path,
            "history.html",
            frame.meta(path, title, history.updated or context.last_updated),
            history=history,
        )

    page(
        paths.SUBSCRIBE_PAGE,
        "subscribe.html",
        # Translators: the title of the page listing every way to follow the site.
        frame.meta(
            paths.SUBSCRIBE_PAGE, messages.gettext("Subscribe to updates"), context.last_updated
        ),
        subscribe=subscribe_page(context),
    )

    base_path = urlsplit(context.base_url).path or "/"
    meta_404 = replace(
        frame.meta(paths.NOT_FOUND, messages.gettext("Page not found"), context.last_updated),
        root=base_path,
    )
    files[paths.NOT_FOUND] = render_template(
        env, context.root, "404.html", {"page": meta_404}
    ).encode("utf-8")

    files.update(environment_assets(env).files)
    pages = sorted(p for p in files if p.endswith("index.html"))
    # Each other language has the same pages under its folder (render/translated.py).
    pages += [f"{lang}/{p}" for lang in context.site.settings.extra_languages for p in pages]
    files[paths.SITEMAP] = _sitemap(context, pages)
    files[paths.ROBOTS] = _robots(context)
    if not context.site_url:  # (another language's pages: API ids lead to the root's)
        files.update(_redirects(context, files, given))
    return files


def _redirects(context: RenderContext, files: Files, given: Mapping[str, bytes]) -> Files:
    """``incidents/<API id>.html``: a page that sends readers on to the incident's page
    (meta refresh, ``rel=canonical`` and a visible link), for ``incidents/<API id>`` links
    built from ``api/v2`` ids. Left out of the sitemap; none where an incident's own page
    has that name. ``given``: such pages already rendered by ``redirect_page_renderer``."""
    redirects: Files = {}
    render_redirect: Callable[[Incident], bytes] | None = None
    for incident in context.site.incidents:
        api_id = incident_id(incident.id)
        path = paths.incident_redirect(api_id)
        if paths.incident_page(api_id) in files:
            continue
        ready = given.get(path)
        if ready is None:
            render_redirect = render_redirect or redirect_page_renderer(
                context.frame, context.root, context.templates
            )
            ready = render_redirect(incident)
        redirects[path] = ready
    return redirects


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
