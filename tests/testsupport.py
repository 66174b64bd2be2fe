"""Constants shared by the test folders (import as `from testsupport import ...`)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: A fixed "now" for tests on the demo content: just after its latest update.
DEMO_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
IN_CI = bool(os.environ.get("CI"))
NOW_ARG = DEMO_NOW.isoformat().replace("+00:00", "Z")


def build_cli(
    repo: Path, out: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `statuspress build` in a subprocess, at DEMO_NOW."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "statuspress",
            "--repo",
            str(repo),
            "build",
            "--out",
            str(out),
            "--now",
            NOW_ARG,
            *extra,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def require_tool(name: str, found: bool) -> None:
    """Skip when a tool is missing on a developer machine; fail in CI, where the project's
    own install script must have provided it."""
    import pytest

    if found:
        return
    message = f"{name} is not installed: run scripts/install-test-deps.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def digest(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` -> the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree(folder: Path) -> dict[str, str]:
    """``digest``, and every folder (an empty folder a plain build lacks counts too)."""
    found = digest(folder)
    found.update(
        {p.relative_to(folder).as_posix() + "/": "" for p in folder.rglob("*") if p.is_dir()}
    )
    return found


def settle(repo: Path) -> None:
    """Date every file of ``repo`` an hour back, as files checked out well before a build
    are (the accelerator keeps no folder written in the seconds before a build)."""
    past = time.time() - 3600
    for path in repo.rglob("*"):
        if ".statuspress-cache" not in path.parts:
            os.utime(path, (past, past))
