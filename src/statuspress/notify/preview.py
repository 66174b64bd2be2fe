"""What a change would send: for each channel, the messages its new update files become
once merged, as they will read (the pull request's job summary shows them)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from statuspress.messages import ENGLISH, Catalogue
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
    root: Path,
    site: StatusSite,
    changed: Collection[str],
    now: datetime,
    words: Catalogue = ENGLISH,
) -> list[str]:
    """The job summary's section, as Markdown lines (none without channels), its own words
    in ``words``' language (the messages are as each channel's language sends them)."""
    channels = preview_messages(root, site, changed, now)
    if not channels:
        return []
    # Translators: a section of the pull-request summary; "merge" is merging the change.
    lines = ["", "## " + words.gettext("Notifications this merge would send"), ""]
    for channel_id, kind, messages in channels:
        lines += [f"### `{channel_id}` ({kind})", ""]
        if not messages:
            # Translators: a notification channel that would send no message.
            lines += [words.gettext("Nothing."), ""]
        for message in messages:
            if kind == "webhook":
                lines += _webhook_lines(message, words)
                continue
            lines += [f"**{message.title}**", ""]
            lines += [f"> {line}" if line else ">" for line in message.body.rstrip().splitlines()]
            lines.append("")
    return lines


def _webhook_lines(message: Message, words: Catalogue) -> list[str]:
    """One line per payload; the statuses and impacts are the payload's machine values."""
    lines = []
    for payload in message.payloads:
        document = json.loads(payload)
        if "incident" in document:
            incident = document["incident"]
            count = len(incident["incident_updates"])
            # Translators: a webhook payload in the summary's preview of notifications.
            said = words.gettext(
                "incident payload: “%(name)s”, status %(status)s, impact %(impact)s, "
                "%(count)s update(s)"
            )
            values = {
                "name": incident["name"],
                "status": f"`{incident['status']}`",
                "impact": f"`{incident['impact']}`",
                "count": count,
            }
            lines.append("- " + said % values)
        else:
            change = document["component_update"]
            said = words.gettext("component payload: %(name)s %(old)s → %(new)s")
            values = {
                "name": document["component"]["name"],
                "old": f"`{change['old_status']}`",
                "new": f"`{change['new_status']}`",
            }
            lines.append("- " + said % values)
    return [*lines, ""]
