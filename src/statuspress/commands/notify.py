"""`statuspress notify`: the command around ``statuspress.notify.run_notify``."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from statuspress.layout import NOTIFY_RECORD
from statuspress.notify import run_notify


def notify_command(
    root: Path,
    now: datetime,
    record_path: Path | None,
    dry_run: bool,
    channels: Sequence[str],
    echo: Callable[[str], None],
) -> bool:
    """Send (or with ``dry_run`` list) what is due; True when a message failed."""
    outcomes = run_notify(
        root,
        now,
        record_path or root / NOTIFY_RECORD,
        os.environ,
        dry_run=dry_run,
        only=channels,
        echo=echo,
    )
    if not outcomes:
        echo("nothing to send")
    return any(o.state == "failed" for o in outcomes)
