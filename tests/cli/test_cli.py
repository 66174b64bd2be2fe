"""`statuspress check` from the command line: formats, exit codes and "now"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from statuspress.cli import cli
from statuspress.diagnostics import Diagnostic, Level, format_github
from testsupport import FIRST, HEADER, REPO_ROOT, VALID

BROKEN_FIRST = "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\n---\nCheckout is failing.\n"
LATE_HEADER = "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T08:50:00Z\ncomponents:\n  checkout: major_outage\n---\n"


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--repo", str(root), *args], env=env)
    return result.exit_code, result.output


@pytest.fixture
def repo(write_repo):  # type: ignore[no-untyped-def]
    return lambda **over: write_repo({**VALID, **over})


def test_check_passes_with_exit_0_on_valid_content(repo) -> None:  # type: ignore[no-untyped-def]
    code, out = run(repo(), "check", "--now", "2026-11-18T12:00:00Z")
    assert (code, out) == (0, "0 errors, 0 warnings\n")


def test_check_fails_with_exit_1_and_path_line_col_rule(repo) -> None:  # type: ignore[no-untyped-def]
    code, out = run(repo(**{FIRST: BROKEN_FIRST}), "check", "--now", "2026-11-18T12:00:00Z")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{FIRST}:3:1: error[cadence/next-update-missing] ")
    assert out.splitlines()[-1] == "1 error, 0 warnings"


def test_warnings_pass_unless_strict(repo) -> None:  # type: ignore[no-untyped-def]
    root = repo(**{HEADER: LATE_HEADER})
    assert run(root, "check", "--now", "2026-11-18T12:00:00Z")[0] == 0
    assert run(root, "check", "--strict", "--now", "2026-11-18T12:00:00Z")[0] == 1


def test_json_format_is_one_document_with_counts(repo) -> None:  # type: ignore[no-untyped-def]
    code, out = run(
        repo(**{FIRST: BROKEN_FIRST}), "check", "--format", "json", "--now", "2026-11-18T12:00:00Z"
    )
    document = json.loads(out)
    assert code == 1
    assert document["errors"] == 1 and document["warnings"] == 0
    assert document["diagnostics"][0] == {
        "path": FIRST,
        "line": 3,
        "col": 1,
        "level": "error",
        "rule": "cadence/next-update-missing",
        "message": document["diagnostics"][0]["message"],
    }


def test_github_format_prints_annotations_then_the_full_text_list(repo) -> None:  # type: ignore[no-untyped-def]
    _code, out = run(
        repo(**{FIRST: BROKEN_FIRST}),
        "check",
        "--format",
        "github",
        "--now",
        "2026-11-18T12:00:00Z",
    )
    lines = out.splitlines()
    assert lines[0].startswith(
        f"::error file={FIRST},line=3,col=1,title=cadence/next-update-missing::"
    )
    assert any(line.startswith(f"{FIRST}:3:1: error[") for line in lines)


def test_github_annotations_escape_percent_newlines_colons_and_commas() -> None:
    d = Diagnostic("a,b:c.md", 2, 3, Level.WARNING, "x/y", "50% done\nnext, line")
    first = format_github([d]).splitlines()[0]
    assert first == "::warning file=a%2Cb%3Ac.md,line=2,col=3,title=x/y::50%25 done%0Anext, line"


@pytest.mark.parametrize("now", ["2026-11-18T12:00:00", "yesterday", "2026-13-40T00:00:00Z"])
def test_a_bad_now_is_a_usage_error_with_exit_2(repo, now: str) -> None:  # type: ignore[no-untyped-def]
    code, out = run(repo(), "check", "--now", now)
    assert code == 2
    assert "Traceback" not in out and "--now" in out


def test_source_date_epoch_fixes_now_when_there_is_no_now_option(repo) -> None:  # type: ignore[no-untyped-def]
    root = repo()
    # 2026-11-17T09:00:00Z: the updates would be in the future.
    code, out = run(root, "check", env={"SOURCE_DATE_EPOCH": "1794906000"})
    assert code == 1 and "lifecycle/future" in out
    assert run(root, "check", env={"SOURCE_DATE_EPOCH": "not-a-number"})[0] == 2


def test_an_unknown_option_is_a_usage_error(repo) -> None:  # type: ignore[no-untyped-def]
    assert run(repo(), "check", "--colour")[0] == 2


def test_python_dash_m_statuspress_runs_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "statuspress", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "statuspress" in done.stdout


def test_a_folder_that_is_not_a_status_repository_is_a_usage_error(tmp_path: Path) -> None:
    for command in (["check"], ["build", "--out", str(tmp_path / "site")]):
        code, out = run(tmp_path, *command)
        assert code == 2 and "is not a status repository" in out
    assert not (tmp_path / "site").exists()


def test_a_reader_that_goes_away_gets_no_error_message() -> None:
    """`statuspress check | head`: the closed pipe ends the command quietly (exit 1, as
    Python's own recipe does), not with 'Broken pipe' on stderr."""
    import subprocess
    import sys

    from testsupport import NOW_ARG, REPO_ROOT

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "statuspress",
            "--repo",
            str(REPO_ROOT),
            "check",
            "--format",
            "json",
            "--now",
            NOW_ARG,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait() == 1
    assert error == ""


def test_a_bug_is_one_line_with_exit_3_never_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import statuspress.check

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("something impossible\nsecond line")

    monkeypatch.setattr(statuspress.check, "check_repository", broken)
    monkeypatch.delenv("STATUSPRESS_DEBUG", raising=False)
    result = CliRunner().invoke(cli, ["--repo", str(REPO_ROOT), "check"])
    assert result.exit_code == 3
    assert "internal error (RuntimeError: second line)" in result.output
    assert "Traceback" not in result.output
