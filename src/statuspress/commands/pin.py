"""The requirement that pins the running statuspress, for ``requirements-status.txt``.

- A released version: ``statuspress==0.2.0`` (from PyPI).
- Installed from a git URL (pip records the commit, PEP 610's ``direct_url.json``): that
  URL at that commit, ``statuspress @ git+https://…@<commit>``, whatever the version.
- An unreleased version (``0.2.0.dev0``, or a local ``+…`` version) run from a git
  checkout of statuspress (an editable install): the project's source URL at the
  checkout's commit. Without either, the project's source URL on its default branch,
  with a note to pin a commit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from statuspress import __version__
from statuspress.git import GitError, git

DISTRIBUTION = "statuspress"
#: Where the source lives when the installed metadata does not say (pyproject.toml's
#: ``[project.urls] Source`` is the one place to change it).
DEFAULT_SOURCE = "https://github.com/statuspress/statuspress"
_UNRELEASED = re.compile(r"\.dev\d*|\+")
_COMMIT = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256 git


@dataclass(frozen=True)
class Pin:
    line: str  # the requirement, as pip reads it
    note: str | None = None  # said to the user when the pin needs their attention


def requirement(version: str = __version__) -> Pin:
    """How a status repository installs exactly this statuspress (see the module's text)."""
    vcs = _installed_from_git()
    if vcs is not None:
        url, installed = vcs
        return Pin(f"{DISTRIBUTION} @ git+{url}@{installed}")
    if not _UNRELEASED.search(version):
        return Pin(f"{DISTRIBUTION}=={version}")
    source = _source_url()
    commit = _checkout_commit()
    if commit is not None:
        return Pin(
            f"{DISTRIBUTION} @ git+{source}@{commit}",
            f"statuspress {version} is not released: requirements-status.txt pins commit "
            f"{commit[:12]} of {source}; make sure that commit is pushed there, or pin a "
            "released version (statuspress==X.Y.Z) once there is one",
        )
    return Pin(
        f"{DISTRIBUTION} @ git+{source}@main",
        f"statuspress {version} is not released and its commit is unknown: "
        f"requirements-status.txt installs {source} from its main branch; replace 'main' "
        "with a commit to pin it, or pin a released version (statuspress==X.Y.Z)",
    )


def _installed_from_git() -> tuple[str, str] | None:
    """(URL, commit) when pip installed this statuspress from a git URL."""
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    try:
        record = json.loads(text or "null")
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    vcs = record.get("vcs_info")
    url = record.get("url")
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not isinstance(url, str):
        return None
    commit = vcs.get("commit_id")
    if not isinstance(commit, str) or not _COMMIT.fullmatch(commit):
        return None
    return url, commit


def _source_url() -> str:
    try:
        urls: list[object] = metadata.distribution(DISTRIBUTION).metadata.get_all("Project-URL", [])
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "source" and url.strip().startswith("https://"):
            return url.strip()
    return DEFAULT_SOURCE


def _checkout_commit() -> str | None:
    """The commit of the statuspress checkout this code runs from (an editable install:
    ``<checkout>/src/statuspress``), or None. A checkout is recognised by its own
    pyproject.toml at the top of the git work tree, so an installed copy inside some other
    repository's virtual environment never pins that repository's commit."""
    package = Path(__file__).resolve().parent.parent
    top = package.parent.parent
    if not (top / "pyproject.toml").is_file() or package.parent.name != "src":
        return None
    try:
        if Path(git(top, "rev-parse", "--show-toplevel").strip()).resolve() != top:
            return None
        commit = git(top, "rev-parse", "HEAD").strip()
    except GitError:
        return None
    return commit if _COMMIT.fullmatch(commit) else None
