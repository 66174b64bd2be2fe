"""What every renderer of the site receives: the audience's view of the content, the
derived timeline, and the frame every page shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Audience, StatusSite
from statuspress.templates import make_environment
from statuspress.timeline import Timeline
from statuspress.views.frame import Frame, last_change

if TYPE_CHECKING:
    from statuspress.metrics import Report


@dataclass(frozen=True)
class RenderContext:
    """``site`` is already the audience's view of the content: a public build's renderers
    never see internal text."""

    site: StatusSite
    timeline: Timeline
    now: datetime
    audience: Audience
    base_url: str  # absolute, ends with "/"
    root: Path  # the status repository (for its site_templates/ overrides)
    messages: Catalogue = ENGLISH  # the language of every word the outputs add
    #: the default language's base URL, when this context renders another language
    site_url: str = ""
    #: the build's template environment, when it has one already (compiling the theme
    #: twice costs a small site a fifth of its build)
    environment: jinja2.Environment | None = field(default=None, compare=False, repr=False)

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The templates every HTML output renders with (compiled once)."""
        return self.environment or make_environment(self.root, self.messages)

    @cached_property
    def frame(self) -> Frame:
        return Frame(
            self.site.settings,
            self.site.components,
            self.audience,
            self.base_url,
            self.now,
            self.messages,
            self.site_url,
        )

    @cached_property
    def last_updated(self) -> datetime:
        """The newest timestamp in the content (not the clock: builds are reproducible)."""
        return last_change(self.site.incidents, self.now) or self.now

    @cached_property
    def report(self) -> Report:
        """The communication metrics over the whole history (two outputs show them)."""
        from statuspress.metrics import build_report

        return build_report(self.site, self.now)

    def url(self, path: str) -> str:
        """The absolute URL of an output path such as ``incidents/x/``."""
        return self.base_url + path.lstrip("/")
