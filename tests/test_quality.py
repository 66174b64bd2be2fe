"""The code stays typed and linted: mypy --strict and ruff report nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from testsupport import REPO_ROOT

pytestmark = pytest.mark.tools


def test_mypy_strict_reports_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "src"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]


def test_ruff_reports_nothing() -> None:
    for args in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "src", "tests", "benchmarks"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-4000:]
