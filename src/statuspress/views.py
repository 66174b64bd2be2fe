"""The view models templates receive: every time formatted, every URL made, every label
chosen here, so templates hold only markup.

URLs in views are relative to the site root (``incidents/x/``); templates prefix them
with ``page.root`` (``../../`` on a page two folders deep), which keeps the site working
under any sub-path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from markupsafe import Markup

from statuspress import paths
from statuspress.markdown import render_markdown
from statuspress.model import (
    Audience,
    Component,
    ComponentStatus,
    Incident,
    Kind,
    Show,
    Update,
    by_started,
    worst,
)
from statuspress.render import RenderContext
from statuspress.timefmt import (
    MONTHS,
    duration_words,
    iso,
    local_and_utc,
    long_date,
    short_date,
    zone,
)
from statuspress.timeline import (
    INDICATOR_DESCRIPTIONS,
    component_uptime,
    format_percent,
    impact_duration,
    incident_impact,
    overall_indicator,
)

#: Index page: at most this many resolved incidents under "Recent history".
RECENT_LIMIT = 10
RECENT_DAYS = 14
#: Component page: at most this many incidents listed (newest first).
COMPONENT_INCIDENT_LIMIT = 25


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site root
    text: str


@dataclass(frozen=True)
class Feed:
    href: str
    mime: str
    title: str


@dataclass(frozen=True)
class PageMeta:
    """What the base template needs on every page."""

    title: str  # the page's own title (the site title is added by the template)
    site_title: str
    description: str
    root: str  # prefix that turns a root-relative URL into one relative to this page
    canonical: str  # absolute URL
    feeds: tuple[Feed, ...]
    internal: bool
    language: str
    last_updated: str
    last_updated_iso: str
    support_url: str | None
    report: bool = False  # link the Reliability & communication page


@dataclass(frozen=True)
class StatusBadge:
    key: str  # css suffix: operational, degraded_performance, … or an impact
    label: str


@dataclass(frozen=True)
class UpdateView:
    anchor: str
    status: StatusBadge
    time: str
    time_iso: str
    body: Markup
    next_update: str | None
    next_update_iso: str | None
    erratum: str | None
    internal_note: Markup | None
    is_internal: bool
    affected: tuple[str, ...]


@dataclass(frozen=True)
class IncidentSummary:
    id: str
    url: str
    title: str
    is_maintenance: bool
    is_open: bool
    is_internal: bool
    status: StatusBadge
    impact: StatusBadge
    severity: str | None
    started: str
    started_iso: str
    ended: str | None
    duration: str
    schedule: str | None  # maintenance window, formatted
    components: tuple[str, ...]
    latest: UpdateView | None


@dataclass(frozen=True)
class IncidentPage:
    summary: IncidentSummary
    updates: tuple[UpdateView, ...]  # newest first
    description: Markup | None
    impact_duration: str
    affected: tuple[tuple[Link, StatusBadge], ...]
    postmortem_url: str | None
    postmortem: Markup | None
    postmortem_published: str | None


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
class IndexPage:
    overall: StatusBadge
    open_incidents: tuple[IncidentSummary, ...]
    active_maintenance: tuple[IncidentSummary, ...]
    upcoming_maintenance: tuple[IncidentSummary, ...]
    groups: tuple[GroupView, ...]
    recent: tuple[IncidentSummary, ...]
    uptime_days: int


@dataclass(frozen=True)
class ComponentPage:
    row: ComponentRow
    group: str | None
    incidents: tuple[IncidentSummary, ...]
    more_incidents: int


@dataclass(frozen=True)
class HistoryDay:
    label: str
    incidents: tuple[IncidentSummary, ...]


@dataclass(frozen=True)
class HistoryPage:
    month_label: str  # "November 2026"
    days: tuple[HistoryDay, ...]  # newest first
    months: tuple[tuple[Link, int, bool], ...]  # (link, incident count, is this month)
    newer: Link | None
    older: Link | None
    updated: datetime | None  # the newest change to the incidents listed


def status_badge(status: ComponentStatus) -> StatusBadge:
    return StatusBadge(status.value, status.label)


IMPACT_LABELS = {
    "none": "No impact",
    "minor": "Minor",
    "major": "Major",
    "critical": "Critical",
    "maintenance": "Maintenance",
}


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


class Views:
    """Builds view models for one render; incident summaries are made once and reused."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.site = context.site
        self.settings = context.site.settings
        self.zone_name = self.settings.timezone
        self.tz = zone(self.zone_name)
        self.components = {c.id: c for c in self.site.components}
        self._summaries: dict[str, IncidentSummary] = {}

    # -- shared pieces -----------------------------------------------------------------
    def time(self, value: datetime) -> str:
        return local_and_utc(value, self.zone_name)

    def last_change(self, incidents: Iterable[Incident]) -> datetime | None:
        """The newest start or update time of ``incidents`` that is not in the future."""
        now = self.context.now
        stamps = [incident.last_stamp_by(now) for incident in incidents]
        return max((s for s in stamps if s is not None), default=None)

    @cached_property
    def last_updated(self) -> datetime:
        """The newest timestamp in the content (not the clock: builds are reproducible)."""
        return self.last_change(self.site.incidents) or self.context.now

    def meta(
        self,
        page_path: str,
        title: str,
        feeds: Sequence[Feed] = (),
        updated: datetime | None = None,
    ) -> PageMeta:
        """The page frame. ``updated`` is when the page's own content last changed (an
        incident page: the incident's newest update); the site's newest update otherwise."""
        updated = updated or self.last_updated
        depth = page_path.count("/")
        site_feeds = (
            Feed(paths.FEED_ATOM, "application/atom+xml", f"{self.settings.title} (Atom)"),
            Feed(paths.FEED_RSS, "application/rss+xml", f"{self.settings.title} (RSS)"),
        )
        return PageMeta(
            title=title,
            site_title=self.settings.title,
            description=self.settings.description or f"Current status of {self.settings.title}.",
            root="../" * depth,
            canonical=self.context.url(paths.page_url(page_path)),
            feeds=site_feeds + tuple(feeds),
            internal=self.context.audience is Audience.INTERNAL,
            language=self.settings.language,
            last_updated=self.time(updated),
            last_updated_iso=iso(updated),
            support_url=self.settings.support_url,
            report=self.settings.report_page,
        )

    def component_name(self, component_id: str) -> str:
        component = self.components.get(component_id)
        return component.name if component else component_id

    # -- incidents ---------------------------------------------------------------------
    def update(self, update: Update) -> UpdateView:
        affected = tuple(
            f"{self.component_name(cid)}: {status.label}"
            for cid, status in update.components.items()
        )
        return UpdateView(
            anchor=f"update-{update.id}",
            status=StatusBadge(update.status.value, update.status.label),
            time=self.time(update.at),
            time_iso=iso(update.at),
            body=Markup(render_markdown(update.body)),
            next_update=self.time(update.next_update)
            if update.next_update and not update.is_final
            else None,
            next_update_iso=iso(update.next_update) if update.next_update else None,
            erratum=update.erratum,
            internal_note=Markup(render_markdown(update.internal)) if update.internal else None,
            is_internal=update.audience is Audience.INTERNAL,
            affected=affected,
        )

    def incident_summary(self, incident: Incident) -> IncidentSummary:
        cached = self._summaries.get(incident.id)
        if cached is not None:
            return cached
        now = self.context.now
        impact = incident_impact(self.site, incident)
        end = incident.resolved_at
        severity = None
        if incident.severity is not None:
            severity = self.settings.severity(incident.severity).label
        schedule = None
        if (
            incident.kind is Kind.MAINTENANCE
            and incident.scheduled_start
            and incident.scheduled_end
        ):
            schedule = (
                f"{self.time(incident.scheduled_start)} to {self.time(incident.scheduled_end)}"
            )
        summary = IncidentSummary(
            id=incident.id,
            url=paths.page_url(paths.incident_page(incident.id)),
            title=incident.title,
            is_maintenance=incident.kind is Kind.MAINTENANCE,
            is_open=incident.is_open,
            is_internal=incident.audience is Audience.INTERNAL,
            status=StatusBadge(incident.status.value, incident.status.label),
            impact=StatusBadge(impact, IMPACT_LABELS[impact]),
            severity=severity,
            started=self.time(incident.started),
            started_iso=iso(incident.started),
            ended=self.time(end) if end else None,
            duration=duration_words((end or now) - incident.started),
            schedule=schedule,
            components=tuple(self.component_name(c) for c in incident.components),
            latest=self.update(incident.latest) if incident.latest else None,
        )
        self._summaries[incident.id] = summary
        return summary

    def incident_page(self, incident: Incident) -> IncidentPage:
        segments = self.context.timeline.segments.get(incident.id, ())
        until = incident.resolved_at or self.context.now
        affected = tuple(
            (
                Link(paths.page_url(paths.component_page(cid)), self.component_name(cid)),
                status_badge(status),
            )
            for cid, status in incident.components.items()
            if cid in self.components
        )
        return IncidentPage(
            summary=self.incident_summary(incident),
            updates=tuple(self.update(u) for u in reversed(incident.updates)),
            description=Markup(render_markdown(incident.summary)) if incident.summary else None,
            impact_duration=duration_words(impact_duration(segments, until)),
            affected=affected,
            postmortem_url=incident.postmortem_url,
            postmortem=Markup(render_markdown(incident.postmortem))
            if incident.postmortem
            else None,
            postmortem_published=(
                self.time(incident.postmortem_published) if incident.postmortem_published else None
            ),
        )

    # -- components --------------------------------------------------------------------
    def uptime(self, component: Component) -> UptimeView:
        window = self.settings.history_days
        uptime = component_uptime(self.context.timeline, component, self.tz, window)
        days = []
        for record in uptime.days:
            label = short_date(record.day)
            if not record.tracked:
                days.append(DayView(label, "untracked", f"{label}: no data", ()))
                continue
            links = tuple(
                Link(
                    paths.page_url(paths.incident_page(i)),
                    self._titles.get(i, i),
                )
                for i in record.incident_ids
            )
            if record.status is ComponentStatus.OPERATIONAL and not record.incident_ids:
                text = f"{label}: no incidents"
            else:
                text = (
                    f"{label}: {record.status.label.lower()} for {duration_words(record.impacted)}"
                )
            days.append(DayView(label, record.status.value, text, links))
        incident_days = tuple(d for d in reversed(days) if d.links)
        percent = format_percent(uptime.percent) if uptime.percent is not None else None
        return UptimeView(percent, tuple(days), incident_days, window)

    @cached_property
    def _titles(self) -> dict[str, str]:
        """incident id -> title, for the uptime bars' links (one lookup per link)."""
        return {i.id: i.title for i in self.site.incidents}

    def component_row(self, component: Component) -> ComponentRow:
        return ComponentRow(
            id=component.id,
            url=paths.page_url(paths.component_page(component.id)),
            name=component.name,
            description=Markup(render_markdown(component.description))
            if component.description
            else None,
            status=status_badge(
                self.context.timeline.current.get(component.id, ComponentStatus.OPERATIONAL)
            ),
            uptime=self.uptime(component),
            is_internal=component.audience is Audience.INTERNAL,
        )

    @cached_property
    def rows(self) -> dict[str, ComponentRow]:
        return {c.id: self.component_row(c) for c in self.site.components}

    def groups(self) -> tuple[GroupView, ...]:
        """Components grouped (groups in order of their first member), each group showing its
        worst member; ``show: when-degraded`` components only while not operational."""
        order: list[str | None] = []
        members: dict[str | None, list[Component]] = {}
        for component in self.site.components:
            if component.group not in members:
                order.append(component.group)
                members[component.group] = []
            members[component.group].append(component)
        current = self.context.timeline.current
        groups = []
        for name in order:
            shown = [
                self.rows[c.id]
                for c in members[name]
                if c.show is Show.ALWAYS
                or current.get(c.id, ComponentStatus.OPERATIONAL) is not ComponentStatus.OPERATIONAL
            ]
            if not shown:
                continue
            status = worst(current.get(c.id, ComponentStatus.OPERATIONAL) for c in members[name])
            groups.append(GroupView(name, status_badge(status), tuple(shown)))
        return tuple(groups)

    def index(self) -> IndexPage:
        timeline = self.context.timeline
        indicator = overall_indicator(self.site, timeline)
        now = self.context.now
        recent_since = now - timedelta(days=RECENT_DAYS)
        recent = [
            i
            for i in reversed(self.site.incidents)
            if not i.is_open and i.resolved_at is not None and i.resolved_at >= recent_since
        ][:RECENT_LIMIT]
        return IndexPage(
            overall=StatusBadge(indicator, INDICATOR_DESCRIPTIONS[indicator]),
            open_incidents=tuple(self.incident_summary(i) for i in timeline.open_incidents),
            active_maintenance=tuple(self.incident_summary(i) for i in timeline.active_maintenance),
            upcoming_maintenance=tuple(
                self.incident_summary(i) for i in timeline.upcoming_maintenance
            ),
            groups=self.groups(),
            recent=tuple(self.incident_summary(i) for i in recent),
            uptime_days=self.settings.history_days,
        )

    def component_page(self, component: Component, incidents: Sequence[Incident]) -> ComponentPage:
        newest = list(reversed(incidents))
        shown = newest[:COMPONENT_INCIDENT_LIMIT]
        return ComponentPage(
            row=self.rows[component.id],
            group=component.group,
            incidents=tuple(self.incident_summary(i) for i in shown),
            more_incidents=len(newest) - len(shown),
        )

    # -- history -----------------------------------------------------------------------
    def days_touched(self, incident: Incident) -> list[date]:
        """Local calendar days the incident touched, from its start to its end (or now)."""
        start = incident.started
        end = incident.resolved_at or self.context.now
        if incident.kind is Kind.MAINTENANCE and incident.status.is_final is False:
            end = max(start, min(end, incident.scheduled_end or end))
        first = start.astimezone(self.tz).date()
        last = max(end, start).astimezone(self.tz).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def history_months(self) -> dict[str, dict[date, list[Incident]]]:
        """month key -> local day -> the incidents that touched it, newest month first
        (the current month always, even when empty)."""
        by_month: dict[str, dict[date, list[Incident]]] = {}
        for incident in self.site.incidents:
            if incident.kind is Kind.MAINTENANCE and incident.started > self.context.now:
                continue  # upcoming maintenance is not history yet
            for day in self.days_touched(incident):
                by_month.setdefault(month_key(day), {}).setdefault(day, []).append(incident)
        current = month_key(self.context.now.astimezone(self.tz).date())
        by_month.setdefault(current, {})
        return {key: by_month[key] for key in sorted(by_month, reverse=True)}

    @staticmethod
    def month_counts(months: Mapping[str, Mapping[date, list[Incident]]]) -> dict[str, int]:
        """month key -> how many incidents it lists (one that spans days counts once)."""
        return {k: len({i.id for day in days.values() for i in day}) for k, days in months.items()}

    def history_page(
        self,
        months: Mapping[str, Mapping[date, list[Incident]]],
        counts: Mapping[str, int],
        key: str,
    ) -> HistoryPage:
        """The page of one month of ``history_months()``; ``counts`` is their
        ``month_counts`` (counted once for all the pages)."""
        keys = list(months)
        index = keys.index(key)
        days = tuple(
            HistoryDay(
                long_date(day),
                tuple(
                    self.incident_summary(i)
                    for i in sorted(months[key][day], key=by_started, reverse=True)
                ),
            )
            for day in sorted(months[key], reverse=True)
        )
        newer = keys[index - 1] if index > 0 else None
        older = keys[index + 1] if index + 1 < len(keys) else None
        listed = {i.id: i for day in months[key].values() for i in day}
        return HistoryPage(
            month_label=month_label(key),
            days=days,
            months=tuple((self._month_link(k), counts[k], k == key) for k in keys),
            newer=self._month_link(newer) if newer else None,
            older=self._month_link(older) if older else None,
            updated=self.last_change(listed.values()),
        )

    @staticmethod
    def _month_link(key: str) -> Link:
        return Link(paths.page_url(paths.history_page(key)), month_label(key))
