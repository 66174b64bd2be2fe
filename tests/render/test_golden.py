"""Golden files: the rendered output of a small fixed repository, byte for byte.
Refresh after an intended change with `pytest tests/render/test_golden.py --update-golden`
and review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from testsupport import REPO_ROOT, build_cli

GOLDEN = REPO_ROOT / "tests" / "golden"
FILES = [
    "index.html",
    "incidents/2026-11-10-api-errors/index.html",
    "components/api/index.html",
    "history/index.html",
    "subscribe/index.html",
    "feed.atom",
    "feed.rss",
    "maintenance.ics",
    "api/v2/summary.json",
    "api/v2/incidents.json",
    "api/statuspress.json",
    "sitemap.xml",
    "_headers",
]


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden") / "site"
    done = build_cli(GOLDEN / "repo", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.mark.parametrize("name", FILES)
def test_rendered_output_matches_the_golden_file(
    golden_site: Path, name: str, update_golden: bool
) -> None:
    expected = GOLDEN / "site" / name
    actual = (golden_site / name).read_bytes()
    if update_golden:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual)
    assert actual == expected.read_bytes(), f"{name} changed; review and run --update-golden"
