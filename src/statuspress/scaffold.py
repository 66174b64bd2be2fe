"""`new` and `init` (filled in by the git-workflow work)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from statuspress.errors import UsageError


def new_incident(
    root: Path,
    title: str,
    *,
    severity: str,
    components: Sequence[str],
    now: datetime,
    maintenance: bool = False,
    start: str | None = None,
    end: str | None = None,
) -> list[Path]:
    raise UsageError("'new incident' is not available yet")


def new_update(root: Path, incident: str, *, status: str, next_update: str | None, now: datetime) -> Path:
    raise UsageError("'new update' is not available yet")


def init_repository(directory: Path) -> list[Path]:
    raise UsageError("'init' is not available yet")
