"""One source, two audiences: the public view of a site holds no internal text at all.

Renderers of a public build only ever receive the public view, so no template or
renderer can leak what it was never given.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from statuspress.model import Audience, Component, Incident, StatusSite, Update


def audience_components(
    components: tuple[Component, ...], audience: Audience
) -> tuple[Component, ...]:
    """The components ``audience`` may see."""
    if audience is Audience.INTERNAL:
        return components
    return tuple(c for c in components if c.audience is Audience.PUBLIC)


def incident_for(
    incident: Incident, audience: Audience, component_ids: Collection[str]
) -> Incident | None:
    """``incident`` as ``audience`` sees it (None: not at all). The public view has no
    internal updates, ``internal:`` notes or internal components (``component_ids`` are
    the public ones)."""
    if audience is Audience.INTERNAL:
        return incident
    if incident.audience is not Audience.PUBLIC:
        return None
    if not incident.has_internal and all(k in component_ids for k in incident.named_components):
        return incident  # nothing internal in it: most incidents
    updates = tuple(
        _public_update(u, component_ids) for u in incident.updates if u.audience is Audience.PUBLIC
    )
    components = {k: v for k, v in incident.components.items() if k in component_ids}
    return replace(incident, updates=updates, components=components)


def _public_update(update: Update, component_ids: Collection[str]) -> Update:
    """The update without internal notes or internal components (itself when it has none:
    most updates, and copying 50,000 of them costs real time)."""
    if update.internal is None and all(k in component_ids for k in update.components):
        return update
    return replace(
        update,
        internal=None,
        components={k: v for k, v in update.components.items() if k in component_ids},
    )


def view_for(site: StatusSite, audience: Audience) -> StatusSite:
    """The whole site as ``audience`` sees it."""
    if audience is Audience.INTERNAL:
        return site
    components = audience_components(site.components, audience)
    ids = {c.id for c in components}
    incidents = (incident_for(i, audience, ids) for i in site.incidents)
    return replace(site, components=components, incidents=tuple(i for i in incidents if i))


def public_view(site: StatusSite) -> StatusSite:
    return view_for(site, Audience.PUBLIC)
