"""``statuspress-digest.txt``: one line that changes exactly when any other output file
does, so a scheduled publish can tell whether the live site is already what a build makes
(``statuspress changed``) without downloading it."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from statuspress import paths

PREFIX = "sha256:"


def site_digest(files: Mapping[str, bytes]) -> str:
    """The digest of ``files`` (paths and contents, in path order), as the file says it."""
    h = hashlib.sha256()
    for path in sorted(files):
        if path == paths.SITE_DIGEST:
            continue
        name = path.encode("utf-8", "surrogatepass")
        h.update(len(name).to_bytes(8, "big") + name)
        h.update(len(files[path]).to_bytes(8, "big"))
        h.update(files[path])
    return PREFIX + h.hexdigest()


def with_digest(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` with their digest file added."""
    files[paths.SITE_DIGEST] = (site_digest(files) + "\n").encode("ascii")
    return files
