"""**history** rules (``check --base REF``): published updates are append-only.

Filled in by the git-workflow work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from statuspress.diagnostics import Diagnostic
from statuspress.model import StatusSite


def history_violations(root: Path, site: StatusSite, base: str) -> Iterator[Diagnostic]:
    del root, site, base
    return iter(())
