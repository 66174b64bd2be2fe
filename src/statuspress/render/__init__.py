"""Renderers: pure functions from the model to ``{relative output path: bytes}``.

Each output family has one module; ``build`` calls them all with one RenderContext.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from statuspress.cache import PageCache
from statuspress.model import Audience, StatusSite
from statuspress.timeline import Timeline
from statuspress.write import Content

if TYPE_CHECKING:
    from statuspress.metrics import Report

#: Output path -> the file's bytes (or a view of them: see write.Content).
Files = dict[str, Content]


@dataclass(frozen=True)
class RenderContext:
    """What every renderer receives. ``site`` is already the audience's view of the
    content: a public build's renderers never see internal text."""

    site: StatusSite
    timeline: Timeline
    now: datetime
    audience: Audience
    base_url: str  # absolute, ends with "/"
    root: Path  # the status repository (for its site_templates/ overrides)
    #: incident pages of the previous build (None: render every page)
    pages: PageCache | None = None

    @cached_property
    def report(self) -> Report:
        """The communication metrics over the whole history (two outputs show them)."""
        from statuspress.metrics import build_report

        return build_report(self.site, self.now)

    def url(self, path: str) -> str:
        """The absolute URL of an output path such as ``incidents/x/``."""
        return self.base_url + path.lstrip("/")
