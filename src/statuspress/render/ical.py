"""``maintenance.ics``: scheduled maintenance as iCalendar (RFC 5545) VEVENTs: every window
not yet completed, and the ``feed_limit`` most recent completed ones (the file stays the
same size however long the history grows).

Written by hand (a few lines of RFC 5545) rather than with a library: the format is small,
and we need exact control of DTSTAMP and SEQUENCE for byte-identical rebuilds.
SEQUENCE is the number of public updates after the first, so every update that changes
the event bumps it; DTSTAMP and LAST-MODIFIED are the latest update's time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

from statuspress import paths
from statuspress.model import Incident, Kind, UpdateStatus
from statuspress.render import Files, RenderContext
from statuspress.timefmt import word_list

_STATUS = {
    UpdateStatus.SCHEDULED: "CONFIRMED",
    UpdateStatus.IN_PROGRESS: "CONFIRMED",
    UpdateStatus.VERIFYING: "CONFIRMED",
    UpdateStatus.COMPLETED: "CONFIRMED",
    # Subscribers' calendars drop a cancelled event (RFC 5545 §3.8.1.11).
    UpdateStatus.CANCELLED: "CANCELLED",
}


def ical_time(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def escape_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # continuation lines start with a space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _event(context: RenderContext, incident: Incident, host: str) -> list[str]:
    updates = incident.updates
    stamp = updates[-1].at if updates else incident.started
    start = incident.scheduled_start or incident.started
    end = incident.scheduled_end or start
    url = context.url(paths.page_url(paths.incident_page(incident.id)))
    names = {c.id: c.name for c in context.site.components}
    messages = context.frame.messages
    affected = word_list(
        [names.get(c, c) for c in incident.components], messages, conjunction=False
    )
    description = incident.summary or (updates[-1].body if updates else "")
    if affected:
        # Translators: the components a maintenance window affects, comma-separated.
        affects = messages.gettext("Affects: %(components)s")
        description = f"{affects % {'components': affected}}\n\n{description}".strip()
    description += f"\n\n{url}"
    return [
        "BEGIN:VEVENT",
        f"UID:{incident.id}@{host}",
        f"DTSTAMP:{ical_time(stamp)}",
        f"LAST-MODIFIED:{ical_time(stamp)}",
        f"DTSTART:{ical_time(start)}",
        f"DTEND:{ical_time(end)}",
        f"SEQUENCE:{max(len(updates) - 1, 0)}",
        f"STATUS:{_STATUS.get(incident.status, 'CONFIRMED')}",
        f"SUMMARY:{escape_text(incident.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _window(incident: Incident) -> tuple[datetime, str]:
    return (incident.scheduled_start or incident.started, incident.id)


def calendar_maintenance(context: RenderContext) -> list[Incident]:
    """Open windows and the newest ``feed_limit`` completed ones, soonest first."""
    maintenance = sorted(
        (i for i in context.site.incidents if i.kind is Kind.MAINTENANCE), key=_window
    )
    done = [i for i in maintenance if not i.is_open]
    kept = {i.id for i in done[-context.site.settings.feed_limit :]}
    return [i for i in maintenance if i.is_open or i.id in kept]


def render(context: RenderContext) -> Files:
    settings = context.site.settings
    host = urlsplit(settings.base_url).hostname or "statuspress"
    # Translators: the name of the maintenance calendar; %(site)s is the site's title.
    calendar_name = context.frame.messages.gettext("%(site)s: maintenance") % {
        "site": settings.title
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//statuspress//statuspress//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    ]
    for incident in calendar_maintenance(context):
        lines.extend(_event(context, incident, host))
    lines.append("END:VCALENDAR")
    return {
        paths.MAINTENANCE_ICS: ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
    }
