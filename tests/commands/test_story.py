"""The whole story in a real git repository: an incident is a pull request, a published
update is append-only, a correction is an erratum, and a broken promise is due."""

from __future__ import annotations

from pathlib import Path

from testsupport import git, make_repo, run


def fill_placeholders(path: Path) -> None:
    import re

    text = path.read_text()
    path.write_text(re.sub(r"\[\[[^\]]+\]\]", "customers see failed payments", text))


def test_the_whole_pull_request_story(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    now = "2026-11-17T09:15:00Z"

    # 1. An engineer opens the incident on a branch.
    git(root, "checkout", "-q", "-b", "incident")
    code, out = run(
        root,
        "new",
        "incident",
        "Payments failing at checkout",
        "--severity",
        "sev1",
        "--component",
        "checkout=major_outage",
        "--now",
        now,
    )
    assert code == 0, out
    folder = root / "incidents/2026-11-17-payments-failing-at-checkout"
    first = folder / "20261117T0915Z-investigating.md"
    assert (
        "next_update: '2026-11-17T09:45:00Z'" in first.read_text()
        or "next_update: 2026-11-17T09:45:00Z" in first.read_text()
    )
    code, out = run(root, "check", "--base", "main", "--now", now)
    assert code == 1 and "language/placeholder" in out  # the template's blanks must be filled
    fill_placeholders(first)
    code, out = run(root, "check", "--base", "main", "--now", now)
    assert code == 0, out
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Open incident")

    # 2. It is merged, so the update is published.
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--ff-only", "incident")

    # 3. Someone edits the published update: the history rule catches it at its line.
    git(root, "checkout", "-q", "-b", "edit")
    text = first.read_text()
    first.write_text(
        text.replace("customers see failed payments", "customers see some failed payments", 1)
    )
    changed_line = next(
        n for n, line in enumerate(first.read_text().splitlines(), 1) if "some failed" in line
    )
    code, out = run(root, "check", "--base", "main", "--now", "2026-11-17T09:20:00Z")
    assert code == 1
    assert f"{first.relative_to(root).as_posix()}:{changed_line}:1: error[history/edited]" in out

    # 4. An erratum makes the correction honest, and public.
    first.write_text(
        first.read_text().replace(
            "status: investigating",
            "status: investigating\nerratum: We first wrote that all payments failed; some succeeded.",
            1,
        )
    )
    code, out = run(root, "check", "--base", "main", "--now", "2026-11-17T09:20:00Z")
    assert code == 0, out

    # 5. Nobody posts by the promised 09:45: `due` says so and fails.
    code, out = run(root, "due", "--now", "2026-11-17T09:50:00Z")
    assert code == 1
    assert "2026-11-17-payments-failing-at-checkout" in out and "5 min ago" in out
    code, out = run(root, "due", "--now", "2026-11-17T09:40:00Z")
    assert code == 0 and "due soon" in out
