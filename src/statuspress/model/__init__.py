"""The typed model of a status repository: what `load` builds and every later stage trusts.

Everything here is frozen. Timestamps are timezone-aware ``datetime``s, statuses are
enums and every id resolves (the loader guarantees it). The statuses and kinds are in
``statuses.py``; everything is imported from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import NamedTuple

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.model.statuses import (
    ACTIVE_MAINTENANCE_STATUSES,
    FINAL_STATUSES,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    STATUSES_FOR_KIND,
    Audience,
    ComponentStatus,
    Kind,
    Show,
    UpdateStatus,
    worst,
)

__all__ = [
    "ACTIVE_MAINTENANCE_STATUSES",
    "FINAL_STATUSES",
    "INCIDENT_STATUSES",
    "MAINTENANCE_STATUSES",
    "STATUSES_FOR_KIND",
    "Audience",
    "ComponentStatus",
    "Kind",
    "Show",
    "UpdateStatus",
    "worst",
]


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
    showcase: bool = True  # Statuspage's "showcase": show its uptime bar


def content_digest(text: str) -> str:
    """A short digest of an original's text, which its translations record
    (``translates:``) so that ``check`` sees when the original changed after them."""
    import hashlib

    return hashlib.blake2b(text.strip().encode("utf-8"), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Translation:
    """An update's body, or an incident header's title and summary, in another language
    (from ``<original>.<language>.md``). Times, statuses and components are the original's."""

    language: str
    body: str
    source: Source
    title: str | None = None  # a header's translated title
    translates: str | None = None  # the original's content_digest it was made from


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
    #: maintenance only: the window as this update moves it (a reschedule or an overrun)
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    #: made by statuspress at the window's start or end, not written by anyone
    automatic: bool = False
    #: language -> the body in that language
    translations: Mapping[str, Translation] = field(default_factory=dict)
    #: set on a page's copy of an update shown untranslated: the language ``body`` is in
    body_language: str | None = None
    #: when the ``erratum`` was added (the page says "Corrected on …").
    corrected: datetime | None = None

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
    #: maintenance only: whether statuspress starts and completes the window at its times
    #: (None: the site's setting decides)
    auto_start: bool | None = None
    auto_complete: bool | None = None
    #: language -> the header's title and summary in that language
    translations: Mapping[str, Translation] = field(default_factory=dict)
    #: set on a page's copy shown untranslated: the language ``title`` and ``summary`` are in
    header_language: str | None = None
    #: where postmortem.md is (its path, keys and first body line), when there is one.
    postmortem_source: Source | None = None
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
    def began(self) -> datetime | None:
        """When it began: ``started`` for an incident; for maintenance, the first update
        that put the window in progress (or completed it), None while it has not begun
        (scheduled, or cancelled before it started)."""
        if self.kind is Kind.INCIDENT:
            return self.started
        for update in self.updates:
            if update.status in ACTIVE_MAINTENANCE_STATUSES:
                return update.at
            if update.status is UpdateStatus.COMPLETED:
                window = self.scheduled_start
                return window if window is not None and window <= update.at else update.at
        return None

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
