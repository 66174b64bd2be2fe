"""Maintenance follows its window: the transitions time makes, as Statuspage makes them.

A maintenance window is in progress from its ``scheduled_start`` and completed at its
``scheduled_end`` without anyone posting, unless its own updates say otherwise: an update
written by someone always wins. This module adds those transitions to a window, as updates
marked ``automatic``, for the instant a build looks at it (``now``). Everything later in
the pipeline (the timeline, pages, feeds, calendar, API) then sees one story.

The rules, for a window whose start ``S`` and end ``E`` are its header's, moved by any
update that carries ``scheduled_start``/``scheduled_end`` (a reschedule or an overrun):

- at ``S`` (once ``now`` has reached it) the window starts automatically when nothing
  written at or before ``S`` has started, completed or cancelled it;
- at ``E`` (once ``now`` has reached it) a window that is in progress or verifying then
  is completed automatically;
- either transition is off for a window whose header sets ``auto_start: false`` or
  ``auto_complete: false``, or for the whole site (``maintenance_auto_start`` and
  ``maintenance_auto_complete`` in ``statuspress.yaml``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from statuspress.config import Settings
from statuspress.messages import Catalogue
from statuspress.model import (
    ACTIVE_MAINTENANCE_STATUSES,
    Incident,
    Kind,
    StatusSite,
    Update,
    UpdateStatus,
    by_started,
)

#: The ids of automatic updates: never a file name (those end in a status word).
AUTO_START_ID = "automatic-start"
AUTO_COMPLETE_ID = "automatic-completion"

_NOT_STARTED = (None, UpdateStatus.SCHEDULED)


def window(incident: Incident, now: datetime) -> tuple[datetime | None, datetime | None]:
    """The window as its updates posted by ``now`` leave it (the header's, moved by each
    update that gives a new ``scheduled_start`` or ``scheduled_end``)."""
    start, end = incident.scheduled_start, incident.scheduled_end
    for update in incident.updates:
        if update.at > now:
            break
        start = update.scheduled_start or start
        end = update.scheduled_end or end
    return start, end


def _status_at(updates: list[Update], when: datetime) -> UpdateStatus | None:
    """The status the latest of ``updates`` posted at or before ``when`` gives."""
    status = None
    for update in updates:
        if update.at > when:
            break
        status = update.status
    return status


def in_time(incident: Incident, now: datetime, settings: Settings, messages: Catalogue) -> Incident:
    """``incident`` as it stands at ``now``: a maintenance window with its automatic
    transitions added and its window as its updates moved it; an incident unchanged."""
    if incident.kind is not Kind.MAINTENANCE:
        return incident
    start, end = window(incident, now)
    if start is None or end is None:
        return incident
    auto_start = (
        settings.maintenance_auto_start if incident.auto_start is None else incident.auto_start
    )
    auto_complete = (
        settings.maintenance_auto_complete
        if incident.auto_complete is None
        else incident.auto_complete
    )
    updates = list(incident.updates)
    if auto_start and start <= now and _status_at(updates, start) in _NOT_STARTED:
        # Translators: the message of the update statuspress posts itself when a
        # maintenance window reaches its scheduled start.
        body = messages.gettext("The scheduled maintenance has started.")
        _insert(updates, _automatic(incident, AUTO_START_ID, start, UpdateStatus.IN_PROGRESS, body))
    if auto_complete and end <= now and _status_at(updates, end) in ACTIVE_MAINTENANCE_STATUSES:
        # Translators: the message of the update statuspress posts itself when a
        # maintenance window in progress reaches its scheduled end.
        body = messages.gettext("The scheduled maintenance has been completed.")
        _insert(updates, _automatic(incident, AUTO_COMPLETE_ID, end, UpdateStatus.COMPLETED, body))
    moved = incident
    if (
        len(updates) != len(incident.updates)
        or start != incident.scheduled_start
        or end != incident.scheduled_end
    ):
        moved = replace(incident, updates=tuple(updates), scheduled_start=start, scheduled_end=end)
    # Statuspage's started_at: when the work really began, else when it is to begin.
    began = moved.began
    started = began if began is not None else start
    return moved if started == moved.started else replace(moved, started=started)


def site_in_time(site: StatusSite, now: datetime, messages: Catalogue) -> StatusSite:
    """Every incident of ``site`` as it stands at ``now`` (see ``in_time``)."""
    settings = site.settings
    incidents = tuple(in_time(i, now, settings, messages) for i in site.incidents)
    if all(a is b for a, b in zip(incidents, site.incidents, strict=True)):
        return site
    # A window's start may move with its transitions; the history stays in start order.
    return replace(site, incidents=tuple(sorted(incidents, key=by_started)))


def _automatic(
    incident: Incident, update_id: str, at: datetime, status: UpdateStatus, body: str
) -> Update:
    return Update(
        id=update_id,
        incident_id=incident.id,
        at=at,
        status=status,
        body=body,
        source=incident.source,
        automatic=True,
    )


def _insert(updates: list[Update], update: Update) -> None:
    """Put ``update`` after every update posted at or before its time."""
    index = len(updates)
    while index > 0 and updates[index - 1].at > update.at:
        index -= 1
    updates.insert(index, update)
