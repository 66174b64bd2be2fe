"""The typed model of a status repository: what `load` builds and every later stage trusts.

Everything here is frozen. Timestamps are timezone-aware ``datetime``s, statuses are
enums and every id resolves (the loader guarantees it).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import NamedTuple

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic, Level, Position
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
)
STATUSES_FOR_KIND: Mapping[Kind, tuple[UpdateStatus, ...]] = {
    Kind.INCIDENT: INCIDENT_STATUSES,
    Kind.MAINTENANCE: MAINTENANCE_STATUSES,
}
FINAL_STATUSES = frozenset({UpdateStatus.RESOLVED, UpdateStatus.COMPLETED})
#: Maintenance statuses during which the window is under way (components affected).
ACTIVE_MAINTENANCE_STATUSES = frozenset({UpdateStatus.IN_PROGRESS, UpdateStatus.VERIFYING})


class Audience(str, enum.Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


class Show(str, enum.Enum):
    ALWAYS = "always"
    WHEN_DEGRADED = "when-degraded"


@dataclass(frozen=True)
class Source:
    """Where an object came from: its file (relative POSIX path) and where each key sits."""

    path: str
    #: key -> (line, col) of the key in the front matter. (Plain tuples: a long history
    #: holds hundreds of thousands, and the cycle collector need not watch plain ones.)
    keys: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    body_line: int = 1

    def at(self, key: str | None = None) -> Position:
        """The position of ``key`` in the front matter, or of the file's start."""
        if key is not None and key in self.keys:
            return Position(*self.keys[key])
        return Position(1, 1)

    def diagnostic(self, key: str | None, level: Level, rule: str, message: str) -> Diagnostic:
        """A diagnostic pointing at ``key`` of this file."""
        pos = self.at(key)
        return Diagnostic(self.path, pos.line, pos.col, level, rule, message)


@dataclass(frozen=True)
class Component:
    id: str
    name: str
    source: Source
    group: str | None = None
    order: int | None = None
    start_date: date | None = None
    show: Show = Show.ALWAYS
    description: str = ""
    audience: Audience = Audience.PUBLIC


@dataclass(frozen=True)
class Update:
    """One message on an incident's timeline, from one file."""

    id: str  # the file name without .md; unique within its incident
    incident_id: str
    at: datetime
    status: UpdateStatus
    body: str
    source: Source
    next_update: datetime | None = None
    components: Mapping[str, ComponentStatus] = field(default_factory=dict)
    audience: Audience = Audience.PUBLIC
    internal: str | None = None
    erratum: str | None = None
    eta_approved_by: str | None = None
    #: rule id -> who accepted the exception (the `accept:` front-matter key).
    accepted: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_final(self) -> bool:
        return self.status.is_final


class Segment(NamedTuple):
    """From ``start`` until ``end`` (None: still going), these components had these statuses.
    (A named tuple: a long history has tens of thousands, made in a fraction of the time.)"""

    incident_id: str
    start: datetime
    end: datetime | None
    statuses: Mapping[str, ComponentStatus]


@dataclass(frozen=True)
class Incident:
    """An incident or a maintenance window with its updates, sorted by ``at``.

    A frozen value: what several stages ask of it (its status, when it closed, the
    components it names, its impact) is derived from its fields on first use and never
    changes, since they cannot."""

    id: str
    title: str
    kind: Kind
    started: datetime
    components: Mapping[str, ComponentStatus]
    source: Source
    updates: tuple[Update, ...] = ()
    severity: str | None = None
    audience: Audience = Audience.PUBLIC
    summary: str = ""
    postmortem_url: str | None = None
    postmortem: str | None = None  # Markdown of postmortem.md
    postmortem_published: datetime | None = None
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    accepted: Mapping[str, str] = field(default_factory=dict)
    owner: str | None = None  # who answers for its updates (`due` nudges reach them)

    @property
    def is_maintenance(self) -> bool:
        return self.kind is Kind.MAINTENANCE

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @cached_property
    def status(self) -> UpdateStatus:
        """The status of the latest update (or the kind's first status when none)."""
        if self.updates:
            return self.updates[-1].status
        return STATUSES_FOR_KIND[self.kind][0]

    @property
    def is_open(self) -> bool:
        return not self.status.is_final

    @cached_property
    def resolved_at(self) -> datetime | None:
        """When the latest final update closed it (None while open)."""
        if self.updates and self.updates[-1].is_final:
            return self.updates[-1].at
        return None

    @cached_property
    def last_update_at(self) -> datetime | None:
        """When the latest update was posted (updates are sorted by ``at``)."""
        return self.updates[-1].at if self.updates else None

    @property
    def last_stamp(self) -> datetime:
        """Its newest time: the start or the latest update, whichever is later."""
        last = self.last_update_at
        return self.started if last is None or last < self.started else last

    def last_update_by(self, now: datetime) -> datetime | None:
        """The newest update time that is not after ``now`` (None: there is none)."""
        last = self.last_update_at
        if last is None or last <= now:
            return last
        return max((u.at for u in self.updates if u.at <= now), default=None)

    def last_stamp_by(self, now: datetime) -> datetime | None:
        """Its newest start or update time that is not after ``now`` (None: none is)."""
        update = self.last_update_by(now)
        started = self.started if self.started <= now else None
        if update is None or (started is not None and started > update):
            return started
        return update

    @cached_property
    def named_components(self) -> tuple[str, ...]:
        """Every component the header or an update names, sorted."""
        return tuple(sorted(set(self.components).union(*(u.components for u in self.updates))))

    @cached_property
    def has_internal(self) -> bool:
        """Whether an update is internal or carries an internal note."""
        return any(
            u.audience is not Audience.PUBLIC or u.internal is not None for u in self.updates
        )

    @cached_property
    def impact(self) -> tuple[Segment, ...]:
        """The incident's effect on components as consecutive segments (see segments)."""
        return self.segments()

    def segments(self) -> tuple[Segment, ...]:
        """The incident's effect on components as consecutive segments, worked out.

        An incident affects its header's components from ``started``; each update's
        ``components`` apply from its ``at``; a final update ends the impact (SPEC: it returns
        every affected component to operational). A later non-final update reopens it.
        Maintenance affects components only while an update says it is in progress.
        """
        # Each point's state is a new mapping, never changed afterwards: no copies needed.
        points: list[tuple[datetime, Mapping[str, ComponentStatus]]] = []
        state: Mapping[str, ComponentStatus]
        if self.kind is Kind.INCIDENT:
            state = self.components
            points.append((self.started, state))
            closed = False
            for update in self.updates:
                if update.is_final:
                    state = {}
                    closed = True
                elif closed:
                    state = {**self.components, **update.components}
                    closed = False
                elif update.components:
                    state = {**state, **update.components}
                points.append((update.at, state))
        else:
            state = {}
            for update in self.updates:
                if update.status in ACTIVE_MAINTENANCE_STATUSES:
                    state = {**(state or self.components), **update.components}
                else:
                    state = {}
                points.append((update.at, state))
        segments = []
        for index, (start, statuses) in enumerate(points):
            end = points[index + 1][0] if index + 1 < len(points) else None
            active = {k: v for k, v in statuses.items() if v is not ComponentStatus.OPERATIONAL}
            if active and (end is None or end > start):
                segments.append(Segment(self.id, start, end, active))
        return tuple(segments)

    @property
    def public_updates(self) -> tuple[Update, ...]:
        return tuple(u for u in self.updates if u.audience is Audience.PUBLIC)


def by_started(incident: Incident) -> tuple[datetime, str]:
    """The order of the history: by start, ties by id (a sort key)."""
    return (incident.started, incident.id)


@dataclass(frozen=True)
class StatusSite:
    """A whole status repository, loaded and typed."""

    settings: Settings
    components: tuple[Component, ...]
    incidents: tuple[Incident, ...]  # sorted by started, then id
