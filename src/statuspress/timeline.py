"""Derived facts, computed once per build: component status over time, current and
overall status, open incidents and maintenance windows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from statuspress.model import (
    ACTIVE_MAINTENANCE_STATUSES,
    ComponentStatus,
    Incident,
    Kind,
    StatusSite,
    UpdateStatus,
    worst,
)


@dataclass(frozen=True)
class Segment:
    """From ``start`` until ``end`` (None: still going), these components had these statuses."""

    incident_id: str
    start: datetime
    end: datetime | None
    statuses: Mapping[str, ComponentStatus]


def impact_segments(incident: Incident) -> tuple[Segment, ...]:
    """The incident's effect on components as consecutive segments.

    An incident affects its header's components from ``started``; each update's
    ``components`` apply from its ``at``; a final update ends the impact (SPEC: it returns
    every affected component to operational). A later non-final update reopens it.
    Maintenance affects components only while an update says it is in progress.
    """
    points: list[tuple[datetime, dict[str, ComponentStatus]]] = []
    if incident.kind is Kind.INCIDENT:
        state: dict[str, ComponentStatus] = dict(incident.components)
        points.append((incident.started, dict(state)))
        closed = False
        for update in incident.updates:
            if update.is_final:
                state = {}
                closed = True
            elif closed:
                state = {**incident.components, **update.components}
                closed = False
            else:
                state = {**state, **update.components}
            points.append((update.at, dict(state)))
    else:
        state = {}
        for update in incident.updates:
            if update.status in ACTIVE_MAINTENANCE_STATUSES:
                base = state or dict(incident.components)
                state = {**base, **update.components}
            else:
                state = {}
            points.append((update.at, dict(state)))
    segments = []
    for index, (start, statuses) in enumerate(points):
        end = points[index + 1][0] if index + 1 < len(points) else None
        active = {k: v for k, v in statuses.items() if v is not ComponentStatus.OPERATIONAL}
        if active and (end is None or end > start):
            segments.append(Segment(incident.id, start, end, active))
    return tuple(segments)


@dataclass(frozen=True)
class Timeline:
    """Everything derived from the record that several outputs need, computed once."""

    now: datetime
    segments: Mapping[str, tuple[Segment, ...]]  # incident id -> its segments
    by_component: Mapping[str, tuple[Segment, ...]]  # component id -> segments touching it
    current: Mapping[str, ComponentStatus]  # component id -> status now
    open_incidents: tuple[Incident, ...]  # unresolved incidents (not maintenance), newest first
    active_maintenance: tuple[Incident, ...]  # maintenance in progress now
    upcoming_maintenance: tuple[Incident, ...]  # scheduled, not yet started, soonest first

    def status_at(self, component_id: str, when: datetime) -> ComponentStatus:
        return worst(
            s.statuses[component_id]
            for s in self.by_component.get(component_id, ())
            if s.start <= when and (s.end is None or when < s.end)
        )


def build_timeline(site: StatusSite, now: datetime) -> Timeline:
    segments = {incident.id: impact_segments(incident) for incident in site.incidents}
    by_component: dict[str, list[Segment]] = {c.id: [] for c in site.components}
    for incident_segments in segments.values():
        for segment in incident_segments:
            for component_id in segment.statuses:
                by_component.setdefault(component_id, []).append(segment)
    frozen = {k: tuple(sorted(v, key=lambda s: (s.start, s.incident_id))) for k, v in by_component.items()}
    current = {}
    for component_id, component_segments in frozen.items():
        current[component_id] = worst(
            s.statuses[component_id]
            for s in component_segments
            if s.start <= now and (s.end is None or now < s.end)
        )
    incidents = [i for i in site.incidents if i.kind is Kind.INCIDENT and i.is_open and i.started <= now]
    maintenance = [i for i in site.incidents if i.kind is Kind.MAINTENANCE and i.is_open]
    active = [i for i in maintenance if i.status in ACTIVE_MAINTENANCE_STATUSES]
    upcoming = [i for i in maintenance if i.status is UpdateStatus.SCHEDULED]
    return Timeline(
        now=now,
        segments=segments,
        by_component=frozen,
        current=current,
        open_incidents=tuple(sorted(incidents, key=lambda i: (i.started, i.id), reverse=True)),
        active_maintenance=tuple(sorted(active, key=lambda i: (i.started, i.id))),
        upcoming_maintenance=tuple(
            sorted(upcoming, key=lambda i: (i.scheduled_start or i.started, i.id))
        ),
    )


#: Statuspage's page-level indicator, from the worst open incident's impact.
INDICATOR_DESCRIPTIONS = {
    "none": "All Systems Operational",
    "minor": "Minor Service Outage",
    "major": "Partial System Outage",
    "critical": "Major System Outage",
    "maintenance": "Service Under Maintenance",
}
_IMPACT_RANK = {"none": 0, "minor": 1, "major": 2, "critical": 3}


def incident_impact(site: StatusSite, incident: Incident) -> str:
    """Statuspage impact (none/minor/major/critical/maintenance) of one incident."""
    if incident.kind is Kind.MAINTENANCE:
        return "maintenance"
    if incident.severity is None:
        return "none"
    return site.settings.severity(incident.severity).statuspage_impact


def overall_indicator(site: StatusSite, timeline: Timeline) -> str:
    """The page's status, derived only from open incidents and maintenance in progress,
    so the headline always matches what is posted."""
    impacts = [incident_impact(site, i) for i in timeline.open_incidents]
    worst_impact = max(impacts, key=_IMPACT_RANK.__getitem__, default="none")
    if worst_impact == "none" and timeline.active_maintenance:
        return "maintenance"
    if worst_impact == "none" and timeline.open_incidents:
        return "minor"
    return worst_impact
