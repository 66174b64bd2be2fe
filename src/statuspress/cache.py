"""The build cache, so that a rebuild does only the work that what changed calls for.

It lives in ``.statuspress-cache/`` in the status repository; deleting it at any time is
safe (the next build is a cold one) and ``build --no-cache`` neither reads nor writes it.
It holds:

- ``incidents.bin`` (IncidentStore): each incident as loaded and checked, with its
  diagnostics, under the stat signature and the hash of its folder's files;
- ``pages.bin`` (PageCache): each incident page and month of history, under a key made
  of everything it is rendered from;
- ``site.bin`` (OutputCache) and ``spare-site/``: what the last build wrote, and the site
  it replaced, for ``write.write_site`` to write only what changed.

Every key includes a **scope**: statuspress itself (a hash of its files), the Python and
library versions, ``statuspress.yaml`` and the component files, and for pages the
templates, the audience and the base URL. Same key, same bytes: a rebuild is
byte-identical to a cold build (the tests compare the two after every kind of change).

The files hold data only (length-prefixed records and ``marshal``-ed plain values, never
pickle or code), and a cache folder that git tracks is never used (``committed``): a
cache is never reviewed content.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import mmap
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from statuspress import __version__
from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic
from statuspress.model import Audience, Incident, StatusSite
from statuspress.snapshot import (
    SnapshotError,
    decode,
    decode_diagnostics,
    encode,
    encode_diagnostics,
    split_updates,
    with_updates,
)
from statuspress.write import Manifest, Reuse, Written

CACHE_DIR = ".statuspress-cache"
PAGES_FILE = "pages.bin"
_MAGIC = b"statuspress-cache 1\n"
_KEY = 32
_RECORD = struct.Struct("<HI")  # key length, value length
_HEAD = len(_MAGIC) + _KEY


def _hash(*parts: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=_KEY)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def _folder_bytes(folder: Path) -> Iterable[bytes]:
    """Every file under ``folder`` (names and contents), in a fixed order."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass")
        yield path.read_bytes()


@functools.lru_cache(maxsize=1)
def code_digest() -> bytes:
    """A hash of statuspress itself: every file of the installed package (its code and
    built-in templates), so that a changed statuspress, released or not, never trusts
    what an earlier one cached. About 70 files: a few milliseconds."""
    package = Path(__file__).resolve().parent
    parts = [__version__.encode()]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(path.relative_to(package).as_posix().encode())
            parts.append(path.read_bytes())
    return _hash(*parts)


def committed(root: Path) -> bool:
    """Whether git tracks anything in the cache folder. A cache is never reviewed content:
    one that came in a commit (a pull request can force-add ignored files) could publish
    what no one approved, so the build then leaves it alone."""
    if not (root / CACHE_DIR).exists():
        return False
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", CACHE_DIR],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False  # no git: nothing can have come in a commit
    return listed.returncode == 0 and bool(listed.stdout)


def content_scope(root: Path) -> bytes:
    """What loading and checking an incident depends on besides its own files: statuspress
    itself, the Python and PyYAML versions, ``statuspress.yaml`` and the component files."""
    import yaml

    from statuspress.config import SETTINGS_FILE
    from statuspress.load import COMPONENTS_DIR

    settings = root / SETTINGS_FILE
    parts = [
        code_digest(),
        sys.version.encode(),
        f"{yaml.__version__} {yaml.__with_libyaml__}".encode(),
        settings.read_bytes() if settings.is_file() else b"-",
    ]
    parts.extend(_folder_bytes(root / COMPONENTS_DIR))
    return _hash(*parts)


def build_scope(
    content: bytes, audience: Audience, base_url: str, templates: Iterable[Path]
) -> bytes:
    """What every cached page depends on besides its incident (see the module's text):
    ``content`` is the repository's ``content_scope``."""
    import jinja2
    import markdown_it

    parts = [
        content,
        jinja2.__version__.encode(),
        markdown_it.__version__.encode(),
        audience.value.encode(),
        base_url.encode(),
    ]
    for number, folder in enumerate(templates):
        # Which folder by its place, not its path: the same repository reached as
        # "repo" or "/abs/repo" is the same scope.
        parts.append(f"templates {number}".encode())
        parts.extend(_folder_bytes(folder))
    return _hash(*parts)


class _Records:
    """A cache file: the header, then (key, value) records. Read once; saved by appending
    what is new (a cache of 50 MB is not written again for one changed page) and written
    whole again, atomically, once more than half of it is dead. A later record of a key
    wins; an append cut short loses only itself."""

    def __init__(self, path: Path | None, scope: bytes) -> None:
        self.path = path
        self.scope = scope
        self.data: bytes | mmap.mmap = b""
        self.index: dict[bytes, tuple[int, int]] = {}  # key -> (offset, length) of its value
        data = _read_file(path, scope) if path is not None else None
        if data is None:
            return
        index: dict[bytes, tuple[int, int]] = {}
        offset = _HEAD
        while offset + _RECORD.size <= len(data):
            key_length, length = _RECORD.unpack_from(data, offset)
            start = offset + _RECORD.size + key_length
            if start + length > len(data):
                break  # an append cut short: keep the records before it
            index[data[offset + _RECORD.size : start]] = (start, length)
            offset = start + length
        self.data, self.index = data, index

    def view(self, key: bytes) -> memoryview | None:
        """The value of ``key`` (a view of the mapped file, not a copy), or None."""
        place = self.index.get(key)
        if place is None:
            return None
        offset, length = place
        return self._view[offset : offset + length]

    @functools.cached_property
    def _view(self) -> memoryview:
        return memoryview(self.data)

    def save(self, live: Mapping[bytes, bytes | memoryview | None]) -> None:
        """Keep exactly ``live`` for the next build: key -> its new value, or None for the
        value this file already holds under that key. Never fails the build."""
        if self.path is None:
            return
        fresh = [part for k, v in live.items() if v is not None for part in _record(k, v)]
        kept = sum(_RECORD.size + len(k) + self.index[k][1] for k, v in live.items() if v is None)
        dead = len(self.data) - _HEAD - kept
        if self.data and dead <= kept + sum(map(len, fresh)) and self._append(fresh):
            return
        chunks: list[bytes | memoryview] = []
        for key, value in live.items():
            chunks.extend(_record(key, self.view(key) if value is None else value))
        _write_file(self.path.parent, self.path.name, self.scope, chunks)

    def _append(self, records: list[bytes | memoryview]) -> bool:
        """Append to the file read, if it is still that file (else write it whole)."""
        assert self.path is not None
        if not records:
            return True
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError:
            return False
        try:
            if os.fstat(fd).st_size != len(self.data):
                return False  # another build wrote it meanwhile
            data = memoryview(b"".join(records))
            while data:
                data = data[os.write(fd, data) :]
        except OSError:
            return False
        finally:
            os.close(fd)
        return True


def _record(
    key: bytes, value: bytes | memoryview | None
) -> tuple[bytes, bytes, bytes | memoryview]:
    """A record's parts (written one after another: no copy of a large value)."""
    assert value is not None
    return _RECORD.pack(len(key), len(value)), key, value


class PageCache:
    """Pages by key: those of the previous build (read from one file), and those of this
    build, which ``save`` keeps for the next one (only they: the file never outgrows one
    site by more than its dead half)."""

    def __init__(self, folder: Path | None, scope: bytes) -> None:
        self.folder = folder
        self.scope = scope
        self._records = _Records(folder / PAGES_FILE if folder is not None else None, scope)
        self.kept: dict[bytes, bytes | memoryview] = {}
        #: output path -> the key of its page in this build (same key, same bytes)
        self.named: dict[str, bytes] = {}
        self.hits = 0

    def key(self, incident: Incident, now: datetime) -> bytes:
        """The key of ``incident``'s page at ``now``. A closed incident's page shows no
        clock, except that "last updated" leaves out what is dated after now."""
        if incident.is_open:
            clock = now.isoformat()
        elif incident.last_stamp <= now:
            clock = ""
        else:
            stamps = (incident.started, *(u.at for u in incident.updates))
            clock = ",".join(s.isoformat() for s in stamps if s > now)
        return _hash(
            self.scope,
            incident.id.encode("utf-8", "surrogatepass"),
            incident.fingerprint,
            clock.encode(),
        )

    def key_of(self, *parts: bytes) -> bytes:
        """The key of a page made of ``parts`` (such as the keys of the incidents it
        lists) within this cache's scope."""
        return _hash(self.scope, *parts)

    def get(self, key: bytes) -> bytes | memoryview | None:
        """The page kept under ``key`` (a view of the cache file's bytes, not a copy), or
        None; a page found is kept for the next build."""
        found = self.kept.get(key)
        if found is not None:
            return found
        page = self._records.view(key)
        if page is None:
            return None
        self.kept[key] = page
        self.hits += 1
        return page

    def put(self, key: bytes, page: bytes | memoryview) -> None:
        self.kept[key] = page

    def save(self) -> None:
        """Keep this build's pages for the next one."""
        index = self._records.index
        self._records.save({k: None if k in index else v for k, v in self.kept.items()})


def _read_file(path: Path, scope: bytes) -> mmap.mmap | None:
    """The bytes of a cache file written for ``scope`` (header included), or None.

    Mapped, not read: a rebuild looks at a small part of 80 MB of cache files, and the
    pages it reuses are handed on as views of them. Safe because no build ever changes a
    cache file's bytes in place: it appends, or writes a new file and renames it over."""
    try:
        with open(path, "rb") as file:
            if os.fstat(file.fileno()).st_size < _HEAD:
                return None
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    if data[: len(_MAGIC)] != _MAGIC or data[len(_MAGIC) : _HEAD] != scope:
        return None  # another version, theme or configuration: start afresh
    return data


def _prepare(folder: Path) -> bool:
    """Create the cache folder (ignoring itself in git); False when it cannot be used."""
    try:
        if folder.is_symlink():
            return False  # never write through a link someone else placed
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# statuspress's build cache: never commit it\n*\n")
    except OSError:
        return False
    return True


def _write_file(folder: Path, name: str, scope: bytes, chunks: list[bytes | memoryview]) -> None:
    """Replace ``folder/name`` atomically. A cache that cannot be written only costs speed:
    the build has already succeeded, so this never fails it."""
    if not _prepare(folder):
        return
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.writelines([_MAGIC, scope, *chunks])
        os.replace(temporary, folder / name)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


# -- loaded incidents ----------------------------------------------------------------------

STORE_FILE = "incidents.bin"
#: A file written less than this long before a build started may be written again within
#: the same tick of the file system's clock without its signature changing (git calls
#: this "racy"): its folder is not kept, so the next build reads it again.
SETTLE_NS = 2_000_000_000
#: From this many incident folders on, their signatures are taken on every core.
PARALLEL_SCAN = 2000

#: (name, mode, size, mtime, ctime, inode) of each file of an incident folder.
Signature = tuple[tuple[str, int, int, int, int, int], ...]


def folder_signature(folder: str) -> Signature | None:
    """The stat signature of ``folder``'s files, or None when it holds anything but
    regular files (links and sub-folders are always read afresh)."""
    entries = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if not entry.is_file(follow_symlinks=False):
                    return None
                st = entry.stat(follow_symlinks=False)
                entries.append(
                    (entry.name, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
                )
    except OSError:
        return None
    entries.sort()
    return tuple(entries)


def folder_digest(folder: str, signature: Signature) -> bytes | None:
    """A hash of the names and bytes of the files in ``signature`` (None: unreadable)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        for name, *_ in signature:
            with open(f"{folder}/{name}", "rb") as handle:
                data = handle.read()
            digest.update(f"{len(name)}:{name}:{len(data)}:".encode("utf-8", "surrogatepass"))
            digest.update(data)
    except OSError:
        return None
    return digest.digest()


def _micros(value: datetime) -> int:
    return (value - _EPOCH) // timedelta(microseconds=1)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class IncidentStore:
    """Each incident as the previous build loaded and checked it, with its diagnostics,
    kept under the stat signature of its folder's files: as git's index does, a folder
    whose files have the same names, sizes, modification and change times and inodes is
    not read again. (Its fingerprint, the hash of its files, still keys its page.)

    Diagnostics depend on "now" only through the lifecycle rule against future times, so
    an incident is kept only while nothing in it is dated after now (plus the rule's
    tolerance), and restored only when that still holds."""

    def __init__(self, folder: Path | None, scope: bytes, now: datetime) -> None:
        from statuspress.rules.lifecycle import FUTURE_TOLERANCE

        self.folder = folder
        self.scope = scope
        self.started = time.time_ns()
        self._limit = _micros(now + FUTURE_TOLERANCE)
        self._records = _Records(folder / STORE_FILE if folder is not None else None, scope)
        #: folder name -> its entry for the next build (None: the one the file holds)
        self._new: dict[bytes, bytes | None] = {}
        #: folder -> the signature and hash of its files, for those read afresh
        self._files: dict[str, tuple[Signature, bytes]] = {}
        self.hits = 0

    def restore_all(
        self, directory: Path, names: Sequence[str]
    ) -> list[tuple[str, tuple[Incident, list[Diagnostic]] | None]]:
        """Each folder of ``directory`` named in ``names`` with its incident and
        diagnostics when its files are unchanged (None: read it). Folders are compared on
        every core when there are many."""
        from statuspress.parallel import fork_map

        base = str(directory)
        restored = []
        for share in fork_map(lambda part: self._compare(base, part), names, PARALLEL_SCAN):
            for name, (same, signature, digest, latest) in share:
                kept = self._restore(name, signature, digest, latest) if same else None
                restored.append((name, kept))
                if kept is None and signature is not None and digest is not None:
                    self._files[name] = (signature, digest)
        return restored

    def _meta(self, name: str) -> tuple[Signature, int, bytes] | None:
        """(signature, latest time, files' hash) of the entry for ``name``, if any."""
        value = self._records.view(_name_key(name))
        if value is None:
            return None
        try:
            (length,) = _META.unpack_from(value)
            signature, latest, digest, check = marshal.loads(
                value[_META.size : _META.size + length]
            )
        except (struct.error, EOFError, ValueError, TypeError):
            return None
        if check != zlib.crc32(value[_META.size + length :]):
            return None  # not the bytes that were written: never decode them
        return signature, latest, digest

    def _compare(
        self, base: str, names: Sequence[str]
    ) -> list[tuple[str, tuple[bool, Signature | None, bytes | None, int | None]]]:
        """Whether each folder holds what the store has for it; with its signature and
        the hash of its files when that took reading them, and the entry's latest time.

        Same signature: unchanged, nothing is read. Another signature (a fresh clone, a
        checkout, a touched file): the files are read and hashed, and their hash decides,
        which still spares parsing and checking them."""
        compared = []
        for name in names:
            folder = f"{base}/{name}"
            signature = folder_signature(folder)
            meta = self._meta(name)
            usable = meta is not None and isinstance(meta[1], int) and meta[1] <= self._limit
            same, digest = False, None
            if usable and signature is not None:
                same = meta is not None and meta[0] == signature
            if not same and signature is not None:
                digest = folder_digest(folder, signature)
                same = usable and digest is not None and meta is not None and meta[2] == digest
            latest = meta[1] if meta is not None else None
            compared.append((name, (same, None if digest is None else signature, digest, latest)))
        return compared

    def _restore(
        self, name: str, signature: Signature | None, digest: bytes | None, latest: int | None
    ) -> tuple[Incident, list[Diagnostic]] | None:
        """The entry ``_compare`` found the same (so its metadata is known to be sound, and
        ``latest`` is its latest time)."""
        key = _name_key(name)
        value = self._records.view(key)
        if value is None:
            return None
        try:
            (length,) = _META.unpack_from(value)
            blob = value[_META.size + length :]
            (head,) = _META.unpack_from(blob)
            snapshot, findings = marshal.loads(blob[_META.size : _META.size + head])
            # The updates stay where they are, a view of the mapped file, until asked for.
            snapshot = with_updates(snapshot, blob[_META.size + head :])
            restored = decode(snapshot), decode_diagnostics(findings)
        except (SnapshotError, struct.error, IndexError, TypeError, ValueError, EOFError):
            return None
        self._new[key] = None
        if (
            signature is not None
            and digest is not None
            and latest is not None
            and self._settled(signature)
        ):
            # The same files under a new signature: keep that, so the next build need
            # not read them.
            self._new[key] = _store_value((signature, latest, digest), blob)
        self.hits += 1
        return restored

    def _settled(self, signature: Signature) -> bool:
        """Whether no file was written in the seconds before this build (see SETTLE_NS)."""
        return all(e[3] <= self.started - SETTLE_NS for e in signature)

    def keep(self, incident: Incident, diagnostics: list[Diagnostic], settings: Settings) -> None:
        """Remember a freshly loaded incident for the next build (see the class's text),
        with the metrics the report will show for it whatever the clock says."""
        from statuspress.metrics import remember

        files = self._files.get(incident.id)
        if files is None or not self._settled(files[0]):
            return
        signature, digest = files
        latest = incident.last_stamp
        if _micros(latest) > self._limit:
            return
        remember(StatusSite(settings, (), ()), incident)
        snapshot, updates = split_updates(encode(incident))
        head = marshal.dumps((snapshot, encode_diagnostics(diagnostics)))
        blob = b"".join((_META.pack(len(head)), head, updates))
        self._new[_name_key(incident.id)] = _store_value((signature, _micros(latest), digest), blob)

    def save(self) -> None:
        self._records.save(self._new)


#: An entry of the store: the length of its marshalled (signature, latest time, files'
#: hash, CRC-32 of the rest), those; then the length of the marshalled (snapshot without
#: its updates, diagnostics), those, decoded only to restore; then the marshalled
#: updates, decoded only when something asks for them. The CRC is checked before
#: anything is restored, so the updates are decoded from bytes known to be those written.
_META = struct.Struct("<I")


def _store_value(meta: tuple[Signature, int, bytes], blob: bytes | memoryview) -> bytes:
    packed = marshal.dumps((*meta, zlib.crc32(blob)))
    return _META.pack(len(packed)) + packed + blob


def _name_key(name: str) -> bytes:
    return name.encode("utf-8", "surrogatepass")


# -- the written site ------------------------------------------------------------------------

SITE_FILE = "site.bin"
#: The site a build replaced, kept (same file system permitting) for the next build to
#: start from: it then writes only what changed instead of every file.
SPARE_DIR = "spare-site"


class OutputCache:
    """What the last build wrote to its ``--out`` and what the spare site holds (see
    ``write.write_site``), so the next build writes only what changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.out: str | None = None
        self.files: Manifest = {}
        self.spare: Manifest | None = None
        data = _read_file(folder / SITE_FILE, _site_scope())
        if data is None:
            return
        try:
            out, files, spare = marshal.loads(data[_HEAD:])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(out, str) and _is_manifest(files):
            self.out, self.files = out, files
            self.spare = spare if _is_manifest(spare) else None

    def reuse(self, out: Path) -> Reuse:
        usable = _prepare(self.folder)
        spare = self.folder / SPARE_DIR
        return Reuse(
            out_files=self.files if self.out == str(out.resolve()) else None,
            spare=spare if usable and self.spare is not None else None,
            spare_files=self.spare or {},
            keep_retired=spare if usable else None,
        )

    def save(self, out: Path, written: Written) -> None:
        record = (str(out.resolve()), written.files, written.spare)
        _write_file(self.folder, SITE_FILE, _site_scope(), [marshal.dumps(record)])


def _site_scope() -> bytes:
    return _hash(b"written site", code_digest())


def _is_manifest(value: object) -> bool:
    """Whether ``value`` has the shape of a Manifest (a damaged file is not trusted)."""
    return isinstance(value, dict) and all(
        isinstance(entry, tuple) and len(entry) == 4 for entry in value.values()
    )
