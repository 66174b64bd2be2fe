"""Derived facts, computed once per build: component status over time, current and
overall status, open incidents and maintenance windows."""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cached_property

from statuspress.config import Settings
from statuspress.messages import Catalogue
from statuspress.model import (
    ACTIVE_MAINTENANCE_STATUSES,
    Component,
    ComponentStatus,
    Incident,
    Kind,
    Segment,
    StatusSite,
    Update,
    UpdateStatus,
    by_started,
    worst,
)


def impact_segments(incident: Incident) -> tuple[Segment, ...]:
    """The incident's effect on components as consecutive segments (see Incident.impact)."""
    return incident.impact


_FOREVER = datetime.max.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Timeline:
    """Everything derived from the record that several outputs need, computed once."""

    now: datetime
    segments: Mapping[str, tuple[Segment, ...]]  # incident id -> its segments
    by_component: Mapping[str, tuple[Segment, ...]]  # component id -> segments touching it
    open_incidents: tuple[Incident, ...]  # unresolved incidents (not maintenance), newest first
    active_maintenance: tuple[Incident, ...]  # maintenance in progress now
    upcoming_maintenance: tuple[Incident, ...]  # scheduled, not yet started, soonest first
    #: component id -> incidents naming it (header or any update), in `started` order
    incidents_by_component: Mapping[str, tuple[Incident, ...]]

    #: component id -> (segment starts, latest end among the segments up to each one)
    _reach: dict[str, tuple[list[datetime], list[datetime]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def current(self) -> Mapping[str, ComponentStatus]:
        """Component id -> its status now."""
        return {k: self.status_at(k, self.now) for k in self.by_component}

    def status_at(self, component_id: str, when: datetime) -> ComponentStatus:
        """The component's worst status at ``when``. Looks back only over the segments
        that start by ``when`` and until none before can still be running, so a query
        costs what overlaps it, not the whole history."""
        segments = self.by_component.get(component_id, ())
        starts, reach = self._reach_of(component_id)
        result = ComponentStatus.OPERATIONAL
        index = bisect.bisect_right(starts, when)
        while index > 0 and reach[index - 1] > when:
            index -= 1
            segment = segments[index]
            if segment.end is None or when < segment.end:
                status = segment.statuses[component_id]
                if status.rank > result.rank:
                    result = status
        return result

    def last_change(self, component_id: str, when: datetime) -> datetime | None:
        """When the component's status last changed by ``when`` (a segment started or
        ended then; None: never). Looks back only while a segment may still end later."""
        segments = self.by_component.get(component_id, ())
        starts, reach = self._reach_of(component_id)
        index = bisect.bisect_right(starts, when)
        if index == 0:
            return None
        latest = starts[index - 1]
        while index > 0:
            index -= 1
            if reach[index] <= when:  # every segment up to here ended by then
                return max(latest, reach[index])
            end = segments[index].end
            if end is not None and latest < end <= when:
                latest = end
        return latest

    def running_since(self, component_id: str, since: datetime) -> tuple[Segment, ...]:
        """The component's segments still running at or after ``since``, found without
        looking at the older ones (none before the first whose running latest end is
        after ``since`` can be)."""
        segments = self.by_component.get(component_id, ())
        _, reach = self._reach_of(component_id)
        first = bisect.bisect_right(reach, since)
        return tuple(s for s in segments[first:] if s.end is None or s.end > since)

    def _reach_of(self, component_id: str) -> tuple[list[datetime], list[datetime]]:
        if component_id not in self._reach:
            segments = self.by_component.get(component_id, ())
            ends = (_FOREVER if s.end is None else s.end for s in segments)
            self._reach[component_id] = (
                [s.start for s in segments],
                list(itertools.accumulate(ends, max)),
            )
        return self._reach[component_id]


def build_timeline(site: StatusSite, now: datetime) -> Timeline:
    segments = {incident.id: impact_segments(incident) for incident in site.incidents}
    by_component: dict[str, list[Segment]] = {c.id: [] for c in site.components}
    for incident_segments in segments.values():
        for segment in incident_segments:
            for component_id in segment.statuses:
                by_component.setdefault(component_id, []).append(segment)
    in_order = operator.attrgetter("start", "incident_id")
    frozen = {k: tuple(sorted(v, key=in_order)) for k, v in by_component.items()}
    incidents = [
        i for i in site.incidents if i.kind is Kind.INCIDENT and i.is_open and i.started <= now
    ]
    maintenance = [i for i in site.incidents if i.kind is Kind.MAINTENANCE and i.is_open]
    active = [i for i in maintenance if i.status in ACTIVE_MAINTENANCE_STATUSES]
    upcoming = [i for i in maintenance if i.status is UpdateStatus.SCHEDULED]
    naming: dict[str, list[Incident]] = {c.id: [] for c in site.components}
    for incident in site.incidents:
        for component_id in incident.named_components:
            naming.setdefault(component_id, []).append(incident)
    return Timeline(
        now=now,
        incidents_by_component={k: tuple(v) for k, v in naming.items()},
        segments=segments,
        by_component=frozen,
        open_incidents=tuple(sorted(incidents, key=by_started, reverse=True)),
        active_maintenance=tuple(sorted(active, key=by_started)),
        upcoming_maintenance=tuple(
            sorted(upcoming, key=lambda i: (i.scheduled_start or i.started, i.id))
        ),
    )


#: Statuspage's page-level indicator, from the worst open incident's impact. These are
#: machine values, the same in every language: Statuspage API clients compare against
#: them. Pages show ``indicator_label``.
INDICATOR_DESCRIPTIONS = {
    "none": "All Systems Operational",
    "minor": "Minor Service Outage",
    "major": "Partial System Outage",
    "critical": "Major System Outage",
    "maintenance": "Service Under Maintenance",
}


def indicator_label(indicator: str, messages: Catalogue) -> str:
    """The page-level indicator as the site's headline says it, in ``messages``' language."""
    # Translators: the headline of the status page (Statuspage's wording in English).
    labels = {
        "none": messages.gettext("All Systems Operational"),
        "minor": messages.gettext("Minor Service Outage"),
        "major": messages.gettext("Partial System Outage"),
        "critical": messages.gettext("Major System Outage"),
        "maintenance": messages.gettext("Service Under Maintenance"),
    }
    return labels[indicator]


_IMPACT_RANK = {"none": 0, "minor": 1, "major": 2, "critical": 3}


def last_changed(update: Update) -> datetime:
    """When customers last saw the update change: its correction, else its posting."""
    return update.corrected if update.corrected and update.corrected > update.at else update.at


def review_published(incident: Incident, now: datetime) -> datetime | None:
    """When the incident's postmortem was published, if it is by ``now`` and the incident
    is closed (Statuspage's ``postmortem`` status); None otherwise."""
    published = incident.postmortem_published
    has_review = incident.postmortem is not None or incident.postmortem_url is not None
    if published is None or not has_review or incident.is_open or incident.is_maintenance:
        return None
    return published if published <= now else None


def incident_impact(settings: Settings, incident: Incident) -> str:
    """Statuspage impact (none/minor/major/critical/maintenance) of one incident."""
    if incident.kind is Kind.MAINTENANCE:
        return "maintenance"
    if incident.severity is None:
        return "none"
    return settings.severity(incident.severity).statuspage_impact


def overall_indicator(site: StatusSite, timeline: Timeline) -> str:
    """The page's status, derived only from open incidents and maintenance in progress,
    so the headline always matches what is posted."""
    impacts = [incident_impact(site.settings, i) for i in timeline.open_incidents]
    worst_impact = max(impacts, key=_IMPACT_RANK.__getitem__, default="none")
    if worst_impact == "none" and timeline.active_maintenance:
        return "maintenance"
    if worst_impact == "none" and timeline.open_incidents:
        return "minor"
    return worst_impact


# -- uptime -----------------------------------------------------------------------------

#: Share of an interval counted as downtime, as Statuspage and Instatus count it: a major
#: outage fully, a partial outage 30%, degraded performance and maintenance not at all.
UPTIME_WEIGHT = {
    ComponentStatus.MAJOR_OUTAGE: 1.0,
    ComponentStatus.PARTIAL_OUTAGE: 0.3,
}


@dataclass(frozen=True)
class Interval:
    """A stretch of time with one (worst) status and the incidents that caused it."""

    start: datetime
    end: datetime
    status: ComponentStatus
    incident_ids: tuple[str, ...]


def status_intervals(
    segments: tuple[Segment, ...],
    component_id: str,
    until: datetime,
    since: datetime | None = None,
) -> tuple[Interval, ...]:
    """The component's non-operational stretches up to ``until`` (and, when given, from
    ``since``), overlaps resolved to the worst status at each moment."""
    if since is not None:
        # Only segments that reach into the window: keeps the cost to the window, not the
        # whole history.
        segments = tuple(s for s in segments if s.end is None or s.end > since)
    ordered = sorted((s for s in segments if s.start < until), key=lambda s: s.start)
    points = sorted({s.start for s in ordered} | {min(s.end or until, until) for s in ordered})
    result: list[Interval] = []
    # A sweep: segments join as the time passes their start and leave once they end (every
    # end is a point, so a segment running at a point runs until the next one).
    active: list[Segment] = []
    joined = 0
    for start, end in itertools.pairwise(points):
        while joined < len(ordered) and ordered[joined].start <= start:
            active.append(ordered[joined])
            joined += 1
        active = [s for s in active if s.end is None or s.end >= end]
        if not active:
            continue
        status = worst(s.statuses[component_id] for s in active)
        ids = tuple(sorted({s.incident_id for s in active}))
        if (
            result
            and result[-1].end == start
            and result[-1].status is status
            and result[-1].incident_ids == ids
        ):
            result[-1] = Interval(result[-1].start, end, status, ids)
        else:
            result.append(Interval(start, end, status, ids))
    return tuple(result)


@dataclass(frozen=True)
class Day:
    """One day of a component's uptime bar, in the site's time zone."""

    day: date
    tracked: bool  # False before the component's start_date
    status: ComponentStatus  # worst status during the day
    downtime: timedelta  # weighted, per UPTIME_WEIGHT
    impacted: timedelta  # unweighted time not operational
    incident_ids: tuple[str, ...]
    #: the time spent in each status other than operational, worst status first
    by_status: tuple[tuple[ComponentStatus, timedelta], ...] = ()


@dataclass(frozen=True)
class Uptime:
    days: tuple[Day, ...]  # oldest first
    percent: float | None  # None when no tracked time falls in the window
    downtime: timedelta


def _midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def component_uptime(
    timeline: Timeline, component: Component, tz: tzinfo, days: int = 90
) -> Uptime:
    """Uptime over the ``days`` calendar days ending today (in ``tz``).

    percent = 100 × (1 − weighted downtime ÷ tracked time), where tracked time runs from
    the later of the window's first midnight and the component's ``start_date`` to the end
    of today: whole days, so the figure moves only when something happens or a day
    begins, never minute by minute (a scheduled publish then has nothing to deploy).
    """
    now = timeline.now
    today = now.astimezone(tz).date()
    first = today - timedelta(days=days - 1)
    tracked_from = _midnight(first, tz)
    intervals = status_intervals(
        timeline.running_since(component.id, tracked_from), component.id, now, since=tracked_from
    )
    if component.start_date is not None and component.start_date > first:
        tracked_from = _midnight(component.start_date, tz)
    records = []
    total_downtime = timedelta(0)
    first_open = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        start = max(_midnight(day, tz), tracked_from)
        end = min(_midnight(day + timedelta(days=1), tz), now)
        tracked = end > start
        status = ComponentStatus.OPERATIONAL
        downtime = impacted = timedelta(0)
        ids: set[str] = set()
        spent: dict[ComponentStatus, timedelta] = {}
        # Intervals are sorted and do not overlap, and days only move forward: skip those
        # over, and stop at the first that starts after the day.
        while first_open < len(intervals) and intervals[first_open].end <= start:
            first_open += 1
        for index in range(first_open, len(intervals)):
            interval = intervals[index]
            if interval.start >= end:
                break
            overlap = min(end, interval.end) - max(start, interval.start)
            if overlap <= timedelta(0):
                continue  # a day before tracking starts
            impacted += overlap
            spent[interval.status] = spent.get(interval.status, timedelta(0)) + overlap
            downtime += overlap * UPTIME_WEIGHT.get(interval.status, 0.0)
            ids.update(interval.incident_ids)
            if interval.status.rank > status.rank:
                status = interval.status
        total_downtime += downtime
        parts = tuple(sorted(spent.items(), key=lambda pair: -pair[0].rank))
        records.append(Day(day, tracked, status, downtime, impacted, tuple(sorted(ids)), parts))
    tracked_time = _midnight(today + timedelta(days=1), tz) - tracked_from
    percent = None
    if tracked_time > timedelta(0):
        percent = max(0.0, 100.0 * (1 - total_downtime / tracked_time))
    return Uptime(tuple(records), percent, total_downtime)


def impact_duration(segments: tuple[Segment, ...], until: datetime) -> timedelta:
    """How long customers felt the incident: total time any component was not operational
    (overlaps counted once), up to ``until`` for an incident still open."""
    total = timedelta(0)
    current_end: datetime | None = None
    for segment in sorted(segments, key=lambda s: s.start):
        start = segment.start
        end = min(segment.end or until, until)
        if end <= start:
            continue
        if current_end is not None and start < current_end:
            if end > current_end:
                total += end - current_end
                current_end = end
            continue
        total += end - start
        current_end = end
    return total


def floored_percent(value: float) -> float:
    """Two decimals, rounded down, so a component with any downtime never shows 100.00%.
    (Pages write it in their language: ``timefmt.percent``.)"""
    return math.floor(value * 100) / 100


def format_percent(value: float) -> str:
    """``floored_percent`` as plain text, ``99.92%`` (terminal output and tests)."""
    return f"{floored_percent(value):.2f}%"
