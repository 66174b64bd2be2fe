"""What the settings say about where the site is served, that a build cannot fix: the
``hosting/*`` warnings ``check`` (and ``build``) print at their key in statuspress.yaml."""

from __future__ import annotations

from urllib.parse import urlsplit

from statuspress.config.settings import Settings
from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import Fields
from statuspress.layout import SETTINGS_FILE

SUB_PATH = "hosting/sub-path"


def hosting_warnings(f: Fields, settings: Settings) -> list[Diagnostic]:
    """``hosting/sub-path`` when ``base_url`` has a path: the pages, feeds and JSON work
    there, but clients that assume Statuspage's layout ask the host's root for
    ``/api/v2/summary.json`` and miss it."""
    if "base_url" not in f.nodes:
        return []
    try:
        parts = urlsplit(settings.base_url)
    except ValueError:  # such as an unclosed "[" in the host: nothing to say about a path
        return []
    if parts.path in ("", "/"):
        return []
    root = f"{parts.scheme}://{parts.netloc}/api/v2/summary.json"
    position = f.pos("base_url")
    return [
        Diagnostic(
            SETTINGS_FILE,
            position.line,
            position.col,
            Level.WARNING,
            SUB_PATH,
            f"base_url '{settings.base_url}' has a path ({parts.path}): the site works there, "
            f"but clients built for Statuspage (Atlassian's status widget, chat bots) fetch "
            f"{root}, the host's root, and find nothing; serve the site at the root of a host "
            "name of its own (a custom domain such as status.example.com), or silence this "
            f"with 'rules: {{{SUB_PATH}: off}}'",
        )
    ]
