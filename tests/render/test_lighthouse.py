"""Lighthouse (npm ``lighthouse``, in node_modules from scripts/install-test-deps.sh) on
the demo's home, incident and report pages in Debian's Chromium: 100 for accessibility,
best practices and SEO. Lighthouse exits 0 whatever it scores: the scores are read from
its JSON report. (STATUSPRESS_LIGHTHOUSE names another folder holding node_modules.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import CHROMIUM_FLAGS, chromium_path, serve_directory

from testsupport import REPO_ROOT, require_tool

pytestmark = pytest.mark.tools
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = ["", "incidents/2026-09-23-checkout-payments-failing/", "report/"]


def lighthouse_cli() -> Path:
    folder = Path(os.environ.get("STATUSPRESS_LIGHTHOUSE", REPO_ROOT))
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    require_tool("lighthouse (npm)", cli.exists() and shutil.which("node") is not None)
    require_tool("chromium", chromium_path() is not None)
    return cli


def scores(cli: Path, url: str, report: Path) -> tuple[dict[str, float | None], list[str]]:
    """The categories' scores, and the weighted audits that did not pass."""
    done = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ],
        env={**os.environ, "CHROME_PATH": str(chromium_path())},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(report.read_text())
    failing = [
        f"{ref['id']}: {result['audits'][ref['id']]['title']}"
        for category in result["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] and result["audits"][ref["id"]]["score"] not in (None, 1)
    ]
    return {k: v["score"] for k, v in result["categories"].items()}, failing


@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(
    demo_site: Path, tmp_path: Path, page: str
) -> None:
    cli = lighthouse_cli()
    with serve_directory(demo_site) as base:
        found, failing = scores(cli, base + page, tmp_path / "report.json")
    assert failing == []
    assert found == {"accessibility": 1, "best-practices": 1, "seo": 1}
