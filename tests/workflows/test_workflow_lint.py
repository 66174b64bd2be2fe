"""The GitHub workflows pass actionlint and zizmor with nothing to report, and keep the
safety rules: no pull_request_target, pinned actions, no persisted credentials."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from testsupport import REPO_ROOT, require_tool

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
pytestmark = pytest.mark.tools


def test_actionlint_reports_nothing() -> None:
    require_tool("actionlint", shutil.which("actionlint") is not None)
    done = subprocess.run(
        ["actionlint", *map(str, WORKFLOWS)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_reports_nothing() -> None:
    require_tool("zizmor", shutil.which("zizmor") is not None)
    done = subprocess.run(
        ["zizmor", "--offline", str(REPO_ROOT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout + done.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_safety_rules(workflow) -> None:  # type: ignore[no-untyped-def]
    text = workflow.read_text()
    assert "pull_request_target" not in text
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
    assert text.count("actions/checkout@") == text.count("persist-credentials: false")
    assert "permissions:" in text
    # Untrusted pull-request text never goes straight into a shell script.
    for run in re.findall(r"run: (.*)", text):
        assert "${{" not in run, run
