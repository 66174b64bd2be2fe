"""Documents -> the typed model, collecting Diagnostics (the **schema** rules) instead of raising.

An incident whose header or any update does not load is left out of the model, so the
rules that depend on it (lifecycle, cadence) stay quiet instead of cascading noise; its
own diagnostics say what to fix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from statuspress.config import Settings, load_settings, value_positions
from statuspress.diagnostics import Diagnostic, Position
from statuspress.layout import (
    INCIDENT_FILE,
    INCIDENTS_DIR,
    POSTMORTEM_FILE,
    SETTINGS_FILE,
    incident_folder_names,
    translation_of,
)
from statuspress.load.components import COMPONENT_KEYS, component_sort_key, load_components
from statuspress.load.incident import (
    INCIDENT_KEYS,
    POSTMORTEM_KEYS,
    UPDATE_KEYS,
    read_incident_header,
    read_postmortem,
    read_update,
)
from statuspress.load.reading import check_id, error, listing, markdown_files, read
from statuspress.load.translations import Found, attach, read_translation
from statuspress.model import Component, Incident, StatusSite, by_started

__all__ = [
    "COMPONENT_KEYS",
    "INCIDENT_KEYS",
    "POSTMORTEM_KEYS",
    "UPDATE_KEYS",
    "LoadResult",
    "LoadedIncident",
    "Repository",
    "assemble",
    "component_sort_key",
    "folder_digest",
    "load_components",
    "load_incident",
    "load_repository",
    "load_site",
]


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
    #: setting name -> (line, column) of its value in statuspress.yaml
    setting_positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @cached_property  # asked once per incident folder
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
    entries = listing(root / INCIDENTS_DIR / incident_id)
    header_entry = entries.get(INCIDENT_FILE)
    if header_entry is None:
        diagnostics.append(
            error(
                rel_folder + "/" + INCIDENT_FILE,
                Position(1, 1),
                "schema/missing-file",
                f"the incident folder '{rel_folder}' has no {INCIDENT_FILE}; "
                "create it with 'statuspress new incident', or remove the folder",
            )
        )
        return None
    ok = check_id(rel_folder + "/" + INCIDENT_FILE, incident_id, "incident", diagnostics)
    header = None
    doc = read(
        root,
        header_entry.path,
        diagnostics,
        f"{rel_folder}/{INCIDENT_FILE}",
        symlink=header_entry.is_symlink(),
    )
    if doc is not None:
        header, f = read_incident_header(doc, incident_id, settings, components)
        diagnostics.extend(f.diagnostics)
        files.append((INCIDENT_FILE, doc.digest))
    updates = []
    translations: Found = {}
    for entry in markdown_files(entries):
        if entry.name in (INCIDENT_FILE, POSTMORTEM_FILE):
            continue
        translated = translation_of(entry.name)
        if translated is not None:
            rel = f"{rel_folder}/{entry.name}"
            found = read_translation(root, entry, rel, *translated, settings, diagnostics, files)
            if found is None:
                ok = False
            else:
                translations[translated] = found
            continue
        update_doc = read(
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
        update, problems = read_update(
            update_doc, incident_id, header.kind if header else None, components
        )
        diagnostics.extend(problems)
        if update is None:
            ok = False
        else:
            updates.append(update)
    postmortem, published, postmortem_source, postmortem_ok = read_postmortem(
        root, entries.get(POSTMORTEM_FILE), f"{rel_folder}/{POSTMORTEM_FILE}", diagnostics, files
    )
    if header is None or not ok or not postmortem_ok:
        return None
    updates.sort(key=lambda u: (u.at, u.id))
    incident = replace(
        header,
        updates=tuple(updates),
        postmortem=postmortem,
        postmortem_published=published or header.postmortem_published,
        postmortem_source=postmortem_source,
    )
    if not translations:
        return incident
    before = len(diagnostics)
    incident = attach(incident, translations, diagnostics, rel_folder)
    return incident if len(diagnostics) == before else None


def load_repository(root: Path) -> Repository:
    """The settings and the components of the repository at ``root``."""
    diagnostics: list[Diagnostic] = []
    settings, problems = load_settings(root)
    diagnostics.extend(problems)
    components = tuple(sorted(load_components(root, diagnostics), key=component_sort_key))
    positions = value_positions(root) if (root / SETTINGS_FILE).exists() else {}
    return Repository(settings, components, tuple(diagnostics), positions)


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
