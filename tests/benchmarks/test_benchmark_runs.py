"""The benchmark suite stays runnable: the generator makes valid repositories, and the
runner completes at a tiny size. (No timing assertions: speed is measured, not tested.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from statuspress.check import check_repository
from testsupport import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from generate import NOW, generate


def test_a_generated_repository_passes_check_with_no_diagnostics(tmp_path: Path) -> None:
    root = generate(tmp_path / "repo", 60, seed=3)
    result = check_repository(root, NOW)
    assert result.diagnostics == ()
    assert len(result.site.incidents) == 60
    assert any(i.is_open for i in result.site.incidents)
    assert any(i.kind.value == "maintenance" for i in result.site.incidents)
    assert {i.severity for i in result.site.incidents} >= {"sev1", "sev2", "sev3"}


def test_generation_is_deterministic(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 20, seed=5)
    b = generate(tmp_path / "b", 20, seed=5)
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*.md"))
    assert files_a == sorted(p.relative_to(b).as_posix() for p in b.rglob("*.md"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def test_the_benchmark_command_runs_end_to_end_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "5",
            "--repeat",
            "1",
            "--json",
            str(out),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    steps = report["sizes"][0]["results"]
    assert set(steps) == {"check", "cold build", "rebuild after one update"}
    assert report["sizes"][0]["files_written"] > 10
    assert "| 5 | cold build |" in done.stdout
    assert (tmp_path / "work" / "repo-5" / "incidents").is_dir()
