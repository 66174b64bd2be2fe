"""The history pages: every incident by the local days it touched, one page a month."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from statuspress import paths
from statuspress.messages import Catalogue
from statuspress.model import Incident, Kind, by_started
from statuspress.timefmt import long_date
from statuspress.timefmt import month_label as month_of_year
from statuspress.views.context import RenderContext
from statuspress.views.frame import IncidentSummary, Link, last_change

#: month key ("2026-11") -> local day -> the incidents that touched it
Months = dict[str, dict[date, list[Incident]]]


@dataclass(frozen=True)
class HistoryDay:
    label: str
    incidents: tuple[IncidentSummary, ...]


@dataclass(frozen=True)
class HistoryPage:
    month_label: str  # "November 2026"
    days: tuple[HistoryDay, ...]  # newest first
    months: tuple[tuple[Link, int, bool], ...]  # (link, incident count, is this month)
    newer: Link | None
    older: Link | None
    updated: datetime | None  # the newest change to the incidents listed


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_label(key: str, messages: Catalogue) -> str:
    """``November 2026`` for the month key ``2026-11``."""
    year, month = key.split("-")
    return month_of_year(int(year), int(month), messages)


def days_touched(context: RenderContext, incident: Incident) -> list[date]:
    """Local calendar days the incident touched, from its start to its end (or now)."""
    start = incident.started
    end = incident.resolved_at or context.now
    if incident.kind is Kind.MAINTENANCE and incident.status.is_final is False:
        end = max(start, min(end, incident.scheduled_end or end))
    tz = context.frame.tz
    first = start.astimezone(tz).date()
    last = max(end, start).astimezone(tz).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def history_months(context: RenderContext) -> Months:
    """month key -> local day -> the incidents that touched it, newest month first (the
    current month always, even when empty)."""
    by_month: Months = {}
    for incident in context.site.incidents:
        if incident.kind is Kind.MAINTENANCE and incident.started > context.now:
            continue  # upcoming maintenance is not history yet
        for day in days_touched(context, incident):
            by_month.setdefault(month_key(day), {}).setdefault(day, []).append(incident)
    current = month_key(context.now.astimezone(context.frame.tz).date())
    by_month.setdefault(current, {})
    return {key: by_month[key] for key in sorted(by_month, reverse=True)}


def month_counts(months: Months) -> dict[str, int]:
    """month key -> how many incidents it lists (one that spans days counts once)."""
    return {k: len({i.id for day in days.values() for i in day}) for k, days in months.items()}


def history_page(
    context: RenderContext, months: Months, counts: Mapping[str, int], key: str
) -> HistoryPage:
    """The page of one month of ``history_months``; ``counts`` is their ``month_counts``
    (counted once for all the pages)."""
    summary = context.frame.incident_summary
    messages = context.frame.messages
    keys = list(months)
    index = keys.index(key)
    days = tuple(
        HistoryDay(
            long_date(day, messages),
            tuple(summary(i) for i in sorted(months[key][day], key=by_started, reverse=True)),
        )
        for day in sorted(months[key], reverse=True)
    )
    newer = keys[index - 1] if index > 0 else None
    older = keys[index + 1] if index + 1 < len(keys) else None
    listed = {i.id: i for day in months[key].values() for i in day}
    return HistoryPage(
        month_label=month_label(key, messages),
        days=days,
        months=tuple((_month_link(k, messages), counts[k], k == key) for k in keys),
        newer=_month_link(newer, messages) if newer else None,
        older=_month_link(older, messages) if older else None,
        updated=last_change(listed.values(), context.now),
    )


def _month_link(key: str, messages: Catalogue) -> Link:
    return Link(paths.page_url(paths.history_page(key)), month_label(key, messages))
