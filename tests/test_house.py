"""House rules that keep the project honest: the README's two quickstart commands, CI
running the second one verbatim, and generated output never tracked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from testsupport import REPO_ROOT


def _quickstart_commands() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_quickstart_has_exactly_two_command_lines() -> None:
    commands = _quickstart_commands()
    assert len(commands) == 2, commands
    assert "statuspress build" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert _quickstart_commands()[1] in ci.splitlines()


def test_generated_output_and_environments_are_not_tracked() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    offenders = [
        path
        for path in tracked
        if path.startswith(("_site/", ".venv/", "node_modules/", "benchmarks/out/"))
        or "__pycache__" in path
        or path.endswith(".pyc")
    ]
    assert offenders == []


def _source_copy(target: Path) -> Path:
    """The files git tracks (and the untracked ones it does not ignore), copied: a build of
    the package writes build/ and *.egg-info beside its sources, never into this tree."""
    listed = subprocess.run(
        [
            "git",
            "-C",
            str(REPO_ROOT),
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = _source_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(out)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_the_wheel_ships_the_theme_the_message_templates_and_the_init_template(
    wheel: Path,
) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for theme in (REPO_ROOT / "src/statuspress").glob("init_template/**/*"):
        if theme.is_file():
            assert theme.relative_to(REPO_ROOT / "src").as_posix() in names, theme
    for theme in (REPO_ROOT / "site_templates").glob("**/*"):
        if theme.is_file():
            assert "statuspress/" + theme.relative_to(REPO_ROOT).as_posix() in names, theme
    assert "statuspress/py.typed" in names
    for catalogue in (REPO_ROOT / "src/statuspress/locale").glob("**/*.po*"):
        assert catalogue.relative_to(REPO_ROOT / "src").as_posix() in names, catalogue


def test_the_installed_wheel_inits_checks_and_builds_a_new_repository(
    wheel: Path, tmp_path: Path
) -> None:
    """Installed from the wheel, away from this checkout, statuspress finds its theme."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # statuspress's dependencies from this environment, without its own editable install
    # (a path, not a site folder: the .pth files there, which point at this checkout, are
    # not read).
    there = next((venv / "lib").glob("python*/site-packages"))
    (there / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    work.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(python), "-m", "statuspress", *args],
            cwd=work,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    where = subprocess.run(
        [str(python), "-c", "import statuspress.templates as t; print(t.BUILTIN_TEMPLATES)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), where  # the packaged theme, not this checkout's
    run("init", "status")
    run("--repo", "status", "check")
    run("--repo", "status", "build", "--out", "site")
    assert "<html" in (work / "site" / "index.html").read_text()
    # The catalogues come from the wheel too: a German site speaks German, checked clean.
    settings = work / "status" / "statuspress.yaml"
    settings.write_text(settings.read_text() + "\nlanguage: de\n")
    checked = run("--repo", "status", "check")
    assert "i18n/" not in checked.stdout + checked.stderr
    run("--repo", "status", "build", "--out", "site-de")
    page = (work / "site-de" / "index.html").read_text()
    assert '<html lang="de">' in page and "Abonnieren" in page
