"""``due``'s reminders, through the same channels: a late promise reaches the incident's
owner (a channel whose ``owner`` is the incident's ``owner``), else every channel that
follows ``due`` (the on-call channel)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from statuspress.config.notifications import Channel, Notifications
from statuspress.notify.compose import Message
from statuspress.notify.run import Outcome, deliver, refuse_pull_requests, transport_for


@dataclass(frozen=True)
class Nudge:
    incident_id: str
    owner: str | None
    title: str
    text: str


def nudge_channels(notifications: Notifications, owner: str | None) -> tuple[Channel, ...]:
    """The owner's own channels, else the channels that follow ``due``."""
    chat = [c for c in notifications.channels if c.kind != "webhook"]
    owned = tuple(c for c in chat if owner is not None and c.owner == owner)
    return owned or tuple(c for c in chat if c.follows("due"))


def send_nudges(
    notifications: Notifications,
    nudges: list[Nudge],
    env: Mapping[str, str],
    echo: Callable[[str], None],
    pause: float = 0.5,
) -> list[Outcome]:
    """Send each nudge to its channels; every outcome is echoed (never a secret)."""
    refuse_pull_requests(env)
    outcomes = []
    for item in nudges:
        for channel in nudge_channels(notifications, item.owner):
            text = item.text
            if item.owner and channel.owner != item.owner:
                text = f"{text}\nOwner: {item.owner}"
            message = Message(channel.id, item.incident_id, {}, item.title, text + "\n")
            transport, problem = transport_for(channel, env, notifications)
            error = (
                problem
                if transport is None
                else deliver(transport, message, notifications.retries, pause)
            )
            state = "failed" if error else "sent"
            outcome = Outcome(channel.id, item.incident_id, item.title, 1, state, error or "")
            outcomes.append(outcome)
            echo(outcome.line())
    return outcomes
