"""`report` (filled in by the metrics work)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from statuspress.errors import UsageError


def run_report(
    root: Path, now: datetime, since: str | None, until: str | None, severity: str | None, fmt: str
) -> str:
    raise UsageError("'report' is not available yet")
