"""`statuspress report`: the communication metrics as a Markdown review, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

from statuspress.errors import UsageError
from statuspress.fields import did_you_mean
from statuspress.load import load_site
from statuspress.messages import ENGLISH
from statuspress.metrics import Aggregate, Report, build_report, publication_times
from statuspress.model import StatusSite
from statuspress.render.report_data import INCIDENT_COLUMNS, incident_document, report_document
from statuspress.timefmt import duration_words, zone
from statuspress.transitions import site_in_time


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text} is not a date such as 2026-07-01") from None


def _words(value: timedelta | None) -> str:
    return "—" if value is None else duration_words(value)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _markdown(site: StatusSite, report: Report) -> str:
    tz = zone(site.settings.timezone)
    period = ", ".join(f"{k} {v}" for k, v in report.filters.items()) or "all incidents"
    lines = [
        f"# Communication report: {site.settings.title}",
        "",
        f"Period: {period}. Times in {site.settings.timezone}; durations are medians unless marked p90.",
        "",
    ]
    header = "| | Incidents | Open | First update (median / p90) | Updates (median) | Promises kept | Resolve (median / p90) | Customer impact (median / p90) | Met cadence |"
    rule = "|---|---:|---:|---|---:|---:|---|---|---:|"

    def row(a: Aggregate, label: str) -> str:
        return (
            f"| {label} | {a.incidents} | {a.open} | {_words(a.median_time_to_first_update)} / {_words(a.p90_time_to_first_update)} "
            f"| {'—' if a.median_updates is None else format(a.median_updates, 'g')} | {_pct(a.promises_kept_pct)} ({a.promises_kept}/{a.promises_made}) "
            f"| {_words(a.median_time_to_resolve)} / {_words(a.p90_time_to_resolve)} "
            f"| {_words(a.median_customer_impact)} / {_words(a.p90_customer_impact)} | {_pct(a.met_cadence_pct)} |"
        )

    lines += ["## By severity", "", header, rule]
    labels = {s.id: f"{s.id} ({s.label})" for s in site.settings.severities}
    lines += [row(a, labels.get(a.key, a.key)) for a in report.by_severity]
    lines.append(row(report.overall, "**All**"))
    lines += ["", "## By month", "", header, rule]
    lines += [row(a, a.key) for a in report.by_month]
    lines += ["", "## Incidents", ""]
    delay_head = " Longest publication delay |" if report.has_publication_delays else ""
    lines.append(
        f"| Started | Incident | Severity | First update | Updates | Longest gap | Promises kept | Resolved in | Customer impact | Postmortem after | Cadence |{delay_head}"
    )
    lines.append(
        "|---|---|---|---:|---:|---:|---:|---|---|---|---|" + ("---:|" if delay_head else "")
    )
    for m in reversed(report.incidents):
        started = m.started.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        resolved = _words(m.time_to_resolve) if not m.open else f"open for {_words(m.open_for)}"
        delay = ""
        if report.has_publication_delays:
            flag = " ⚠" if m.late_publication else ""
            delay = f" {_words(m.longest_publication_delay)}{flag} |"
        lines.append(
            f"| {started} | {m.title} | {m.severity or '—'} | {_words(m.time_to_first_update) if m.time_to_first_update is not None else 'none'} "
            f"| {m.public_updates} | {_words(m.longest_gap)} | {_pct(m.promises_kept_pct)} | {resolved} | {_words(m.customer_impact)} "
            f"| {_words(m.time_to_postmortem)} | {'met' if m.met_cadence else 'missed'} |{delay}"
        )
    if report.maintenance:
        lines += [
            "",
            "## Maintenance",
            "",
            "| Scheduled | Window | Notice | Completed | Overran |",
            "|---|---|---:|---|---|",
        ]
        for mm in report.maintenance:
            start = (
                mm.scheduled_start.astimezone(tz).strftime("%Y-%m-%d %H:%M")
                if mm.scheduled_start
                else "—"
            )
            done = (
                mm.completed.astimezone(tz).strftime("%Y-%m-%d %H:%M")
                if mm.completed
                else "not yet"
            )
            lines.append(
                f"| {start} | {mm.title} | {_words(mm.notice)} | {done} | {'yes' if mm.overran else 'no'} |"
            )
    lines += ["", "Definitions: docs/metrics.md."]
    return "\n".join(lines) + "\n"


def _csv(report: Report) -> str:
    rows = [incident_document(m, report.has_publication_delays) for m in report.incidents]
    buffer = io.StringIO()
    fields = (
        list(incident_document(report.incidents[0], report.has_publication_delays))
        if rows
        else list(INCIDENT_COLUMNS)
    )
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue()


def run_report(
    root: Path, now: datetime, since: str | None, until: str | None, severity: str | None, fmt: str
) -> str:
    # The report speaks of windows as they stand now: started and completed on time.
    site = site_in_time(load_site(root).site, now, ENGLISH)
    if severity is not None and severity not in site.settings.severity_ids:
        raise UsageError(
            f"--severity {severity} is not in the severity matrix; "
            f"{did_you_mean(severity, site.settings.severity_ids)}use one of: {', '.join(site.settings.severity_ids)}"
        )
    start, end = _date("--since", since), _date("--until", until)
    if start and end and end <= start:
        raise UsageError("--until must be after --since")
    report = build_report(
        site, now, since=start, until=end, severity=severity, publication=publication_times(root)
    )
    if fmt == "json":
        return json.dumps(report_document(report), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(report)
    return _markdown(site, report)
