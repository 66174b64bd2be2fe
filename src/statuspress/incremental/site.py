"""The previous site, updated in place: a rebuild writes only the files that changed.

On a real disk, creating a file or a folder costs ten times as much as rewriting one that
exists, and removing the replaced site costs as much again: a rebuild that wrote the whole
site afresh spent most of its time in the file system. So ``build --incremental`` (and
``serve``) keeps the site it replaced, in a folder beside ``--out`` named
``.<out>.spare``, and the next rebuild brings that folder up to date instead of starting
from an empty one: it writes the files whose bytes differ, removes the files the new site
does not have, and leaves the rest alone; then ``write.py`` swaps it in as it swaps in a
new folder. The swap is the same atomic exchange: a reader sees the old site or the new
one, never a mixture, and a build that fails or is killed leaves the live site untouched.

What the spare holds is known from the stamps kept at the last builds (``stamps.bin`` in
the cache): per file its inode, size, modification time and a digest of its bytes; per
folder its inode and modification time. Nothing is trusted without its stamp: a file that
someone changed, replaced or added (a deploy step writing into the site, say) no longer
matches and is written again or removed, so the result is the bytes a plain build writes
(the tests compare them). The spare costs the disk space of one more copy of the site;
deleting it (or the cache) at any time is safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from statuspress.incremental.records import Records
from statuspress.write import MARKER, MARKER_TEXT, safe_relative, write_all

STAMPS_FILE = "stamps.bin"
#: The stamps file's scope: its records do not depend on the content or the code.
_SCOPE = hashlib.blake2b(b"statuspress site stamps 1", digest_size=32).digest()
_LIVE, _SPARE = b"live", b"spare"
_DIGEST_BYTES = 16

#: A file's stamp: (inode, size, modification time in ns, digest of its bytes); a
#: folder's: (inode, modification time in ns).
FileStamp = tuple[int, int, int, bytes]
FolderStamp = tuple[int, int]


class Stamps:
    """What a site folder held when a build last wrote it: relative path -> stamp, for its
    files and for its folders (``""`` is the folder itself)."""

    def __init__(
        self,
        files: dict[str, FileStamp] | None = None,
        folders: dict[str, FolderStamp] | None = None,
    ) -> None:
        self.files = files or {}
        self.folders = folders or {}

    def encode(self) -> bytes:
        return marshal.dumps((self.files, self.folders))

    @classmethod
    def decode(cls, data: bytes | memoryview | None) -> Stamps:
        """The stamps ``encode`` wrote; empty (nothing trusted) for anything else."""
        if data is None:
            return cls()
        try:
            files, folders = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            return cls()
        if not isinstance(files, dict) or not isinstance(folders, dict):
            return cls()
        return cls(files, folders)


class SiteRecycler:
    """One build's use of the spare site beside ``--out`` (see the module's text); the
    object ``write.write_site`` takes as ``recycle``."""

    def __init__(self, cache: Path, out: Path) -> None:
        self._records = Records(cache / STAMPS_FILE, _SCOPE)
        self._key = hashlib.blake2b(os.fsencode(out), digest_size=32).digest()
        self._live = Stamps.decode(self._records.get(self._key + _LIVE))
        self._spare = Stamps.decode(self._records.get(self._key + _SPARE))
        self._next: tuple[Stamps, Stamps] | None = None
        self._target: Path | None = None
        self.written = self.files = 0

    @staticmethod
    def spare_of(target: Path) -> Path:
        return target.parent / f".{target.name}.spare"

    def take(self, target: Path) -> Path | None:
        """The spare site beside ``target``, moved to a new private name (so that a build
        killed while updating it leaves what ``write.remove_leftovers`` removes), or None
        when there is none. Call with the lock on ``target``'s folder held."""
        self._target = target
        spare = self.spare_of(target)
        if not spare.is_dir() or spare.is_symlink():
            return None
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
            os.rmdir(staging)
            os.rename(spare, staging)
        except OSError:
            return None  # then a new folder, as without a spare
        return staging

    def fill(self, staging: Path, files: Mapping[str, bytes], recycled: bool) -> None:
        """Make ``staging`` hold exactly ``files`` and the marker: in a recycled folder,
        write only what differs from its stamps and remove what the site no longer has;
        remember the stamps of the result."""
        site = {safe_relative(path): data for path, data in files.items()}
        site[MARKER] = MARKER_TEXT
        known = self._spare if recycled else Stamps()
        base = str(staging)
        folders = _folders_of(site)
        if recycled:
            _remove_strays(base, site, folders, known)
        stamps = Stamps()
        for folder in sorted(folders, key=len):
            _ensure_folder(base, folder)
        # Without a spare (the first rebuild), a file the live site holds with the same
        # bytes is linked, not written: on a real disk a new name costs a few percent of a
        # new file. (Linked files are never written into later: ``_write`` replaces a file
        # with two names.)
        live = self._live if not recycled and self._target is not None else Stamps()
        for path, data in sorted(site.items()):
            digest = hashlib.sha256(data).digest()[:_DIGEST_BYTES]
            target = f"{base}/{path}"
            stamp = _link(f"{self._target}/{path}", target, digest, live.files.get(path))
            if stamp is None:
                previous = known.files.get(path)
                stamp = self._write(target, data, digest, previous)
                if path != MARKER and stamp != previous:
                    self.written += 1
            stamps.files[path] = stamp
        for folder in folders:
            found = os.lstat(f"{base}/{folder}" if folder else base)
            stamps.folders[folder] = (found.st_ino, found.st_mtime_ns)
        self.files = len(files)
        self._next = (stamps, self._live)

    def _write(self, target: str, data: bytes, digest: bytes, known: FileStamp | None) -> FileStamp:
        """Write ``data`` to ``target`` unless the file there is the one ``known`` stamps
        and holds the same bytes; the file's stamp."""
        try:
            found = os.lstat(target)
        except FileNotFoundError:
            found = None
        if found is not None:
            if known is not None and stat.S_ISREG(found.st_mode):
                now = (found.st_ino, found.st_size, found.st_mtime_ns, digest)
                if now == known:
                    return now
            if stat.S_ISDIR(found.st_mode):
                shutil.rmtree(target)
            elif not stat.S_ISREG(found.st_mode) or found.st_nlink > 1:
                # a link, or a file with another name elsewhere: never written through
                os.unlink(target)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(target, flags, 0o644)
        try:
            write_all(fd, data)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        return (written.st_ino, written.st_size, written.st_mtime_ns, digest)

    def retire(self, folder: Path, target: Path) -> None:
        """Keep ``folder`` (the site this build replaced) as the next build's spare."""
        spare = self.spare_of(target)
        if spare.exists() or spare.is_symlink():
            _remove(str(spare))
        os.rename(folder, spare)

    def save(self) -> None:
        """Keep the stamps of the live site (this build's) and of the spare (the last
        build's live site) for the next build."""
        if self._next is None:
            return
        live, spare = self._next
        self._records.save({self._key + _LIVE: live.encode(), self._key + _SPARE: spare.encode()})

    def summary(self) -> str:
        return f"rewrote {self.written} of {self.files} files"


def _link(source: str, target: str, digest: bytes, known: FileStamp | None) -> FileStamp | None:
    """Give the file ``source`` the new name ``target`` (nothing there yet) when it is the
    file ``known`` stamps, with the bytes of ``digest``; its stamp, or None (not linked)."""
    if known is None or known[3] != digest:
        return None
    try:
        found = os.lstat(source)
        if (
            not stat.S_ISREG(found.st_mode)
            or (found.st_ino, found.st_size, found.st_mtime_ns) != known[:3]
        ):
            return None
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return None  # (a file system without links, say): written instead
    return known


def _folders_of(site: Mapping[str, bytes]) -> set[str]:
    """Every folder the site's files lie in (relative; ``""`` is the site itself)."""
    folders = {""}
    for path in site:
        parent = path.rpartition("/")[0]
        while parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    return folders


def _remove_strays(base: str, site: Mapping[str, bytes], folders: set[str], known: Stamps) -> None:
    """Remove from the recycled folder ``base`` what the new site does not have: the files
    and folders its stamps list, and whatever else lies in a folder whose stamp no longer
    matches (something was added or removed there since)."""
    for path in known.files.keys() - site.keys():
        _remove(f"{base}/{path}")
    for folder in known.folders.keys() - folders:
        _remove(f"{base}/{folder}")
    for folder in folders:
        place = f"{base}/{folder}" if folder else base
        try:
            found = os.lstat(place)
        except (FileNotFoundError, NotADirectoryError):
            continue  # _ensure_folder makes it
        if (found.st_ino, found.st_mtime_ns) == known.folders.get(folder):
            continue  # nothing was added to or removed from it since it was stamped
        if not stat.S_ISDIR(found.st_mode):
            continue  # _ensure_folder replaces it
        prefix = f"{folder}/" if folder else ""
        for entry in os.scandir(place):
            name = prefix + entry.name
            if name not in site and name not in folders:
                _remove(entry.path)


def _ensure_folder(base: str, folder: str) -> None:
    """``base/folder`` as a real folder (its parents already are): made, or put in place
    of whatever else has its name."""
    if not folder:
        return
    place = f"{base}/{folder}"
    try:
        found = os.lstat(place)
    except FileNotFoundError:
        os.mkdir(place)
        return
    if not stat.S_ISDIR(found.st_mode):
        os.unlink(place)
        os.mkdir(place)


def _remove(path: str) -> None:
    """Remove the file, link or folder at ``path``, if there is one."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        if stat.S_ISDIR(os.lstat(path).st_mode):
            shutil.rmtree(path)
        else:
            os.unlink(path)
