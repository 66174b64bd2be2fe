"""Publishing on time: `next-change` says when the site changes by itself, and `changed`
decides a scheduled publish by comparing digests with a real HTTP server on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from testsupport import INSIDE, WINDOW, run, serve_directory, write_files


def build(root: Path, out: Path, now: str) -> Path:
    code, output = run(root, "build", "--out", str(out), "--now", now)
    assert code == 0, output
    return out


def deploy(built: Path, live: Path) -> None:
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(built, live)


def decide(root: Path, out: Path, url: str) -> str:
    code, output = run(root, "changed", "--out", str(out), "--live", url + "statuspress-digest.txt")
    assert code == 0, output
    return output


def test_a_scheduled_publish_deploys_only_when_the_page_would_change(
    window_repo: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live"
    live.mkdir()
    with serve_directory(live) as url:
        first = build(window_repo, tmp_path / "a", "2026-12-05T12:00:00Z")
        assert decide(window_repo, first, url).startswith("changed:")  # nothing is live yet
        deploy(first, live)
        # The same content at the same time: nothing to deploy.
        again = build(window_repo, tmp_path / "b", "2026-12-05T12:00:00Z")
        assert decide(window_repo, again, url).startswith("unchanged:")
        # Hours later, before anything is due: still nothing.
        later = build(window_repo, tmp_path / "c", "2026-12-05T18:30:00Z")
        assert decide(window_repo, later, url).startswith("unchanged:")
        # The window has started: deploy.
        started = build(window_repo, tmp_path / "d", INSIDE)
        assert decide(window_repo, started, url).startswith("changed:")
        deploy(started, live)
        assert decide(window_repo, started, url).startswith("unchanged:")


def test_the_github_format_is_for_github_output(window_repo: Path, tmp_path: Path) -> None:
    built = build(window_repo, tmp_path / "a", "2026-12-05T12:00:00Z")
    with serve_directory(built) as url:
        code, output = run(
            window_repo, "changed", "--out", str(built), "--format", "github", "--base-url", url
        )
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == "changed=false"
    assert lines[1].startswith("digest=sha256:")


def test_an_unreachable_live_site_means_deploy(window_repo: Path, tmp_path: Path) -> None:
    built = build(window_repo, tmp_path / "a", "2026-12-05T12:00:00Z")
    with serve_directory(tmp_path) as url:
        pass  # the server is gone: its port refuses connections
    output = decide(window_repo, built, url)
    assert output.startswith("changed: the live site could not be reached")


def test_changed_without_a_build_says_what_to_run(window_repo: Path, tmp_path: Path) -> None:
    code, output = run(window_repo, "changed", "--out", str(tmp_path / "nothing"))
    assert code == 2
    assert "run `statuspress build --out" in output


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-05T12:00:00Z", "2026-12-06T00:00:00Z  the uptime bars start a new day"),
        (
            "2026-12-10T01:00:00Z",
            f"2026-12-10T02:00:00Z  a maintenance window starts ({WINDOW[10:]})",
        ),
        (
            "2026-12-10T03:00:30Z",
            f"2026-12-10T03:01:00Z  an open incident's duration grows ({WINDOW[10:]})",
        ),
        ("2026-12-10T05:00:00Z", "2026-12-11T00:00:00Z  the uptime bars start a new day"),
        (
            "2026-12-24T01:00:00Z",
            f"2026-12-24T04:00:00Z  a resolved incident leaves the recent list ({WINDOW[10:]})",
        ),
    ],
)
def test_next_change_names_the_next_moment_the_page_moves(
    window_repo: Path, now: str, expected: str
) -> None:
    code, output = run(window_repo, "next-change", "--now", now)
    assert code == 0, output
    assert output.strip() == expected


def test_a_promise_falling_due_is_a_change(window_repo: Path) -> None:
    write_files(
        window_repo,
        {
            "incidents/2026-12-05-slow-checkout/incident.md": """
                ---
                title: Slow checkout
                severity: sev3
                started: 2026-12-05T11:00:00Z
                components:
                  checkout: degraded_performance
                ---
                """,
            "incidents/2026-12-05-slow-checkout/20261205T1110Z-investigating.md": """
                ---
                at: 2026-12-05T11:10:00Z
                status: investigating
                next_update: 2026-12-05T12:10:00Z
                ---
                Checkout is slow for some customers. We will post the next update by 12:10 UTC.
                """,
        },
    )
    code, output = run(
        window_repo, "next-change", "--now", "2026-12-05T12:09:30Z", "--format", "github"
    )
    assert code == 0, output
    assert output.splitlines()[0] == "next_change=2026-12-05T12:10:00Z"


def test_the_site_is_the_same_at_any_moment_before_the_next_change(
    window_repo: Path, tmp_path: Path
) -> None:
    """What `next-change` promises: no byte changes before the moment it names."""
    _, output = run(window_repo, "next-change", "--now", "2026-12-09T20:00:00Z")
    moment = output.split()[0]
    assert moment == "2026-12-10T00:00:00Z"
    a = build(window_repo, tmp_path / "a", "2026-12-09T20:00:00Z")
    b = build(window_repo, tmp_path / "b", "2026-12-09T23:59:59Z")
    c = build(window_repo, tmp_path / "c", moment)
    digest = "statuspress-digest.txt"
    assert (a / digest).read_bytes() == (b / digest).read_bytes()
    assert (a / digest).read_bytes() != (c / digest).read_bytes()
