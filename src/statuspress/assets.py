"""The theme's static files (``assets/`` of the built-in theme and of a repository's
``site_templates/``), published under names that carry a hash of their content.

A fingerprinted name changes whenever the file does, so hosts may let browsers and CDNs
keep assets for a year (``_headers``) and a new stylesheet still reaches every reader on
the next page load. Pages name an asset by its theme path (``assets/style.css``); the
``asset`` template filter gives its published path (``assets/style.1a2b3c4d5e.css``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: The folder of a theme (and of the output) that holds the static files.
ASSETS_DIR = "assets"
#: Hex digits of the content hash in a published name: 40 bits, so two versions of one
#: file never meet under one name in practice.
HASH_LENGTH = 10


def fingerprinted(name: str, data: bytes) -> str:
    """``assets/style.css`` with ``data`` -> ``assets/style.<hash>.css``."""
    path = PurePosixPath(name)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    suffix = "".join(path.suffixes)
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return str(path.with_name(f"{stem}.{digest}{suffix}"))


@dataclass(frozen=True)
class Assets:
    """The theme's static files: theme path -> published path, and their bytes."""

    published: Mapping[str, str]  # assets/style.css -> assets/style.<hash>.css
    files: Mapping[str, bytes]  # published path -> bytes

    def path(self, name: str) -> str:
        """The published path of the theme file ``name``; LookupError (which a template
        shows as its own mistake, at its line) when the theme has no such file."""
        published = self.published.get(name)
        if published is None:
            known = ", ".join(sorted(self.published)) or "none"
            raise LookupError(f"the theme has no asset '{name}' (its assets: {known})")
        return published


def theme_assets(folders: Iterable[Path]) -> Assets:
    """The assets of the theme folders in ``folders``, first folder first: a file of an
    earlier folder (a repository's overrides) replaces the same file of a later one."""
    sources: dict[str, Path] = {}
    for folder in folders:
        base = folder / ASSETS_DIR
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                name = path.relative_to(folder).as_posix()
                sources.setdefault(name, path)
    published: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for name in sorted(sources):
        data = sources[name].read_bytes()
        published[name] = fingerprinted(name, data)
        files[published[name]] = data
    return Assets(published, files)
