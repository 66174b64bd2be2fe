"""A folder of invalid repositories (tests/invalid/<case>/), each with the exact
diagnostics `statuspress check` must print (expected.txt). Refresh with --update-golden."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from statuspress.cli import cli
from testsupport import REPO_ROOT

CASES = sorted(p for p in (REPO_ROOT / "tests" / "invalid").iterdir() if p.is_dir())
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc).isoformat()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_repository_reports_exactly_the_expected_diagnostics(
    case: Path, update_golden: bool
) -> None:
    result = CliRunner().invoke(cli, ["--repo", str(case), "check", "--now", NOW])
    expected = case / "expected.txt"
    if update_golden:
        expected.write_text(result.output, encoding="utf-8")
    assert result.exit_code == 1
    assert result.output == expected.read_text(encoding="utf-8")
