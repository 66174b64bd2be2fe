"""Documents -> the typed model, collecting Diagnostics (the **schema** rules) instead of raising.

An incident whose header or any update does not load is left out of the model, so the
rules that depend on it (lifecycle, cadence) stay quiet instead of cascading noise; its
own diagnostics say what to fix.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from statuspress.config import Settings, load_settings
from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.fields import ID_PATTERN, Fields, did_you_mean
from statuspress.layout import (
    COMPONENTS_DIR,
    INCIDENT_FILE,
    INCIDENTS_DIR,
    POSTMORTEM_FILE,
    incident_folder_names,
)
from statuspress.model import (
    STATUSES_FOR_KIND,
    Audience,
    Component,
    ComponentStatus,
    Incident,
    Kind,
    Show,
    Source,
    StatusSite,
    Update,
    UpdateStatus,
    by_started,
)
from statuspress.source import (
    Document,
    SourceError,
    YMap,
    YScalar,
    parse_yaml,
    read_document,
    read_source,
    split_front_matter,
)

COMPONENT_KEYS = frozenset({"name", "group", "order", "start_date", "show", "audience"})
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
        "accept",
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
        "eta_approved_by",
        "accept",
    }
)
POSTMORTEM_KEYS = frozenset({"published", "title"})


@dataclass(frozen=True)
class LoadResult:
    site: StatusSite
    diagnostics: tuple[Diagnostic, ...]
    #: incidents left out of ``site`` because a file of theirs did not load
    broken_incidents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Repository:
    """What every incident is read against: the settings and the components, with what
    reading them found."""

    settings: Settings
    components: tuple[Component, ...]  # in page order
    diagnostics: tuple[Diagnostic, ...]

    @property
    def components_by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}


@dataclass(frozen=True)
class LoadedIncident:
    """One incident folder as read: the incident (None when a file of it is broken), what
    reading found, and a ``folder_digest`` of the files exactly as they were parsed."""

    name: str  # the folder's name (the incident's id when it is valid)
    incident: Incident | None
    diagnostics: tuple[Diagnostic, ...]
    digest: bytes


def folder_digest(files: list[tuple[str, bytes]]) -> bytes:
    """A hash of an incident folder's Markdown files: (name, ``file_digest``) pairs, in
    name order. Same files, same digest."""
    digest = hashlib.blake2b(digest_size=16)
    for name, file_hash in files:
        encoded = name.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(4, "little") + encoded + file_hash)
    return digest.digest()


def _error(path: str, pos: Position, rule: str, message: str) -> Diagnostic:
    return Diagnostic(path, pos.line, pos.col, Level.ERROR, rule, message)


def _check_id(path: str, name: str, what: str, diagnostics: list[Diagnostic]) -> bool:
    if ID_PATTERN.match(name):
        return True
    suggestion = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    diagnostics.append(
        _error(
            path,
            Position(1, 1),
            "schema/id",
            f"'{name}' is not a valid {what} id: use lowercase letters, digits and dashes, "
            f"starting with a letter or digit (rename it to '{suggestion or 'example'}')",
        )
    )
    return False


def _read(
    root: Path,
    path: Path | str,
    diagnostics: list[Diagnostic],
    rel: str | None = None,
    *,
    symlink: bool | None = None,
) -> Document | None:
    try:
        return read_document(root, path, rel, symlink=symlink)
    except SourceError as exc:
        diagnostics.append(exc.diagnostic)
        return None


def _source(doc: Document, fields: Fields) -> Source:
    return Source(doc.path, dict(fields.keys), doc.body_line)


def _listing(folder: Path) -> dict[str, os.DirEntry[str]]:
    """The entries of ``folder`` by name, in name order. A directory entry already knows
    whether it is a folder or a link, so nothing is asked of the disk per file."""
    try:
        with os.scandir(folder) as entries:
            return {e.name: e for e in sorted(entries, key=lambda e: e.name)}
    except (FileNotFoundError, NotADirectoryError):
        return {}


def _markdown_files(listing: Mapping[str, os.DirEntry[str]]) -> list[os.DirEntry[str]]:
    return [e for name, e in listing.items() if name.endswith(".md") and not e.is_dir()]


def load_components(root: Path, diagnostics: list[Diagnostic]) -> tuple[Component, ...]:
    components = []
    for entry in _markdown_files(_listing(root / COMPONENTS_DIR)):
        component_id = entry.name.removesuffix(".md")
        rel = f"{COMPONENTS_DIR}/{entry.name}"
        if not _check_id(rel, component_id, "component", diagnostics):
            continue
        doc = _read(root, entry.path, diagnostics, rel, symlink=entry.is_symlink())
        if doc is None:
            continue
        f = Fields(doc.path, doc.front_matter, COMPONENT_KEYS, "a component")
        name = f.text("name", required=True, example="Checkout")
        component = Component(
            id=component_id,
            name=name or component_id,
            source=_source(doc, f),
            group=f.text("group"),
            order=f.integer("order"),
            start_date=f.date("start_date"),
            show=f.choice("show", Show, default=Show.ALWAYS) or Show.ALWAYS,
            description=doc.body.strip(),
            audience=f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC,
        )
        diagnostics.extend(f.diagnostics)
        if f.ok:
            components.append(component)
    return tuple(components)


def _read_statuses(
    f: Fields, key: str, components: Mapping[str, Component], *, required: bool
) -> dict[str, ComponentStatus]:
    node = f.mapping(
        key,
        required=required,
        example=f"list the affected components under '{key}:', one per line, such as "
        "'  checkout: major_outage'",
    )
    statuses: dict[str, ComponentStatus] = {}
    if node is None:
        return statuses
    names = [s.value for s in ComponentStatus]
    for key_node, value in node.items:
        component_id = key_node.value
        if component_id not in components:
            known = ", ".join(sorted(components)) or "none yet: add components/<id>.md"
            f.error(
                key_node.pos,
                "schema/unknown-component",
                f"there is no component '{component_id}'; {did_you_mean(component_id, components)}"
                f"components are: {known}",
            )
            continue
        if not isinstance(value, YScalar):
            f.error(
                value.pos, "schema/type", f"give '{component_id}' one status: {', '.join(names)}"
            )
            continue
        status = f.enum_value(
            value, f"status of '{component_id}'", ComponentStatus, list(ComponentStatus)
        )
        if status is not None:
            statuses[component_id] = status
    if required and not node.items:
        f.error(node.pos, "schema/required", "name at least one affected component")
    return statuses


def _read_accept(f: Fields) -> dict[str, str]:
    node = f.mapping("accept")
    accepted: dict[str, str] = {}
    for key_node, value in node.items if node else ():
        rule = key_node.value
        if rule.startswith(("schema", "source")):
            f.error(
                key_node.pos, "schema/value", f"'{rule}' cannot be accepted: fix the file instead"
            )
            continue
        who = value.value.strip() if isinstance(value, YScalar) else ""
        if not who:
            f.error(
                value.pos,
                "schema/required",
                f"say who accepted '{rule}', such as '{rule}: Jane Doe (comms lead)'",
            )
            continue
        accepted[rule] = who
    return accepted


def _read_incident_header(
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
    if kind is Kind.INCIDENT:
        for key in ("scheduled_start", "scheduled_end"):
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
    statuses = _read_statuses(f, "components", components, required=True)
    postmortem_url = f.text("postmortem")
    if postmortem_url is not None and not postmortem_url.startswith(("https://", "http://")):
        f.error(
            f.pos("postmortem"),
            "schema/value",
            "postmortem must be an http(s) link, or leave it out and add postmortem.md to the folder",
        )
    audience = f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC
    accepted = _read_accept(f)
    postmortem_published = f.timestamp("postmortem_published")
    if not f.ok or title is None or started is None:
        return None, f
    incident = Incident(
        id=incident_id,
        title=title,
        kind=kind,
        started=started,
        components=statuses,
        source=_source(doc, f),
        severity=severity,
        audience=audience,
        summary=doc.body.strip(),
        postmortem_url=postmortem_url,
        postmortem_published=postmortem_published,
        scheduled_start=scheduled_start,
        scheduled_end=scheduled_end,
        accepted=accepted,
    )
    return incident, f


def _read_update(
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
    statuses = _read_statuses(f, "components", components, required=False)
    audience = f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC
    internal = f.text("internal")
    erratum = f.text("erratum")
    eta_approved_by = f.text("eta_approved_by")
    accepted = _read_accept(f)
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
        source=_source(doc, f),
        next_update=next_update,
        components=statuses,
        audience=audience,
        internal=internal,
        erratum=erratum,
        eta_approved_by=eta_approved_by,
        accepted=accepted,
    )
    return update, f.diagnostics


def _read_postmortem(
    root: Path,
    entry: os.DirEntry[str] | None,
    rel: str,
    diagnostics: list[Diagnostic],
    files: list[tuple[str, bytes]],
) -> tuple[str | None, datetime | None, bool]:
    if entry is None:
        return None, None, True
    try:
        text, digest = read_source(root, entry.path, rel, symlink=entry.is_symlink())
        files.append((entry.name, digest))
        front, body, _ = split_front_matter(text, rel)
        node = parse_yaml(front, rel, first_line=2) if front is not None else None
    except SourceError as exc:
        diagnostics.append(exc.diagnostic)
        return None, None, False
    f = Fields(rel, node if isinstance(node, YMap) else None, POSTMORTEM_KEYS, "a postmortem")
    published = f.timestamp("published")
    diagnostics.extend(f.diagnostics)
    return body.strip(), published, f.ok


def load_incident(
    root: Path, name: str, settings: Settings, components: Mapping[str, Component]
) -> LoadedIncident:
    """The folder ``incidents/<name>`` -> its Incident, or None (with diagnostics) when
    any file is broken."""
    diagnostics: list[Diagnostic] = []
    files: list[tuple[str, bytes]] = []
    incident = _load_incident(root, name, settings, components, diagnostics, files)
    return LoadedIncident(name, incident, tuple(diagnostics), folder_digest(sorted(files)))


def _load_incident(
    root: Path,
    incident_id: str,
    settings: Settings,
    components: Mapping[str, Component],
    diagnostics: list[Diagnostic],
    files: list[tuple[str, bytes]],
) -> Incident | None:
    rel_folder = f"{INCIDENTS_DIR}/{incident_id}"
    listing = _listing(root / INCIDENTS_DIR / incident_id)
    header_entry = listing.get(INCIDENT_FILE)
    if header_entry is None:
        diagnostics.append(
            _error(
                rel_folder + "/" + INCIDENT_FILE,
                Position(1, 1),
                "schema/missing-file",
                f"the incident folder '{rel_folder}' has no {INCIDENT_FILE}; "
                "create it with 'statuspress new incident', or remove the folder",
            )
        )
        return None
    ok = _check_id(rel_folder + "/" + INCIDENT_FILE, incident_id, "incident", diagnostics)
    header = None
    doc = _read(
        root,
        header_entry.path,
        diagnostics,
        f"{rel_folder}/{INCIDENT_FILE}",
        symlink=header_entry.is_symlink(),
    )
    if doc is not None:
        header, f = _read_incident_header(doc, incident_id, settings, components)
        diagnostics.extend(f.diagnostics)
        files.append((INCIDENT_FILE, doc.digest))
    updates = []
    for entry in _markdown_files(listing):
        if entry.name in (INCIDENT_FILE, POSTMORTEM_FILE):
            continue
        update_doc = _read(
            root,
            entry.path,
            diagnostics,
            f"{rel_folder}/{entry.name}",
            symlink=entry.is_symlink(),
        )
        if update_doc is None:
            ok = False
            continue
        files.append((entry.name, update_doc.digest))
        update, problems = _read_update(
            update_doc, incident_id, header.kind if header else None, components
        )
        diagnostics.extend(problems)
        if update is None:
            ok = False
        else:
            updates.append(update)
    postmortem, published, postmortem_ok = _read_postmortem(
        root, listing.get(POSTMORTEM_FILE), f"{rel_folder}/{POSTMORTEM_FILE}", diagnostics, files
    )
    if header is None or not ok or not postmortem_ok:
        return None
    updates.sort(key=lambda u: (u.at, u.id))
    return replace(
        header,
        updates=tuple(updates),
        postmortem=postmortem,
        postmortem_published=published or header.postmortem_published,
    )


def load_repository(root: Path) -> Repository:
    """The settings and the components of the repository at ``root``."""
    diagnostics: list[Diagnostic] = []
    settings, problems = load_settings(root)
    diagnostics.extend(problems)
    components = tuple(sorted(load_components(root, diagnostics), key=component_sort_key))
    return Repository(settings, components, tuple(diagnostics))


def assemble(repository: Repository, loaded: Iterable[Incident | None]) -> StatusSite:
    """The site of ``repository`` with the incidents that loaded, in history order."""
    incidents = sorted((i for i in loaded if i is not None), key=by_started)
    return StatusSite(repository.settings, repository.components, tuple(incidents))


def load_site(root: Path) -> LoadResult:
    """Read a whole status repository in this process. Never raises for a user's mistake.
    (``check`` and ``build`` read the incidents on every core: see ``check``.)"""
    repository = load_repository(root)
    by_id = repository.components_by_id
    loaded = [
        load_incident(root, name, repository.settings, by_id)
        for name in incident_folder_names(root)
    ]
    diagnostics = [*repository.diagnostics, *(d for li in loaded for d in li.diagnostics)]
    broken = frozenset(li.name for li in loaded if li.incident is None)
    site = assemble(repository, (li.incident for li in loaded))
    return LoadResult(site, tuple(diagnostics), broken)


def component_sort_key(component: Component) -> tuple[int, str, str]:
    """SPEC: components sort by ``order``, then name."""
    order = component.order if component.order is not None else 1_000_000
    return (order, component.name.lower(), component.id)
