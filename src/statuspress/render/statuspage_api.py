"""Atlassian Statuspage public API v2, field for field, as static JSON files.

Shapes follow what Statuspage serves (page, status, components with groups, incidents with
incident_updates and affected_components, scheduled maintenances): a client pointed at
our base URL works unchanged.

Every value here is a machine value and stays English whatever the build's message
catalogue: status enums, and Statuspage's own indicator descriptions, which clients
compare against. (Content — titles, names, update bodies — is passed through as written.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Any

from statuspress import paths
from statuspress.markdown import unwrap_soft_breaks
from statuspress.model import (
    ACTIVE_MAINTENANCE_STATUSES,
    Component,
    ComponentStatus,
    Incident,
    Kind,
    Update,
    UpdateStatus,
    by_started,
)
from statuspress.render import Files, RenderContext
from statuspress.render.ids import component_id, group_id, incident_id, page_id, update_id
from statuspress.timefmt import zone
from statuspress.timeline import (
    INDICATOR_DESCRIPTIONS,
    incident_impact,
    last_changed,
    overall_indicator,
    review_published,
)

#: Statuspage returns the 50 most recent incidents and maintenances.
LIST_LIMIT = 50

#: The names one zone goes by: Statuspage writes UTC as ``Etc/UTC``.
UTC_NAMES = frozenset(
    {
        "UTC",
        "Etc/UTC",
        "Etc/UCT",
        "UCT",
        "Universal",
        "Etc/Universal",
        "Zulu",
        "Etc/Zulu",
        "Etc/GMT",
        "GMT",
        "Etc/Greenwich",
        "Greenwich",
        "GMT0",
        "Etc/GMT0",
        "Etc/GMT+0",
        "Etc/GMT-0",
        "GMT+0",
        "GMT-0",
    }
)

Json = dict[str, Any]


def statuspage_zone(zone_name: str) -> str:
    """The page's ``time_zone`` as Statuspage names it (``Etc/UTC`` for every alias of UTC)."""
    return "Etc/UTC" if zone_name in UTC_NAMES else zone_name


def component_positions(components: Iterable[Component]) -> dict[str, int]:
    """Statuspage's ``position`` of each component (by id) and group (by ``group_key``):
    top-level components and groups are numbered together in page order, and a group's
    members from 1 within their group."""
    positions: dict[str, int] = {}
    top = 0
    members: dict[str, int] = {}
    for component in components:
        if component.group is None:
            top += 1
            positions[component.id] = top
            continue
        if group_key(component.group) not in positions:
            top += 1
            positions[group_key(component.group)] = top
        members[component.group] = members.get(component.group, 0) + 1
        positions[component.id] = members[component.group]
    return positions


def group_key(group: str) -> str:
    """A group's key in ``component_positions`` (component ids never hold a colon)."""
    return f"group:{group}"


def by_position(documents: list[Json]) -> list[Json]:
    """Component objects sorted by ``position``, as every Statuspage list is; page order
    among equal positions (a group's members are numbered apart from the top level)."""
    return sorted(documents, key=lambda document: int(document["position"]))


def statuspage_time(value: datetime, zone_name: str) -> str:
    """``2026-11-17T10:15:00.000+01:00`` in the page's zone; ``Z`` for UTC."""
    local = value.astimezone(zone(zone_name))
    offset = local.utcoffset() or timedelta(0)
    stamp = local.strftime("%Y-%m-%dT%H:%M:%S") + f".{local.microsecond // 1000:03d}"
    if offset == timedelta(0):
        return stamp + "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{stamp}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class StatuspageDocuments:
    """Builds the JSON objects once per render."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context
        self.site = context.site
        self.settings = context.site.settings
        self.timeline = context.timeline
        self.page_id = page_id(self.settings.base_url)
        self._changed: dict[str, datetime] = {}
        self.positions = component_positions(self.site.components)
        self.by_id = {c.id: c for c in self.site.components}

    def t(self, value: datetime | None) -> str | None:
        return statuspage_time(value, self.settings.timezone) if value else None

    # -- page & status -----------------------------------------------------------------
    def updated_at(self) -> datetime:
        stamps = [i.last_update_by(self.context.now) for i in self.site.incidents]
        return max((s for s in stamps if s is not None), default=self.context.now)

    def page(self) -> Json:
        return {
            "id": self.page_id,
            "name": self.settings.title,
            "url": self.context.base_url.rstrip("/"),
            "time_zone": statuspage_zone(self.settings.timezone),
            "updated_at": self.t(self.updated_at()),
        }

    def status(self) -> Json:
        indicator = overall_indicator(self.site, self.timeline)
        return {"indicator": indicator, "description": INDICATOR_DESCRIPTIONS[indicator]}

    # -- components --------------------------------------------------------------------
    def _created(self, component: Component) -> datetime:
        """Midnight of its ``start_date``; without one, of the day the site's record
        begins (its first incident), or of today when it has none."""
        start = component.start_date or self._record_begins
        return datetime.combine(start, time(0), tzinfo=zone(self.settings.timezone))

    @cached_property
    def _record_begins(self) -> date:
        first = min((i.started for i in self.site.incidents), default=self.context.now)
        return first.astimezone(zone(self.settings.timezone)).date()

    def _component_updated(self, component_key: str, created: datetime) -> datetime:
        """When the component's status last changed (by now); once per component, as a
        component object appears in many documents."""
        if component_key not in self._changed:
            changed = self.timeline.last_change(component_key, self.context.now)
            self._changed[component_key] = created if changed is None else max(created, changed)
        return self._changed[component_key]

    def component(self, component: Component) -> Json:
        created = self._created(component)
        status = self.timeline.current.get(component.id, ComponentStatus.OPERATIONAL)
        return {
            "id": component_id(component.id),
            "name": component.name,
            "status": status.value,
            "created_at": self.t(created),
            "updated_at": self.t(self._component_updated(component.id, created)),
            "position": self.positions[component.id],
            "description": component.description or None,
            "showcase": component.showcase,
            "start_date": component.start_date.isoformat() if component.start_date else None,
            "group_id": group_id(component.group) if component.group else None,
            "page_id": self.page_id,
            "group": False,
            "only_show_if_degraded": component.show.value == "when-degraded",
        }

    def components(self) -> list[Json]:
        """Top-level components and groups, and the groups' members, sorted by position."""
        result: list[Json] = []
        groups: set[str] = set()
        for component in self.site.components:
            if component.group is not None and component.group not in groups:
                groups.add(component.group)
                result.append(self._group(component.group))
            result.append(self.component(component))
        return by_position(result)

    def _group(self, name: str) -> Json:
        members = [c for c in self.site.components if c.group == name]
        group_status = max(
            (self.timeline.current.get(c.id, ComponentStatus.OPERATIONAL) for c in members),
            key=lambda s: s.rank,
        )
        return {
            "id": group_id(name),
            "name": name,
            "status": group_status.value,
            "created_at": self.t(min(self._created(c) for c in members)),
            "updated_at": self.t(
                max(self._component_updated(c.id, self._created(c)) for c in members)
            ),
            "position": self.positions[group_key(name)],
            "description": None,
            "showcase": False,
            "start_date": None,
            "group_id": None,
            "page_id": self.page_id,
            "group": True,
            "only_show_if_degraded": False,
            "components": [component_id(c.id) for c in members],
        }

    # -- incidents ---------------------------------------------------------------------
    def _affected(self, incident: Incident, update: Update, index: int) -> list[Json] | None:
        """The components the update names (the first and the final update: the
        incident's too), with their status before and after it; ``null`` when it names
        none, as Statuspage writes it."""
        keys = list(update.components)
        if index == 0 or update.is_final or _starts_window(incident, index):
            keys = list(dict.fromkeys([*incident.components, *keys]))
        before = update.at - timedelta(microseconds=1)
        affected = []
        for key in keys:
            component = self.by_id.get(key)
            if component is None:
                continue
            affected.append(
                {
                    "code": component_id(key),
                    "name": affected_name(component),
                    "old_status": self.timeline.status_at(key, before).value,
                    "new_status": self.timeline.status_at(key, update.at).value,
                }
            )
        return affected or None

    def update(self, incident: Incident, update: Update, index: int) -> Json:
        body = unwrap_soft_breaks(update.body)
        if update.erratum:
            body += f"\n\nCorrection: {update.erratum}"
        return {
            "id": update_id(incident.id, update.id),
            "status": api_status(update.status),
            "body": body,
            "incident_id": incident_id(incident.id),
            "created_at": self.t(update.at),
            "updated_at": self.t(last_changed(update)),
            "display_at": self.t(update.at),
            "affected_components": self._affected(incident, update, index),
            "deliver_notifications": True,
            "custom_tweet": None,
            "tweet_id": None,
        }

    def incident(self, incident: Incident) -> Json:
        updates = incident.updates
        monitoring = [u.at for u in updates if u.status is UpdateStatus.MONITORING]
        first = updates[0].at if updates else incident.started
        latest = updates[-1].at if updates else incident.started
        document: Json = {
            "id": incident_id(incident.id),
            "name": incident.title,
            "status": self._incident_status(incident),
            "created_at": self.t(first),
            "updated_at": self.t(latest),
            "monitoring_at": self.t(monitoring[-1]) if monitoring else None,
            "resolved_at": self.t(incident.resolved_at),
            "impact": incident_impact(self.site.settings, incident),
            "shortlink": self.context.url(paths.page_url(paths.incident_page(incident.id))),
            "started_at": self.t(incident.started),
            "page_id": self.page_id,
            "incident_updates": [
                self.update(incident, u, n) for n, u in reversed(list(enumerate(updates)))
            ],
            "components": by_position(
                [self.component(c) for c in self.site.components if c.id in incident.components]
            ),
            "reminder_intervals": None,
        }
        if incident.kind is Kind.MAINTENANCE:
            document["scheduled_for"] = self.t(incident.scheduled_start)
            document["scheduled_until"] = self.t(incident.scheduled_end)
        return document

    def _incident_status(self, incident: Incident) -> str:
        """The status of its latest update, or ``postmortem`` once its review is published,
        as Statuspage sets it."""
        if review_published(incident, self.context.now) is not None:
            return "postmortem"
        return api_status(incident.status)

    def newest(self, incidents: Iterable[Incident]) -> list[Json]:
        ordered = sorted(incidents, key=by_started, reverse=True)
        return [self.incident(i) for i in ordered[:LIST_LIMIT]]


def api_status(status: UpdateStatus) -> str:
    """The status as Statuspage's enum says it: it has no ``cancelled``, and a window
    called off is ``completed`` there (its updates say why)."""
    return UpdateStatus.COMPLETED.value if status is UpdateStatus.CANCELLED else status.value


def _starts_window(incident: Incident, index: int) -> bool:
    """Whether the update at ``index`` puts a maintenance window in progress (so it
    changes the window's components to under maintenance)."""
    updates = incident.updates
    return (
        incident.kind is Kind.MAINTENANCE
        and updates[index].status in ACTIVE_MAINTENANCE_STATUSES
        and (index == 0 or updates[index - 1].status not in ACTIVE_MAINTENANCE_STATUSES)
    )


def affected_name(component: Component) -> str:
    """A component's name in ``affected_components``: ``Group - Name`` for a group's
    member, as Statuspage writes it."""
    return f"{component.group} - {component.name}" if component.group else component.name


def _dump(document: Json) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render(context: RenderContext) -> Files:
    docs = StatuspageDocuments(context)
    page = docs.page()
    status = docs.status()
    incidents = [i for i in context.site.incidents if i.kind is Kind.INCIDENT]
    maintenance = [i for i in context.site.incidents if i.kind is Kind.MAINTENANCE]
    unresolved = docs.newest(context.timeline.open_incidents)
    upcoming = [docs.incident(i) for i in context.timeline.upcoming_maintenance]
    active = [docs.incident(i) for i in context.timeline.active_maintenance]
    components = docs.components()
    return {
        paths.API_SUMMARY: _dump(
            {
                "page": page,
                "components": components,
                "incidents": unresolved,
                "scheduled_maintenances": active + upcoming,
                "status": status,
            }
        ),
        paths.API_STATUS: _dump({"page": page, "status": status}),
        paths.API_COMPONENTS: _dump({"page": page, "components": components}),
        paths.API_INCIDENTS: _dump({"page": page, "incidents": docs.newest(incidents)}),
        paths.API_UNRESOLVED: _dump({"page": page, "incidents": unresolved}),
        paths.API_MAINTENANCES: _dump(
            {"page": page, "scheduled_maintenances": docs.newest(maintenance)}
        ),
        paths.API_UPCOMING: _dump({"page": page, "scheduled_maintenances": upcoming}),
        paths.API_ACTIVE: _dump({"page": page, "scheduled_maintenances": active}),
    }
