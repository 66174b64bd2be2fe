"""The page cache: each incident page of the previous build, under a key made of
everything it is rendered from.

An incident page is rendered from its incident and the page frame alone (see
``render.html.incident_page_renderer``): the key is the build's scope (statuspress
itself, settings, components, templates, audience, base URL), the digest of the
incident's files (its translations included), the clock when the page shows one (an open
incident's durations; anything dated after now), and the page's language. (Only the
default language's pages are kept: a site's other languages are rendered afresh by
``render.translated``.) The page at the incident's API id (``incidents/<id>.html``, made
by ``render.html.redirect_page_renderer`` from the same incident and frame) is kept beside
it, under ``redirect_key``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from statuspress.incremental.keys import digest_of
from statuspress.incremental.records import Records
from statuspress.model import Incident

PAGES_FILE = "pages.bin"


def page_key(scope: bytes, incident: Incident, files: bytes, now: datetime, language: str) -> bytes:
    """The key of ``incident``'s page in ``language`` at ``now``; ``files`` is its
    folder's digest (its translations' files included)."""
    clock = now.isoformat() if incident.is_open or incident.last_stamp > now else ""
    return digest_of(
        scope,
        incident.id.encode("utf-8", "surrogatepass"),
        files,
        clock.encode(),
        language.encode(),
    )


def redirect_key(key: bytes) -> bytes:
    """The key of the page at the incident's API id (``render.html.redirect_page_renderer``)
    beside its page's ``key``: made from the same incident and frame."""
    return digest_of(key, b"redirect")


class PageCache:
    """Pages of the previous build by key, and the pages of this build for the next."""

    def __init__(self, folder: Path, scope: bytes) -> None:
        self._records = Records(folder / PAGES_FILE, scope)
        self._next: dict[bytes, bytes | None] = {}

    def get(self, key: bytes) -> bytes | None:
        """The page kept under ``key``, or None."""
        page = self._records.get(key)
        return None if page is None else bytes(page)

    def keep(self, key: bytes, page: bytes | None) -> None:
        """Keep ``page`` under ``key`` for the next build (None: the page held now)."""
        if page is not None or key in self._records:
            self._next[key] = page

    def save(self) -> None:
        """Keep this build's pages (only them) for the next one."""
        self._records.save(self._next)
