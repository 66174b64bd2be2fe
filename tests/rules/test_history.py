"""The append-only history rules against real git repositories."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from statuspress.cli import cli
from testsupport import git, make_repo, run

HEADER = "---\ntitle: Slow API\nseverity: sev3\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  checkout: degraded_performance\n---\n"
FIRST = "---\nat: 2026-11-17T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:10:00Z\n---\nCheckout is slow. Next update by 10:10 UTC.\n"


def publish(root: Path, top: Path) -> Path:
    """Commit an incident with one update in the status repository ``root`` (which may be
    a folder of the git work tree ``top``); its folder."""
    folder = root / "incidents/2026-11-17-slow"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(HEADER)
    (folder / "a.md").write_text(FIRST)
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "publish")
    return folder


def published(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    publish(root, root)
    return root


def test_deleting_a_published_update_is_an_error(tmp_path: Path) -> None:
    root = published(tmp_path)
    (root / "incidents/2026-11-17-slow/a.md").unlink()
    code, out = run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")
    assert code == 1 and "incidents/2026-11-17-slow/a.md:1:1: error[history/deleted]" in out


def test_a_new_update_dated_before_a_published_one_is_backdated(tmp_path: Path) -> None:
    root = published(tmp_path)
    (root / "incidents/2026-11-17-slow/b.md").write_text(
        "---\nat: 2026-11-17T09:05:00Z\nstatus: identified\nnext_update: 2026-11-17T10:00:00Z\n---\nFound it. Next update by 10:00 UTC.\n"
    )
    code, out = run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")
    assert code == 1 and "error[history/backdated]" in out


def test_editing_the_incident_header_to_add_a_postmortem_is_allowed(tmp_path: Path) -> None:
    root = published(tmp_path)
    header = root / "incidents/2026-11-17-slow/incident.md"
    header.write_text(HEADER.replace("---\n", "---\npostmortem: https://example.com/pm\n", 1))
    assert run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")[0] == 0


def test_an_unknown_base_is_a_usage_error(tmp_path: Path) -> None:
    root = published(tmp_path)
    code, out = run(root, "check", "--base", "no-such-branch")
    assert code == 2 and "not a commit" in out and "Traceback" not in out


def test_base_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "components").mkdir()
    result = CliRunner().invoke(cli, ["--repo", str(tmp_path), "check", "--base", "main"])
    assert result.exit_code == 2 and "not a git repository" in result.output


def test_the_pull_request_summary_shows_the_new_update_as_customers_read_it(tmp_path: Path) -> None:
    root = published(tmp_path)
    (root / "incidents/2026-11-17-slow/b.md").write_text(
        "---\nat: 2026-11-17T09:40:00Z\nstatus: resolved\n---\nCheckout is **fast** again.\n"
    )
    summary = tmp_path / "summary.md"
    code, out = run(
        root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z", "--summary", str(summary)
    )
    assert code == 0, out
    text = summary.read_text()
    assert "#### New update: Resolved, posted 17 Nov 2026, 09:40 UTC" in text
    assert "> Checkout is **fast** again." in text
    assert "Checkout is slow" not in text  # only what the change adds
    assert run(root, "check", "--summary", str(summary))[0] == 2


def test_history_rules_hold_in_a_subfolder_of_a_larger_repository(tmp_path: Path) -> None:
    """``--repo status`` in a monorepo: the published files are found all the same."""
    top = tmp_path / "monorepo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    (top / "README.md").write_text("other things\n")
    root = top / "status"
    (root / "components").mkdir(parents=True)
    (root / "components/checkout.md").write_text("---\nname: Checkout\n---\n")
    folder = publish(root, top)
    (folder / "a.md").write_text(FIRST.replace("is slow", "was slow"))
    code, out = run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")
    assert code == 1 and "incidents/2026-11-17-slow/a.md:6:1: error[history/edited]" in out
    (folder / "a.md").unlink()
    code, out = run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")
    assert code == 1 and "error[history/deleted]" in out


def test_a_branch_behind_the_base_is_not_blamed_for_what_the_base_added_since(
    tmp_path: Path,
) -> None:
    root = published(tmp_path)
    git(root, "checkout", "-q", "-b", "behind")
    git(root, "checkout", "-q", "main")
    (root / "incidents/2026-11-17-slow/b.md").write_text(
        "---\nat: 2026-11-17T10:05:00Z\nstatus: resolved\n---\nCheckout is fast again.\n"
    )
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "resolved on main")
    git(root, "checkout", "-q", "behind")
    code, out = run(root, "check", "--base", "main", "--now", "2026-11-17T12:00:00Z")
    assert "history/deleted" not in out, out
    assert code == 0, out


def test_update_files_with_names_git_quotes_are_published_like_any_other(tmp_path: Path) -> None:
    root = published(tmp_path)
    quoted = root / "incidents/2026-11-17-slow/b-ümlaut.md"
    quoted.write_text(
        "---\nat: 2026-11-17T10:05:00Z\nstatus: resolved\n---\nCheckout is fast again.\n"
    )
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "publish")
    quoted.unlink()
    code, out = run(root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z")
    assert code == 1 and "b-ümlaut.md:1:1: error[history/deleted]" in out
