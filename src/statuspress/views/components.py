"""Components as the index and their own pages show them: current status, 90 days of
uptime bars, and the incidents that named them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from markupsafe import Markup

from statuspress import paths
from statuspress.markdown import render_markdown
from statuspress.messages import Catalogue
from statuspress.model import Audience, Component, ComponentStatus, Incident, Show, worst
from statuspress.timefmt import duration_words, percent, short_date, word_list
from statuspress.timeline import component_uptime, floored_percent
from statuspress.views.context import RenderContext
from statuspress.views.frame import IncidentSummary, Link, StatusBadge, status_badge

#: Component page: at most this many incidents listed (newest first).
COMPONENT_INCIDENT_LIMIT = 25
#: On a phone's width an uptime bar shows this many newest days (90 would be 2 px each).
PHONE_DAYS = 30


@dataclass(frozen=True)
class DayView:
    label: str  # "23 Sep 2026"
    css: str  # status key or "untracked"
    text: str  # the text equivalent of the day's cell
    links: tuple[Link, ...]


@dataclass(frozen=True)
class UptimeView:
    percent: str | None
    days: tuple[DayView, ...]
    incident_days: tuple[DayView, ...]  # only days with an incident, newest first
    window_days: int
    phone_days: int  # the newest days a phone's width shows


@dataclass(frozen=True)
class ComponentRow:
    id: str
    url: str
    name: str
    description: Markup | None
    status: StatusBadge
    uptime: UptimeView
    is_internal: bool


@dataclass(frozen=True)
class GroupView:
    name: str | None
    status: StatusBadge
    components: tuple[ComponentRow, ...]


@dataclass(frozen=True)
class ComponentPage:
    row: ComponentRow
    group: str | None
    incidents: tuple[IncidentSummary, ...]
    more_incidents: int


def uptime(context: RenderContext, component: Component, titles: dict[str, str]) -> UptimeView:
    """``titles``: incident id -> title, for the bars' links."""
    window = context.site.settings.history_days
    record_days = component_uptime(context.timeline, component, context.frame.tz, window)
    messages = context.frame.messages
    days = []
    for record in record_days.days:
        label = short_date(record.day, messages)
        if not record.tracked:
            # Translators: a day of a component's uptime bar before its records begin.
            text = messages.gettext("%(date)s: no data") % {"date": label}
            days.append(DayView(label, "untracked", text, ()))
            continue
        links = tuple(
            Link(paths.page_url(paths.incident_page(i)), titles.get(i, i))
            for i in record.incident_ids
        )
        if record.status is ComponentStatus.OPERATIONAL and not record.incident_ids:
            text = messages.gettext("%(date)s: no incidents") % {"date": label}
        else:
            text = day_text(label, record.by_status, messages)
        days.append(DayView(label, record.status.value, text, links))
    incident_days = tuple(d for d in reversed(days) if d.links)
    shown = None
    if record_days.percent is not None:
        shown = percent(floored_percent(record_days.percent), messages, 2)
    return UptimeView(shown, tuple(days), incident_days, window, min(window, PHONE_DAYS))


def day_text(
    label: str, parts: Sequence[tuple[ComponentStatus, timedelta]], messages: Catalogue
) -> str:
    """A day of an uptime bar in words, each status the component spent time in with its
    own duration, worst first: "23 Sep 2026: major outage for 1 h, degraded performance
    for 25 min"."""
    if not parts:
        # Translators: a day of a component's uptime bar with incidents that did not
        # change its status.
        return messages.gettext("%(date)s: operational throughout") % {"date": label}
    said = word_list(
        [
            status_for(status, messages) % {"duration": duration_words(spent, messages)}
            for status, spent in parts
        ],
        messages,
        conjunction=False,
    )
    # Translators: a day of a component's uptime bar: its date, then how long it spent in
    # each status that day ("major outage for 1 h, degraded performance for 25 min").
    return messages.gettext("%(date)s: %(statuses)s") % {"date": label, "statuses": said}


def status_for(status: ComponentStatus, messages: Catalogue) -> str:
    """``major outage for %(duration)s``: one part of a day's text."""
    # Translators: how long a component spent in one status on one day; several of these
    # are listed after the date, separated by commas.
    sentences = {
        ComponentStatus.OPERATIONAL: messages.gettext("operational for %(duration)s"),
        ComponentStatus.UNDER_MAINTENANCE: messages.gettext("under maintenance for %(duration)s"),
        ComponentStatus.DEGRADED_PERFORMANCE: messages.gettext(
            "degraded performance for %(duration)s"
        ),
        ComponentStatus.PARTIAL_OUTAGE: messages.gettext("partial outage for %(duration)s"),
        ComponentStatus.MAJOR_OUTAGE: messages.gettext("major outage for %(duration)s"),
    }
    return sentences[status]


def component_rows(context: RenderContext) -> dict[str, ComponentRow]:
    """component id -> its row (the index and the component's own page show the same)."""
    titles = {i.id: i.title for i in context.site.incidents}
    current = context.timeline.current
    return {
        c.id: ComponentRow(
            id=c.id,
            url=paths.page_url(paths.component_page(c.id)),
            name=c.name,
            description=Markup(render_markdown(c.description)) if c.description else None,
            status=status_badge(
                current.get(c.id, ComponentStatus.OPERATIONAL), context.frame.messages
            ),
            uptime=uptime(context, c, titles),
            is_internal=c.audience is Audience.INTERNAL,
        )
        for c in context.site.components
    }


def groups(context: RenderContext, rows: dict[str, ComponentRow]) -> tuple[GroupView, ...]:
    """Components grouped (groups in order of their first member), each group showing its
    worst member; ``show: when-degraded`` components only while not operational."""
    order: list[str | None] = []
    members: dict[str | None, list[Component]] = {}
    for component in context.site.components:
        if component.group not in members:
            order.append(component.group)
            members[component.group] = []
        members[component.group].append(component)
    current = context.timeline.current
    result = []
    for name in order:
        shown = [
            rows[c.id]
            for c in members[name]
            if c.show is Show.ALWAYS
            or current.get(c.id, ComponentStatus.OPERATIONAL) is not ComponentStatus.OPERATIONAL
        ]
        if not shown:
            continue
        status = worst(current.get(c.id, ComponentStatus.OPERATIONAL) for c in members[name])
        result.append(GroupView(name, status_badge(status, context.frame.messages), tuple(shown)))
    return tuple(result)


def component_page(
    context: RenderContext, row: ComponentRow, component: Component, incidents: Sequence[Incident]
) -> ComponentPage:
    newest = list(reversed(incidents))
    shown = newest[:COMPONENT_INCIDENT_LIMIT]
    return ComponentPage(
        row=row,
        group=component.group,
        incidents=tuple(context.frame.incident_summary(i) for i in shown),
        more_incidents=len(newest) - len(shown),
    )
