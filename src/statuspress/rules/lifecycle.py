"""**lifecycle** rules: statuses in a sensible order, and times that make sense."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from statuspress.diagnostics import Diagnostic, Level
from statuspress.model import Incident, Kind, StatusSite, Update

#: An update's `at` may be this far ahead of "now" (clock skew, a PR merged quickly).
FUTURE_TOLERANCE = timedelta(minutes=5)


def _diag(update: Update, key: str, rule: str, message: str) -> Diagnostic:
    return update.source.diagnostic(key, Level.ERROR, rule, message)


def lifecycle_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    for incident in site.incidents:
        yield from _incident_violations(incident, now)


def _incident_violations(incident: Incident, now: datetime) -> Iterator[Diagnostic]:
    if incident.kind is Kind.INCIDENT and incident.started > now + FUTURE_TOLERANCE:
        yield incident.source.diagnostic(
            "started",
            Level.ERROR,
            "lifecycle/future",
            f"'started' is in the future ({incident.started.isoformat()}); an incident starts when "
            "customer impact began; for planned work use 'kind: maintenance'",
        )
    previous: Update | None = None
    for update in incident.updates:
        if update.at > now + FUTURE_TOLERANCE:
            yield _diag(
                update,
                "at",
                "lifecycle/future",
                f"'at' is in the future ({update.at.isoformat()}); an update is dated when it is "
                "published: set 'at' to now",
            )
        if incident.kind is Kind.INCIDENT and update.at < incident.started:
            yield _diag(
                update,
                "at",
                "lifecycle/before-start",
                f"this update is dated before the incident started ({incident.started.isoformat()}); "
                "fix 'at', or move 'started' in incident.md earlier",
            )
        if previous is not None:
            if update.at == previous.at:
                yield _diag(
                    update,
                    "at",
                    "lifecycle/order",
                    f"this update has the same 'at' as {previous.id}.md; updates must be strictly "
                    "increasing in time: make 'at' later",
                )
            elif previous.is_final and update.is_final:
                yield _diag(
                    update,
                    "status",
                    "lifecycle/after-final",
                    f"the incident was already {previous.status.value} by {previous.id}.md; "
                    "to reopen it, post a non-final status such as 'investigating', or merge "
                    "this text into the final update as an erratum",
                )
        previous = update
