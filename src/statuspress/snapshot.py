"""Loaded incidents (and their diagnostics) as plain values and back, for the build cache.

``encode`` turns an Incident into nested tuples of str, int, bytes and None, which
``marshal`` stores quickly; ``decode`` rebuilds an Incident equal to the one loaded from
the files. Restoring 10,000 incidents this way takes a fifth of a second where parsing
their 50,000 files takes four (and unpickling them more than one and a half).

Anything that does not decode raises ``SnapshotError``: a damaged cache is ignored, never
trusted.
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Mapping
from datetime import datetime
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar

from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.model import (
    Audience,
    ComponentStatus,
    Incident,
    Kind,
    Segment,
    Source,
    Update,
    UpdateStatus,
)

Value = Any  # nested tuples of str, int, bytes and None

_STATUS = {s.value: s for s in UpdateStatus}
_COMPONENT = {s.value: s for s in ComponentStatus}
_AUDIENCE = {a.value: a for a in Audience}
_KIND = {k.value: k for k in Kind}
_LEVEL = {lv.value: lv for lv in Level}
_time = datetime.fromisoformat


class SnapshotError(Exception):
    """A snapshot that does not decode (damaged, or written by another version)."""


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _unstamp(value: str | None) -> datetime | None:
    return None if value is None else _time(value)


def _statuses(mapping: Mapping[str, ComponentStatus]) -> tuple[tuple[str, str], ...]:
    return tuple((k, v.value) for k, v in mapping.items())


def _source(source: Source) -> Value:
    keys = tuple((k, p.line, p.col) for k, p in source.keys.items())
    return (source.path, keys, source.body_line)


def _unsource(value: Value) -> Source:
    path, keys, body_line = value
    return Source(path, _key_positions(keys), body_line)


@functools.lru_cache(maxsize=4096)
def _key_positions(keys: tuple[tuple[str, int, int], ...]) -> Mapping[str, Position]:
    """Front matter keys -> positions; most files lay out their keys alike, so one
    (read-only) mapping serves them all."""
    return MappingProxyType({k: Position(line, col) for k, line, col in keys})


@functools.lru_cache(maxsize=4096)
def _component_statuses(pairs: tuple[tuple[str, str], ...]) -> Mapping[str, ComponentStatus]:
    """Component -> status of a segment; few combinations recur, so one (read-only)
    mapping serves each."""
    return MappingProxyType({k: _COMPONENT[v] for k, v in pairs})


def _update(u: Update) -> Value:
    return (
        u.id,
        u.incident_id,
        u.at.isoformat(),
        u.status.value,
        u.body,
        _source(u.source),
        _stamp(u.next_update),
        _statuses(u.components),
        u.audience.value,
        u.internal,
        u.erratum,
        u.eta_approved_by,
        tuple(u.accepted.items()),
    )


def _unupdate(value: Value) -> Update:
    (ident, incident, at, status, body, source, next_update, components, audience) = value[:9]
    internal, erratum, eta, accepted = value[9:]
    return Update(
        ident,
        incident,
        _time(at),
        _STATUS[status],
        body,
        _unsource(source),
        _unstamp(next_update),
        {k: _COMPONENT[v] for k, v in components},
        _AUDIENCE[audience],
        internal,
        erratum,
        eta,
        dict(accepted),
    )


class PackedIncident(Incident):
    """An incident restored from the build cache. Its updates stay marshalled until
    something asks for them: what the whole-history passes of a build ask (its status,
    when it closed, its newest update, the components it names, whether it holds internal
    text) was stored with it. Decoding 50,000 updates costs more than the rest of a
    rebuild that shows a few hundred of them."""

    #: how many incidents had their updates decoded (the tests watch it)
    unpacked: ClassVar[int] = 0

    @cached_property
    def updates(self) -> tuple[Update, ...]:
        PackedIncident.unpacked += 1
        return tuple(_unupdate(u) for u in marshal.loads(self.__dict__.pop("_packed")))

    @cached_property
    def impact(self) -> tuple[Segment, ...]:
        if "_impact" not in self.__dict__:  # a copy made with dataclasses.replace
            return self.segments()
        return tuple(
            Segment(self.id, _time(start), _unstamp(end), _component_statuses(statuses))
            for start, end, statuses in self.__dict__.pop("_impact")
        )


def encode(incident: Incident) -> Value:
    """``incident`` as plain values (see the module's text)."""
    i = incident
    return (
        i.id,
        i.title,
        i.kind.value,
        i.started.isoformat(),
        _statuses(i.components),
        _source(i.source),
        marshal.dumps(tuple(_update(u) for u in i.updates)),
        i.severity,
        i.audience.value,
        i.summary,
        i.postmortem_url,
        i.postmortem,
        _stamp(i.postmortem_published),
        _stamp(i.scheduled_start),
        _stamp(i.scheduled_end),
        tuple(i.accepted.items()),
        i.fingerprint,
        i.status.value,
        _stamp(i.resolved_at),
        _stamp(i.last_update_at),
        i.named_components,
        i.has_internal,
        tuple((s.start.isoformat(), _stamp(s.end), _statuses(s.statuses)) for s in i.impact),
        tuple(i.memo.items()),
    )


#: Where ``encode`` puts the incident's marshalled updates.
_UPDATES_AT = 6


def split_updates(value: Value) -> tuple[Value, bytes]:
    """A snapshot without its marshalled updates, and those (to be stored apart, so that a
    restored incident can keep them as a view of the file until asked for)."""
    return (*value[:_UPDATES_AT], b"", *value[_UPDATES_AT + 1 :]), value[_UPDATES_AT]


def with_updates(value: Value, updates: bytes | memoryview) -> Value:
    """The snapshot ``split_updates`` took ``updates`` out of, whole again."""
    return (*value[:_UPDATES_AT], updates, *value[_UPDATES_AT + 1 :])


def decode(value: Value) -> Incident:
    """The Incident that ``encode`` was given (its updates decoded when first asked for).
    Raises SnapshotError for anything else."""
    try:
        (ident, title, kind, started, components, source, updates, severity, audience) = value[:9]
        summary, url, postmortem, published, start, end, accepted, fingerprint = value[9:17]
        status, resolved, last_update, named, internal, impact, memo = value[17:]
        incident = PackedIncident.__new__(PackedIncident)
        # Set as the generated __init__ would, plus the derived values it would compute.
        incident.__dict__.update(
            id=ident,
            title=title,
            kind=_KIND[kind],
            started=_time(started),
            components={k: _COMPONENT[v] for k, v in components},
            source=_unsource(source),
            severity=severity,
            audience=_AUDIENCE[audience],
            summary=summary,
            postmortem_url=url,
            postmortem=postmortem,
            postmortem_published=_unstamp(published),
            scheduled_start=_unstamp(start),
            scheduled_end=_unstamp(end),
            accepted=dict(accepted),
            fingerprint=fingerprint,
            _packed=updates,
            status=_STATUS[status],
            resolved_at=_unstamp(resolved),
            last_update_at=_unstamp(last_update),
            named_components=named,
            has_internal=internal,
            _impact=impact,
            memo=dict(memo),
        )
        if not (
            isinstance(updates, (bytes, memoryview))
            and isinstance(named, tuple)
            and isinstance(impact, tuple)
        ):
            raise TypeError("updates or named components of the wrong type")
        return incident
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise SnapshotError(f"not an incident snapshot: {exc}") from None


def encode_diagnostics(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> Value:
    return tuple((d.path, d.line, d.col, d.level.value, d.rule, d.message) for d in diagnostics)


def decode_diagnostics(value: Value) -> list[Diagnostic]:
    try:
        return [
            Diagnostic(path, line, col, _LEVEL[level], rule, message)
            for path, line, col, level, rule, message in value
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise SnapshotError(f"not a list of diagnostics: {exc}") from None
