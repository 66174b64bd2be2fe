"""``statuspress notify``: send every event the delivery record has not seen to every
channel that follows it, exactly once.

One run: plan (per channel, the events it follows that its record lacks, newer than
``max_age``, one message per incident, held back while the channel's rate limit for that
incident runs), then send channel by channel, saving the record after each delivery. A
message that fails after its retries stays unrecorded: the next run sends it again, and
only to the channel that missed it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from statuspress.audience import view_for
from statuspress.config.notifications import Channel, Notifications
from statuspress.errors import ContentError, UsageError
from statuspress.load import load_site
from statuspress.messages import catalogue_for
from statuspress.model import Audience, Incident, StatusSite
from statuspress.notify.compose import Composer, Message
from statuspress.notify.events import Event, site_events
from statuspress.notify.record import Record, load_record
from statuspress.notify.send import Apprise, SendError, Webhook, redact, secret_parts
from statuspress.templates import text_environment
from statuspress.timefmt import iso
from statuspress.transitions import site_in_time

#: GitHub's events that run a pull request's code: nothing is ever sent from them.
PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")


@dataclass(frozen=True)
class Outcome:
    """What happened to one message (``state``: sent, failed, held, would-send)."""

    channel: str
    incident_id: str
    title: str
    events: int
    state: str
    detail: str = ""

    def line(self) -> str:
        what = f"{self.channel}: {self.state} '{self.title}' ({self.events} event(s))"
        return f"{what}: {self.detail}" if self.detail else what


@dataclass(frozen=True)
class Plan:
    messages: tuple[Message, ...]
    held: tuple[Outcome, ...]


def refuse_pull_requests(env: Mapping[str, str]) -> None:
    event = env.get("GITHUB_EVENT_NAME", "")
    if event in PULL_REQUEST_EVENTS:
        raise UsageError(
            f"notify never runs for a pull request (GITHUB_EVENT_NAME={event}): messages go "
            "out after a merge has been published"
        )


def follows_incident(channel: Channel, incident: Incident) -> bool:
    """Whether ``channel`` hears about ``incident`` (its components, when it names some)."""
    if not channel.components:
        return True
    return bool(set(channel.components) & set(incident.named_components))


def check_channels(site: StatusSite, notifications: Notifications) -> None:
    known = {c.id for c in site.components}
    for channel in notifications.channels:
        unknown = sorted(set(channel.components) - known)
        if unknown:
            raise UsageError(
                f"channel '{channel.id}' in statuspress.yaml follows unknown component(s) "
                f"{', '.join(unknown)}; use ids from components/"
            )


class Planner:
    """Composers per audience, made once."""

    def __init__(self, root: Path, site: StatusSite, now: datetime, base_url: str) -> None:
        self.root, self.site, self.now, self.base_url = root, site, now, base_url
        self.env = text_environment(root)
        self.views: dict[str, tuple[StatusSite, Composer, list[Event]]] = {}

    def view(self, audience: str) -> tuple[StatusSite, Composer, list[Event]]:
        if audience not in self.views:
            seen = Audience(audience)
            view = view_for(self.site, seen)
            composer = Composer(view, self.now, self.base_url, self.root, self.env, seen)
            self.views[audience] = (view, composer, site_events(view, self.now))
        return self.views[audience]

    def plan(self, channel: Channel, record: Record, notifications: Notifications) -> Plan:
        _, composer, events = self.view(channel.audience)
        oldest = self.now - notifications.max_age
        sent = record.channel(channel.id).sent
        groups: dict[str, list[Event]] = {}
        for event in events:
            if (
                channel.follows(event.kind)
                and event.at >= oldest
                and event.key not in sent
                and follows_incident(channel, composer.by_id[event.incident_id])
            ):
                groups.setdefault(event.incident_id, []).append(event)
        messages, held = [], []
        last = record.channel(channel.id).last
        for incident_id, group in groups.items():
            message = composer.message(channel, incident_id, group)
            previous = last.get(incident_id)
            until = previous + channel.rate_limit if previous and channel.rate_limit else None
            # The all-clear is never held back: a final update goes out at once.
            incident = composer.by_id[incident_id]
            if until is not None and self.now < until and not _closes(incident, group):
                held.append(
                    Outcome(
                        channel.id,
                        incident_id,
                        message.title,
                        len(group),
                        "held",
                        f"rate limit: the next message about it goes out from {iso(until)}",
                    )
                )
                continue
            messages.append(message)
        return Plan(tuple(messages), tuple(held))


def run_notify(
    root: Path,
    now: datetime,
    record_path: Path | None,
    env: Mapping[str, str],
    *,
    dry_run: bool = False,
    only: Sequence[str] = (),
    echo: Callable[[str], None] = print,
    pause: float = 0.5,
) -> list[Outcome]:
    """Send what is due; every outcome is echoed as it happens (never a secret)."""
    refuse_pull_requests(env)
    loaded = load_site(root)
    errors = tuple(d for d in loaded.diagnostics if d.is_error)
    if errors:
        # What does not build is not on the site: announcing it would send broken links.
        raise ContentError(f"the content has {len(errors)} error(s); nothing was sent", errors)
    # The site as it stands now: maintenance windows with the transitions time made.
    site = site_in_time(loaded.site, now, catalogue_for(loaded.site.settings.language))
    notifications = site.settings.notifications
    check_channels(site, notifications)
    unknown = sorted(set(only) - {c.id for c in notifications.channels})
    if unknown:
        raise UsageError(f"--channel {', '.join(unknown)}: no such channel in statuspress.yaml")
    record = load_record(None if dry_run else record_path)
    if dry_run and record_path is not None and record_path.exists():
        record = load_record(record_path)
        record.path = None
    record.forget_before(now - notifications.max_age)
    planner = Planner(root, site, now, site.settings.base_url)
    outcomes: list[Outcome] = []

    def tell(outcome: Outcome) -> None:
        outcomes.append(outcome)
        echo(outcome.line())

    for channel in notifications.channels:
        if only and channel.id not in only:
            continue
        plan = planner.plan(channel, record, notifications)
        for outcome in plan.held:
            tell(outcome)
        if dry_run:
            for message in plan.messages:
                tell(
                    Outcome(
                        channel.id,
                        message.incident_id,
                        message.title,
                        len(message.keys),
                        "would send",
                    )
                )
            continue
        if not plan.messages:
            continue
        transport, problem = transport_for(channel, env, notifications)
        for message in plan.messages:
            if transport is None:
                tell(_failed(message, problem))
                continue
            error = deliver(transport, message, notifications.retries, pause)
            if error is None:
                record.delivered(channel.id, message.incident_id, dict(message.keys), now)
                tell(
                    Outcome(
                        channel.id, message.incident_id, message.title, len(message.keys), "sent"
                    )
                )
            else:
                tell(_failed(message, f"{error}; it is sent again on the next run"))
    return outcomes


def _closes(incident: Incident, events: list[Event]) -> bool:
    """Whether ``events`` include a final update (resolved, completed) of ``incident``."""
    ids = {e.update_id for e in events}
    return any(u.is_final and u.id in ids for u in incident.updates)


def _failed(message: Message, detail: str) -> Outcome:
    return Outcome(
        message.channel, message.incident_id, message.title, len(message.keys), "failed", detail
    )


def transport_for(
    channel: Channel, env: Mapping[str, str], notifications: Notifications
) -> tuple[Apprise | Webhook | None, str]:
    url = env.get(channel.url_env, "").strip()
    if not url:
        return None, f"${channel.url_env} is not set (add it to the CI secrets)"
    if channel.kind == "webhook":
        secret = env.get(channel.secret_env or "", "")
        if not secret:
            return None, f"${channel.secret_env} (the signing secret) is not set"
        return Webhook(url, secret, notifications.timeout.total_seconds()), ""
    return Apprise(url, "text" if channel.kind == "email" else "markdown", channel.url_env), ""


def deliver(
    transport: Apprise | Webhook, message: Message, attempts: int, pause: float
) -> str | None:
    """None when delivered; else why the last attempt failed."""
    error = ""
    for attempt in range(attempts):
        if attempt:
            time.sleep(pause * 2 ** (attempt - 1))
        try:
            transport.send(message)
            return None
        except SendError as exc:
            error = str(exc)
    secrets = secret_parts(transport.url, getattr(transport, "secret", None))
    return redact(f"{error} (after {attempts} attempt(s))", secrets)
