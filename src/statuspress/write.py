"""The only module that writes the output: a temporary folder next to ``--out``, then an
atomic swap, so a failed build leaves the previous site untouched."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from statuspress.errors import UsageError

#: A file's bytes, or a view of them: a page reused from the build cache is not copied out
#: of it only for the writer to find it unchanged.
Content = bytes | memoryview


class DuplicateOutputError(Exception):
    """Two renderers produced the same path: a bug, never a user error."""


def merge_outputs(*parts: Mapping[str, Content]) -> dict[str, Content]:
    """Union of renderer outputs; refuses to write one path twice (as Pelican's writer does)."""
    merged: dict[str, Content] = {}
    for part in parts:
        for path, data in part.items():
            if path in merged:
                raise DuplicateOutputError(f"two renderers both write {path}")
            merged[path] = data
    return merged


def _safe_relative(path: str) -> str:
    """``path`` when it is a plain relative POSIX path inside the site (no empty, ``.``
    or ``..`` part, not absolute); a renderer producing anything else is a bug."""
    if not path or any(part in ("", ".", "..") for part in path.split("/")):
        raise DuplicateOutputError(f"renderer produced an unsafe path: {path!r}")
    return path


def guard_out(out: Path, repository: Path) -> None:
    """Refuse an ``--out`` that a build must not replace (UsageError says why)."""
    out_real = Path(os.path.realpath(out))
    repo_real = Path(os.path.realpath(repository))
    if out_real == repo_real or repo_real.is_relative_to(out_real):
        raise UsageError(
            f"--out {out} would replace the status repository itself; choose a folder such as _site"
        )
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; choose a folder such as _site")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").exists():
        raise UsageError(
            f"--out {out} is a folder that does not look like a statuspress build (it has no "
            "index.html); a build replaces the whole folder, so choose an empty or new folder"
        )


def write_site(files: Mapping[str, Content], out: Path, repository: Path) -> None:
    """Write ``files`` as the new content of ``out``, replacing it atomically: the site is
    written in full to a private folder beside ``out`` (one open and write per file, one
    folder created per folder), which then takes ``out``'s place. A failure leaves the
    previous site untouched and the private folder removed."""
    guard_out(out, repository)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        _fill(staging, files)
        os.chmod(staging, 0o755)
        retired = _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _fill(staging: Path, files: Mapping[str, Content]) -> None:
    # Plain strings for the paths: at 10,000 pages, pathlib's parsing cost more than the
    # system calls themselves.
    base = str(staging)
    folders: set[str] = {base}
    for path in sorted(files):
        target = f"{base}/{_safe_relative(path)}"
        parent = target.rpartition("/")[0]
        if parent not in folders:
            os.makedirs(parent, exist_ok=True)
            folders.add(parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(files[path])


def _swap(staging: Path, out: Path) -> Path | None:
    """Put ``staging`` in the place of ``out``; the folder it replaced (None: none)."""
    if not out.exists():
        os.replace(staging, out)
        return None
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(retired)
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)
        raise
    return retired
