"""Publishing on time: when the site will next change by itself (``next-change``), and
whether a fresh build differs from the live site (``changed``), so a scheduled workflow
deploys exactly when customers would see something new."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from statuspress import paths
from statuspress.build import derive, normalize_base_url
from statuspress.check import require_repository
from statuspress.config import load_settings
from statuspress.errors import UsageError
from statuspress.load import load_site
from statuspress.model import Audience
from statuspress.render.digest import PREFIX
from statuspress.schedule import Change, next_change

#: How long to wait for the live site's digest before deploying anyway.
FETCH_TIMEOUT = 15.0


def run_next_change(root: Path, now: datetime) -> Change:
    """The next moment the public site built from ``root`` changes with no new content."""
    require_repository(root)
    site = load_site(root).site
    context = derive(site, now, Audience.PUBLIC, normalize_base_url(site.settings.base_url), root)
    return next_change(context)


@dataclass(frozen=True)
class Decision:
    changed: bool
    reason: str
    built: str
    live: str | None


def built_digest(out: Path) -> str:
    """The digest a build wrote into ``out``."""
    path = out / paths.SITE_DIGEST
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        raise UsageError(
            f"{path} is missing or unreadable; run `statuspress build --out {out}` first"
        ) from None
    if not text.startswith(PREFIX):
        raise UsageError(f"{path} is not a statuspress digest; rebuild the site")
    return text


def live_digest(url: str, timeout: float = FETCH_TIMEOUT) -> tuple[str | None, str]:
    """The digest the live site publishes at ``url`` (None when there is none yet), and
    what happened, in words. A query string asks caches in between for a fresh copy."""
    separator = "&" if "?" in url else "?"
    fresh = f"{url}{separator}t={int(time.time())}"
    request = urllib.request.Request(fresh, headers={"Cache-Control": "no-cache"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(4096).decode("ascii", "replace").strip()
    except urllib.error.HTTPError as exc:
        return None, f"the live site answered {exc.code} for {url}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, f"the live site could not be reached at {url} ({reason})"
    if not body.startswith(PREFIX):
        return None, f"{url} holds no statuspress digest"
    return body, f"read the live digest from {url}"


def decide(out: Path, live_url: str, timeout: float = FETCH_TIMEOUT) -> Decision:
    """Whether the site built into ``out`` should be deployed: yes unless the live site
    publishes the same digest. When the live digest cannot be read (a first deploy, an
    outage of the host), deploy: a needless deploy costs a minute, a missed one leaves
    customers reading a stale page."""
    built = built_digest(out)
    live, how = live_digest(live_url, timeout)
    if live is None:
        return Decision(True, f"{how}; deploying", built, None)
    if live == built:
        return Decision(False, "the live site already shows this build", built, live)
    return Decision(True, "the build differs from the live site", built, live)


def default_live_url(root: Path, base_url: str | None) -> str:
    """Where the live site's digest is: ``base_url`` (or the repository's) + the file."""
    if base_url is None:
        require_repository(root)
        base_url = load_settings(root)[0].base_url  # the settings alone: no incident is read
    return normalize_base_url(base_url) + paths.SITE_DIGEST
