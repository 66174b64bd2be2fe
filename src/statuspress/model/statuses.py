"""The model's vocabulary: component and update statuses, kinds, audiences, and the
sets of statuses the rules and stages ask about."""

from __future__ import annotations

import enum
from collections.abc import Mapping

from statuspress.messages import ENGLISH, Catalogue


class ComponentStatus(str, enum.Enum):
    """Statuspage's five component statuses, in order of increasing badness."""

    OPERATIONAL = "operational"
    UNDER_MAINTENANCE = "under_maintenance"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"

    @property
    def rank(self) -> int:
        """Badness for "worst of" roll-ups: a higher rank wins."""
        return _COMPONENT_RANK[self]

    @property
    def label(self) -> str:
        """The English label (terminal output); pages use ``describe``."""
        return self.describe(ENGLISH)

    def describe(self, messages: Catalogue) -> str:
        """The status as people read it, in ``messages``' language."""
        labels = {
            ComponentStatus.OPERATIONAL: messages.gettext("Operational"),
            # Translators: a component's status while planned maintenance is under way.
            ComponentStatus.UNDER_MAINTENANCE: messages.gettext("Under maintenance"),
            ComponentStatus.DEGRADED_PERFORMANCE: messages.gettext("Degraded performance"),
            ComponentStatus.PARTIAL_OUTAGE: messages.gettext("Partial outage"),
            ComponentStatus.MAJOR_OUTAGE: messages.gettext("Major outage"),
        }
        return labels[self]


_COMPONENT_RANK = {
    ComponentStatus.OPERATIONAL: 0,
    ComponentStatus.UNDER_MAINTENANCE: 1,
    ComponentStatus.DEGRADED_PERFORMANCE: 2,
    ComponentStatus.PARTIAL_OUTAGE: 3,
    ComponentStatus.MAJOR_OUTAGE: 4,
}


def worst(statuses: object) -> ComponentStatus:
    """The worst of some component statuses; operational when there are none."""
    result = ComponentStatus.OPERATIONAL
    for status in statuses:  # type: ignore[attr-defined]
        if status.rank > result.rank:
            result = status
    return result


class Kind(str, enum.Enum):
    INCIDENT = "incident"
    MAINTENANCE = "maintenance"


class UpdateStatus(str, enum.Enum):
    """Statuses of an update; which ones are valid depends on the incident's kind."""

    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    VERIFYING = "verifying"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES

    @property
    def label(self) -> str:
        """The English label (terminal output); pages use ``describe``."""
        return self.describe(ENGLISH)

    def describe(self, messages: Catalogue) -> str:
        """The status as people read it, in ``messages``' language."""
        # Translators: the statuses of an update to an incident or a maintenance window.
        labels = {
            UpdateStatus.INVESTIGATING: messages.gettext("Investigating"),
            # Translators: an incident's status: the cause has been found.
            UpdateStatus.IDENTIFIED: messages.gettext("Identified"),
            UpdateStatus.MONITORING: messages.gettext("Monitoring"),
            UpdateStatus.RESOLVED: messages.gettext("Resolved"),
            UpdateStatus.SCHEDULED: messages.gettext("Scheduled"),
            UpdateStatus.IN_PROGRESS: messages.gettext("In progress"),
            UpdateStatus.VERIFYING: messages.gettext("Verifying"),
            UpdateStatus.COMPLETED: messages.gettext("Completed"),
            # Translators: a maintenance window called off before or while it ran.
            UpdateStatus.CANCELLED: messages.gettext("Cancelled"),
        }
        return labels[self]


INCIDENT_STATUSES = (
    UpdateStatus.INVESTIGATING,
    UpdateStatus.IDENTIFIED,
    UpdateStatus.MONITORING,
    UpdateStatus.RESOLVED,
)
MAINTENANCE_STATUSES = (
    UpdateStatus.SCHEDULED,
    UpdateStatus.IN_PROGRESS,
    UpdateStatus.VERIFYING,
    UpdateStatus.COMPLETED,
    UpdateStatus.CANCELLED,
)
STATUSES_FOR_KIND: Mapping[Kind, tuple[UpdateStatus, ...]] = {
    Kind.INCIDENT: INCIDENT_STATUSES,
    Kind.MAINTENANCE: MAINTENANCE_STATUSES,
}
FINAL_STATUSES = frozenset({UpdateStatus.RESOLVED, UpdateStatus.COMPLETED, UpdateStatus.CANCELLED})
#: Maintenance statuses during which the window is under way (components affected).
ACTIVE_MAINTENANCE_STATUSES = frozenset({UpdateStatus.IN_PROGRESS, UpdateStatus.VERIFYING})


class Audience(str, enum.Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


class Show(str, enum.Enum):
    ALWAYS = "always"
    WHEN_DEGRADED = "when-degraded"
