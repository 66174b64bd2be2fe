"""**language** rules: the words customers read (filled in by the language-lint work)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from statuspress.diagnostics import Diagnostic
from statuspress.model import StatusSite


def language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    del site, now
    return iter(())
