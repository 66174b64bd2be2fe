"""`statuspress due`: which open incidents owe customers an update, now or soon."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from statuspress.errors import UsageError
from statuspress.fields import format_duration, parse_duration
from statuspress.load import load_site
from statuspress.messages import ENGLISH
from statuspress.model import Kind, StatusSite, UpdateStatus
from statuspress.timefmt import duration_words, iso, utc_clock_on_date
from statuspress.transitions import site_in_time


@dataclass(frozen=True)
class Due:
    incident_id: str
    path: str  # the update (or header) that made the promise
    title: str
    due_at: datetime
    overdue: bool
    what: str  # "next update" | "maintenance start"
    owner: str | None = None  # the incident's owner, whom a nudge reaches

    def message(self, now: datetime) -> str:
        when = utc_clock_on_date(self.due_at)
        if self.overdue:
            late = duration_words(now - self.due_at)
            return f"{self.incident_id}: the {self.what} was promised by {when}, {late} ago ({self.title})"
        soon = duration_words(self.due_at - now)
        return f"{self.incident_id}: the {self.what} is due by {when}, in {soon} ({self.title})"


def due_items(site: StatusSite, now: datetime, within: timedelta) -> list[Due]:
    """Promises that are broken (overdue) or fall due within ``within``, soonest first."""
    items = []
    for incident in site.incidents:
        if not incident.is_open:
            continue
        public = incident.public_updates
        latest = public[-1] if public else None
        if latest is not None and latest.next_update is not None:
            if latest.next_update <= now + within:
                what = "next update"
                if incident.kind is Kind.MAINTENANCE and incident.status is UpdateStatus.SCHEDULED:
                    what = "maintenance start update"
                items.append(
                    Due(
                        incident.id,
                        latest.source.path,
                        incident.title,
                        latest.next_update,
                        latest.next_update < now,
                        what,
                        incident.owner,
                    )
                )
        elif latest is None and incident.kind is Kind.INCIDENT:
            items.append(
                Due(
                    incident.id,
                    incident.source.path,
                    incident.title,
                    incident.started,
                    True,
                    "first public update",
                    incident.owner,
                )
            )
    return sorted(items, key=lambda d: (d.due_at, d.incident_id))


def run_due(
    root: Path,
    now: datetime,
    within: str,
    fmt: str,
    echo: Callable[[str], None],
    notify: bool | Mapping[str, str] = False,
    notify_echo: Callable[[str], None] | None = None,
) -> bool:
    """Print what is due; True when anything is overdue (the CLI exits 1). With ``notify``
    (True: the process environment holds the channel URLs; or that environment itself),
    each overdue promise is also sent to its incident's owner or the on-call channels
    (docs/notifications.md); each message sent is told to ``notify_echo`` (default: stderr)."""
    window = parse_duration(within)
    if window is None:
        raise UsageError(f"--within {within} is not a duration such as 10m or 1h")
    # A window that statuspress completed at its end owes nobody an update.
    site = site_in_time(load_site(root).site, now, ENGLISH)
    items = due_items(site, now, window)
    overdue = any(item.overdue for item in items)
    if notify is not False:
        env = dict(os.environ) if notify is True else notify
        _nudge(site, [i for i in items if i.overdue], now, env, notify_echo or _to_stderr)
    if fmt == "json":
        echo(
            json.dumps(
                {
                    "now": iso(now),
                    "within": format_duration(window),
                    "items": [
                        {
                            "incident": i.incident_id,
                            "path": i.path,
                            "title": i.title,
                            "what": i.what,
                            "due_at": iso(i.due_at),
                            "overdue": i.overdue,
                        }
                        for i in items
                    ],
                },
                indent=2,
            )
        )
    elif fmt == "github":
        for item in items:
            level = "error" if item.overdue else "warning"
            echo(f"::{level} file={item.path},title=due::{item.message(now)}")
    else:
        for item in items:
            echo(("OVERDUE  " if item.overdue else "due soon ") + item.message(now))
        if not items:
            echo(f"nothing due in the next {format_duration(window)}")
    return overdue


def _nudge(
    site: StatusSite,
    items: list[Due],
    now: datetime,
    env: Mapping[str, str],
    echo: Callable[[str], None],
) -> None:
    from statuspress.notify.nudge import Nudge, send_nudges

    nudges = [
        Nudge(i.incident_id, i.owner, f"Update overdue: {i.title}", i.message(now)) for i in items
    ]
    send_nudges(site.settings.notifications, nudges, env, echo)


def _to_stderr(line: str) -> None:
    """Nudges are reported apart from the list of what is due (stdout may be JSON)."""
    print(f"notify: {line}", file=sys.stderr)
