"""`statuspress init DIR`: a status repository from the init template, in a new folder or
in one that already exists (a fresh clone holding a README, say).

Nothing is ever overwritten. A file that is missing is written; one that is already there
with the template's content is skipped; the team's own ``README.md`` and ``.gitignore``
are kept as they are. Any other file of the template that exists with different content
stops ``init`` before it writes anything, naming every such file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from statuspress.commands.pin import requirement
from statuspress.errors import UsageError
from statuspress.layout import COMPONENTS_DIR, INCIDENTS_DIR

INIT_TEMPLATE = Path(__file__).resolve().parent.parent / "init_template"
#: The file the workflows install statuspress from; written with the running version.
REQUIREMENTS = "requirements-status.txt"
#: Files a repository often has before statuspress comes: kept as they are.
THEIRS = ("README.md", ".gitignore")


@dataclass(frozen=True)
class InitResult:
    """What ``init`` did, each path relative to the folder."""

    created: tuple[str, ...]
    skipped: tuple[str, ...]  # already there with the template's content
    kept: tuple[str, ...]  # the team's own README.md or .gitignore, left as it was
    pin_note: str | None  # how the statuspress version is pinned, when it needs a word

    def lines(self, directory: Path) -> list[str]:
        """What ``init`` says it did, a line per file."""
        said = [f"created {directory / name}" for name in self.created]
        said += [f"skipped {directory / name} (already there, the same)" for name in self.skipped]
        said += [
            f"kept    {directory / name} (yours; the template's version was not written)"
            for name in self.kept
        ]
        return said + ([f"note: {self.pin_note}"] if self.pin_note else [])


def template_files(pin: str) -> dict[str, bytes]:
    """Repository path -> content of every file ``init`` writes (``pin`` is the
    requirement line of ``requirements-status.txt``)."""
    files: dict[str, bytes] = {}
    for source in sorted(INIT_TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(INIT_TEMPLATE).parts
        # Package data cannot ship dot-files reliably: "dot-github" becomes ".github".
        name = "/".join(p.replace("dot-", ".", 1) if p.startswith("dot-") else p for p in relative)
        files[name] = source.read_bytes()
    files[REQUIREMENTS] = files[REQUIREMENTS].replace(b"{requirement}", pin.encode())
    return files


def init_repository(directory: Path) -> InitResult:
    """Write the init template into ``directory`` (created when missing) without
    overwriting anything (see the module's text). UsageError, with nothing written, when
    a file of the template exists there with other content."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file; give a folder to create the repository in")
    pinned = requirement()
    files = template_files(pinned.line)
    created: list[str] = []
    skipped: list[str] = []
    kept: list[str] = []
    clashes: list[str] = []
    for name, data in files.items():
        state = _state(directory, name, data)
        if state == "missing":
            created.append(name)
        elif state == "same":
            skipped.append(name)
        elif name in THEIRS and state == "different":
            kept.append(name)
        else:
            clashes.append(f"{name} ({state})" if state != "different" else name)
    for folder in (COMPONENTS_DIR, INCIDENTS_DIR):
        if (directory / folder).exists() and not (directory / folder).is_dir():
            clashes.append(f"{folder} (a file where a folder is needed)")
    if clashes:
        raise UsageError(
            f"nothing was written: statuspress init would write {len(clashes)} file(s) that "
            f"already exist in {directory} with other content: {', '.join(clashes)}. "
            "init never overwrites a file; move these aside (or delete them) and run it "
            "again, then merge your changes back by hand"
        )
    _write(directory, {name: files[name] for name in created})
    for folder in (COMPONENTS_DIR, INCIDENTS_DIR):
        (directory / folder).mkdir(exist_ok=True)
    return InitResult(tuple(created), tuple(skipped), tuple(kept), pinned.note)


def _state(directory: Path, name: str, data: bytes) -> str:
    """``missing``, ``same``, ``different``, or why the path cannot take the file."""
    target = directory / name
    for parent in Path(name).parents:
        folder = directory / parent
        if parent != Path(".") and folder.exists() and not folder.is_dir():
            return f"{parent} is a file where a folder is needed"
    if target.is_symlink():
        return "a symbolic link"
    if not target.exists():
        return "missing"
    if not target.is_file():
        return "a folder"
    try:
        return "same" if target.read_bytes() == data else "different"
    except OSError as exc:
        return f"unreadable: {exc.strerror}"


def _write(directory: Path, files: dict[str, bytes]) -> None:
    """Create each file (never replacing one: ``O_EXCL``); on a failure, remove the files
    and folders this call made and say which file could not be written."""
    made: list[Path] = []
    folders: list[Path] = []
    try:
        folders.extend(_mkdirs(directory, [(directory / name).parent for name in files]))
        for name, data in files.items():
            target = directory / name
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            made.append(target)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
    except OSError as exc:
        for path in reversed(made):
            path.unlink(missing_ok=True)
        for folder in reversed(folders):
            with contextlib.suppress(OSError):  # not empty: someone else wrote there
                folder.rmdir()
        where = exc.filename or directory
        raise UsageError(
            f"cannot write {where} ({exc.strerror or exc}); nothing was written, "
            f"{directory} is as it was"
        ) from None


def _mkdirs(directory: Path, wanted: Iterable[Path]) -> list[Path]:
    """Create the folders in ``wanted`` (and ``directory``); the ones created, parents
    first."""
    made: list[Path] = []
    for folder in sorted({directory, *wanted}, key=lambda p: len(p.parts)):
        missing = [p for p in (*reversed(folder.parents), folder) if not p.exists()]
        for path in missing:
            path.mkdir()
            made.append(path)
    return made
