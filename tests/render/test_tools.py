"""External verifiers on the built site: the Nu Html Checker and lychee's link check."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from testsupport import REPO_ROOT, build_cli, require_tool

VNU = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
pytestmark = pytest.mark.tools


def test_the_nu_html_checker_reports_no_errors_on_any_page(demo_site: Path) -> None:
    require_tool("vnu-jar (npm)", VNU.exists())
    require_tool("java", shutil.which("java") is not None)
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(demo_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]


def _lychee(site: Path, root: Path | None = None) -> subprocess.CompletedProcess[str]:
    require_tool("lychee", shutil.which("lychee") is not None)
    return subprocess.run(
        [
            "lychee",
            "--offline",
            "--no-progress",
            "--root-dir",
            str(root or site),
            "--include-fragments",
            # /incidents/<API id> is served from incidents/<API id>.html, as GitHub Pages,
            # Cloudflare Pages, Netlify and `statuspress serve` do.
            "--fallback-extensions",
            "html",
            f"{site}/**/*.html",
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_lychee_finds_no_broken_link_or_fragment(demo_site: Path) -> None:
    done = _lychee(demo_site)
    assert done.returncode == 0, done.stdout[-4000:]


def test_lychee_finds_no_broken_link_under_a_sub_path(tmp_path: Path) -> None:
    # Served from https://example.com/status/: the web root holds the site in status/.
    web_root = tmp_path / "www"
    out = web_root / "status"
    assert build_cli(REPO_ROOT, out, "--base-url", "https://example.com/status/").returncode == 0
    done = _lychee(out, root=web_root)
    assert done.returncode == 0, done.stdout[-4000:]


def test_lychee_would_catch_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><a href="missing/">x</a><a href="#nowhere">y</a></html>'
    )
    assert _lychee(tmp_path).returncode != 0


def test_lychee_follows_the_api_id_redirects_and_the_history_feed_aliases(
    demo_site: Path, tmp_path: Path
) -> None:
    # The links an integration builds: /incidents/<API id> for every incident of the API,
    # and Statuspage's feed paths. A page of them, checked like every other page.
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    incidents = json.loads((site / "api/v2/incidents.json").read_text())["incidents"]
    maintenance = json.loads((site / "api/v2/scheduled-maintenances.json").read_text())
    ids = [i["id"] for i in [*incidents, *maintenance["scheduled_maintenances"]]]
    links = [f"incidents/{i}" for i in ids] + ["history.rss", "history.atom"]
    (site / "links.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>links</title>'
        + "".join(f'<a href="{link}">{link}</a>' for link in links)
        + "</html>"
    )
    done = _lychee(site)
    assert done.returncode == 0, done.stdout[-4000:]
    # Each redirect page's own links (its target, the site's navigation) are checked too,
    # and a missing redirect target would fail: break one and lychee must say so.
    broken = site / "incidents" / f"{ids[0]}.html"
    broken.write_text(broken.read_text().replace("incidents/2026-", "incidents/1999-"))
    assert _lychee(site).returncode != 0
