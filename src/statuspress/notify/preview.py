"""What a change would send: for each channel, the messages its new update files become
once merged, as they will read (the pull request's job summary shows them)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from statuspress.model import StatusSite
from statuspress.notify.compose import Message
from statuspress.notify.events import Event, update_key
from statuspress.notify.run import Planner, follows_incident


def preview_messages(
    root: Path, site: StatusSite, changed: Collection[str], now: datetime
) -> list[tuple[str, str, list[Message]]]:
    """(channel id, kind, messages) for every channel, in the order of statuspress.yaml.
    An update counts when its file is in ``changed``, whatever its date: a merge publishes
    it (at once, or at its time)."""
    planner = Planner(root, site, now, site.settings.base_url)
    result = []
    for channel in site.settings.notifications.channels:
        view, composer, _ = planner.view(channel.audience)
        groups: dict[str, list[Event]] = {}
        if channel.follows("updates"):
            for incident in view.incidents:
                if not follows_incident(channel, incident):
                    continue
                for update in incident.updates:
                    if update.source.path in changed:
                        event = Event(
                            update_key(incident.id, update.id),
                            "updates",
                            incident.id,
                            update.at,
                            update_id=update.id,
                        )
                        groups.setdefault(incident.id, []).append(event)
        messages = [composer.message(channel, i, events) for i, events in groups.items()]
        result.append((channel.id, channel.kind, messages))
    return result


def preview_markdown(
    root: Path, site: StatusSite, changed: Collection[str], now: datetime
) -> list[str]:
    """The job summary's section, as Markdown lines (none without channels)."""
    channels = preview_messages(root, site, changed, now)
    if not channels:
        return []
    lines = ["", "## Notifications this merge would send", ""]
    for channel_id, kind, messages in channels:
        lines += [f"### `{channel_id}` ({kind})", ""]
        if not messages:
            lines += ["Nothing.", ""]
        for message in messages:
            if kind == "webhook":
                lines += _webhook_lines(message)
                continue
            lines += [f"**{message.title}**", ""]
            lines += [f"> {line}" if line else ">" for line in message.body.rstrip().splitlines()]
            lines.append("")
    return lines


def _webhook_lines(message: Message) -> list[str]:
    lines = []
    for payload in message.payloads:
        document = json.loads(payload)
        if "incident" in document:
            incident = document["incident"]
            count = len(incident["incident_updates"])
            lines.append(
                f"- incident payload: “{incident['name']}”, status `{incident['status']}`, "
                f"impact `{incident['impact']}`, {count} update(s)"
            )
        else:
            change = document["component_update"]
            lines.append(
                f"- component payload: {document['component']['name']} "
                f"`{change['old_status']}` → `{change['new_status']}`"
            )
    return [*lines, ""]
