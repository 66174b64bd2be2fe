"""Communication metrics, computed exactly from the record: time to first public update,
cadence kept, promises kept, time to resolve, customer impact, time to postmortem.

Definitions (also in docs/metrics.md, so anyone can recompute a figure by hand):

- **time to first update**: first *public* update's ``at`` minus ``started``.
- **gap**: time between two consecutive public updates.
- **promise**: a public non-final update with ``next_update``, followed by another public
  update. It is *kept* when that next update's ``at`` is at or before the promised time. The
  latest promise of a still-open incident counts once ``now`` is past it (then it is broken);
  before that it is pending and not counted.
- **time to resolve**: the final update's ``at`` minus ``started`` (open incidents: none).
- **customer impact**: total time any component was not operational (overlaps once), from
  the impact timeline; for an open incident, up to ``now``.
- **time to postmortem**: ``postmortem_published`` minus the resolution.
- **met cadence**: at least one public update; the first within the severity's "first public
  update within"; every ``next_update`` within "then every" of its update; every promise
  kept. A severity without a limit skips that part.
- **median**: the middle value (the mean of the two middle values for an even count).
  **p90**: nearest rank, the ceil(0.9 × n)-th smallest value.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from statuspress import layout
from statuspress.git import GitError, git, prefix
from statuspress.model import ACTIVE_MAINTENANCE_STATUSES, Incident, Kind, StatusSite
from statuspress.timefmt import zone
from statuspress.timeline import impact_duration, impact_segments

#: A publication delay above this is flagged: the update reached customers late.
LARGE_PUBLICATION_DELAY = timedelta(minutes=10)


@dataclass(frozen=True)
class IncidentMetrics:
    id: str
    title: str
    severity: str | None
    started: datetime
    month: str  # YYYY-MM of `started` in the site's time zone
    open: bool
    public_updates: int
    time_to_first_update: timedelta | None
    median_gap: timedelta | None
    longest_gap: timedelta | None
    promises_made: int
    promises_kept: int
    time_to_resolve: timedelta | None
    open_for: timedelta | None
    customer_impact: timedelta
    time_to_postmortem: timedelta | None
    met_cadence: bool
    publication_delays: tuple[timedelta, ...] = ()

    @property
    def promises_kept_pct(self) -> float | None:
        return 100.0 * self.promises_kept / self.promises_made if self.promises_made else None

    @property
    def longest_publication_delay(self) -> timedelta | None:
        return max(self.publication_delays, default=None)

    @property
    def late_publication(self) -> bool:
        delay = self.longest_publication_delay
        return delay is not None and delay > LARGE_PUBLICATION_DELAY


@dataclass(frozen=True)
class MaintenanceMetrics:
    id: str
    title: str
    scheduled_start: datetime | None
    scheduled_end: datetime | None
    notice: timedelta | None  # first public update before the scheduled start
    actual_start: datetime | None
    completed: datetime | None
    overran: bool


@dataclass(frozen=True)
class Aggregate:
    """Figures over a group of incidents (a severity, a month, or all)."""

    key: str
    incidents: int
    open: int
    median_time_to_first_update: timedelta | None
    p90_time_to_first_update: timedelta | None
    median_updates: float | None
    promises_made: int
    promises_kept: int
    median_time_to_resolve: timedelta | None
    p90_time_to_resolve: timedelta | None
    median_customer_impact: timedelta | None
    p90_customer_impact: timedelta | None
    met_cadence: int

    @property
    def promises_kept_pct(self) -> float | None:
        return 100.0 * self.promises_kept / self.promises_made if self.promises_made else None

    @property
    def met_cadence_pct(self) -> float | None:
        return 100.0 * self.met_cadence / self.incidents if self.incidents else None


@dataclass(frozen=True)
class Report:
    now: datetime
    incidents: tuple[IncidentMetrics, ...]  # oldest first
    maintenance: tuple[MaintenanceMetrics, ...]
    overall: Aggregate
    by_severity: tuple[Aggregate, ...]
    by_month: tuple[Aggregate, ...]
    has_publication_delays: bool = False
    filters: Mapping[str, str] = field(default_factory=dict)


def median(values: Sequence[timedelta], *, ordered: bool = False) -> timedelta | None:
    """``ordered``: ``values`` are sorted already (as for ``percentile``)."""
    if not values:
        return None
    if not ordered:
        values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def percentile(values: Sequence[timedelta], q: float, *, ordered: bool = False) -> timedelta | None:
    """Nearest rank: the ceil(q × n)-th smallest value."""
    if not values:
        return None
    if not ordered:
        values = sorted(values)
    return values[max(1, math.ceil(q * len(values))) - 1]


def incident_metrics(
    site: StatusSite,
    incident: Incident,
    now: datetime,
    publication: Mapping[str, datetime] | None = None,
) -> IncidentMetrics:
    """What the report says about one incident (see the module's text)."""
    public = incident.public_updates
    severity = site.settings.severity(incident.severity) if incident.severity else None
    first = public[0].at - incident.started if public else None
    gaps = [b.at - a.at for a, b in itertools.pairwise(public)]
    made = kept = 0
    for previous, following in itertools.pairwise(public):
        if previous.next_update is not None and not previous.is_final:
            made += 1
            kept += following.at <= previous.next_update
    latest = public[-1] if public else None
    if (
        latest is not None
        and not latest.is_final
        and latest.next_update is not None
        and now > latest.next_update
    ):
        made += 1  # broken: nothing came by the promised time
    resolved = incident.resolved_at
    impact = impact_duration(impact_segments(incident), resolved or now)
    met = bool(public) and made == kept
    if severity is not None and public:
        if (
            severity.first_update is not None
            and first is not None
            and first > severity.first_update
        ):
            met = False
        if severity.cadence is not None:
            for update in public:
                if (
                    update.next_update is not None
                    and update.next_update - update.at > severity.cadence
                ):
                    met = False
    delays: list[timedelta] = []
    for update in public:
        published = (publication or {}).get(update.source.path)
        if published is not None:
            delays.append(max(published - update.at, timedelta(0)))
    postmortem = None
    if incident.postmortem_published is not None and resolved is not None:
        postmortem = incident.postmortem_published - resolved
    local = incident.started.astimezone(zone(site.settings.timezone))
    return IncidentMetrics(
        id=incident.id,
        title=incident.title,
        severity=incident.severity,
        started=incident.started,
        month=f"{local.year:04d}-{local.month:02d}",
        open=incident.is_open,
        public_updates=len(public),
        time_to_first_update=first,
        median_gap=median(gaps),
        longest_gap=max(gaps, default=None),
        promises_made=made,
        promises_kept=kept,
        time_to_resolve=resolved - incident.started if resolved else None,
        open_for=None if resolved else now - incident.started,
        customer_impact=impact,
        time_to_postmortem=postmortem,
        met_cadence=met,
        publication_delays=tuple(delays),
    )


def maintenance_metrics(incident: Incident) -> MaintenanceMetrics:
    """What the report says about one maintenance window."""
    public = incident.public_updates
    start = next((u.at for u in public if u.status in ACTIVE_MAINTENANCE_STATUSES), None)
    completed = incident.resolved_at
    notice = None
    if public and incident.scheduled_start is not None:
        notice = incident.scheduled_start - public[0].at
    overran = bool(completed and incident.scheduled_end and completed > incident.scheduled_end)
    return MaintenanceMetrics(
        incident.id,
        incident.title,
        incident.scheduled_start,
        incident.scheduled_end,
        notice,
        start,
        completed,
        overran,
    )


def aggregate(key: str, items: Sequence[IncidentMetrics]) -> Aggregate:
    # Each list sorted once, for its median and its percentile.
    firsts = sorted(m.time_to_first_update for m in items if m.time_to_first_update is not None)
    resolves = sorted(m.time_to_resolve for m in items if m.time_to_resolve is not None)
    impacts = sorted(m.customer_impact for m in items if not m.open)
    return Aggregate(
        key=key,
        incidents=len(items),
        open=sum(m.open for m in items),
        median_time_to_first_update=median(firsts, ordered=True),
        p90_time_to_first_update=percentile(firsts, 0.9, ordered=True),
        median_updates=statistics.median([m.public_updates for m in items]) if items else None,
        promises_made=sum(m.promises_made for m in items),
        promises_kept=sum(m.promises_kept for m in items),
        median_time_to_resolve=median(resolves, ordered=True),
        p90_time_to_resolve=percentile(resolves, 0.9, ordered=True),
        median_customer_impact=median(impacts, ordered=True),
        p90_customer_impact=percentile(impacts, 0.9, ordered=True),
        met_cadence=sum(m.met_cadence for m in items),
    )


def publication_times(root: Path) -> dict[str, datetime]:
    """Update file -> commit time of the commit that first added it to the current history.

    Empty when ``root`` is not in a git work tree (the report then leaves the column out).
    """
    try:
        top = prefix(root)
        log = git(
            root,
            "log",
            "--diff-filter=A",
            "--name-only",
            "--format=%x00%cI",
            "--",
            layout.INCIDENTS_DIR,
        )
    except GitError:
        return {}
    times: dict[str, datetime] = {}
    stamp: datetime | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            stamp = datetime.fromisoformat(line[1:].strip())
        elif line.strip() and stamp is not None and line.startswith(top):
            # git log is newest first: the last stamp seen for a file is its first addition.
            times[line[len(top) :]] = stamp
    return times


def build_report(
    site: StatusSite,
    now: datetime,
    *,
    since: date | None = None,
    until: date | None = None,
    severity: str | None = None,
    publication: Mapping[str, datetime] | None = None,
) -> Report:
    """Metrics for incidents that started in [since, until) (dates in the site's zone)."""
    tz = zone(site.settings.timezone)

    def selected(incident: Incident) -> bool:
        if since is None and until is None:
            return incident.started <= now
        day = incident.started.astimezone(tz).date()
        if since is not None and day < since:
            return False
        if until is not None and day >= until:
            return False
        return incident.started <= now

    chosen = [i for i in site.incidents if selected(i)]
    incidents = [
        incident_metrics(site, i, now, publication)
        for i in chosen
        if i.kind is Kind.INCIDENT and (severity is None or i.severity == severity)
    ]
    maintenance = [
        maintenance_metrics(i) for i in chosen if i.kind is Kind.MAINTENANCE and severity is None
    ]
    of_severity: dict[str | None, list[IncidentMetrics]] = {}
    of_month: dict[str, list[IncidentMetrics]] = {}
    for m in incidents:
        of_severity.setdefault(m.severity, []).append(m)
        of_month.setdefault(m.month, []).append(m)
    by_severity = [
        aggregate(s.id, of_severity[s.id]) for s in site.settings.severities if s.id in of_severity
    ]
    by_month = [aggregate(month, of_month[month]) for month in sorted(of_month)]
    filters = {
        k: v
        for k, v in (("since", since), ("until", until), ("severity", severity))
        if v is not None
    }
    return Report(
        now=now,
        incidents=tuple(incidents),
        maintenance=tuple(maintenance),
        overall=aggregate("all", incidents),
        by_severity=tuple(by_severity),
        by_month=tuple(by_month),
        has_publication_delays=bool(publication),
        filters={k: str(v) for k, v in filters.items()},
    )


def minutes(value: timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() / 60, 1)
