"""Notifications: the third output of a publish, after the site and the API.

``run_notify`` sends every newly published event to the channels ``statuspress.yaml``
configures, exactly once (``record``); ``preview`` shows what a change would send;
``nudge`` carries ``due``'s reminders to the on-call channel or the incident's owner.
"""

from __future__ import annotations

from statuspress.notify.compose import Message
from statuspress.notify.events import EVENT_SOURCES, Event, EventSource
from statuspress.notify.run import Outcome, refuse_pull_requests, run_notify

__all__ = [
    "EVENT_SOURCES",
    "Event",
    "EventSource",
    "Message",
    "Outcome",
    "refuse_pull_requests",
    "run_notify",
]
