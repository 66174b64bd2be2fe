"""Site fixtures: the demo site built once per session, and a browser that must exist in CI."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium_path, launch_browser
from testsupport import DEMO_NOW, IN_CI, REPO_ROOT

NOW_ARG = DEMO_NOW.isoformat().replace("+00:00", "Z")


def build_cli(repo: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `statuspress build` in a subprocess."""
    import os
    import sys

    return subprocess.run(
        [sys.executable, "-m", "statuspress", "--repo", str(repo), "build", "--out", str(out), "--now", NOW_ARG, *extra],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "_site"
    done = build_cli(REPO_ROOT, out)
    assert done.returncode == 0, done.stderr + done.stdout
    return out


def require_tool(name: str, found: bool) -> None:
    """Skip when a tool is missing on a developer machine; fail in CI, where the project's
    own install script must have provided it."""
    if found:
        return
    message = f"{name} is not installed: run scripts/install-test-deps.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_tool("chromium", chromium_path() is not None)
    try:
        import playwright  # noqa: F401
    except ImportError:
        require_tool("playwright", False)
    with launch_browser() as instance:
        yield instance


def which(name: str) -> str | None:
    return shutil.which(name)
