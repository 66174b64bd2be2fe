"""The status repository's folder and file names, defined once.

Every module that finds a file of the repository by name takes the name from here; the
output paths of a build are in ``paths``.
"""

from __future__ import annotations

import os
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


def is_update_file(path: str) -> bool:
    """Whether a repository-relative path names an update file."""
    parts = path.split("/")
    return (
        len(parts) == 3
        and parts[0] == INCIDENTS_DIR
        and parts[2].endswith(".md")
        and parts[2] not in (INCIDENT_FILE, POSTMORTEM_FILE)
    )


def incident_folder_names(root: Path) -> list[str]:
    """The names of the folders in ``incidents/`` (links to folders included), sorted. The
    directory entries say which are folders, so nothing is asked of the disk per entry."""
    try:
        with os.scandir(root / INCIDENTS_DIR) as entries:
            return sorted(e.name for e in entries if e.is_dir())
    except (FileNotFoundError, NotADirectoryError):
        return []
