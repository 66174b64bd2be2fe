"""RSS 2.0 and Atom 1.0 feeds with feedgen: one item per public update, newest first.

One item per update (not per incident) so that a feed reader shows every new update as
new. Dates come from the content, never the clock, so rebuilds are byte-identical.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from statuspress import paths
from statuspress.markdown import render_markdown
from statuspress.model import Component, Incident, Update
from statuspress.render import Files, RenderContext

Entry = tuple[Incident, Update]


def _by_latest(incidents: Sequence[Incident], now: datetime) -> list[tuple[datetime, Incident]]:
    """The incidents with an update posted by ``now``, by their newest such update, newest
    first (sorted once for all the feeds)."""
    latest = [(i.last_update_by(now), i) for i in incidents]
    ordered = [(at, i) for at, i in latest if at is not None]
    ordered.sort(key=lambda pair: pair[0], reverse=True)
    return ordered


def _entry_order(entry: Entry) -> tuple[datetime, str, str]:
    return (entry[1].at, entry[0].id, entry[1].id)


def _first(
    ordered: list[tuple[datetime, Incident]],
    now: datetime,
    limit: int,
    of: Sequence[Incident] | None = None,
) -> list[Entry]:
    """The ``limit`` newest updates posted by ``now`` (of the incidents ``of``, when given),
    newest first. Incidents are visited newest first and only until none left can hold a
    newer update, so a long history costs a look at its newest incidents, not at each of
    its updates."""
    wanted = None if of is None else {i.id for i in of}
    entries: list[Entry] = []
    for latest, incident in ordered:
        if wanted is not None and incident.id not in wanted:
            continue
        if len(entries) >= limit and entries[-1][1].at > latest:
            break  # every update still to come is older than the last one kept
        entries.extend((incident, u) for u in incident.updates if u.at <= now)
        entries.sort(key=_entry_order, reverse=True)
        del entries[limit:]
    return entries


def _item_html(context: RenderContext, incident: Incident, update: Update) -> str:
    messages = context.frame.messages
    html = render_markdown(update.body)
    if update.erratum:
        # Translators: the label before an erratum, a correction of a posted update.
        correction = messages.gettext("Correction:")
        html += f"<p><strong>{_escape(correction)}</strong> {_escape(update.erratum)}</p>"
    if update.next_update and not update.is_final:
        when = context.frame.time(update.next_update)
        promise = messages.gettext("Next update by %(time)s") % {"time": when}
        html += f"<p><strong>{_escape(promise)}</strong></p>"
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _feeds(
    context: RenderContext,
    entries: list[Entry],
    title: str,
    page_url: str,
    rss_path: str,
    atom_path: str,
    description: str,
) -> Files:
    settings = context.site.settings
    updated = entries[0][1].at if entries else context.now
    files: Files = {}
    for kind, path in (("atom", atom_path), ("rss", rss_path)):
        fg = FeedGenerator()
        fg.id(context.url(path))
        fg.title(title)
        fg.author({"name": settings.title})
        # feedgen: the RSS channel <link> is the last link added, so rel=self comes first.
        fg.link(href=context.url(path), rel="self")
        fg.link(href=page_url, rel="alternate")
        fg.description(description)
        fg.subtitle(description)
        fg.language(settings.language)
        fg.updated(updated)
        fg.lastBuildDate(updated)
        fg.generator("statuspress")
        # feedgen prepends entries: add oldest first so the document is newest first.
        for incident, update in reversed(entries):
            link = (
                context.url(paths.page_url(paths.incident_page(incident.id)))
                + f"#update-{update.id}"
            )
            fe = fg.add_entry()
            fe.id(link)
            fe.guid(link, permalink=True)
            # Translators: a feed item's title: the incident's title, and the update's status.
            item_title = context.frame.messages.gettext("%(title)s — %(status)s") % {
                "title": incident.title,
                "status": update.status.describe(context.frame.messages),
            }
            fe.title(item_title)
            fe.link(href=link)
            fe.published(update.at)
            fe.updated(update.at)
            html = _item_html(context, incident, update)
            if kind == "atom":
                fe.content(html, type="html")
            else:
                fe.description(html)
        data = fg.atom_str(pretty=True) if kind == "atom" else fg.rss_str(pretty=True)
        files[path] = data
    return files


def render(context: RenderContext) -> Files:
    settings = context.site.settings
    messages = context.frame.messages
    limit = settings.feed_limit
    ordered = _by_latest(context.site.incidents, context.now)
    # Translators: the title of the site's feed; %(site)s is the site's title.
    title = messages.gettext("%(site)s: incidents and maintenance") % {"site": settings.title}
    # Translators: the site feed's description when the site has none.
    description = messages.gettext("Every update posted on %(site)s.") % {"site": settings.title}
    files = _feeds(
        context,
        _first(ordered, context.now, limit),
        title,
        context.base_url,
        paths.FEED_RSS,
        paths.FEED_ATOM,
        settings.description or description,
    )
    files[paths.HISTORY_RSS] = files[paths.FEED_RSS]
    files[paths.HISTORY_ATOM] = files[paths.FEED_ATOM]
    for component in context.site.components:
        files.update(
            _component_feeds(
                context,
                component,
                _first(
                    ordered,
                    context.now,
                    limit,
                    of=context.timeline.incidents_by_component.get(component.id, ()),
                ),
            )
        )
    return files


def _component_feeds(context: RenderContext, component: Component, entries: list[Entry]) -> Files:
    messages = context.frame.messages
    names = {"site": context.site.settings.title, "component": component.name}
    return _feeds(
        context,
        entries,
        # Translators: the title of one component's feed.
        messages.gettext("%(site)s: %(component)s") % names,
        context.url(paths.page_url(paths.component_page(component.id))),
        paths.component_feed(component.id, "rss"),
        paths.component_feed(component.id, "atom"),
        messages.gettext("Every update about %(component)s.") % names,
    )
