"""The files of an incident folder -> its header, its updates and its postmortem."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from statuspress.config import Settings
from statuspress.config.readers import flag
from statuspress.diagnostics import Diagnostic, Position
from statuspress.fields import Fields, did_you_mean
from statuspress.load.reading import read_accept, read_statuses, source_of
from statuspress.model import (
    STATUSES_FOR_KIND,
    Audience,
    Component,
    Incident,
    Kind,
    Source,
    Update,
    UpdateStatus,
)
from statuspress.source import (
    Document,
    SourceError,
    YMap,
    YScalar,
    parse_yaml,
    read_source,
    split_front_matter,
)

INCIDENT_KEYS = frozenset(
    {
        "title",
        "kind",
        "severity",
        "started",
        "components",
        "audience",
        "postmortem",
        "postmortem_published",
        "scheduled_start",
        "scheduled_end",
        "auto_start",
        "auto_complete",
        "accept",
        "owner",
    }
)
UPDATE_KEYS = frozenset(
    {
        "at",
        "status",
        "next_update",
        "components",
        "audience",
        "internal",
        "erratum",
        "corrected",
        "eta_approved_by",
        "scheduled_start",
        "scheduled_end",
        "accept",
    }
)
POSTMORTEM_KEYS = frozenset({"published", "title"})


def read_incident_header(
    doc: Document, incident_id: str, settings: Settings, components: Mapping[str, Component]
) -> tuple[Incident | None, Fields]:
    f = Fields(doc.path, doc.front_matter, INCIDENT_KEYS, "an incident header")
    title = f.text("title", required=True, example="Payments failing at checkout")
    kind = f.choice("kind", Kind, default=Kind.INCIDENT) or Kind.INCIDENT
    severity = f.identifier("severity", required=kind is Kind.INCIDENT)
    if severity is not None and severity not in settings.severity_ids:
        f.error(
            f.pos("severity"),
            "schema/value",
            f"'{severity}' is not in the severity matrix; {did_you_mean(severity, settings.severity_ids)}"
            f"use one of: {', '.join(settings.severity_ids)}",
        )
    scheduled_start = f.timestamp("scheduled_start", required=kind is Kind.MAINTENANCE)
    scheduled_end = f.timestamp("scheduled_end", required=kind is Kind.MAINTENANCE)
    auto_start = flag(f, "auto_start")
    auto_complete = flag(f, "auto_complete")
    if kind is Kind.INCIDENT:
        for key in ("scheduled_start", "scheduled_end", "auto_start", "auto_complete"):
            if key in f.nodes:
                f.error(
                    f.pos(key),
                    "schema/value",
                    f"'{key}' is only for maintenance; add 'kind: maintenance' or remove it",
                )
    if scheduled_start and scheduled_end and scheduled_end <= scheduled_start:
        f.error(
            f.pos("scheduled_end"), "schema/value", "scheduled_end must be after scheduled_start"
        )
    started = f.timestamp("started", required=kind is Kind.INCIDENT)
    if started is None and kind is Kind.MAINTENANCE:
        started = scheduled_start
    statuses = read_statuses(f, "components", components, required=True)
    postmortem_url = f.text("postmortem")
    if postmortem_url is not None and not postmortem_url.startswith(("https://", "http://")):
        f.error(
            f.pos("postmortem"),
            "schema/value",
            "postmortem must be an http(s) link, or leave it out and add postmortem.md to the folder",
        )
    audience = f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC
    accepted = read_accept(f)
    postmortem_published = f.timestamp("postmortem_published")
    owner = f.text("owner")
    if not f.ok or title is None or started is None:
        return None, f
    incident = Incident(
        id=incident_id,
        title=title,
        kind=kind,
        started=started,
        components=statuses,
        source=source_of(doc, f),
        severity=severity,
        audience=audience,
        summary=doc.body.strip(),
        postmortem_url=postmortem_url,
        postmortem_published=postmortem_published,
        scheduled_start=scheduled_start,
        scheduled_end=scheduled_end,
        accepted=accepted,
        auto_start=auto_start,
        auto_complete=auto_complete,
        owner=owner,
    )
    return incident, f


def read_update(
    doc: Document,
    incident_id: str,
    kind: Kind | None,
    components: Mapping[str, Component],
) -> tuple[Update | None, list[Diagnostic]]:
    f = Fields(doc.path, doc.front_matter, UPDATE_KEYS, "an update")
    at = f.timestamp("at", required=True)
    allowed = STATUSES_FOR_KIND[kind] if kind is not None else None
    status = None
    status_node = f.nodes.get("status")
    if kind is None:
        status_node = None  # the header is broken; its kind is unknown
    elif status_node is None or not isinstance(status_node, YScalar) or allowed is None:
        f.choice("status", UpdateStatus, allowed=allowed, required=True)
    else:
        status = f.enum_value(
            status_node, f"status for {kind.value} updates", UpdateStatus, allowed
        )
        if status is None:
            # Re-label the generic message: a known status of the other kind is a lifecycle slip.
            f.diagnostics[-1] = replace(f.diagnostics[-1], rule="lifecycle/status")
    next_update = f.timestamp("next_update")
    statuses = read_statuses(f, "components", components, required=False)
    audience = f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC
    internal = f.text("internal")
    erratum = f.text("erratum")
    corrected = f.timestamp("corrected")
    if corrected is not None and erratum is None:
        f.error(
            f.pos("corrected"),
            "schema/value",
            "'corrected' dates an erratum, and this update has none; add 'erratum: <what was "
            "wrong>' or remove 'corrected'",
        )
    if corrected is not None and at is not None and corrected < at:
        f.error(
            f.pos("corrected"),
            "schema/value",
            f"the correction cannot come before the update it corrects ({at.isoformat()}); "
            "set 'corrected' to when the erratum was added",
        )
    eta_approved_by = f.text("eta_approved_by")
    scheduled_start = f.timestamp("scheduled_start")
    scheduled_end = f.timestamp("scheduled_end")
    for key in ("scheduled_start", "scheduled_end"):
        if key not in f.nodes:
            continue
        if kind is Kind.INCIDENT:
            f.error(
                f.pos(key),
                "schema/value",
                f"'{key}' moves a maintenance window; an incident has none, so remove it",
            )
        elif status is not None and status.is_final:
            f.error(
                f.pos(key),
                "schema/value",
                f"'{key}' cannot move a window that this update ends; post the new window "
                "in a 'scheduled' or 'in_progress' update",
            )
    if scheduled_start and scheduled_end and scheduled_end <= scheduled_start:
        f.error(
            f.pos("scheduled_end"), "schema/value", "scheduled_end must be after scheduled_start"
        )
    accepted = read_accept(f)
    body = doc.body.strip()
    if not body:
        f.error(
            Position(doc.body_line, 1),
            "schema/required",
            "the update has no message; write what customers should know below the closing '---'",
        )
    if not f.ok or at is None or status is None:
        return None, f.diagnostics
    update = Update(
        id=doc.path.rsplit("/", 1)[-1].removesuffix(".md"),
        incident_id=incident_id,
        at=at,
        status=status,
        body=body,
        source=source_of(doc, f),
        next_update=next_update,
        components=statuses,
        audience=audience,
        internal=internal,
        erratum=erratum,
        eta_approved_by=eta_approved_by,
        accepted=accepted,
        scheduled_start=scheduled_start,
        scheduled_end=scheduled_end,
        corrected=corrected,
    )
    return update, f.diagnostics


def read_postmortem(
    root: Path,
    entry: os.DirEntry[str] | None,
    rel: str,
    diagnostics: list[Diagnostic],
    files: list[tuple[str, bytes]],
) -> tuple[str | None, datetime | None, Source | None, bool]:
    if entry is None:
        return None, None, None, True
    try:
        text, digest = read_source(root, entry.path, rel, symlink=entry.is_symlink())
        files.append((entry.name, digest))
        front, body, body_line = split_front_matter(text, rel)
        node = parse_yaml(front, rel, first_line=2) if front is not None else None
    except SourceError as exc:
        diagnostics.append(exc.diagnostic)
        return None, None, None, False
    f = Fields(rel, node if isinstance(node, YMap) else None, POSTMORTEM_KEYS, "a postmortem")
    published = f.timestamp("published")
    diagnostics.extend(f.diagnostics)
    # The text is stripped: its first line is the first that is not blank.
    skipped = len(body) - len(body.lstrip("\n"))
    keys = {name: (pos.line, pos.col) for name, pos in f.keys.items()}
    source = Source(rel, keys, body_line + body[:skipped].count("\n"))
    return body.strip(), published, source, f.ok
