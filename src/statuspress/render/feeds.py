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
from statuspress.timeline import last_changed, review_published

#: One feed item: an update of the incident, or (None) its published postmortem.
Entry = tuple[Incident, Update | None]
#: The postmortem's item sorts after every update of the same moment.
_POSTMORTEM_ID = "~postmortem"


def _latest_item(incident: Incident, now: datetime) -> datetime | None:
    """When the incident's newest item by ``now`` was posted: an update or its postmortem."""
    update = incident.last_update_by(now)
    review = review_published(incident, now)
    if update is None or (review is not None and review > update):
        return review
    return update


def _by_latest(incidents: Sequence[Incident], now: datetime) -> list[tuple[datetime, Incident]]:
    """The incidents with an item posted by ``now``, by their newest such item, newest
    first (sorted once for all the feeds)."""
    latest = [(_latest_item(i, now), i) for i in incidents]
    ordered = [(at, i) for at, i in latest if at is not None]
    ordered.sort(key=lambda pair: pair[0], reverse=True)
    return ordered


def _entry_at(entry: Entry) -> datetime:
    incident, update = entry
    if update is not None:
        return update.at
    assert incident.postmortem_published is not None  # only published reviews are entries
    return incident.postmortem_published


def _entry_changed(entry: Entry) -> datetime:
    update = entry[1]
    return _entry_at(entry) if update is None else last_changed(update)


def _entry_order(entry: Entry) -> tuple[datetime, str, str]:
    return (_entry_at(entry), entry[0].id, _POSTMORTEM_ID if entry[1] is None else entry[1].id)


def _items(incident: Incident, now: datetime) -> list[Entry]:
    entries: list[Entry] = [(incident, u) for u in incident.updates if u.at <= now]
    if review_published(incident, now) is not None:
        entries.append((incident, None))
    return entries


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
        if len(entries) >= limit and _entry_at(entries[-1]) > latest:
            break  # every item still to come is older than the last one kept
        entries.extend(_items(incident, now))
        entries.sort(key=_entry_order, reverse=True)
        del entries[limit:]
    return entries


def _item_html(context: RenderContext, incident: Incident, update: Update | None) -> str:
    messages = context.frame.messages
    if update is None:
        return _review_html(context, incident)
    html = render_markdown(update.body)
    if update.erratum:
        if update.corrected:
            # Translators: the label before an erratum, with the time the correction was made.
            correction = messages.gettext("Corrected on %(time)s:") % {
                "time": context.frame.time(update.corrected)
            }
        else:
            # Translators: the label before an erratum, a correction of a posted update.
            correction = messages.gettext("Correction:")
        html += f"<p><strong>{_escape(correction)}</strong> {_escape(update.erratum)}</p>"
    if update.next_update and not update.is_final:
        when = context.frame.time(update.next_update)
        promise = messages.gettext("Next update by %(time)s") % {"time": when}
        html += f"<p><strong>{_escape(promise)}</strong></p>"
    return html


def _review_html(context: RenderContext, incident: Incident) -> str:
    """A published postmortem as a feed item: its text, or a link to it."""
    html = render_markdown(incident.postmortem) if incident.postmortem else ""
    if incident.postmortem_url:
        label = context.frame.messages.gettext("Read the full incident review")
        href = _escape(incident.postmortem_url).replace('"', "&quot;")
        html += f'<p><a href="{href}">{_escape(label)}</a></p>'
    return html


def _item_title(context: RenderContext, incident: Incident, update: Update | None) -> str:
    messages = context.frame.messages
    if update is None:
        # Translators: a feed item's title when an incident's review is published.
        return messages.gettext("%(title)s — Incident review") % {"title": incident.title}
    # Translators: a feed item's title: the incident's title, and the update's status.
    return messages.gettext("%(title)s — %(status)s") % {
        "title": incident.title,
        "status": update.status.describe(messages),
    }


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
    updated = max((_entry_changed(e) for e in entries), default=context.now)
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
            anchor = "postmortem-heading" if update is None else f"update-{update.id}"
            link = context.url(paths.page_url(paths.incident_page(incident.id))) + f"#{anchor}"
            fe = fg.add_entry()
            fe.id(link)
            fe.guid(link, permalink=True)
            fe.title(_item_title(context, incident, update))
            fe.link(href=link)
            fe.published(_entry_at((incident, update)))
            # A corrected update is the same item, updated: readers see the correction.
            fe.updated(_entry_changed((incident, update)))
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
