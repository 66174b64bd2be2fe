"""The incident page: one incident's whole timeline, newest update first."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from statuspress import paths
from statuspress.markdown import render_markdown
from statuspress.model import Incident
from statuspress.timeline import impact_duration
from statuspress.views.frame import (
    Frame,
    IncidentSummary,
    Link,
    StatusBadge,
    UpdateView,
    status_badge,
)


@dataclass(frozen=True)
class IncidentPage:
    summary: IncidentSummary
    updates: tuple[UpdateView, ...]  # newest first
    description: Markup | None
    impact_duration: str
    affected: tuple[tuple[Link, StatusBadge], ...]
    postmortem_url: str | None
    postmortem: Markup | None
    postmortem_published: str | None


def incident_page(frame: Frame, incident: Incident) -> IncidentPage:
    """The page of ``incident`` (already the audience's view of it)."""
    until = incident.resolved_at or frame.now
    affected = tuple(
        (
            Link(paths.page_url(paths.component_page(cid)), frame.component_name(cid)),
            status_badge(status, frame.messages),
        )
        for cid, status in incident.components.items()
        if cid in frame.by_id
    )
    return IncidentPage(
        summary=frame.incident_summary(incident),
        updates=tuple(
            frame.update(u, promise=incident.is_open and u is incident.latest)
            for u in reversed(incident.updates)
        ),
        description=Markup(render_markdown(incident.summary)) if incident.summary else None,
        impact_duration=frame.duration(impact_duration(incident.impact, until)),
        affected=affected,
        postmortem_url=incident.postmortem_url,
        postmortem=Markup(render_markdown(incident.postmortem)) if incident.postmortem else None,
        postmortem_published=(
            frame.time(incident.postmortem_published) if incident.postmortem_published else None
        ),
    )
