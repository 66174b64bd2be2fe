"""Communication metrics on histories whose answers were computed by hand."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.cli import cli
from statuspress.config import Settings
from statuspress.load import load_site
from statuspress.metrics import build_report, median, percentile
from statuspress.model import Audience, Incident, Kind, Source, StatusSite, Update, UpdateStatus

NOW = datetime(2026, 11, 17, 11, 0, tzinfo=timezone.utc)
MIN = timedelta(minutes=1)

FILES = {
    "statuspress.yaml": "timezone: Europe/Berlin\n",
    "components/api.md": "---\nname: API\n---\n",
    # A: sev1 across the end of summer time in Berlin (01:00 UTC on 25 October 2026).
    # File names sort differently from `at` on purpose.
    "incidents/2026-10-25-a/incident.md": "---\ntitle: A\nseverity: sev1\nstarted: 2026-10-25T00:30:00Z\ncomponents:\n  api: major_outage\n---\n",
    "incidents/2026-10-25-a/z-first.md": "---\nat: 2026-10-25T00:40:00Z\nstatus: investigating\nnext_update: 2026-10-25T01:10:00Z\n---\nDown. Next update by 01:10 UTC.\n",
    "incidents/2026-10-25-a/a-second.md": "---\nat: 2026-10-25T01:10:00Z\nstatus: identified\nnext_update: 2026-10-25T01:40:00Z\n---\nFound it. Next update by 01:40 UTC.\n",
    "incidents/2026-10-25-a/m-third.md": "---\nat: 2026-10-25T01:41:00Z\nstatus: monitoring\nnext_update: 2026-10-25T02:10:00Z\n---\nBetter. Next update by 02:10 UTC.\n",
    "incidents/2026-10-25-a/b-last.md": "---\nat: 2026-10-25T02:05:00Z\nstatus: resolved\n---\nFine.\n",
    "incidents/2026-10-25-a/postmortem.md": "---\npublished: 2026-10-27T02:05:00Z\n---\nWhat happened.\n",
    # B: sev2, still open, its promise broken by NOW.
    "incidents/2026-11-17-b/incident.md": "---\ntitle: B\nseverity: sev2\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  api: partial_outage\n---\n",
    "incidents/2026-11-17-b/a.md": "---\nat: 2026-11-17T09:20:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:20:00Z\n---\nErrors. Next update by 10:20 UTC.\n",
    # C: sev3 with internal updates only: no public update at all.
    "incidents/2026-11-10-c/incident.md": "---\ntitle: C\nseverity: sev3\nstarted: 2026-11-10T08:00:00Z\ncomponents:\n  api: degraded_performance\n---\n",
    "incidents/2026-11-10-c/a.md": "---\nat: 2026-11-10T08:30:00Z\nstatus: investigating\nnext_update: 2026-11-10T09:30:00Z\naudience: internal\n---\nLooking.\n",
    "incidents/2026-11-10-c/b.md": "---\nat: 2026-11-10T09:00:00Z\nstatus: resolved\naudience: internal\n---\nDone.\n",
    # D: maintenance announced two days ahead that ran ten minutes over.
    "incidents/2026-11-12-d/incident.md": "---\ntitle: D\nkind: maintenance\nscheduled_start: 2026-11-12T02:00:00Z\nscheduled_end: 2026-11-12T03:00:00Z\ncomponents:\n  api: under_maintenance\n---\n",
    "incidents/2026-11-12-d/a.md": "---\nat: 2026-11-10T02:00:00Z\nstatus: scheduled\nnext_update: 2026-11-12T02:00:00Z\n---\nPlanned.\n",
    "incidents/2026-11-12-d/b.md": "---\nat: 2026-11-12T02:00:00Z\nstatus: in_progress\nnext_update: 2026-11-12T03:00:00Z\n---\nStarted.\n",
    "incidents/2026-11-12-d/c.md": "---\nat: 2026-11-12T03:10:00Z\nstatus: completed\n---\nDone.\n",
}


@pytest.fixture
def report(write_repo):  # type: ignore[no-untyped-def]
    return build_report(load_site(write_repo(FILES)).site, NOW)


def by_id(report, incident_id):  # type: ignore[no-untyped-def]
    return next(m for m in report.incidents if m.id == incident_id)


def test_a_sev1_with_a_promise_missed_by_one_minute(report) -> None:  # type: ignore[no-untyped-def]
    a = by_id(report, "2026-10-25-a")
    assert a.time_to_first_update == 10 * MIN
    assert a.public_updates == 4
    assert (a.median_gap, a.longest_gap) == (30 * MIN, 31 * MIN)  # gaps 30, 31, 24
    assert (a.promises_made, a.promises_kept) == (
        3,
        2,
    )  # exactly on time counts; a minute late does not
    assert (
        a.time_to_resolve == 95 * MIN and a.customer_impact == 95 * MIN
    )  # DST does not distort durations
    assert a.time_to_postmortem == timedelta(days=2)
    assert a.month == "2026-10" and a.met_cadence is False


def test_an_open_incident_counts_its_broken_promise_and_time_so_far(report) -> None:  # type: ignore[no-untyped-def]
    b = by_id(report, "2026-11-17-b")
    assert b.open and b.time_to_resolve is None and b.open_for == timedelta(hours=2)
    assert (b.promises_made, b.promises_kept) == (1, 0)
    assert b.customer_impact == timedelta(hours=2) and b.met_cadence is False


def test_an_incident_with_no_public_update_never_meets_cadence(report) -> None:  # type: ignore[no-untyped-def]
    c = by_id(report, "2026-11-10-c")
    assert c.public_updates == 0 and c.time_to_first_update is None
    assert c.met_cadence is False and c.promises_made == 0


def test_maintenance_is_reported_apart_from_incidents(report) -> None:  # type: ignore[no-untyped-def]
    assert [m.id for m in report.incidents] == ["2026-10-25-a", "2026-11-10-c", "2026-11-17-b"]
    [d] = report.maintenance
    assert d.notice == timedelta(days=2) and d.overran is True
    assert d.actual_start == datetime(2026, 11, 12, 2, tzinfo=timezone.utc)


def test_aggregates_per_severity_month_and_overall(report) -> None:  # type: ignore[no-untyped-def]
    overall = report.overall
    assert overall.incidents == 3 and overall.open == 1
    assert overall.median_time_to_first_update == 15 * MIN  # of 10 and 20 minutes
    assert overall.p90_time_to_first_update == 20 * MIN  # nearest rank: the 2nd of 2
    assert (overall.promises_made, overall.promises_kept) == (4, 2)
    assert overall.met_cadence == 0
    assert [a.key for a in report.by_severity] == ["sev1", "sev2", "sev3"]
    assert [(a.key, a.incidents) for a in report.by_month] == [("2026-10", 1), ("2026-11", 2)]


def test_since_until_and_severity_filter_the_incidents(write_repo) -> None:  # type: ignore[no-untyped-def]
    site = load_site(write_repo(FILES)).site
    only_november = build_report(site, NOW, since=date(2026, 11, 1), until=date(2026, 11, 17))
    assert [m.id for m in only_november.incidents] == ["2026-11-10-c"]
    assert [m.id for m in build_report(site, NOW, severity="sev2").incidents] == ["2026-11-17-b"]


def test_median_and_percentile_definitions() -> None:
    values = [timedelta(minutes=m) for m in (5, 1, 9, 3)]
    assert median(values) == timedelta(minutes=4)
    assert percentile(values, 0.9) == timedelta(minutes=9)
    assert percentile([timedelta(minutes=m) for m in range(1, 11)], 0.9) == timedelta(minutes=9)
    assert median([]) is None and percentile([], 0.5) is None


def test_report_command_formats(write_repo) -> None:  # type: ignore[no-untyped-def]
    root = write_repo(FILES)
    runner = CliRunner()
    md = runner.invoke(cli, ["--repo", str(root), "report", "--now", "2026-11-17T11:00:00Z"])
    assert md.exit_code == 0 and "| sev1 (Critical) | 1 | 0 | 10 min / 10 min |" in md.output
    csv_out = runner.invoke(
        cli, ["--repo", str(root), "report", "--format", "csv", "--now", "2026-11-17T11:00:00Z"]
    )
    header, *rows = csv_out.output.splitlines()
    assert header.startswith("id,title,severity,started") and len(rows) == 3
    document = json.loads(
        runner.invoke(
            cli,
            ["--repo", str(root), "report", "--format", "json", "--now", "2026-11-17T11:00:00Z"],
        ).output
    )
    assert document["overall"]["promises_kept_pct"] == 50.0
    assert document["maintenance"][0]["overran"] is True
    for bad in (
        ["--since", "last week"],
        ["--severity", "sev9"],
        ["--since", "2026-11-10", "--until", "2026-11-01"],
    ):
        result = runner.invoke(cli, ["--repo", str(root), "report", *bad])
        assert result.exit_code == 2 and "Traceback" not in result.output


def test_publication_delay_comes_from_the_commit_that_added_the_update(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@e.x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@e.x",
    }

    def commit(date_text: str, *paths: str) -> None:
        subprocess.run(["git", "-C", str(root), "add", *paths], check=True, env=env)
        subprocess.run(
            ["git", "-C", str(root), "commit", "-q", "-m", "x"],
            check=True,
            env={**env, "GIT_COMMITTER_DATE": date_text, "GIT_AUTHOR_DATE": date_text},
        )

    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True, env=env)
    commit(
        "2026-11-17T09:00:00Z",
        "statuspress.yaml",
        "components",
        "incidents/2026-10-25-a",
        "incidents/2026-11-10-c",
        "incidents/2026-11-12-d",
        "incidents/2026-11-17-b/incident.md",
    )
    commit(
        "2026-11-17T09:45:00Z", "incidents/2026-11-17-b/a.md"
    )  # posted at 09:20, merged 25 min later
    document = json.loads(
        CliRunner()
        .invoke(
            cli,
            ["--repo", str(root), "report", "--format", "json", "--now", "2026-11-17T11:00:00Z"],
        )
        .output
    )
    b = next(i for i in document["incidents"] if i["id"] == "2026-11-17-b")
    assert b["longest_publication_delay_min"] == 25.0 and b["late_publication"] is True


def _site(updates: list[Update], started: datetime) -> StatusSite:
    incident = Incident(
        "x", "X", Kind.INCIDENT, started, {}, Source("x"), tuple(updates), severity="sev1"
    )
    return StatusSite(Settings(), (), (incident,))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 90), st.integers(-10, 60)), min_size=1, max_size=8),
    st.booleans(),
)
def test_invariants_hold_for_any_update_sequence(steps: list[tuple[int, int]], final: bool) -> None:
    started = datetime(2026, 1, 1, tzinfo=timezone.utc)
    at = started
    updates = []
    for n, (gap, promise) in enumerate(steps):
        at += timedelta(minutes=gap)
        last = n == len(steps) - 1 and final
        updates.append(
            Update(
                str(n),
                "x",
                at,
                UpdateStatus.RESOLVED if last else UpdateStatus.INVESTIGATING,
                "b",
                Source(f"{n}"),
                None if last else at + timedelta(minutes=max(promise, 1)),
                audience=Audience.PUBLIC,
            )
        )
    m = build_report(_site(updates, started), at + timedelta(days=1)).incidents[0]
    assert 0 <= m.promises_kept <= m.promises_made <= len(updates)
    assert m.time_to_first_update is not None and m.time_to_first_update >= timedelta(0)
    if m.longest_gap is not None:
        assert m.median_gap is not None and m.longest_gap >= m.median_gap
    assert m.customer_impact == timedelta(0)  # no components were named
    assert (m.time_to_resolve is None) == (not final)


def test_the_report_page_is_opt_in_and_its_charts_have_text_equivalents(
    write_repo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from testsupport import build_cli

    root = write_repo(FILES)
    assert build_cli(root, tmp_path / "off").returncode == 0
    assert not (tmp_path / "off/report/index.html").exists()
    (root / "statuspress.yaml").write_text("timezone: Europe/Berlin\nreport_page: true\n")
    assert build_cli(root, tmp_path / "on").returncode == 0
    html = (tmp_path / "on/report/index.html").read_text()
    assert html.count('role="img" aria-label="') == 2 and "<table>" in html
    assert "October 2026" in html and "<script>" not in html  # no inline script


def test_a_csv_report_with_no_incidents_still_names_its_columns(
    write_repo: Callable[[dict[str, str]], Path],
) -> None:
    from statuspress.commands.report import run_report

    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    header = run_report(root, NOW, None, None, None, "csv").splitlines()[0]
    assert header.startswith("id,title,severity,started,month,open,public_updates,")
    assert header.endswith(",met_cadence")


def test_the_markdown_report_speaks_the_sites_language_and_the_csv_keeps_its_keys(
    write_repo,  # type: ignore[no-untyped-def]
) -> None:
    root = write_repo({**FILES, "statuspress.yaml": "language: de\n"})
    runner = CliRunner()
    now = ["--now", "2026-11-17T11:00:00Z"]
    md = runner.invoke(cli, ["--repo", str(root), "report", *now]).output
    assert "## Nach Schweregrad" in md and "Kommunikationsbericht:" in md
    assert "| sev1 (Critical) | 1 | 0 | 10 Min. / 10 Min. |" in md, md
    assert "By severity" not in md and "Promises kept" not in md
    assert "50\u00a0%" in md  # German writes a (no-break) space before the percent sign
    csv_out = runner.invoke(cli, ["--repo", str(root), "report", "--format", "csv", *now]).output
    assert csv_out.startswith("id,title,severity,started")
