"""Rules about ``statuspress.yaml``'s notification channels that need the components."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import did_you_mean
from statuspress.layout import SETTINGS_FILE
from statuspress.model import StatusSite


def channel_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """A channel that follows a component that does not exist would never hear of it."""
    del now
    known = {c.id for c in site.components}
    for channel in site.settings.notifications.channels:
        for component in channel.components:
            if component not in known:
                line, col = channel.position
                yield Diagnostic(
                    SETTINGS_FILE,
                    line,
                    col,
                    Level.ERROR,
                    "schema/value",
                    f"channel '{channel.id}' follows the component '{component}', which does "
                    f"not exist; {did_you_mean(component, known)}use ids of files in components/",
                )
