"""What every reader of a status file shares: ids, files, listings, component statuses
and ``accept:`` exceptions, each mistake a located Diagnostic."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.fields import ID_PATTERN, Fields, did_you_mean
from statuspress.model import (
    Component,
    ComponentStatus,
    Source,
)
from statuspress.source import (
    Document,
    SourceError,
    YScalar,
    read_document,
)


def error(path: str, pos: Position, rule: str, message: str) -> Diagnostic:
    return Diagnostic(path, pos.line, pos.col, Level.ERROR, rule, message)


def check_id(path: str, name: str, what: str, diagnostics: list[Diagnostic]) -> bool:
    if ID_PATTERN.match(name):
        return True
    suggestion = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    diagnostics.append(
        error(
            path,
            Position(1, 1),
            "schema/id",
            f"'{name}' is not a valid {what} id: use lowercase letters, digits and dashes, "
            f"starting with a letter or digit (rename it to '{suggestion or 'example'}')",
        )
    )
    return False


def read(
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


def source_of(doc: Document, fields: Fields) -> Source:
    keys = {name: (pos.line, pos.col) for name, pos in fields.keys.items()}
    return Source(doc.path, keys, doc.body_line)


def listing(folder: Path) -> dict[str, os.DirEntry[str]]:
    """The entries of ``folder`` by name, in name order. A directory entry already knows
    whether it is a folder or a link, so nothing is asked of the disk per file."""
    try:
        with os.scandir(folder) as entries:
            return {e.name: e for e in sorted(entries, key=lambda e: e.name)}
    except (FileNotFoundError, NotADirectoryError):
        return {}


def markdown_files(listing: Mapping[str, os.DirEntry[str]]) -> list[os.DirEntry[str]]:
    return [e for name, e in listing.items() if name.endswith(".md") and not e.is_dir()]


def read_statuses(
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


def read_accept(f: Fields) -> dict[str, str]:
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
