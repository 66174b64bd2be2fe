"""`statuspress build`: the pages exist, builds are byte-identical, failures are atomic."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from statuspress.cli import cli
from testsupport import NOW_ARG, REPO_ROOT, build_cli, digest


def test_the_demo_build_writes_every_output_of_the_spec(demo_site: Path) -> None:
    files = set(digest(demo_site))
    for required in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "history/index.html",
        "feed.rss",
        "feed.atom",
        "maintenance.ics",
        "badge.svg",
        "api/badge.json",
        "api/statuspress.json",
        "api/v2/summary.json",
        "api/v2/status.json",
        "api/v2/components.json",
        "api/v2/incidents.json",
        "api/v2/incidents/unresolved.json",
        "api/v2/scheduled-maintenances.json",
        "api/v2/scheduled-maintenances/upcoming.json",
        "api/v2/scheduled-maintenances/active.json",
        "incidents/2026-09-23-checkout-payments-failing/index.html",
        "components/checkout/index.html",
        "components/checkout/feed.rss",
        "components/checkout/feed.atom",
        "history/2026-09/index.html",
        "subscribe/index.html",
    ]:
        assert required in files, required
    for component in (REPO_ROOT / "components").glob("*.md"):
        assert f"components/{component.stem}/index.html" in files


def test_the_index_headline_matches_the_open_incident(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text()
    assert "Partial System Outage" in html
    assert "Slow checkout for some customers" in html
    assert "Next update by" in html
    assert "Planned network maintenance" in html


def test_two_builds_are_byte_identical_whatever_the_timezone_and_locale(tmp_path: Path) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    assert build_cli(REPO_ROOT, first, env={"TZ": "UTC", "LC_ALL": "C"}).returncode == 0
    done = build_cli(
        REPO_ROOT,
        second,
        env={"TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    assert digest(first) == digest(second)


def test_an_incident_spanning_days_is_listed_under_each_day_it_touched(
    write_repo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = write_repo(
        {
            "components/api.md": "---\nname: API\n---\n",
            "incidents/2026-10-30-long/incident.md": "---\ntitle: Long slowdown\nseverity: sev3\nstarted: 2026-10-30T22:00:00Z\ncomponents:\n  api: degraded_performance\n---\n",
            "incidents/2026-10-30-long/a.md": "---\nat: 2026-10-30T22:10:00Z\nstatus: investigating\nnext_update: 2026-10-31T22:00:00Z\n---\nSlow. Next update by 22:00 UTC tomorrow.\n",
            "incidents/2026-10-30-long/b.md": "---\nat: 2026-11-01T01:00:00Z\nstatus: resolved\n---\nFine again.\n",
        }
    )
    out = tmp_path / "site"
    assert build_cli(root, out).returncode == 0
    october = (out / "history/2026-10/index.html").read_text()
    november = (out / "history/2026-11/index.html").read_text()
    assert october.count("Long slowdown") == 2  # 30 and 31 October
    assert november.count("Long slowdown") == 1  # 1 November
    assert "30 October 2026" in october and "31 October 2026" in october


def test_build_refuses_content_with_errors_and_leaves_the_previous_site(
    tmp_path: Path, write_repo
) -> None:  # type: ignore[no-untyped-def]
    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    out = tmp_path / "site"
    assert build_cli(root, out).returncode == 0
    before = digest(out)
    (root / "components/bad.md").write_text("---\nnme: Bad\n---\n")
    done = build_cli(root, out)
    assert done.returncode == 1
    assert "schema/unknown-key" in done.stdout and "nothing was written" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_a_broken_template_override_is_reported_at_its_line_and_changes_nothing(
    tmp_path: Path, write_repo
) -> None:  # type: ignore[no-untyped-def]
    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    out = tmp_path / "site"
    assert build_cli(root, out).returncode == 0
    before = digest(out)
    (root / "site_templates").mkdir()
    (root / "site_templates/index.html").write_text(
        '{% extends "default:base.html" %}\n{% block content %}\n{{ index.nope.deeper }}\n{% endblock %}\n'
    )
    done = build_cli(root, out)
    assert done.returncode == 1, done.stderr
    assert "site_templates/index.html:3:1: error[template/render]" in done.stdout
    assert digest(out) == before
    (root / "site_templates/index.html").write_text(
        '{% extends "default:base.html" %}\n{% block content %}{% if %}{% endblock %}\n'
    )
    done = build_cli(root, out)
    assert "site_templates/index.html:2:1: error[template/syntax]" in done.stdout
    assert digest(out) == before


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ 1 // 0 }}", "ZeroDivisionError"),
        ('{% include "index.html" %}', "RecursionError"),
        ("{{ [1][5] }}", "template/render"),
    ],
)
def test_a_template_whose_expression_fails_is_an_error_at_its_file_never_a_traceback(
    tmp_path: Path, write_repo, template: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    root = write_repo(
        {"components/api.md": "---\nname: API\n---\n", "site_templates/index.html": template}
    )
    done = build_cli(root, tmp_path / "site")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "site_templates/index.html:" in done.stdout and "error[template/render]" in done.stdout
    assert expected in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "site").exists()


def test_a_repository_template_can_extend_the_builtin_one(tmp_path: Path, write_repo) -> None:  # type: ignore[no-untyped-def]
    root = write_repo(
        {
            "components/api.md": "---\nname: API\n---\n",
            "site_templates/index.html": '{% extends "default:index.html" %}\n{% block head %}<meta name="x-custom" content="yes">{% endblock %}\n',
        }
    )
    out = tmp_path / "site"
    assert build_cli(root, out).returncode == 0
    html = (out / "index.html").read_text()
    assert '<meta name="x-custom" content="yes">' in html and "API" in html


def test_a_killed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build_cli(REPO_ROOT, out).returncode == 0
    before = digest(out)
    # Slow every file write down so the kill lands mid-build, inside the staging folder.
    slow = (
        "import pathlib, time, sys\n"
        "original = pathlib.Path.write_bytes\n"
        "def slow(self, data):\n"
        "    time.sleep(0.05)\n"
        "    return original(self, data)\n"
        "pathlib.Path.write_bytes = slow\n"
        "from statuspress.cli import main\n"
        f"sys.argv = ['statuspress', '--repo', {str(REPO_ROOT)!r}, 'build', '--out', {str(out)!r}, '--now', {NOW_ARG!r}]\n"
        "main()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(
        p.name.startswith(".site.new-") for p in tmp_path.iterdir()
    ):
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert digest(out) == before


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path: Path, write_repo) -> None:  # type: ignore[no-untyped-def]
    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = CliRunner().invoke(
        cli, ["--repo", str(root), "build", "--out", str(precious), "--now", NOW_ARG]
    )
    assert result.exit_code == 2
    assert (precious / "thesis.txt").read_text() == "years of work"
    result = CliRunner().invoke(
        cli, ["--repo", str(root), "build", "--out", str(root), "--now", NOW_ARG]
    )
    assert result.exit_code == 2


def test_sub_path_hosting_prefixes_absolute_urls_and_keeps_links_relative(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = build_cli(REPO_ROOT, out, "--base-url", "https://example.com/status")
    assert done.returncode == 0, done.stderr
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://example.com/status/incidents/" in sitemap
    assert "//incidents" not in sitemap
    page = (out / "incidents/2026-11-24-slow-checkout/index.html").read_text()
    assert re.search(r'href="\.\./\.\./assets/style\.[0-9a-f]{10}\.css"', page)
    assert (
        'rel="canonical" href="https://example.com/status/incidents/2026-11-24-slow-checkout/"'
        in page
    )
    assert 'href="/status/history/"' in (out / "404.html").read_text()
    for html in out.rglob("*.html"):
        text = html.read_text()
        assert 'href="//' not in text and 'src="//' not in text


def test_internal_build_has_banner_notes_and_noindex_and_public_has_none(tmp_path: Path) -> None:
    public, internal = tmp_path / "public", tmp_path / "internal"
    assert build_cli(REPO_ROOT, public).returncode == 0
    assert build_cli(REPO_ROOT, internal, "--audience", "internal").returncode == 0
    page = "incidents/2026-11-05-email-delays/index.html"
    internal_html = (internal / page).read_text()
    public_html = (public / page).read_text()
    assert (
        "Internal talking points" in internal_html
        and "Do not share it with customers" in internal_html
    )
    assert 'content="noindex, nofollow"' in internal_html
    assert "Disallow: /" in (internal / "robots.txt").read_text()
    assert "Talking points for support" not in public_html and "noindex" not in public_html
    assert "admin console" not in public_html


def test_uptime_bars_have_a_text_equivalent(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text()
    assert '<ol class="bars" aria-hidden="true">' in html
    assert "99.9" in html and "uptime" in html
    assert "days with incidents in the last 90 days" in html


@pytest.mark.parametrize("env", [{"TZ": "America/Los_Angeles"}])
def test_build_output_never_depends_on_the_clock_when_now_is_given(
    tmp_path: Path, env: dict[str, str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert build_cli(REPO_ROOT, a).returncode == 0
    time.sleep(1.1)
    assert build_cli(REPO_ROOT, b, env=env).returncode == 0
    assert digest(a) == digest(b)


def _footer_time(page: Path) -> str:
    match = re.search(r'Last updated <time datetime="([^"]+)"', page.read_text())
    assert match, page
    return match.group(1)


def _resolved_slowdown(folder: str, started: str, resolved: str) -> dict[str, str]:
    """An incident folder with its header and one resolving update."""
    return {
        f"incidents/{folder}/incident.md": f"---\ntitle: Slowdown {folder}\nseverity: sev3\n"
        f"started: {started}\ncomponents:\n  api: degraded_performance\n---\n",
        f"incidents/{folder}/a.md": f"---\nat: {resolved}\nstatus: resolved\n---\nFine again.\n",
    }


def test_each_page_says_when_its_own_content_last_changed(write_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An incident page (and a month of history) shows its own newest update, so a new
    update elsewhere leaves it unchanged; the index shows the site's newest."""
    root = write_repo(
        {
            "components/api.md": "---\nname: API\n---\n",
            **_resolved_slowdown("2026-09-01-old", "2026-09-01T10:00:00Z", "2026-09-01T11:00:00Z"),
            **_resolved_slowdown("2026-11-20-new", "2026-11-20T10:00:00Z", "2026-11-20T10:10:00Z"),
        }
    )
    out = tmp_path / "site"
    assert build_cli(root, out).returncode == 0
    assert _footer_time(out / "incidents/2026-09-01-old/index.html") == "2026-09-01T11:00:00Z"
    assert _footer_time(out / "history/2026-09/index.html") == "2026-09-01T11:00:00Z"
    assert _footer_time(out / "incidents/2026-11-20-new/index.html") == "2026-11-20T10:10:00Z"
    assert _footer_time(out / "index.html") == "2026-11-20T10:10:00Z"
    assert _footer_time(out / "history/index.html") == "2026-11-20T10:10:00Z"


def test_the_calendar_keeps_open_windows_and_the_newest_completed_ones(
    write_repo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    files = {
        "statuspress.yaml": "title: Example\nbase_url: https://status.example.com/\nfeed_limit: 2\n",
        "components/api.md": "---\nname: API\n---\n",
    }
    for day in (2, 3, 4, 30):
        folder = f"incidents/2026-11-{day:02d}-window"
        files[f"{folder}/incident.md"] = (
            f"---\ntitle: Window {day}\nkind: maintenance\nscheduled_start: 2026-11-{day:02d}T10:00:00Z\n"
            f"scheduled_end: 2026-11-{day:02d}T11:00:00Z\ncomponents:\n  api: under_maintenance\n---\n"
        )
        files[f"{folder}/a.md"] = (
            "---\nat: 2026-11-01T11:00:00Z\nstatus: scheduled\n"
            "next_update: 2026-11-30T09:00:00Z\n---\nPlanned. Next update by 09:00 UTC on 30 November.\n"
            if day == 30
            else f"---\nat: 2026-11-{day:02d}T11:00:00Z\nstatus: completed\n---\nDone.\n"
        )
    out = tmp_path / "site"
    done = build_cli(write_repo(files), out)
    assert done.returncode == 0, done.stderr
    summaries = re.findall(r"SUMMARY:(.*)\r", (out / "maintenance.ics").read_bytes().decode())
    assert summaries == ["Window 3", "Window 4", "Window 30"]


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a//b.html", "./a.html", ""])
def test_the_writer_refuses_a_path_outside_the_site(tmp_path: Path, path: str) -> None:
    """A renderer bug must not write outside --out, nor leave a half-written site."""
    from statuspress.write import DuplicateOutputError, write_site

    out = tmp_path / "site"
    write_site({"index.html": b"before"}, out, tmp_path / "repo")
    with pytest.raises(DuplicateOutputError):
        write_site({"index.html": b"after", path: b"x"}, out, tmp_path / "repo")
    assert (out / "index.html").read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
