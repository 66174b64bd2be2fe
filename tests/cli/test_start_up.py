"""What a command imports is what it needs: a small build never loads the machinery of
large ones or of other commands (each module is paid for at every start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from testsupport import REPO_ROOT

PROBE = """
import runpy, sys
sys.argv = ["statuspress", *sys.argv[1:]]
try:
    runpy.run_module("statuspress", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def _modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split("\n")[-2].split())


def test_version_imports_neither_yaml_nor_the_pipeline() -> None:
    loaded = _modules("--version")
    assert not {"yaml", "jinja2", "babel", "statuspress.build", "statuspress.check"} & loaded


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_small_site_starts_no_process_machinery_and_no_git(command: str, tmp_path: Path) -> None:
    args = ["--repo", str(REPO_ROOT), command, "--now", "2026-11-24T12:00:00Z"]
    if command == "build":
        args += ["--out", str(tmp_path / "site")]
    loaded = _modules(*args)
    assert "statuspress.templates" in loaded or command == "check"  # it did run
    assert not {"multiprocessing", "subprocess", "apprise", "statuspress.incremental"} & loaded
