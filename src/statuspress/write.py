"""The only module that writes the output: the whole site into a private folder beside
``--out``, then one atomic exchange, so a failed or killed build leaves the previous site
untouched and a reader never finds the site missing.

- On Linux the new folder and the old one trade places in one ``renameat2`` call with
  ``RENAME_EXCHANGE``: at every instant ``--out`` is the complete old site or the
  complete new one. Elsewhere (no ``renameat2``) the old folder is moved aside and the new
  one moved in: two renames, between which ``--out`` is briefly missing.
- ``--out`` may be a symbolic link (to a web server's folder, say): the folder it points
  to is replaced, and the link stays.
- A build writes only into a folder that a statuspress build made: each build leaves a
  marker file (``.statuspress-build``) in the site, and refuses a non-empty folder
  without one, so ``--out docs`` or ``--out ~`` can never delete someone's files.
- Builds into the same folder take turns (a lock on the folder that holds ``--out``); a
  build removes what killed builds left beside ``--out`` before it writes.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from statuspress.errors import UsageError
from statuspress.layout import CONTENT

#: The file that says "a statuspress build made this folder" (see the module's text).
MARKER = ".statuspress-build"
MARKER_TEXT = b"This folder is a site written by statuspress build; the next build replaces it.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


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


def safe_relative(path: str) -> str:
    """``path`` when it is a plain relative POSIX path inside the site (no empty, ``.``
    or ``..`` part, not absolute); a renderer producing anything else is a bug."""
    if not path or any(part in ("", ".", "..") for part in path.split("/")):
        raise DuplicateOutputError(f"renderer produced an unsafe path: {path!r}")
    return path


def guard_out(out: Path, repository: Path) -> None:
    """Refuse an ``--out`` that a build must not replace (UsageError says why)."""
    target = Path(os.path.realpath(out))
    repo = Path(os.path.realpath(repository))
    if target == repo or repo.is_relative_to(target):
        raise UsageError(
            f"--out {out} would replace the status repository itself; choose a folder such as _site"
        )
    for name in CONTENT:
        if target.is_relative_to(repo / name):
            raise UsageError(
                f"--out {out} is inside the repository's {name}, which every check reads; "
                "choose a folder such as _site"
            )
    if target.exists() and not target.is_dir():
        raise UsageError(f"--out {out} is a file; choose a folder such as _site")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise UsageError(
            f"--out {out} holds files that no statuspress build wrote (it has no {MARKER}); "
            "a build replaces the whole folder, so choose an empty or new folder. (A site "
            "written by statuspress 0.1 has no marker either: delete it once.)"
        )


class Recycle(Protocol):
    """A way to write the site into a folder that holds an earlier one instead of an empty
    folder, and to keep the folder it replaces (the rebuild accelerator's
    ``incremental.site.SiteRecycler``: writing fewer files is only for speed)."""

    def take(self, target: Path) -> Path | None:
        """A folder beside ``target`` holding an earlier site, moved to a private name, or
        None (then the site is written into a new, empty folder)."""

    def fill(self, staging: Path, files: Mapping[str, bytes], recycled: bool) -> None:
        """Make ``staging`` hold exactly ``files`` and the marker."""

    def retire(self, folder: Path, target: Path) -> None:
        """Keep ``folder``, the site the new one replaced."""


def write_site(
    files: Mapping[str, bytes], out: Path, repository: Path, recycle: Recycle | None = None
) -> None:
    """Write ``files`` (and the marker) as the new content of ``out``, replacing it
    atomically (see the module's text): one open and write per file, one folder created
    per folder. A failure leaves the previous site untouched and nothing behind. With
    ``recycle``, the new site is written over an earlier one that ``recycle`` keeps, and
    the replaced site is handed back to it instead of removed."""
    target = Path(os.path.realpath(out)) if out.is_symlink() else out.absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {target.parent} for --out {out}: {exc.strerror}") from None
    with _turn(target.parent):
        guard_out(out, repository)  # again, now that no other build can write meanwhile
        remove_leftovers(target)
        try:
            staging = recycle.take(target) if recycle is not None else None
            recycled = staging is not None
            if staging is None:
                staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        except OSError as exc:
            raise UsageError(
                f"cannot create a folder beside --out {out} to write the site in: {exc.strerror}"
            ) from None
        try:
            if recycle is not None:
                recycle.fill(staging, files, recycled)
            else:
                _fill(staging, files)
            os.chmod(staging, 0o755)
            retired = _swap(staging, target)
        except OSError as exc:  # a full disk, a quota: said with the place, never half-done
            shutil.rmtree(staging, ignore_errors=True)
            raise UsageError(
                f"cannot write the site for --out {out} ({exc.strerror or exc}); "
                "the previous site is untouched"
            ) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if retired is None:
            return
        if recycle is not None:
            try:
                recycle.retire(retired, target)
                return
            except OSError:
                pass  # not kept: removed, as without ``recycle``
        shutil.rmtree(retired, ignore_errors=True)


@contextlib.contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` while writing beside it: two builds into the
    same place then take turns instead of removing each other's folders."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        yield  # a folder that cannot be opened cannot be locked: write anyway
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_leftovers(target: Path) -> None:
    """Remove the folders that builds killed before they finished left beside ``target``
    (only call with the lock of ``_turn`` held: no live build owns them then)."""
    prefixes = (f".{target.name}.new-", f".{target.name}.old-")
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefixes) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)


def _fill(staging: Path, files: Mapping[str, bytes]) -> None:
    """Write every file into the new, empty ``staging`` folder: per file one ``open``, its
    ``write`` calls and one ``close``; per folder one ``mkdir`` (no buffered file object,
    which would ask ``fstat``, ``ioctl`` and ``lseek`` of every file; no ``makedirs``,
    which would ``stat`` the parent of every folder)."""
    # Plain strings for the paths: at 10,000 pages, pathlib's parsing cost more than the
    # system calls themselves.
    base = str(staging)
    folders: set[str] = {base}
    for path, data in sorted({**files, MARKER: MARKER_TEXT}.items()):
        target = f"{base}/{safe_relative(path)}"
        parent = target.rpartition("/")[0]
        if parent not in folders:
            _make_folder(parent, folders)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            write_all(fd, data)
        finally:
            os.close(fd)


def _make_folder(folder: str, made: set[str]) -> None:
    """Create ``folder`` and the missing folders above it, none of which exists yet (the
    staging folder is new and only this build writes into it); ``made`` holds the folders
    there are, and learns the new ones."""
    above = folder.rpartition("/")[0]
    if above not in made:
        _make_folder(above, made)
    os.mkdir(folder)
    made.add(folder)


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the file ``fd`` (a write may take only part of it, as on a
    nearly full disk, where the next write then says why)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _swap(staging: Path, target: Path) -> Path | None:
    """Put ``staging`` in the place of ``target``; the folder it replaced (None: none)."""
    if not os.path.lexists(target):
        os.rename(staging, target)
        return None
    if _exchange(staging, target):
        return staging  # now holds the old site
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(retired)
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    return retired


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux's ``renameat2(RENAME_EXCHANGE)``); False where
    the system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system
        return False
    raise OSError(error, os.strerror(error), str(b))


@functools.lru_cache(maxsize=1)
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function
