"""What can be announced: events, each with a stable key the delivery record keeps.

An event source takes the audience's view of the site and "now" and returns events. The
built-in source announces every published update, among them the transitions a
maintenance window made on its own (for channels that follow ``maintenance``); further
sources plug in ``EVENT_SOURCES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from statuspress.model import StatusSite


@dataclass(frozen=True)
class Event:
    """One thing to announce about one incident.

    ``key`` names it for ever (the delivery record keeps it), so it must not depend on the
    wording: an update's key is its incident and file name."""

    key: str
    kind: str  # the channel event it belongs to: "updates" or "maintenance"
    incident_id: str
    at: datetime  # when it happened (published, or the transition's time)
    update_id: str | None = None  # the update it announces, if it is one
    text: str = ""  # for events that are no update: the sentence that announces it


EventSource = Callable[[StatusSite, datetime], Iterable[Event]]


def update_key(incident_id: str, update_id: str) -> str:
    return f"update/{incident_id}/{update_id}"


def published_updates(site: StatusSite, now: datetime) -> Iterable[Event]:
    """Every update of ``site`` published by ``now`` (an update dated later is not on the
    live site yet, so it is not announced yet). The updates statuspress posted itself when
    a maintenance window reached its start or end (``site`` is the site as it stands at
    ``now``: see transitions.py) are of kind ``maintenance``, for the channels that follow
    those; every other is of kind ``updates``. Either way the key is the update's."""
    for incident in site.incidents:
        for update in incident.updates:
            if update.at <= now:
                yield Event(
                    update_key(incident.id, update.id),
                    "maintenance" if update.automatic else "updates",
                    incident.id,
                    update.at,
                    update_id=update.id,
                )


#: The sources ``notify`` asks, in order.
EVENT_SOURCES: tuple[EventSource, ...] = (published_updates,)


def site_events(
    site: StatusSite, now: datetime, sources: Iterable[EventSource] = EVENT_SOURCES
) -> list[Event]:
    """The events of every source, oldest first (ties by key)."""
    events = [event for source in sources for event in source(site, now)]
    return sorted(events, key=lambda e: (e.at, e.key))
