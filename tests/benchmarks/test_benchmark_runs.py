"""The benchmark suite stays runnable: the generator makes valid repositories, the floor
program parses them, and the runner completes at a tiny size, alone and paired with a
baseline. (No timing assertions: speed is measured, not tested.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from statuspress.check import check_repository
from testsupport import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import run
from floor import markdown_files, parse_all, split_front_matter
from generate import NOW, generate

SIZE_STEPS = {
    "start-up (--version)",
    "check",
    "cold build",
    "cold build --incremental",
    "rebuild after one update",
    "rebuild after another update",
}


def test_a_generated_repository_passes_check_with_no_diagnostics(tmp_path: Path) -> None:
    root = generate(tmp_path / "repo", 60, seed=3)
    result = check_repository(root, NOW)
    assert result.diagnostics == ()
    assert len(result.site.incidents) == 60
    assert any(i.is_open for i in result.site.incidents)
    assert any(i.kind.value == "maintenance" for i in result.site.incidents)
    assert {i.severity for i in result.site.incidents} >= {"sev1", "sev2", "sev3"}


@pytest.mark.parametrize("size", [1, 10, 100])
def test_small_sizes_generate_a_repository_that_passes_check(tmp_path: Path, size: int) -> None:
    result = check_repository(generate(tmp_path / "repo", size), NOW)
    assert result.diagnostics == ()
    assert len(result.site.incidents) == size
    assert any(i.is_open for i in result.site.incidents)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 20, seed=5)
    b = generate(tmp_path / "b", 20, seed=5)
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*.md"))
    assert files_a == sorted(p.relative_to(b).as_posix() for p in b.rglob("*.md"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def test_the_floor_reads_every_markdown_file_of_components_and_incidents(tmp_path: Path) -> None:
    root = generate(tmp_path / "repo", 10)
    files = markdown_files(root)
    assert len(files) == len(list((root / "components").glob("*.md"))) + len(
        list((root / "incidents").rglob("*.md"))
    )
    assert parse_all(root) == len(files)


def test_front_matter_is_split_from_the_body() -> None:
    assert split_front_matter("---\na: 1\n---\nHello\n") == ("a: 1\n", "Hello\n")
    assert split_front_matter("---\n---\nBody") == ("", "Body")
    assert split_front_matter("---\na: 1\n---") == ("a: 1\n", "")
    assert split_front_matter("No front matter\n") == ("", "No front matter\n")


STRACE_SUMMARY = """\
% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 40.00    0.004000           2      2300       120 newfstatat
 30.00    0.003000           5       560        12 openat
  5.00    0.000500          12        41           mkdir
  1.00    0.000100         100         1           rename
  0.00    0.000000           0         3           unlinkat
 24.00    0.002400          24       100           getdents64
------ ----------- ----------- --------- --------- ----------------
100.00    0.010000                  3005       132 total
"""


def test_strace_summaries_are_counted_by_group() -> None:
    counts = run.parse_strace_summary(STRACE_SUMMARY)
    assert counts == {
        "newfstatat": 2300,
        "openat": 560,
        "mkdir": 41,
        "rename": 1,
        "unlinkat": 3,
        "getdents64": 100,
    }
    grouped = run.group_syscalls(counts)
    assert grouped["stat family"] == 2300
    assert grouped["unlink"] == 3
    assert grouped["total"] == 3005


@pytest.mark.parametrize("incremental", [False, True])
def test_each_interface_gets_its_own_plain_and_incremental_build(incremental: bool) -> None:
    side = run.Side("new", "python", incremental, "0")
    plain = side.plain_build(Path("r"), Path("o"))
    again = side.incremental_build(Path("r"), Path("o"))
    assert ("--no-cache" in plain) is not incremental
    assert "--incremental" not in plain
    assert ("--incremental" in again) is incremental
    assert "--no-cache" not in again


def harness(tmp_path: Path, *extra: str) -> tuple[dict[str, Any], str]:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "10",
            "--repeat",
            "1",
            "--json",
            str(out),
            "--work",
            str(tmp_path / "work"),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text()), done.stdout


def assert_figures(figures: dict[str, Any]) -> None:
    assert figures["median_s"] > 0
    assert figures["user_s"] >= 0 and figures["sys_s"] >= 0
    assert figures["peak_rss_mb"] > 0
    assert set(figures["x_floor"]) == {"wall", "user", "sys"}
    assert figures["x_floor"]["wall"] > 0


def test_the_benchmark_command_runs_end_to_end_at_a_tiny_size(tmp_path: Path) -> None:
    report, stdout = harness(tmp_path)
    size = report["sizes"][0]
    assert size["incidents"] == 10 and size["repeat"] == 1
    assert size["floor"]["median_s"] > 0 and size["floor"]["user_s"] >= 0
    assert set(size["steps"]) == SIZE_STEPS
    for figures in size["steps"].values():
        assert_figures(figures)
    assert size["files_written"] > 10
    if size["syscalls"] is None:
        assert "strace" in size["syscalls_note"]
    else:
        counts = size["syscalls"]["new"]
        assert "note" in counts or counts["grouped"]["openat"] > 0
    assert set(report["top"]["steps"]) == {"start-up (--version)", "check demo repository"}
    assert report["storage"].startswith(("disk", "memory", "unknown"))
    assert report["sides"]["new"]["interface"]
    assert "| 10 | cold build |" in stdout
    assert "| 10 | parse floor |" in stdout
    assert (tmp_path / "work" / "repo-10" / "incidents").is_dir()


def test_a_paired_run_reports_the_ratio_to_the_baseline(tmp_path: Path) -> None:
    report, stdout = harness(tmp_path, "--baseline-python", sys.executable)
    steps = report["sizes"][0]["steps"]
    for figures in steps.values():
        assert_figures(figures["baseline"])
        ratio = figures["ratio_new_over_baseline"]
        assert ratio["median"] > 0 and len(ratio["pairs"]) == 1
    assert set(report["sides"]) == {"new", "baseline"}
    assert "new/baseline" in stdout


def test_without_strace_the_benchmark_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run.shutil, "which", lambda name: None)
    note = run.syscall_counts([], run.Workspace(Path("r"), Path("s")))
    assert note == (None, "strace is not on PATH: no system-call counts")
