"""The helpers every test folder shares (import as `from testsupport import ...`): the
demo's "now", builds and real git repositories, trees compared file by file, and a small
valid repository for the check tests to break. Test files never import each other."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from statuspress.check import CheckResult
from statuspress.cli import cli

REPO_ROOT = Path(__file__).resolve().parent.parent
#: A fixed "now" for tests on the demo content: just after its latest update.
DEMO_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
IN_CI = bool(os.environ.get("CI"))
#: The language corpus's scores, filled by its test and printed in the pytest summary.
LANGUAGE_SCORES: dict[str, Any] = {}
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


# -- a running `statuspress serve` -----------------------------------------------------


@contextlib.contextmanager
def serving(root: Path, seconds: float = 120) -> Iterator[tuple[str, list[str]]]:
    """``serve`` on a free port in a thread, rebuilding every tenth of a second: its URL
    and the lines it logs (the list grows while it runs)."""
    from statuspress.commands.serve import serve

    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=serve,
        args=(root, 0),
        kwargs={"log": lines.append, "stop": stop, "interval": 0.1},
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + seconds
        while not any("serving" in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.05)
        url = next(line for line in lines if "serving" in line).split(" on ")[1].split(" ")[0]
        yield url, lines
    finally:
        stop.set()
        thread.join(timeout=60)


# -- real git repositories and the CLI ----------------------------------------------------


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "HOME": str(root),
        },
    ).stdout


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--repo", str(root), *args])
    return result.exit_code, result.output


def make_repo(tmp_path: Path) -> Path:
    root = tmp_path / "status"
    root.mkdir()
    (root / "components").mkdir()
    (root / "components/checkout.md").write_text("---\nname: Checkout\n---\n")
    (root / "statuspress.yaml").write_text("title: Example Status\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    return root


# -- a small valid repository for the check tests to break, file by file -----------------

#: "now" for the content-model and check tests (VALID and its parts).
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)

COMPONENTS = {
    "components/checkout.md": """
        ---
        name: Checkout
        group: Payments
        order: 10
        ---
        Placing orders.
        """,
    "components/api.md": """
        ---
        name: Public API
        ---
        """,
}

INCIDENT = "incidents/2026-11-17-payments"
HEADER = f"{INCIDENT}/incident.md"
FIRST = f"{INCIDENT}/20261117T0915Z-investigating.md"
SECOND = f"{INCIDENT}/20261117T0940Z-resolved.md"

VALID = {
    **COMPONENTS,
    HEADER: """
        ---
        title: Payments failing at checkout
        severity: sev1
        started: 2026-11-17T09:05:00Z
        components:
          checkout: major_outage
        ---
        """,
    FIRST: """
        ---
        at: 2026-11-17T09:15:00Z
        status: investigating
        next_update: 2026-11-17T09:45:00Z
        ---
        Payments at checkout are failing. We will post the next update by 09:45 UTC.
        """,
    SECOND: """
        ---
        at: 2026-11-17T09:40:00Z
        status: resolved
        ---
        Payments work again.
        """,
}

Check = Callable[..., CheckResult]


def rules(result: CheckResult) -> list[str]:
    return [d.rule for d in result.diagnostics]
