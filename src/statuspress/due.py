"""`due` (filled in by the git-workflow work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from statuspress.errors import UsageError


def run_due(root: Path, now: datetime, within: str, fmt: str, echo: Callable[[str], None]) -> bool:
    raise UsageError("'due' is not available yet")
