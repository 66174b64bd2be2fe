"""`statuspress report`: the communication metrics as a Markdown review, CSV or JSON.

The Markdown is for people and speaks the site's ``language`` (its words from the message
catalogue, its durations, numbers and percentages from CLDR). The CSV's column names and
the JSON's keys are machine keys, the same in every language, so a script or spreadsheet
that reads them keeps working when a site changes its language."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from statuspress.errors import UsageError
from statuspress.fields import did_you_mean
from statuspress.load import load_site
from statuspress.messages import ENGLISH, Catalogue, catalogue_for
from statuspress.metrics import Aggregate, Report, build_report, publication_times
from statuspress.model import StatusSite
from statuspress.render.report_data import INCIDENT_COLUMNS, incident_document, report_document
from statuspress.timefmt import duration_words, number, percent, word_list, zone
from statuspress.transitions import site_in_time


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text} is not a date such as 2026-07-01") from None


def _words(value: timedelta | None, messages: Catalogue) -> str:
    return "—" if value is None else duration_words(value, messages)


def _pct(value: float | None, messages: Catalogue) -> str:
    return "—" if value is None else percent(value, messages)


def _table(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _stamp(value: datetime, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _period(report: Report, messages: Catalogue) -> str:
    """The report's filters in words, or "all incidents"."""
    # Translators: the filters of 'statuspress report', listed after "Period:".
    said = {
        "since": messages.gettext("since %(value)s"),
        "until": messages.gettext("until %(value)s"),
        "severity": messages.gettext("severity %(value)s"),
    }
    parts = [said.get(k, k + " %(value)s") % {"value": v} for k, v in report.filters.items()]
    return word_list(parts, messages, conjunction=False) or messages.gettext("all incidents")


def _aggregate_head(messages: Catalogue) -> list[str]:
    # Translators: the columns of the report's tables by severity and by month.
    return [
        "",
        messages.gettext("Incidents"),
        messages.gettext("Open"),
        messages.gettext("First update (median / p90)"),
        messages.gettext("Updates (median)"),
        messages.gettext("Promises kept"),
        messages.gettext("Resolve (median / p90)"),
        messages.gettext("Customer impact (median / p90)"),
        messages.gettext("Met cadence"),
    ]


def _markdown(site: StatusSite, report: Report, messages: Catalogue) -> str:
    """The report for people, in the site's language (the CSV and JSON keep stable keys)."""
    tz = zone(site.settings.timezone)
    # Translators: the heading and the first line of 'statuspress report' (Markdown).
    lines = [
        "# " + messages.gettext("Communication report: %(title)s") % {"title": site.settings.title},
        "",
        messages.gettext(
            "Period: %(period)s. Times in %(zone)s; durations are medians unless marked p90."
        )
        % {"period": _period(report, messages), "zone": site.settings.timezone},
        "",
    ]
    header = _table(_aggregate_head(messages))
    rule = "|---|---:|---:|---|---:|---:|---|---|---:|"

    def row(a: Aggregate, label: str) -> str:
        updates = "—" if a.median_updates is None else number(a.median_updates, messages, 1)
        return _table(
            [
                label,
                str(a.incidents),
                str(a.open),
                f"{_words(a.median_time_to_first_update, messages)} / "
                f"{_words(a.p90_time_to_first_update, messages)}",
                updates,
                f"{_pct(a.promises_kept_pct, messages)} ({a.promises_kept}/{a.promises_made})",
                f"{_words(a.median_time_to_resolve, messages)} / "
                f"{_words(a.p90_time_to_resolve, messages)}",
                f"{_words(a.median_customer_impact, messages)} / "
                f"{_words(a.p90_customer_impact, messages)}",
                _pct(a.met_cadence_pct, messages),
            ]
        )

    lines += ["## " + messages.gettext("By severity"), "", header, rule]
    labels = {s.id: f"{s.id} ({s.label})" for s in site.settings.severities}
    lines += [row(a, labels.get(a.key, a.key)) for a in report.by_severity]
    # Translators: the last row of the table by severity, over every incident.
    lines.append(row(report.overall, "**" + messages.gettext("All") + "**"))
    lines += ["", "## " + messages.gettext("By month"), "", header, rule]
    lines += [row(a, a.key) for a in report.by_month]
    lines += ["", "## " + messages.gettext("Incidents"), ""]
    # Translators: the columns of the report's table of incidents.
    head = [
        messages.gettext("Started"),
        messages.gettext("Incident"),
        messages.gettext("Severity"),
        messages.gettext("First update"),
        messages.gettext("Updates"),
        messages.gettext("Longest gap"),
        messages.gettext("Promises kept"),
        messages.gettext("Resolved in"),
        messages.gettext("Customer impact"),
        messages.gettext("Postmortem after"),
        messages.gettext("Cadence"),
    ]
    if report.has_publication_delays:
        head.append(messages.gettext("Longest publication delay"))
    lines.append(_table(head))
    lines.append("|---|---|---|---:|---:|---:|---:|---|---|---|---|" + "---:|" * (len(head) - 11))
    for m in reversed(report.incidents):
        resolved = _words(m.time_to_resolve, messages)
        if m.open:
            # Translators: an incident still open in the report's table of incidents.
            resolved = messages.gettext("open for %(duration)s") % {
                "duration": _words(m.open_for, messages)
            }
        first = (
            _words(m.time_to_first_update, messages)
            if m.time_to_first_update is not None
            else messages.gettext("none")
        )
        cells = [
            _stamp(m.started, tz),
            m.title,
            m.severity or "—",
            first,
            str(m.public_updates),
            _words(m.longest_gap, messages),
            _pct(m.promises_kept_pct, messages),
            resolved,
            _words(m.customer_impact, messages),
            _words(m.time_to_postmortem, messages),
            # Translators: whether an incident's updates came as often as its severity asks.
            messages.gettext("met") if m.met_cadence else messages.gettext("missed"),
        ]
        if report.has_publication_delays:
            flag = " ⚠" if m.late_publication else ""
            cells.append(_words(m.longest_publication_delay, messages) + flag)
        lines.append(_table(cells))
    if report.maintenance:
        lines += ["", "## " + messages.gettext("Maintenance"), ""]
        # Translators: the columns of the report's table of maintenance windows.
        lines.append(
            _table(
                [
                    messages.gettext("Scheduled"),
                    messages.gettext("Window"),
                    messages.gettext("Notice"),
                    messages.gettext("Completed"),
                    messages.gettext("Overran"),
                ]
            )
        )
        lines.append("|---|---|---:|---|---|")
        for mm in report.maintenance:
            start = _stamp(mm.scheduled_start, tz) if mm.scheduled_start else "—"
            # Translators: a maintenance window that has not completed, in the report.
            done = _stamp(mm.completed, tz) if mm.completed else messages.gettext("not yet")
            overran = messages.gettext("yes") if mm.overran else messages.gettext("no")
            lines.append(_table([start, mm.title, _words(mm.notice, messages), done, overran]))
    # Translators: the last line of the report; docs/metrics.md is a file name.
    lines += ["", messages.gettext("Definitions: docs/metrics.md.")]
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
    return _markdown(site, report, catalogue_for(site.settings.language))
