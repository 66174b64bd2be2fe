"""House rules that keep the project honest: the README's two quickstart commands, CI
running the second one verbatim, and generated output never tracked."""

from __future__ import annotations

import re
import subprocess

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


def test_the_wheel_ships_the_theme_the_message_templates_and_the_init_template(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys
    import zipfile

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            str(REPO_ROOT),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    names = set(zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist())
    for theme in (REPO_ROOT / "src/statuspress").glob("init_template/**/*"):
        if theme.is_file():
            assert theme.relative_to(REPO_ROOT / "src").as_posix() in names, theme
    for theme in (REPO_ROOT / "site_templates").glob("**/*"):
        if theme.is_file():
            assert "statuspress/" + theme.relative_to(REPO_ROOT).as_posix() in names, theme
    assert "statuspress/py.typed" in names
