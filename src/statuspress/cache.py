"""The build cache: each incident page of the previous build, so that a rebuild renders
only the incidents that changed (or whose page shows the clock, such as an open one).

It lives in ``.statuspress-cache/`` in the status repository; deleting it at any time is
safe (the next build is a cold one) and ``build --no-cache`` neither reads nor writes it.

A page is kept under a key made of everything it is rendered from: the **scope** (the
statuspress, Python, Jinja and markdown-it versions, the audience, the base URL, the
bytes of ``statuspress.yaml``, of every component file and of every template) and the
incident's own **fingerprint** (a hash of each of its files), plus "now" when the page
depends on it. Same key, same bytes: a rebuild is byte-identical to a cold build.

The file is a plain list of (key, length, bytes) records, never pickle, so a cache folder
committed by someone else can at worst be wrong about a page, which its key prevents
from mattering, and cannot run code.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from statuspress.model import Audience, Incident

CACHE_DIR = ".statuspress-cache"
PAGES_FILE = "pages.bin"
_MAGIC = b"statuspress-cache 1\n"
_KEY = 32
_RECORD = struct.Struct(f"<{_KEY}sI")


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


def build_scope(root: Path, audience: Audience, base_url: str, templates: Iterable[Path]) -> bytes:
    """What every cached page depends on besides its incident (see the module's text)."""
    import jinja2
    import markdown_it

    from statuspress import __version__
    from statuspress.config import SETTINGS_FILE
    from statuspress.load import COMPONENTS_DIR

    parts = [
        __version__.encode(),
        sys.version.encode(),
        jinja2.__version__.encode(),
        markdown_it.__version__.encode(),
        audience.value.encode(),
        base_url.encode(),
    ]
    settings = root / SETTINGS_FILE
    parts.append(settings.read_bytes() if settings.is_file() else b"-")
    for folder in (root / COMPONENTS_DIR, *templates):
        parts.append(str(folder).encode("utf-8", "surrogatepass"))
        parts.extend(_folder_bytes(folder))
    return _hash(*parts)


class PageCache:
    """Pages by key: those of the previous build (read lazily from one file), and those
    of this build, which ``save`` writes back (so the file never outgrows one site)."""

    def __init__(self, folder: Path | None, scope: bytes) -> None:
        self.folder = folder
        self.scope = scope
        self._data = b""
        self._index: dict[bytes, tuple[int, int]] = {}
        self.kept: dict[bytes, bytes] = {}
        self.hits = 0
        if folder is not None:
            self._read(folder / PAGES_FILE)

    def _read(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            return
        head = len(_MAGIC) + _KEY
        if not data.startswith(_MAGIC) or data[len(_MAGIC) : head] != self.scope:
            return  # another version, theme or configuration: start afresh
        index: dict[bytes, tuple[int, int]] = {}
        offset = head
        while offset + _RECORD.size <= len(data):
            key, length = _RECORD.unpack_from(data, offset)
            offset += _RECORD.size
            if offset + length > len(data):
                return  # truncated: use none of it
            index[key] = (offset, length)
            offset += length
        self._data, self._index = data, index

    def key(self, incident: Incident, now: datetime) -> bytes:
        """The key of ``incident``'s page at ``now``. A closed incident's page shows no
        clock, except that "last updated" leaves out what is dated after now."""
        if incident.is_open:
            clock = now.isoformat()
        else:
            stamps = (incident.started, *(u.at for u in incident.updates))
            clock = ",".join(s.isoformat() for s in stamps if s > now)
        return _hash(
            self.scope,
            incident.id.encode("utf-8", "surrogatepass"),
            incident.fingerprint,
            clock.encode(),
        )

    def get(self, key: bytes) -> bytes | None:
        """The page kept under ``key``, or None; a page found is kept for the next build."""
        found = self.kept.get(key)
        if found is not None:
            return found
        place = self._index.get(key)
        if place is None:
            return None
        offset, length = place
        page = self._data[offset : offset + length]
        self.kept[key] = page
        self.hits += 1
        return page

    def put(self, key: bytes, page: bytes) -> None:
        self.kept[key] = page

    def save(self) -> None:
        """Write this build's pages for the next one. A cache that cannot be written only
        costs speed: the build has already succeeded, so this never fails it."""
        if self.folder is None:
            return
        chunks = [_MAGIC, self.scope]
        for key in sorted(self.kept):
            page = self.kept[key]
            chunks.append(_RECORD.pack(key, len(page)))
            chunks.append(page)
        temporary = None
        try:
            if self.folder.is_symlink():
                return  # never write through a link someone else placed
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# statuspress's build cache: never commit it\n*\n")
            fd, temporary = tempfile.mkstemp(prefix=".pages-", dir=self.folder)
            with os.fdopen(fd, "wb") as out:
                out.writelines(chunks)
            os.replace(temporary, self.folder / PAGES_FILE)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
