"""The pull-request summary's shape: GitHub's size limit, changes outside incidents, and a
maintenance window moved. Real git repositories in tmp_path."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from statuspress.check import check_repository
from statuspress.commands.review import prepare_review
from statuspress.commands.summary import fit, summary_sections
from testsupport import WINDOW_HEADER as MAINTENANCE
from testsupport import git, make_repo, run

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
SCHEDULED = """---
at: 2026-11-18T09:00:00Z
status: scheduled
next_update: 2026-11-25T02:00:00Z
---
We will upgrade the checkout database on 25 November between 02:00 and 03:00 UTC. Checkout
may be slow for a few minutes. We will post the next update when the work starts.
"""


def summary_of(root: Path, tmp_path: Path) -> str:
    out = tmp_path / "summary.md"
    code, log = run(
        root, "check", "--base", "main", "--now", "2026-11-20T12:00:00Z", "--summary", str(out)
    )
    assert code in (0, 1), log
    return out.read_text(encoding="utf-8")


@given(st.lists(st.integers(min_value=0, max_value=3000), max_size=30), st.integers(1000, 20000))
def test_the_summary_fits_the_limit_and_keeps_each_part_whole(sizes: list[int], limit: int) -> None:
    sections = [f"part {n}\n" + "x" * size for n, size in enumerate(sizes)]
    text = fit(sections, limit)
    assert len(text.encode()) <= limit
    kept = [s for s in sections if s in text]
    assert all(text.count(f"part {n}\n") <= 1 for n in range(len(sizes)))
    if len(kept) < len(sections):
        assert f"{len(sections) - len(kept)} part(s) of this review did not fit" in text


def test_a_long_change_is_cut_between_updates_never_inside_one(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    folder = root / "incidents/2026-11-18-database-upgrade"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(MAINTENANCE)
    for n in range(12):
        at = f"2026-11-18T{9 + n:02d}:00:00Z"
        (folder / f"u{n:02d}.md").write_text(SCHEDULED.replace("2026-11-18T09:00:00Z", at))
    result = check_repository(root, NOW, base="main")
    review = prepare_review(root, result.site, "main", result.diagnostics, NOW)
    text = fit(summary_sections(review), 4000)
    assert len(text.encode()) <= 4000
    assert text.startswith("## Status page review")
    assert "part(s) of this review did not fit" in text
    assert text.count("> We will upgrade the checkout database") == text.count(
        "> may be slow for a few minutes"
    )


def reschedule_a_window(root: Path) -> None:
    """Commit an announced maintenance window, then move it a day later (uncommitted)."""
    folder = root / "incidents/2026-11-18-database-upgrade"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(MAINTENANCE)
    (folder / "a.md").write_text(SCHEDULED)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "announce")
    (folder / "incident.md").write_text(
        MAINTENANCE.replace("25T02", "26T02").replace("25T03", "26T03")
    )


def test_a_rescheduled_window_is_shown_before_and_after(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    reschedule_a_window(root)
    text = summary_of(root, tmp_path)
    assert "### Changed maintenance: Database upgrade" in text
    assert "| Window start | 25 Nov 2026, 02:00 UTC | 26 Nov 2026, 02:00 UTC |" in text
    assert "| Window | 26 Nov 2026, 02:00 UTC to 26 Nov 2026, 03:00 UTC |" in text
    assert "history/window-changed" in text


def test_a_change_outside_incidents_says_so_and_shows_its_findings(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "components/checkout.md").write_text(
        "---\nname: Checkout\n---\nServed from 10.0.0.8 in our data centre.\n"
    )
    text = summary_of(root, tmp_path)
    assert "No incident or maintenance is added or changed." in text
    assert "### Other findings" in text and "In `components/checkout.md`:" in text
    assert "❌ **Must fix** (line 4): '10.0.0.8' is an IP address" in text
    assert "Component “Checkout”: `components/checkout/index.html`" in text


def test_a_broken_template_is_said_in_the_summary_not_a_crash(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "site_templates").mkdir()
    (root / "site_templates/index.html").write_text(
        "{% extends 'default:base.html' %}{% block x %}{{ nope(\n"
    )
    out = tmp_path / "summary.md"
    code, log = run(
        root, "check", "--base", "main", "--now", "2026-11-20T12:00:00Z", "--summary", str(out)
    )
    assert code == 0 and "internal error" not in log, log
    assert "The site cannot be built to compare" in out.read_text()


def test_in_a_folder_of_a_larger_repository_the_published_side_is_found(tmp_path: Path) -> None:
    top = tmp_path / "monorepo"
    root = top / "status"
    (root / "components").mkdir(parents=True)
    (root / "components/checkout.md").write_text("---\nname: Checkout\n---\n")
    git(top, "init", "-q", "-b", "main")
    folder = root / "incidents/2026-11-18-database-upgrade"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(MAINTENANCE)
    (folder / "a.md").write_text(SCHEDULED)
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "announce")
    (folder / "incident.md").write_text(MAINTENANCE.replace("Database upgrade", "Database work"))
    text = summary_of(root, tmp_path)
    assert "| Title | Database upgrade | Database work |" in text


def test_a_summary_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root, "check", "--base", "main", "--summary", str(tmp_path / "missing" / "summary.md")
    )
    assert code == 2 and "No such file or directory" in out and "Traceback" not in out


def test_a_deleted_incident_is_shown_as_removed_with_what_blocks_it(tmp_path: Path) -> None:
    import shutil

    root = make_repo(tmp_path)
    folder = root / "incidents/2026-11-18-database-upgrade"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(MAINTENANCE)
    (folder / "a.md").write_text(SCHEDULED)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "announce")
    shutil.rmtree(folder)
    text = summary_of(root, tmp_path)
    assert "### Removed maintenance: Database upgrade" in text
    assert "❌ **Must fix** (incident.md, line 1): this incident was published" in text
    assert "history/deleted" in text


def test_the_summary_speaks_the_sites_language(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text("title: Example Status\nlanguage: de\n")
    reschedule_a_window(root)
    text = summary_of(root, tmp_path)
    assert "## Prüfung der Statusseite" in text
    assert "### Geänderte Wartung: Database upgrade" in text
    assert "| Beginn des Wartungsfensters |" in text
    assert "Bitte prüfen" in text and "Dateien: `incidents/2026-11-18-database-upgrade/`" in text
    for english in ("Changed maintenance", "Window start", "Please review", "Status page review"):
        assert english not in text
