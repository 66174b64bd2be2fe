"""Messages as people (and programs) receive them: one per channel and incident, whatever
the number of updates it carries.

Chat and email messages come from the templates ``notify/chat.txt`` and
``notify/email.txt`` (a repository's ``site_templates/`` may override them): the first
line is the title, the rest the body. Webhook bodies follow Statuspage's webhook
payloads: ``meta``, ``page`` and ``incident`` with its ``incident_updates``, and one
``component_update`` payload per component whose status the updates changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import jinja2

from statuspress import paths
from statuspress.config.notifications import Channel
from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Audience, Incident, StatusSite
from statuspress.notify.events import Event
from statuspress.render.ids import component_id, stable_id
from statuspress.render.statuspage_api import StatuspageDocuments, statuspage_time
from statuspress.templates import render_template
from statuspress.timefmt import local_and_utc, word_list
from statuspress.timeline import INDICATOR_DESCRIPTIONS, build_timeline, overall_indicator
from statuspress.views.context import RenderContext

#: Where the Subscribe page explains the webhook (``meta.documentation``).
WEBHOOK_SECTION = "#developers-heading"


@dataclass(frozen=True)
class Message:
    """What one channel receives about one incident in one run."""

    channel: str
    incident_id: str
    keys: Mapping[str, datetime]  # the events it delivers: key -> event time
    title: str
    body: str
    payloads: tuple[bytes, ...] = ()  # webhook: the JSON bodies, in order


class Composer:
    """Turns batches of events into messages, for one audience's view of the site."""

    def __init__(
        self,
        site: StatusSite,
        now: datetime,
        base_url: str,
        root: Path,
        env: jinja2.Environment,
        audience: Audience = Audience.PUBLIC,
        messages: Catalogue = ENGLISH,
    ) -> None:
        self.site = site
        self.now = now
        self.base_url = base_url
        self.root = root
        self.env = env
        self.messages = messages
        self.by_id = {i.id: i for i in site.incidents}
        self.names = {c.id: c.name for c in site.components}
        self.context = RenderContext(
            site, build_timeline(site, now), now, audience, base_url, root, messages
        )

    def time(self, value: datetime) -> str:
        return local_and_utc(value, self.site.settings.timezone, self.messages)

    def message(self, channel: Channel, incident_id: str, events: Sequence[Event]) -> Message:
        incident = self.by_id[incident_id]
        keys = {e.key: e.at for e in events}
        if channel.kind == "webhook":
            title = incident.title
            return Message(
                channel.id, incident_id, keys, title, "", self.payloads(incident, events)
            )
        text = render_template(
            self.env, self.root, f"notify/{channel.kind}.txt", self.values(incident, events)
        )
        title, _, body = text.strip().partition("\n")
        return Message(channel.id, incident_id, keys, title.strip(), body.strip() + "\n")

    def values(self, incident: Incident, events: Sequence[Event]) -> dict[str, Any]:
        """What the chat and email templates receive (docs/notifications.md lists it)."""
        ids = {e.update_id for e in events if e.update_id}
        updates = [
            {
                "status": u.status.describe(self.messages),
                "time": self.time(u.at),
                "body": u.body.strip(),
                "next_update": self.time(u.next_update)
                if u.next_update and not u.is_final
                else None,
                "erratum": u.erratum,
            }
            for u in incident.updates
            if u.id in ids
        ]
        components = [self.names.get(c, c) for c in incident.named_components]
        return {
            "site": {
                "title": self.site.settings.title,
                "url": self.base_url,
                "subscribe_url": self.base_url + paths.page_url(paths.SUBSCRIBE_PAGE),
            },
            "incident": {
                "title": incident.title,
                "url": self.base_url + paths.page_url(paths.incident_page(incident.id)),
                "is_maintenance": incident.is_maintenance,
                "status": incident.status.describe(self.messages),
                "is_open": incident.is_open,
                "components": components,
                "components_list": word_list(components, self.messages, conjunction=False),
            },
            "updates": updates,
            "events": [e.text for e in events if e.update_id is None and e.text],
        }

    # -- the webhook: Statuspage's payloads ---------------------------------------------
    def payloads(self, incident: Incident, events: Sequence[Event]) -> tuple[bytes, ...]:
        docs = StatuspageDocuments(self.context)
        indicator = overall_indicator(self.site, self.context.timeline)
        zone = self.site.settings.timezone
        head = {
            "meta": {
                "unsubscribe": self.base_url + paths.page_url(paths.SUBSCRIBE_PAGE),
                "documentation": self.base_url
                + paths.page_url(paths.SUBSCRIBE_PAGE)
                + WEBHOOK_SECTION,
                "generated_at": statuspage_time(self.now, zone),
            },
            "page": {
                "id": docs.page_id,
                "status_indicator": indicator,
                "status_description": INDICATOR_DESCRIPTIONS[indicator],
            },
        }
        bodies = [_dump({**head, "incident": docs.incident(incident)})]
        ids = {e.update_id for e in events if e.update_id}
        timeline = self.context.timeline
        for update in incident.updates:
            if update.id not in ids:
                continue
            before = update.at - timedelta(microseconds=1)
            for key in sorted(set(update.components) | set(incident.components)):
                component = next((c for c in self.site.components if c.id == key), None)
                if component is None:
                    continue
                old, new = timeline.status_at(key, before), timeline.status_at(key, update.at)
                if old is new:
                    continue
                change = {
                    "old_status": old.value,
                    "new_status": new.value,
                    "created_at": statuspage_time(update.at, zone),
                    "component_type": "Component",
                    "id": stable_id("component_update", f"{key}@{update.incident_id}/{update.id}"),
                    "component_id": component_id(key),
                }
                document = docs.component(component)
                bodies.append(_dump({**head, "component": document, "component_update": change}))
        return tuple(bodies)


def _dump(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
