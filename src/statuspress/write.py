"""The only module that writes the output: a temporary folder next to ``--out``, then an
atomic swap, so a failed build leaves the previous site untouched."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
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


#: path -> (key, inode, size, modification time) of each file of a written site that has
#: a build cache key (same key, same bytes); the other files are always written afresh.
Manifest = dict[str, tuple[bytes, int, int, int]]


@dataclass(frozen=True)
class Reuse:
    """Earlier output a build may reuse instead of writing every file (see write_site)."""

    out_files: Manifest | None  # what ``out`` holds, as the build that wrote it recorded
    spare: Path | None  # a retired earlier site, to take over as the new one's start
    spare_files: Manifest  # what the spare holds, as recorded
    keep_retired: Path | None  # where the site this build replaces is kept as the next spare


@dataclass(frozen=True)
class Written:
    files: Manifest  # what ``out`` now holds
    spare: Manifest | None  # what Reuse.keep_retired now holds (None: nothing was kept)


@dataclass(frozen=True)
class Staging:
    """A private folder next to ``--out`` that the new site is built in, and the files it
    already holds (as recorded: same key, same bytes)."""

    path: Path
    present: Manifest


def prepare_staging(out: Path, repository: Path, reuse: Reuse | None) -> Staging:
    """The folder ``write_site`` builds the new site in, made ready before the site is
    rendered (``build`` runs this in a second process meanwhile: it depends on nothing
    the build renders). It starts as the spare site, files it holds unchanged kept and
    the rest removed, or without one as a copy of the current site made of hard links;
    ``write_site`` then replaces only the files whose bytes differ."""
    guard_out(out, repository)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    if reuse is not None and reuse.spare is None and reuse.keep_retired is not None:
        # A spare site no record describes (left by another version): it would be removed
        # before the retired site takes its place; do it here, off the build's path.
        shutil.rmtree(reuse.keep_retired, ignore_errors=True)
    path, present = _staging(out, reuse)
    try:
        if not present and reuse is not None and reuse.out_files:
            present = _link_all(path, str(out), reuse.out_files)
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    return Staging(path, present)


def _link_all(staging: Path, source: str, recorded: Manifest) -> Manifest:
    """Hard-link into ``staging`` every file of ``source`` still as ``recorded``."""
    base = str(staging)
    folders: set[str] = {base}
    linked: Manifest = {}
    for path, record in recorded.items():
        target = f"{base}/{_safe_relative(path)}"
        _make_parent(target, folders)
        if _link_unchanged(f"{source}/{path}", target, record):
            linked[path] = record
    return linked


def discard_staging(staging: Staging) -> None:
    """Remove a staging folder a failed build did not use."""
    shutil.rmtree(staging.path, ignore_errors=True)


def write_site(
    files: Mapping[str, Content],
    out: Path,
    repository: Path,
    keys: Mapping[str, bytes] | None = None,
    reuse: Reuse | None = None,
    staging: Staging | None = None,
) -> Written:
    """Write ``files`` as the new content of ``out``, replacing it atomically.

    With ``keys`` (output path -> the build cache's key of its bytes) and ``reuse``, a file
    whose key and recorded inode, size and modification time say an earlier site already
    holds its bytes is not written again: the retired spare site is taken over as the new
    site's start (files it holds unchanged stay, the rest is removed or replaced, never
    written in place), and files of the current site are hard-linked. The site being
    replaced becomes the next spare. Either way the new site holds exactly ``files``.
    ``staging``: the folder ``prepare_staging`` made ready for this build, if any."""
    if staging is None:
        staging = prepare_staging(out, repository, reuse)
    out = out.absolute()
    try:
        guard_out(out, repository)  # still (the staging may have been made ready a while ago)
        manifest = _fill(staging.path, files, keys or {}, dict(staging.present), out, reuse)
        os.chmod(staging.path, 0o755)
        retired = _swap(staging.path, out)
    except BaseException:
        discard_staging(staging)
        raise
    spare = None
    if retired is not None:
        spare = _keep_retired(retired, reuse)
    return Written(manifest, spare)


def _staging(out: Path, reuse: Reuse | None) -> tuple[Path, Manifest]:
    """A private folder next to ``out`` to build the new site in, and what it holds."""
    prefix = f".{out.name}.new-"
    if reuse is not None and reuse.spare is not None and not reuse.spare.is_symlink():
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
        os.rmdir(staging)
        try:
            os.replace(reuse.spare, staging)
        except OSError:
            pass  # gone, or on another file system: start empty
        else:
            try:
                return staging, _survey(staging, reuse.spare_files)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
    return Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent)), {}


def _survey(folder: Path, recorded: Manifest) -> Manifest:
    """The files of ``folder`` that are exactly as ``recorded`` (same key, inode, size and
    modification time); every other file or link in it is removed, and every folder left
    empty (a cold build has none)."""
    found: Manifest = {}
    emptied: set[str] = set()
    stack = [(str(folder), "")]
    while stack:
        directory, prefix = stack.pop()
        emptied.add(directory)  # until a file in it is kept
        with os.scandir(directory) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
                    continue
                record = recorded.get(rel)
                if (
                    record is not None
                    and entry.is_file(follow_symlinks=False)
                    and _same_file(entry.stat(follow_symlinks=False), record)
                ):
                    found[rel] = record
                    emptied.discard(directory)
                    continue
                os.unlink(entry.path)
    _prune(folder, emptied)
    return found


def _prune(top: Path, folders: set[str]) -> None:
    """Remove each of ``folders`` (inside ``top``) that is empty, and its parents that
    then are."""
    for folder in sorted(folders, key=len, reverse=True):
        path = Path(folder)
        while path != top and path.is_relative_to(top):
            try:
                path.rmdir()
            except OSError:
                break  # not empty
            path = path.parent


def _fill(
    staging: Path,
    files: Mapping[str, Content],
    keys: Mapping[str, bytes],
    present: Manifest,
    out: Path,
    reuse: Reuse | None,
) -> Manifest:
    # Plain strings for the paths: at 10,000 pages, pathlib's parsing cost more than the
    # system calls themselves.
    manifest: Manifest = {}
    base, source = str(staging), str(out)
    folders: set[str] = {base}
    current = reuse.out_files if reuse is not None and reuse.out_files is not None else {}
    for path in sorted(files):
        target = f"{base}/{_safe_relative(path)}"
        key = keys.get(path)
        held = present.pop(path, None)
        if held is not None:
            if key is not None and held[0] == key:
                manifest[path] = held
                continue
            os.unlink(target)  # never write in place: the file may be linked into ``out``
        _make_parent(target, folders)
        record = current.get(path)
        if (
            key is not None
            and record is not None
            and record[0] == key
            and _link_unchanged(f"{source}/{path}", target, record)
        ):
            manifest[path] = record
            continue
        Path(target).write_bytes(files[path])
        os.chmod(target, 0o644)
        if key is not None:
            st = os.stat(target)
            manifest[path] = (key, st.st_ino, st.st_size, st.st_mtime_ns)
    for path in present:  # held by the spare, not part of this site
        os.unlink(f"{base}/{path}")
    _prune(staging, {f"{base}/{path}".rpartition("/")[0] for path in present})
    return manifest


def _make_parent(target: str, made: set[str]) -> None:
    """Create ``target``'s folder unless it is in ``made`` (the folders known to exist)."""
    parent = target.rpartition("/")[0]
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)


def _same_file(st: os.stat_result, record: tuple[bytes, int, int, int]) -> bool:
    """Whether ``st`` is still the file ``record`` describes (inode, size, time)."""
    return (st.st_ino, st.st_size, st.st_mtime_ns) == record[1:]


def _link_unchanged(source: str, target: str, record: tuple[bytes, int, int, int]) -> bool:
    """Hard-link ``source`` to ``target`` if it is still the file ``record`` describes."""
    try:
        st = os.stat(source, follow_symlinks=False)
        if not stat.S_ISREG(st.st_mode) or not _same_file(st, record):
            return False
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return False
    return True


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


def _keep_retired(retired: Path, reuse: Reuse | None) -> Manifest | None:
    """Keep the replaced site as the next build's spare when its files are known;
    otherwise delete it."""
    if reuse is not None and reuse.out_files is not None and reuse.keep_retired is not None:
        try:
            if reuse.keep_retired.exists():
                shutil.rmtree(reuse.keep_retired)
            os.replace(retired, reuse.keep_retired)
        except OSError:
            pass
        else:
            return reuse.out_files
    shutil.rmtree(retired, ignore_errors=True)
    return None
