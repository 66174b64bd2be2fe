"""House rules that keep the project honest: the README's two quickstart commands, CI
running the second one verbatim, and generated output never tracked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from statuspress import __version__
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
def distributions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel, as the release workflow makes them: ``python -m build``
    builds the sdist, then the wheel from the unpacked sdist (so a file the sdist lacks
    is missing from the wheel too)."""
    source = _source_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return next(out.glob("*.tar.gz")), next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def wheel(distributions: tuple[Path, Path]) -> Path:
    return distributions[1]


def _shipped(root: Path, pattern: str) -> list[Path]:
    return [p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts]


def test_the_wheel_ships_the_theme_the_message_templates_and_the_init_template(
    wheel: Path,
) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in _shipped(REPO_ROOT / "src", "statuspress/**/*"):  # code, init template
        assert module.relative_to(REPO_ROOT / "src").as_posix() in names, module
    for theme in _shipped(REPO_ROOT, "site_templates/**/*"):
        assert "statuspress/" + theme.relative_to(REPO_ROOT).as_posix() in names, theme
    assert "statuspress/py.typed" in names
    assert "statuspress/schema/statuspress.schema.json" in names
    assert not [n for n in names if n.startswith("statuspress/schema/") and n.endswith(".md")]
    for catalogue in (REPO_ROOT / "src/statuspress/locale").glob("**/*.po*"):
        assert catalogue.relative_to(REPO_ROOT / "src").as_posix() in names, catalogue


def test_the_sdist_holds_everything_the_wheel_is_built_from_and_the_docs(
    distributions: tuple[Path, Path],
) -> None:
    sdist = distributions[0]
    with tarfile.open(sdist) as archive:
        top = sdist.name.removesuffix(".tar.gz") + "/"
        names = {m.name.removeprefix(top) for m in archive.getmembers() if m.isfile()}
    expected = [
        *_shipped(REPO_ROOT, "src/statuspress/**/*"),
        *_shipped(REPO_ROOT, "site_templates/**/*"),
        *_shipped(REPO_ROOT, "docs/*"),
        REPO_ROOT / "pyproject.toml",
        REPO_ROOT / "README.md",
        REPO_ROOT / "CHANGELOG.md",
    ]
    for path in expected:
        assert path.relative_to(REPO_ROOT).as_posix() in names, path
    assert not [n for n in names if n.startswith("tests/")]


def _venv_with(venv: Path, requirement: str) -> Path:
    """A fresh virtual environment at ``venv`` with statuspress installed from
    ``requirement`` (a wheel, a git URL) and its dependencies taken from this environment;
    its python."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # statuspress's dependencies from this environment, without its own editable install
    # (a path, not a site folder: the .pth files there, which point at this checkout, are
    # not read).
    there = next((venv / "lib").glob("python*/site-packages"))
    (there / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", requirement],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return python


def test_installed_from_a_git_url_init_pins_that_url_at_that_commit(tmp_path: Path) -> None:
    """The README's way to use statuspress before a release: pip records the commit it
    installed, and `init` pins exactly that, so the workflows build with the same code."""
    source = _source_copy(tmp_path / "source")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "src"]):
        subprocess.run(["git", "-C", str(source), *args], check=True, env=env)
    commit = subprocess.run(
        ["git", "-C", str(source), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    url = f"git+{source.as_uri()}@{commit}"
    # (pip 23 reads "name @ git+file:..." as a path: the bare URL names the same install.)
    python = _venv_with(tmp_path / "venv", url)
    done = subprocess.run(
        [str(python), "-m", "statuspress", "init", str(tmp_path / "status")],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert done.returncode == 0, done.stderr
    pin = (tmp_path / "status/requirements-status.txt").read_text().splitlines()[-1]
    assert pin == f"statuspress @ {url}"
    assert "note:" not in done.stdout


def test_the_installed_wheel_inits_checks_and_builds_a_new_repository(
    wheel: Path, tmp_path: Path
) -> None:
    """Installed from the wheel, away from this checkout, statuspress finds its theme."""
    venv = tmp_path / "venv"
    python = _venv_with(venv, str(wheel))
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
    created = run("init", "status").stdout
    assert "created status/requirements-status.txt" in created
    # A release pins itself; an unreleased wheel does not know its commit, and says so.
    pin = (work / "status/requirements-status.txt").read_text().splitlines()[-1]
    if re.search(r"\.dev|\+", __version__):
        assert pin == "statuspress @ git+https://github.com/statuspress/statuspress@main", pin
        assert f"note: statuspress {__version__} is not released" in created
    else:
        assert pin == f"statuspress=={__version__}" and "note:" not in created
    assert "site/example-base-url" in run("--repo", "status", "check").stdout
    run("--repo", "status", "build", "--out", "site", "--base-url", "https://acme.github.io/status")
    index = (work / "site" / "index.html").read_text()
    assert '<link rel="canonical" href="https://acme.github.io/status/">' in index
    assert (work / "site/_headers").is_file()
    assert len(list((work / "site/assets").glob("style.*.css"))) == 1
    # The catalogues come from the wheel too: a German site speaks German, checked clean.
    settings = work / "status" / "statuspress.yaml"
    settings.write_text(settings.read_text() + "\nlanguage: de\n")
    checked = run("--repo", "status", "check")
    assert "i18n/" not in checked.stdout + checked.stderr
    run(
        "--repo",
        "status",
        "build",
        "--out",
        "site-de",
        "--base-url",
        "https://acme.github.io/status",
    )
    page = (work / "site-de" / "index.html").read_text()
    assert '<html lang="de"' in page and "Abonnieren" in page
    schema = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.resources as r, json; "
            "print(json.loads((r.files('statuspress') / 'schema/statuspress.schema.json')"
            ".read_text())['$schema'])",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "json-schema.org" in schema


def test_the_readme_install_section_uses_the_forms_init_pins() -> None:
    from statuspress.commands.pin import DEFAULT_SOURCE

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install in your own status repository", 1)[1].split("\n## ", 1)[0]
    assert f'pip install "statuspress @ git+{DEFAULT_SOURCE}@<commit>"' in section
    assert "pip install statuspress\n" in section
    assert "statuspress init ." in section
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'Source = "{DEFAULT_SOURCE}"' in pyproject
