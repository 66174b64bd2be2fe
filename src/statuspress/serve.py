"""`serve` (filled in by the git-workflow work)."""

from __future__ import annotations

from pathlib import Path

from statuspress.errors import UsageError


def serve(root: Path, port: int) -> None:
    raise UsageError("'serve' is not available yet")
