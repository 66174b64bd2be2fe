"""`statuspress init` in a folder that already exists: a fresh clone of a GitHub repository
holding only its README becomes a status repository without losing a byte of what was
there, and nothing is ever overwritten."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import statuspress
from statuspress.commands.init import template_files
from statuspress.commands.pin import requirement
from testsupport import REPO_ROOT, digest, git, run

README = b"# status\n\nOur status page, as GitHub created it.\n"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of a repository whose one commit adds a README (as "Create repository"
    with "Add a README file" on GitHub makes it)."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    (origin / "README.md").write_bytes(README)
    git(origin, "add", "README.md")
    git(origin, "commit", "-q", "-m", "Initial commit")
    target = tmp_path / "status"
    git(tmp_path, "clone", "-q", str(origin), str(target))
    assert sorted(p.name for p in target.iterdir()) == [".git", "README.md"]
    return target


def statuspress_in(folder: Path, *args: str, **extra: object) -> subprocess.CompletedProcess[str]:
    """The real CLI, run inside ``folder`` (so ``init .`` means that folder)."""
    return subprocess.run(
        [sys.executable, "-m", "statuspress", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        **extra,  # type: ignore[arg-type]
    )


def without_git(folder: Path) -> dict[str, str]:
    return {k: v for k, v in digest(folder).items() if not k.startswith(".git/")}


def test_init_dot_in_a_fresh_clone_keeps_its_readme_and_adds_everything_else(
    clone: Path,
) -> None:
    done = statuspress_in(clone, "init", ".")
    assert done.returncode == 0, done.stderr
    assert (clone / "README.md").read_bytes() == README
    assert "kept    README.md (yours" in done.stdout
    written = template_files(requirement().line)
    for name in written:
        if name != "README.md":
            assert f"created {name}" in done.stdout, name
            assert (clone / name).read_bytes() == written[name], name
    assert (clone / "incidents").is_dir() and (clone / "components").is_dir()
    # git sees new files only: the clone's own README is untouched.
    assert git(clone, "status", "--porcelain", "README.md") == ""
    assert ".github/" in git(clone, "status", "--porcelain", "--untracked-files=normal")
    assert statuspress_in(clone, "check").returncode == 0
    built = statuspress_in(clone, "build", "--out", "_site")
    assert built.returncode == 0, built.stderr
    assert "_site" in (clone / ".gitignore").read_text()


def test_running_init_again_writes_nothing_and_says_what_it_skipped(clone: Path) -> None:
    assert statuspress_in(clone, "init", ".").returncode == 0
    before = digest(clone)
    again = statuspress_in(clone, "init", ".")
    assert again.returncode == 0, again.stderr
    assert "created" not in again.stdout
    assert "skipped statuspress.yaml (already there, the same)" in again.stdout
    assert "skipped .github/workflows/publish.yml" in again.stdout
    assert digest(clone) == before


def test_a_file_init_would_write_with_other_content_stops_it_before_it_writes_anything(
    clone: Path,
) -> None:
    (clone / "statuspress.yaml").write_text("title: Ours\n")
    (clone / ".github/workflows").mkdir(parents=True)
    (clone / ".github/workflows/publish.yml").write_text("name: our own deploy\n")
    before = digest(clone)
    done = statuspress_in(clone, "init", ".")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    message = done.stderr
    assert "nothing was written" in message and "never overwrites" in message
    assert "statuspress.yaml" in message and ".github/workflows/publish.yml" in message
    assert digest(clone) == before
    assert not (clone / "incidents").exists()


def test_a_file_where_init_needs_a_folder_is_named(clone: Path) -> None:
    (clone / ".github").write_text("not a folder\n")
    (clone / "incidents").write_text("not a folder either\n")
    done = statuspress_in(clone, "init", ".")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert ".github is a file where a folder is needed" in done.stderr
    assert "incidents (a file where a folder is needed)" in done.stderr
    assert sorted(p.name for p in clone.iterdir()) == [".git", ".github", "README.md", "incidents"]


def test_the_teams_own_gitignore_is_kept_and_reported(clone: Path) -> None:
    (clone / ".gitignore").write_text("*.log\n")
    done = statuspress_in(clone, "init", ".")
    assert done.returncode == 0, done.stderr
    assert (clone / ".gitignore").read_text() == "*.log\n"
    assert "kept    .gitignore (yours" in done.stdout


def test_a_write_that_fails_halfway_leaves_the_folder_as_it_was(clone: Path) -> None:
    """A real failure: files may grow to 1 KiB at most in the process (the workflows are
    larger), so a write fails after smaller files were written."""
    before = without_git(clone)
    limit = 1024
    assert any(len(data) > limit for data in template_files("x").values())

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = statuspress_in(clone, "init", ".", preexec_fn=small_files)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot write" in done.stderr and "nothing was written" in done.stderr
    assert without_git(clone) == before
    assert sorted(p.name for p in clone.iterdir()) == [".git", "README.md"]


def test_init_creates_the_folder_and_its_parents_when_missing(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    code, out = run(tmp_path, "init", str(target))
    assert code == 0, out
    assert (target / "statuspress.yaml").is_file()


def test_a_released_version_is_pinned_exactly() -> None:
    assert requirement("0.2.0").line == "statuspress==0.2.0"
    assert requirement("1.0.0rc1").line == "statuspress==1.0.0rc1"
    assert requirement("0.2.0").note is None


def test_an_unreleased_checkout_pins_its_own_commit_at_the_source_url() -> None:
    if not Path(statuspress.__file__).resolve().is_relative_to(REPO_ROOT / "src"):
        pytest.skip("statuspress is not running from this checkout")
    head = git(REPO_ROOT, "rev-parse", "HEAD").strip()
    pin = requirement("0.3.0.dev0")
    assert pin.line == f"statuspress @ git+https://github.com/statuspress/statuspress@{head}"
    assert pin.note is not None and head[:12] in pin.note and "not released" in pin.note
