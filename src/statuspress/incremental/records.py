"""The accelerator's file format: a header (magic and scope), then (key, value) records,
each carrying a CRC-32 of its key and value.

Files hold data only (length-prefixed bytes, values ``marshal``-ed plain data, never
pickle or code). A file is read whole into memory, so nothing can change under a build
that is using it, and every record's CRC is checked before its value is trusted: a
damaged record is ignored, as if it were missing. Saving appends what is new (a cache of
50 MB is not written again for one changed page), or writes the file whole again,
atomically, once more than half of it is dead. A later record of a key wins; an append
cut short loses only itself.
"""

from __future__ import annotations

import contextlib
import os
import struct
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from statuspress.incremental.keys import KEY_BYTES
from statuspress.write import write_all

MAGIC = b"statuspress-cache 2\n"
SCOPE_BYTES = KEY_BYTES  # a scope is a key of keys.py
_RECORD = struct.Struct("<HII")  # key length, value length, CRC-32 of key and value
_HEAD = len(MAGIC) + SCOPE_BYTES


class Records:
    """One cache file (see the module's text): ``get`` what it holds, ``save`` what the
    next build should find."""

    def __init__(self, path: Path, scope: bytes) -> None:
        self.path = path
        self.scope = scope
        self.size = 0
        self._values: dict[bytes, memoryview] = {}
        data = _read(path, scope)
        if data is None:
            return
        self.size = len(data)
        view = memoryview(data)
        offset = _HEAD
        while offset + _RECORD.size <= len(data):
            key_length, length, crc = _RECORD.unpack_from(data, offset)
            start = offset + _RECORD.size
            end = start + key_length + length
            if end > len(data):
                break  # an append cut short: keep the records before it
            if zlib.crc32(view[start:end]) == crc:
                self._values[bytes(view[start : start + key_length])] = view[
                    start + key_length : end
                ]
            offset = end

    def get(self, key: bytes) -> memoryview | None:
        """The value of ``key`` as written, or None (missing, or damaged)."""
        return self._values.get(key)

    def __contains__(self, key: bytes) -> bool:
        return key in self._values

    def save(self, live: Mapping[bytes, bytes | None]) -> None:
        """Keep exactly ``live`` for the next build: key -> its new value, or None for the
        value this file holds under that key. Never fails the build (a cache that cannot
        be written only costs speed)."""
        fresh = b"".join(_record(k, v) for k, v in live.items() if v is not None)
        kept = sum(
            _RECORD.size + len(k) + len(self._values[k]) for k, v in live.items() if v is None
        )
        dead = self.size - _HEAD - kept
        if self.size and dead <= kept + len(fresh) and self._append(fresh):
            return
        whole = [_record(k, self._values[k] if v is None else v) for k, v in live.items()]
        write_atomically(self.path, [MAGIC, self.scope, *whole])

    def _append(self, records: bytes) -> bool:
        """Append to the file read, if it is still that file (else write it whole)."""
        if not records:
            return True
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_NOFOLLOW)
        except OSError:
            return False
        try:
            if os.fstat(fd).st_size != self.size:
                return False  # another build wrote it meanwhile
            write_all(fd, records)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True


def _record(key: bytes, value: bytes | memoryview) -> bytes:
    body = key + bytes(value)
    return _RECORD.pack(len(key), len(value), zlib.crc32(body)) + body


def _read(path: Path, scope: bytes) -> bytes | None:
    """The bytes of a cache file written for ``scope`` (header included), or None."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return None
    if data[: len(MAGIC)] != MAGIC or data[len(MAGIC) : _HEAD] != scope:
        return None  # another version, theme or configuration: start afresh
    return data


def prepare(folder: Path) -> bool:
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


def write_atomically(path: Path, chunks: list[bytes]) -> None:
    """Replace ``path`` with ``chunks``, atomically; give up quietly on any error."""
    if not prepare(path.parent):
        return
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.writelines(chunks)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the half-written files of builds that were killed while saving."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name != ".gitignore" and entry.is_file():
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
