"""One source, two audiences: the public view of a site holds no internal text at all.

Renderers of a public build only ever receive ``public_view(site)``, so no template or
renderer can leak what it was never given.
"""

from __future__ import annotations

from dataclasses import replace

from statuspress.model import Audience, StatusSite, Update


def public_view(site: StatusSite) -> StatusSite:
    """``site`` without internal incidents, internal updates, internal components and
    ``internal:`` notes."""
    components = tuple(c for c in site.components if c.audience is Audience.PUBLIC)
    public_ids = {c.id for c in components}
    incidents = []
    for incident in site.incidents:
        if incident.audience is not Audience.PUBLIC:
            continue
        if not incident.has_internal and all(k in public_ids for k in incident.named_components):
            incidents.append(incident)  # nothing internal in it: most incidents
            continue
        updates = tuple(
            _public_update(u, public_ids) for u in incident.updates if u.audience is Audience.PUBLIC
        )
        components_map = {k: v for k, v in incident.components.items() if k in public_ids}
        incidents.append(replace(incident, updates=updates, components=components_map))
    return replace(site, components=components, incidents=tuple(incidents))


def _public_update(update: Update, public_ids: set[str]) -> Update:
    """The update without internal notes or internal components (itself when it has none:
    most updates, and copying 50,000 of them costs real time)."""
    if update.internal is None and all(k in public_ids for k in update.components):
        return update
    return replace(
        update,
        internal=None,
        components={k: v for k, v in update.components.items() if k in public_ids},
    )


def view_for(site: StatusSite, audience: Audience) -> StatusSite:
    return site if audience is Audience.INTERNAL else public_view(site)
