"""What a cached value depends on besides its own input (its scope), as a digest."""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from statuspress import __version__
from statuspress.layout import COMPONENTS_DIR, SETTINGS_FILE
from statuspress.model import Audience

KEY_BYTES = 32


def digest_of(*parts: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=KEY_BYTES)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


def folder_bytes(folder: Path) -> Iterable[bytes]:
    """Every file under ``folder`` (names and contents), in a fixed order."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass")
        yield path.read_bytes()


@functools.lru_cache(maxsize=1)
def code_digest() -> bytes:
    """A hash of statuspress itself: every file of the installed package, so that a
    changed statuspress, released or not, never trusts what an earlier one cached."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__.encode()]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts.append(path.relative_to(package).as_posix().encode())
            parts.append(path.read_bytes())
    return digest_of(*parts)


def content_scope(root: Path) -> bytes:
    """What reading and checking an incident depends on besides its own files:
    statuspress itself, the Python and PyYAML versions, ``statuspress.yaml`` and the
    component files."""
    import yaml

    settings = root / SETTINGS_FILE
    parts = [
        code_digest(),
        sys.version.encode(),
        f"{yaml.__version__} {yaml.__with_libyaml__}".encode(),
        settings.read_bytes() if settings.is_file() else b"-",
    ]
    parts.extend(folder_bytes(root / COMPONENTS_DIR))
    return digest_of(*parts)


def page_scope(
    content: bytes, audience: Audience, base_url: str, templates: Iterable[Path]
) -> bytes:
    """What every incident page depends on besides its incident: ``content`` is the
    repository's ``content_scope``."""
    import babel
    import jinja2
    import markdown_it

    parts = [
        content,
        babel.__version__.encode(),  # CLDR's dates and numbers on the pages
        jinja2.__version__.encode(),
        markdown_it.__version__.encode(),
        audience.value.encode(),
        base_url.encode(),
    ]
    for number, folder in enumerate(templates):
        # Which folder by its place, not its path: the same repository reached as
        # "repo" or "/abs/repo" is the same scope.
        parts.append(f"templates {number}".encode())
        parts.extend(folder_bytes(folder))
    return digest_of(*parts)
