"""Checked incidents (and their diagnostics) as plain values and back, for the store.

``encode`` turns an Incident into nested tuples of str, int and None, which ``marshal``
stores quickly; ``decode`` rebuilds an Incident equal to the one loaded from the files,
through its own constructor. Restoring 10,000 incidents this way takes a fraction of
the time parsing their 50,000 files takes.

Anything that does not decode raises ``SnapshotError``: a damaged cache is ignored, never
trusted.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from statuspress.diagnostics import Diagnostic, Level
from statuspress.model import (
    Audience,
    ComponentStatus,
    Incident,
    Kind,
    Source,
    Translation,
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
    keys = tuple((k, line, col) for k, (line, col) in source.keys.items())
    return (source.path, keys, source.body_line)


def _unsource(value: Value) -> Source:
    path, keys, body_line = value
    return Source(path, {k: (line, col) for k, line, col in keys}, body_line)


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
        _stamp(u.scheduled_start),
        _stamp(u.scheduled_end),
        u.automatic,
        _translations(u.translations),
        _stamp(u.corrected),
    )


def _translations(translations: Mapping[str, Translation]) -> Value:
    return tuple(
        (t.language, t.body, _source(t.source), t.title, t.translates)
        for t in translations.values()
    )


def _untranslations(value: Value) -> dict[str, Translation]:
    return {
        language: Translation(language, body, _unsource(source), title, translates)
        for language, body, source, title, translates in value
    }


def _unupdate(value: Value) -> Update:
    (ident, incident, at, status, body, source, next_update, components, audience) = value[:9]
    internal, erratum, eta, accepted, start, end, automatic, translations, corrected = value[9:]
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
        _unstamp(start),
        _unstamp(end),
        bool(automatic),
        _untranslations(translations),
        corrected=_unstamp(corrected),
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
        tuple(_update(u) for u in i.updates),
        i.severity,
        i.audience.value,
        i.summary,
        i.postmortem_url,
        i.postmortem,
        _stamp(i.postmortem_published),
        _stamp(i.scheduled_start),
        _stamp(i.scheduled_end),
        tuple(i.accepted.items()),
        i.auto_start,
        i.auto_complete,
        _translations(i.translations),
        None if i.postmortem_source is None else _source(i.postmortem_source),
        i.owner,
    )


def decode(value: Value) -> Incident:
    """The Incident that ``encode`` was given. Raises SnapshotError for anything else."""
    try:
        (ident, title, kind, started, components, source, updates, severity, audience) = value[:9]
        (
            summary,
            url,
            postmortem,
            published,
            start,
            end,
            accepted,
            auto_start,
            auto_end,
            translations,
            pm_source,
            owner,
        ) = value[9:]
        return Incident(
            id=ident,
            title=title,
            kind=_KIND[kind],
            started=_time(started),
            components={k: _COMPONENT[v] for k, v in components},
            source=_unsource(source),
            updates=tuple(_unupdate(u) for u in updates),
            severity=severity,
            audience=_AUDIENCE[audience],
            summary=summary,
            postmortem_url=url,
            postmortem=postmortem,
            postmortem_published=_unstamp(published),
            scheduled_start=_unstamp(start),
            scheduled_end=_unstamp(end),
            accepted=dict(accepted),
            auto_start=auto_start,
            auto_complete=auto_end,
            translations=_untranslations(translations),
            postmortem_source=None if pm_source is None else _unsource(pm_source),
            owner=owner,
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
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
