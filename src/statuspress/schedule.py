"""When the site will next change by itself: the moment a build at that time gives other
bytes than a build now, with no new content.

Time moves a status page in a few known ways: a maintenance window starts or ends, a
promised update falls due, a postmortem dated ahead is published, a resolved incident leaves the front page's "recent" list, the uptime bars roll over at
midnight in the site's time zone, and while something is open its "open for" duration
grows by the minute. ``next_change`` finds the soonest of them, so a scheduler can build
exactly then instead of polling.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from statuspress.model import Incident, Kind
from statuspress.timefmt import zone
from statuspress.views.context import RenderContext
from statuspress.views.index import RECENT_DAYS

_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Change:
    at: datetime
    reason: str  # what changes then, in a few words (for logs, not for customers)
    incident_id: str | None = None


def next_change(context: RenderContext) -> Change:
    """The soonest moment after ``context.now`` at which the site changes by itself (there
    is always one: the next midnight in the site's time zone)."""
    now = context.now
    changes = [_midnight(context)]
    for incident in context.site.incidents:
        changes.extend(c for c in _changes(incident, now) if c.at > now)
    return min(changes, key=lambda c: (c.at, c.reason))


def _midnight(context: RenderContext) -> Change:
    tz = zone(context.site.settings.timezone)
    today = context.now.astimezone(tz).date()
    midnight = datetime.combine(today + timedelta(days=1), time(0), tzinfo=tz)
    return Change(midnight.astimezone(timezone.utc), "the uptime bars start a new day")


def _changes(incident: Incident, now: datetime) -> Iterator[Change]:
    # (Updates and starts dated in the future are errors `check` refuses to build.)
    ident = incident.id
    if incident.postmortem_published is not None:
        yield Change(incident.postmortem_published, "a postmortem is published", ident)
    began = incident.began
    if incident.is_open:
        if began is not None and began <= now:
            # "Open for 2 h 14 min" moves on at each whole minute since it began.
            minutes = (now - began) // _MINUTE + 1
            yield Change(began + minutes * _MINUTE, "an open incident's duration grows", ident)
        latest = incident.latest
        if latest is not None and latest.next_update is not None:
            yield Change(latest.next_update, "a promised update falls due", ident)
        if incident.kind is Kind.MAINTENANCE:
            if incident.scheduled_start is not None and began is None:
                yield Change(incident.scheduled_start, "a maintenance window starts", ident)
            if incident.scheduled_end is not None:
                yield Change(incident.scheduled_end, "a maintenance window ends", ident)
    elif incident.resolved_at is not None:
        leaves = incident.resolved_at + timedelta(days=RECENT_DAYS)
        yield Change(leaves, "a resolved incident leaves the recent list", ident)
