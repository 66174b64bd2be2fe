"""The index page: the overall status, open incidents, maintenance, components and recent
history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from statuspress.timeline import indicator_label, overall_indicator
from statuspress.views.components import ComponentRow, GroupView, groups
from statuspress.views.context import RenderContext
from statuspress.views.frame import IncidentSummary, StatusBadge

#: Index page: at most this many resolved incidents under "Recent history".
RECENT_LIMIT = 10
RECENT_DAYS = 14


@dataclass(frozen=True)
class IndexPage:
    overall: StatusBadge
    open_incidents: tuple[IncidentSummary, ...]
    active_maintenance: tuple[IncidentSummary, ...]
    upcoming_maintenance: tuple[IncidentSummary, ...]
    groups: tuple[GroupView, ...]
    recent: tuple[IncidentSummary, ...]
    uptime_days: int


def index_page(context: RenderContext, rows: dict[str, ComponentRow]) -> IndexPage:
    timeline = context.timeline
    summary = context.frame.incident_summary
    indicator = overall_indicator(context.site, timeline)
    recent_since = context.now - timedelta(days=RECENT_DAYS)
    recent = [
        i
        for i in reversed(context.site.incidents)
        if not i.is_open and i.resolved_at is not None and i.resolved_at > recent_since
    ][:RECENT_LIMIT]
    return IndexPage(
        overall=StatusBadge(indicator, indicator_label(indicator, context.frame.messages)),
        open_incidents=tuple(summary(i) for i in timeline.open_incidents),
        active_maintenance=tuple(summary(i) for i in timeline.active_maintenance),
        upcoming_maintenance=tuple(summary(i) for i in timeline.upcoming_maintenance),
        groups=groups(context, rows),
        recent=tuple(summary(i) for i in recent),
        uptime_days=context.site.settings.history_days,
    )
