"""The only module that writes the output: a temporary folder next to ``--out``, then an
atomic swap, so a failed build leaves the previous site untouched."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from statuspress.errors import UsageError


class DuplicateOutputError(Exception):
    """Two renderers produced the same path: a bug, never a user error."""


def merge_outputs(*parts: Mapping[str, bytes]) -> dict[str, bytes]:
    """Union of renderer outputs; refuses to write one path twice (as Pelican's writer does)."""
    merged: dict[str, bytes] = {}
    for part in parts:
        for path, data in part.items():
            if path in merged:
                raise DuplicateOutputError(f"two renderers both write {path}")
            merged[path] = data
    return merged


def _safe_relative(path: str) -> PurePosixPath:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise DuplicateOutputError(f"renderer produced an unsafe path: {path!r}")
    return pure


def _guard(out: Path, repository: Path) -> None:
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


def write_site(files: Mapping[str, bytes], out: Path, repository: Path) -> None:
    """Write ``files`` as the new content of ``out``, replacing it atomically."""
    _guard(out, repository)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for path in sorted(files):
            target = staging.joinpath(*_safe_relative(path).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
            os.chmod(target, 0o644)
        os.chmod(staging, 0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.replace(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(retired)
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
