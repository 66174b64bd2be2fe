"""The incident store: each incident folder as the previous build read and checked it,
kept under the stat signature of its files and the digest of the bytes that were parsed.

As git's index does, a folder whose Markdown files have the same names, sizes,
modification and change times and inodes is not read again; a folder with another
signature (a fresh clone, a checkout, a touched file) is hashed, and an equal digest
still spares parsing and checking it. The digest stored is the one the loader computed
from the very bytes it parsed, so an edit made while a build runs can never be stored
under the hash of the text before it.
"""

from __future__ import annotations

import marshal
import os
import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from statuspress.check import CheckedIncident
from statuspress.incremental.records import Records
from statuspress.incremental.snapshot import (
    SnapshotError,
    decode,
    decode_diagnostics,
    encode,
    encode_diagnostics,
)
from statuspress.layout import INCIDENTS_DIR
from statuspress.load import folder_digest
from statuspress.rules import FUTURE_TOLERANCE
from statuspress.source import MAX_FILE_BYTES, file_digest

STORE_FILE = "incidents.bin"
#: A file written less than this long before a build started may be written again within
#: the same tick of the file system's clock without its signature changing (git calls
#: this "racy"): its folder is not kept, so the next build reads it again.
SETTLE_NS = 2_000_000_000

#: (name, mode, size, mtime, ctime, inode) of each Markdown file of an incident folder.
Signature = tuple[tuple[str, int, int, int, int, int], ...]
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def folder_signature(folder: str) -> Signature | None:
    """The stat signature of ``folder``'s Markdown files, or None when one of them is not
    a regular file (links are always read afresh)."""
    entries = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if not entry.name.endswith(".md"):
                    continue
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


def files_digest(folder: str, signature: Signature) -> bytes | None:
    """The loader's ``folder_digest`` of the files in ``signature`` (None: unreadable)."""
    files = []
    try:
        for name, *_ in signature:
            with open(f"{folder}/{name}", "rb") as handle:
                files.append((name, file_digest(handle.read(MAX_FILE_BYTES + 1))))
    except OSError:
        return None
    return folder_digest(files)


def _micros(value: datetime) -> int:
    return (value - _EPOCH) // timedelta(microseconds=1)


class IncidentStore:
    """Checked incidents of the previous build, and those of this one for the next.

    Diagnostics depend on "now" only through the lifecycle rule against future times (the
    contract of rules/__init__.py), so an incident is kept only while nothing in it is
    dated after now plus that rule's tolerance, and restored only when that still holds."""

    def __init__(self, folder: Path, scope: bytes, now: datetime) -> None:
        self.started = time.time_ns()
        self._limit = _micros(now + FUTURE_TOLERANCE)
        self._records = Records(folder / STORE_FILE, scope)
        #: folder name -> its entry for the next build (None: the one the file holds)
        self._next: dict[bytes, bytes | None] = {}
        #: folder name -> the signature taken before it was read afresh
        self._signatures: dict[str, Signature] = {}

    def restore(self, root: Path, names: Sequence[str]) -> dict[str, CheckedIncident]:
        """The folders of ``names`` whose files are unchanged, checked as before."""
        base = f"{root}/{INCIDENTS_DIR}"
        restored = {}
        for name in names:
            signature = folder_signature(f"{base}/{name}")
            if signature is None:
                continue
            entry = self._entry(name)
            checked = None
            if entry is not None:
                stored_signature, latest, digest, value = entry
                if stored_signature == signature and latest <= self._limit:
                    checked = _decode(name, digest, value)
                    if checked is not None:
                        self._next[_key(name)] = None
                elif latest <= self._limit and files_digest(f"{base}/{name}", signature) == digest:
                    checked = _decode(name, digest, value)
                    if checked is not None and self._settled(signature):
                        # The same files under a new signature: keep that, so the next
                        # build need not read them.
                        self._next[_key(name)] = marshal.dumps((signature, latest, digest, value))
                    elif checked is not None:
                        self._next[_key(name)] = None
            if checked is None:
                self._signatures[name] = signature
            else:
                restored[name] = checked
        return restored

    def keep(self, checked: CheckedIncident) -> None:
        """Remember a folder read afresh for the next build (see the class's text)."""
        signature = self._signatures.get(checked.name)
        if signature is None or checked.incident is None or not self._settled(signature):
            return
        latest = _micros(checked.incident.last_stamp)
        if latest > self._limit:
            return
        value = (encode(checked.incident), encode_diagnostics(checked.diagnostics))
        entry = (signature, latest, checked.digest, value)
        self._next[_key(checked.name)] = marshal.dumps(entry)

    def save(self) -> None:
        self._records.save(self._next)

    def _entry(self, name: str) -> tuple[Signature, int, bytes, Any] | None:
        data = self._records.get(_key(name))
        if data is None:
            return None
        try:
            signature, latest, digest, value = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        if not (isinstance(latest, int) and isinstance(digest, bytes)):
            return None
        return signature, latest, digest, value

    def _settled(self, signature: Signature) -> bool:
        """Whether no file was written in the seconds before this build (see SETTLE_NS)."""
        return all(e[3] <= self.started - SETTLE_NS for e in signature)


def _decode(name: str, digest: bytes, value: Any) -> CheckedIncident | None:
    try:
        snapshot, findings = value
        incident = decode(snapshot)
        diagnostics = tuple(decode_diagnostics(findings))
    except (SnapshotError, TypeError, ValueError):
        return None
    if incident.id != name:
        return None
    return CheckedIncident(name, incident, diagnostics, digest)


def _key(name: str) -> bytes:
    return name.encode("utf-8", "surrogatepass")
