"""The communication report as JSON-able data with stable keys (durations in minutes):
``statuspress report --format json|csv`` and ``api/statuspress.json`` show it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from statuspress.metrics import Aggregate, IncidentMetrics, Report, minutes
from statuspress.timefmt import iso


def _utc(value: datetime | None) -> str | None:
    return None if value is None else iso(value)


def _aggregate_json(a: Aggregate) -> dict[str, Any]:
    return {
        "key": a.key,
        "incidents": a.incidents,
        "open": a.open,
        "median_time_to_first_update_min": minutes(a.median_time_to_first_update),
        "p90_time_to_first_update_min": minutes(a.p90_time_to_first_update),
        "median_public_updates": a.median_updates,
        "promises_made": a.promises_made,
        "promises_kept": a.promises_kept,
        "promises_kept_pct": None if a.promises_kept_pct is None else round(a.promises_kept_pct, 1),
        "median_time_to_resolve_min": minutes(a.median_time_to_resolve),
        "p90_time_to_resolve_min": minutes(a.p90_time_to_resolve),
        "median_customer_impact_min": minutes(a.median_customer_impact),
        "p90_customer_impact_min": minutes(a.p90_customer_impact),
        "met_cadence": a.met_cadence,
        "met_cadence_pct": None if a.met_cadence_pct is None else round(a.met_cadence_pct, 1),
    }


#: The columns of one incident's row (CSV) or object (JSON), in order; with publication
#: delays known, two more follow.
INCIDENT_COLUMNS = (
    "id",
    "title",
    "severity",
    "started",
    "month",
    "open",
    "public_updates",
    "time_to_first_update_min",
    "median_gap_min",
    "longest_gap_min",
    "promises_made",
    "promises_kept",
    "promises_kept_pct",
    "time_to_resolve_min",
    "open_for_min",
    "customer_impact_min",
    "time_to_postmortem_h",
    "met_cadence",
)


def incident_document(m: IncidentMetrics, with_delays: bool) -> dict[str, Any]:
    values = (
        m.id,
        m.title,
        m.severity,
        _utc(m.started),
        m.month,
        m.open,
        m.public_updates,
        minutes(m.time_to_first_update),
        minutes(m.median_gap),
        minutes(m.longest_gap),
        m.promises_made,
        m.promises_kept,
        None if m.promises_kept_pct is None else round(m.promises_kept_pct, 1),
        minutes(m.time_to_resolve),
        minutes(m.open_for),
        minutes(m.customer_impact),
        None
        if m.time_to_postmortem is None
        else round(m.time_to_postmortem.total_seconds() / 3600, 1),
        m.met_cadence,
    )
    document = dict(zip(INCIDENT_COLUMNS, values, strict=True))
    if with_delays:
        document["longest_publication_delay_min"] = minutes(m.longest_publication_delay)
        document["late_publication"] = m.late_publication
    return document


def aggregates_document(report: Report) -> dict[str, Any]:
    """The report's figures over groups of incidents (all, each severity, each month)."""
    return {
        "overall": _aggregate_json(report.overall),
        "by_severity": [_aggregate_json(a) for a in report.by_severity],
        "by_month": [_aggregate_json(a) for a in report.by_month],
    }


def report_document(report: Report) -> dict[str, Any]:
    """Everything in the report as JSON-able data with stable keys (durations in minutes)."""
    return {
        "generated_at": _utc(report.now),
        "filters": dict(report.filters),
        **aggregates_document(report),
        "incidents": [
            incident_document(m, report.has_publication_delays) for m in report.incidents
        ],
        "maintenance": [
            {
                "id": m.id,
                "title": m.title,
                "scheduled_start": _utc(m.scheduled_start),
                "scheduled_end": _utc(m.scheduled_end),
                "notice_h": None if m.notice is None else round(m.notice.total_seconds() / 3600, 1),
                "started": _utc(m.actual_start),
                "completed": _utc(m.completed),
                "overran": m.overran,
            }
            for m in report.maintenance
        ],
    }
