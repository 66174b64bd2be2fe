"""The status repository's folder and file names, defined once.

Every module that finds a file of the repository by name takes the name from here; the
output paths of a build are in ``paths``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SETTINGS_FILE = "statuspress.yaml"
COMPONENTS_DIR = "components"
INCIDENTS_DIR = "incidents"
INCIDENT_FILE = "incident.md"
POSTMORTEM_FILE = "postmortem.md"
#: A repository's overrides of the built-in theme and message templates, file by file.
TEMPLATES_DIR = "site_templates"
#: The message templates ``statuspress new`` fills, inside a templates folder.
MESSAGES_DIR = "messages"
#: The rebuild accelerator's folder (``build --incremental`` and ``serve``).
CACHE_DIR = ".statuspress-cache"
#: ``statuspress notify``'s delivery record (the publish workflow keeps it on its own branch).
NOTIFY_RECORD = ".statuspress-notify/delivered.json"

#: What a build reads: a change to anything here can change the site.
CONTENT = (SETTINGS_FILE, COMPONENTS_DIR, INCIDENTS_DIR, TEMPLATES_DIR)


#: ``<original>.<language>.md``: a translation of the update (or of ``incident.md``) named
#: ``<original>.md`` beside it, such as ``20261124T1120Z-investigating.de.md``.
_TRANSLATION = re.compile(r"(?P<original>.+)\.(?P<language>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md\Z")


def translation_of(name: str) -> tuple[str, str] | None:
    """(the original's file name, the language) when ``name`` names a translation."""
    if name.count(".") < 2:  # the common case, answered without the pattern
        return None
    match = _TRANSLATION.match(name)
    if match is None:
        return None
    return match["original"] + ".md", match["language"]


def is_update_file(path: str) -> bool:
    """Whether a repository-relative path names an update file (not a translation)."""
    parts = path.split("/")
    return (
        len(parts) == 3
        and parts[0] == INCIDENTS_DIR
        and parts[2].endswith(".md")
        and parts[2] not in (INCIDENT_FILE, POSTMORTEM_FILE)
        and translation_of(parts[2]) is None
    )


def incident_folder_names(root: Path) -> list[str]:
    """The names of the folders in ``incidents/`` (links to folders included), sorted. The
    directory entries say which are folders, so nothing is asked of the disk per entry."""
    try:
        with os.scandir(root / INCIDENTS_DIR) as entries:
            return sorted(e.name for e in entries if e.is_dir())
    except (FileNotFoundError, NotADirectoryError):
        return []
