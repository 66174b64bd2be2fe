"""**cadence** rules: customers hear first within the severity's window, then on a rhythm,
and every promise of a next update is kept."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta

from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import format_duration
from statuspress.model import (
    ACTIVE_MAINTENANCE_STATUSES,
    Incident,
    Kind,
    StatusSite,
    Update,
    UpdateStatus,
)
from statuspress.timefmt import iso, utc_clock_on_date
from statuspress.transitions import window


def _diag(update: Update, key: str, level: Level, rule: str, message: str) -> Diagnostic:
    return update.source.diagnostic(key, level, rule, message)


def cadence_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    del now  # cadence is judged against the record, not the clock (that is `due`)
    for incident in site.incidents:
        yield from _incident_cadence(site, incident)


def _incident_cadence(site: StatusSite, incident: Incident) -> Iterator[Diagnostic]:
    severity = None
    if incident.kind is Kind.INCIDENT and incident.severity is not None:
        severity = site.settings.severity(incident.severity)
    for update in incident.updates:
        if update.is_final:
            continue
        bound = _maintenance_bound(incident, update)
        if update.next_update is None:
            suggestion = (
                iso(bound) if bound else _suggest(update.at, severity.cadence if severity else None)
            )
            yield _diag(
                update,
                "status",
                Level.ERROR,
                "cadence/next-update-missing",
                "a non-final update must promise when the next one comes; add "
                f"'next_update: {suggestion}'",
            )
            continue
        if bound is not None and update.next_update > bound:
            what = "starts" if update.status is UpdateStatus.SCHEDULED else "ends"
            yield _diag(
                update,
                "next_update",
                Level.ERROR,
                "cadence/maintenance-promise",
                f"the window {what} at {utc_clock_on_date(bound)}, and customers hear then "
                f"at the latest; set 'next_update' no later than {iso(bound)}",
            )
        if update.next_update <= update.at:
            yield _diag(
                update,
                "next_update",
                Level.ERROR,
                "cadence/next-update-order",
                "'next_update' must be after 'at'; set it to when the next update will be posted",
            )
        elif severity is not None and severity.cadence is not None:
            limit = update.at + severity.cadence
            if update.next_update > limit:
                yield _diag(
                    update,
                    "next_update",
                    Level.ERROR,
                    "cadence/next-update-too-late",
                    f"{severity.id} incidents are updated at least every "
                    f"{format_duration(severity.cadence)}; set 'next_update' no later than "
                    f"{_suggest(update.at, severity.cadence)}",
                )
    public = incident.public_updates
    if severity is not None and severity.first_update is not None and public:
        first = public[0]
        deadline = incident.started + severity.first_update
        if first.at > deadline:
            late = first.at - deadline
            yield _diag(
                first,
                "at",
                Level.WARNING,
                "cadence/first-update-late",
                f"the first public update of a {severity.id} incident is due within "
                f"{format_duration(severity.first_update)} of 'started'; this one came "
                f"{format_duration(late)} late. Post the first update sooner next time, or check "
                "that 'started' is right",
            )
    for previous, update in itertools.pairwise(public):
        promised = previous.next_update
        if promised is not None and promised > previous.at and update.at > promised:
            late = update.at - promised
            yield _diag(
                update,
                "at",
                Level.WARNING,
                "cadence/promise-broken",
                f"{previous.id}.md promised the next update by {utc_clock_on_date(promised)}; this "
                f"one came {format_duration(late)} later. Customers were waiting: post a short "
                "update on time even when nothing has changed",
            )
    if incident.kind is Kind.MAINTENANCE and incident.scheduled_start is not None and public:
        notice = site.settings.maintenance_notice
        first = public[0]
        if first.at > incident.scheduled_start - notice:
            yield _diag(
                first,
                "at",
                Level.WARNING,
                "cadence/maintenance-notice",
                f"maintenance should be announced at least {format_duration(notice)} before it "
                "starts; announce earlier, or move 'scheduled_start' later",
            )


def _maintenance_bound(incident: Incident, update: Update) -> datetime | None:
    """The latest promise a maintenance update may make: an announcement's next update
    comes when the window starts, an in-progress one's when it ends (as the window stood
    when the update was posted, moved by any update that gave it new times)."""
    if incident.kind is not Kind.MAINTENANCE:
        return None
    start, end = window(incident, update.at)
    if update.status is UpdateStatus.SCHEDULED and start is not None and start > update.at:
        return start
    if update.status in ACTIVE_MAINTENANCE_STATUSES and end is not None and end > update.at:
        return end
    return None


def _suggest(at: datetime, cadence: timedelta | None) -> str:
    return iso(at + (cadence or timedelta(minutes=30)))
