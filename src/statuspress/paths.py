"""Output paths of a build, defined once. Page paths end in ``index.html``; their URLs
(relative to the site root) end in ``/``."""

from __future__ import annotations

INDEX = "index.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
#: The stylesheet's path in the theme; it is published under a fingerprinted name
#: (``statuspress.assets``).
#: Cache headers for Netlify and Cloudflare Pages (``render.headers``).
HEADERS = "_headers"
FEED_RSS = "feed.rss"
FEED_ATOM = "feed.atom"
#: The feed paths Statuspage pages have: the same feeds, for integrations that assume them.
HISTORY_RSS = "history.rss"
HISTORY_ATOM = "history.atom"
MAINTENANCE_ICS = "maintenance.ics"
BADGE_SVG = "badge.svg"
BADGE_JSON = "api/badge.json"
STATUSPRESS_JSON = "api/statuspress.json"
REPORT_PAGE = "report/index.html"
#: a digest of every other output file: publishing compares it with the live site's
SITE_DIGEST = "statuspress-digest.txt"
SUBSCRIBE_PAGE = "subscribe/index.html"
API_V2 = "api/v2/"
API_SUMMARY = API_V2 + "summary.json"
API_STATUS = API_V2 + "status.json"
API_COMPONENTS = API_V2 + "components.json"
API_INCIDENTS = API_V2 + "incidents.json"
API_UNRESOLVED = API_V2 + "incidents/unresolved.json"
API_MAINTENANCES = API_V2 + "scheduled-maintenances.json"
API_UPCOMING = API_V2 + "scheduled-maintenances/upcoming.json"
API_ACTIVE = API_V2 + "scheduled-maintenances/active.json"


def page_url(page_path: str) -> str:
    """``incidents/x/index.html`` -> ``incidents/x/``; ``index.html`` -> ``""``."""
    return page_path.removesuffix("index.html")


def incident_page(incident_id: str) -> str:
    return f"incidents/{incident_id}/index.html"


def incident_redirect(api_id: str) -> str:
    """The page at an incident's API id that sends readers on to its page: bots and
    integrations build ``incidents/<id>`` links from ``api/v2`` ids, and static hosts serve
    that address from ``incidents/<id>.html``. (A file, not a folder: one folder fewer per
    incident to create on every build.)"""
    return f"incidents/{api_id}.html"


def component_page(component_id: str) -> str:
    return f"components/{component_id}/index.html"


def component_feed(component_id: str, kind: str) -> str:
    """``kind`` is ``rss`` or ``atom``."""
    return f"components/{component_id}/feed.{kind}"


def history_page(month: str | None = None) -> str:
    """The history index, or one month (``2026-11``) of it."""
    return "history/index.html" if month is None else f"history/{month}/index.html"
