"""Shared fixtures: real status repositories written into tmp_path, the demo repository,
and the --update-golden flag for golden-file tests."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from statuspress.check import CheckResult, check_repository
from testsupport import MAINTENANCE, NOW, REPO_ROOT, VALID, Check, git, make_repo, write_files

# Hypothesis keeps no example database, and what else it stores (its character tables)
# goes to a temporary folder: the tests never write into the source tree.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="statuspress-hypothesis-"))
settings.register_profile("statuspress", database=None)
settings.load_profile("statuspress")

WriteRepo = Callable[[Mapping[str, str]], Path]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files under tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def write_repo(tmp_path: Path) -> WriteRepo:
    """Write a status repository into a fresh folder and return its root."""
    counter = iter(range(1_000_000))

    def write(files: Mapping[str, str]) -> Path:
        root = tmp_path / f"repo{next(counter)}"
        root.mkdir()
        return write_files(root, files)

    return write


@pytest.fixture
def window_repo(tmp_path: Path) -> Path:
    """A git repository with one component and one announced maintenance window
    (testsupport.MAINTENANCE)."""
    root = write_files(make_repo(tmp_path), MAINTENANCE)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "announce the window")
    return root


@pytest.fixture
def demo_root() -> Path:
    """This repository, which is itself the demo status repository."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository built once per test session at DEMO_NOW."""
    from testsupport import build_cli

    out = tmp_path_factory.mktemp("demo") / "_site"
    done = build_cli(REPO_ROOT, out)
    assert done.returncode == 0, done.stderr + done.stdout
    return out


@pytest.fixture
def check(write_repo: Callable[[Mapping[str, str]], Path]) -> Check:
    """check(overrides) -> CheckResult for VALID with some files replaced (None deletes)."""

    def run(overrides: Mapping[str, str | None] | None = None, now: datetime = NOW) -> CheckResult:
        files = {**VALID, **(overrides or {})}
        # These tests are about schema, lifecycle and cadence; the language rules have their
        # own tests (tests/rules/language), so their findings on terse test messages stay out.
        settings = files.get("statuspress.yaml") or ""
        if "rules:" not in settings and not settings.startswith("-"):
            files["statuspress.yaml"] = settings + "rules:\n  language: off\n"
        root = write_repo({k: v for k, v in files.items() if v is not None})
        return check_repository(root, now)

    return run
