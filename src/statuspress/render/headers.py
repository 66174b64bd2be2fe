"""``_headers``: the cache headers of every output file, in the syntax Netlify and
Cloudflare Pages read from the site's root (other hosts ignore it; docs/hosting.md gives
the same policy for S3 + CloudFront).

What customers read (pages, feeds, the calendar, the API, the badge) changes with every
update, so it is kept one minute; the theme's assets have their content's hash in their
names (``statuspress.assets``) and are kept a year, unchanged. Both hosts *add up* the
headers of every rule a path matches (Cloudflare joins two ``Cache-Control`` values with
a comma), so the rules never overlap: one rule per top-level file or folder of the site,
and every output file matches exactly one.
"""

from __future__ import annotations

from collections.abc import Iterable

from statuspress import paths
from statuspress.assets import ASSETS_DIR

#: Pages, feeds, the calendar and the API: a reader sees an update within a minute of
#: the host serving it.
SHORT_LIVED = "public, max-age=60"
#: Fingerprinted assets: a new version has a new name.
IMMUTABLE = "public, max-age=31536000, immutable"
#: The JSON API is read by widgets on other sites, as Statuspage's is.
API_FOLDER = paths.API_V2.split("/", 1)[0]

Rule = tuple[str, tuple[tuple[str, str], ...]]


def header_rules(outputs: Iterable[str]) -> list[Rule]:
    """(URL pattern, headers) for the output paths ``outputs``: ``/name`` for a top-level
    file, ``/folder/*`` for a top-level folder, and ``/`` for the front page."""
    files: set[str] = set()
    folders: set[str] = set()
    for path in outputs:
        if path == paths.HEADERS:
            continue
        first, _, rest = path.partition("/")
        (folders if rest else files).add(first)
    rules: list[Rule] = []
    if paths.INDEX in files:
        rules.append(("/", _headers_of(None)))
    rules.extend((f"/{name}", _headers_of(None)) for name in sorted(files))
    rules.extend((f"/{name}/*", _headers_of(name)) for name in sorted(folders))
    return rules


def _headers_of(top: str | None) -> tuple[tuple[str, str], ...]:
    """The headers of the files in the top-level folder ``top`` (None: a top-level file)."""
    if top == ASSETS_DIR:
        return (("Cache-Control", IMMUTABLE),)
    if top == API_FOLDER:
        return (("Cache-Control", SHORT_LIVED), ("Access-Control-Allow-Origin", "*"))
    return (("Cache-Control", SHORT_LIVED),)


def render(outputs: Iterable[str]) -> dict[str, bytes]:
    """``{"_headers": bytes}`` for a site of the output paths ``outputs``."""
    lines = [
        "# Cache headers for Netlify and Cloudflare Pages, written by statuspress build.",
        "# Pages, feeds and the API: one minute; fingerprinted assets: a year.",
    ]
    for pattern, headers in header_rules(outputs):
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers)
    return {paths.HEADERS: ("\n".join(lines) + "\n").encode("utf-8")}
