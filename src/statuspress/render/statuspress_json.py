"""``api/statuspress.json``: what Statuspage's format cannot carry (severity, promised next
update, customer-impact window), public data only. Schema: docs/statuspress.schema.json."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from statuspress import paths
from statuspress.model import ComponentStatus, Incident, Kind, by_started
from statuspress.render import Files, RenderContext
from statuspress.timefmt import iso
from statuspress.timeline import INDICATOR_DESCRIPTIONS, impact_duration, overall_indicator

SCHEMA_VERSION = 1
#: The newest incidents listed (open ones are always listed).
INCIDENT_LIMIT = 50


def _t(value: datetime | None) -> str | None:
    if value is None:
        return None
    return iso(value)


def _incident(context: RenderContext, incident: Incident) -> dict[str, Any]:
    settings = context.site.settings
    segments = context.timeline.segments.get(incident.id, ())
    until = incident.resolved_at or context.now
    latest = incident.latest
    severity = settings.severity(incident.severity) if incident.severity else None
    impact_start = min((s.start for s in segments), default=None)
    impact_end = None
    if segments and all(s.end is not None for s in segments):
        impact_end = max(s.end for s in segments if s.end is not None)
    return {
        "id": incident.id,
        "title": incident.title,
        "kind": incident.kind.value,
        "severity": incident.severity,
        "severity_label": severity.label if severity else None,
        "status": incident.status.value,
        "open": incident.is_open,
        "url": context.url(paths.page_url(paths.incident_page(incident.id))),
        "started": _t(incident.started),
        "resolved": _t(incident.resolved_at),
        "next_update": _t(latest.next_update) if latest and not latest.is_final else None,
        "scheduled_start": _t(incident.scheduled_start),
        "scheduled_end": _t(incident.scheduled_end),
        "customer_impact": {
            "start": _t(impact_start),
            "end": _t(impact_end),
            "seconds": int(impact_duration(segments, until).total_seconds()),
        },
        "duration_seconds": max(0, int((until - incident.started).total_seconds())),
        "components": {k: v.value for k, v in incident.components.items()},
        "postmortem_url": incident.postmortem_url,
        "updates": [
            {
                "id": u.id,
                "at": _t(u.at),
                "status": u.status.value,
                "next_update": _t(u.next_update),
                "body": u.body,
                "erratum": u.erratum,
                "components": {k: v.value for k, v in u.components.items()},
                "automatic": u.automatic,
                "scheduled_start": _t(u.scheduled_start),
                "scheduled_end": _t(u.scheduled_end),
            }
            for u in reversed(incident.updates)
        ],
    }


def _communication(context: RenderContext) -> dict[str, Any]:
    """The figures of the Reliability & communication page (docs/metrics.md)."""
    from statuspress.render.report_data import aggregates_document

    return aggregates_document(context.report)


def render(context: RenderContext) -> Files:
    site = context.site
    indicator = overall_indicator(site, context.timeline)
    newest = sorted(site.incidents, key=by_started, reverse=True)
    listed = [i for i in newest if i.is_open] + [i for i in newest if not i.is_open][
        :INCIDENT_LIMIT
    ]
    document = {
        "schema_version": SCHEMA_VERSION,
        # The newest change in the content, not the clock: the same content at another
        # moment gives the same bytes, so a scheduled publish deploys only real changes.
        "generated_at": _t(context.last_updated),
        "site": {
            "title": site.settings.title,
            "url": context.base_url,
            "timezone": site.settings.timezone,
        },
        # Machine values, English whatever the message catalogue: the same description as
        # Statuspage's API, which clients compare against.
        "status": {"indicator": indicator, "description": INDICATOR_DESCRIPTIONS[indicator]},
        "severities": [
            {
                "id": s.id,
                "label": s.label,
                "customer_impact": s.customer_impact,
                "first_update_minutes": int(s.first_update.total_seconds() // 60)
                if s.first_update
                else None,
                "cadence_minutes": int(s.cadence.total_seconds() // 60) if s.cadence else None,
                "statuspage_impact": s.statuspage_impact,
            }
            for s in site.settings.severities
        ],
        "components": [
            {
                "id": c.id,
                "name": c.name,
                "group": c.group,
                "status": context.timeline.current.get(c.id, ComponentStatus.OPERATIONAL).value,
            }
            for c in site.components
        ],
        "incidents": [_incident(context, i) for i in listed if i.kind is Kind.INCIDENT],
        "maintenance": [_incident(context, i) for i in listed if i.kind is Kind.MAINTENANCE],
        "communication": _communication(context),
    }
    return {
        paths.STATUSPRESS_JSON: (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode()
    }
