"""The one parallel step of a command: shares of the incident folders on every core give
exactly what one process gives, and a worker's failure or death is reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statuspress.build
import statuspress.check
from statuspress.build import build
from statuspress.check import check_repository
from statuspress.parallel import WorkerError, fork_map, split
from testsupport import REPO_ROOT, digest

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from generate import NOW, generate


def test_parallel_and_serial_runs_are_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "repo", 40, seed=11)
    serial_build = tmp_path / "serial"
    build(root, serial_build, NOW, parallel=False)
    (root / "incidents" / "2024-01-01-broken").mkdir()
    (root / "incidents" / "2024-01-01-broken" / "incident.md").write_text("---\ntitle: x\n---\n")
    serial = check_repository(root, NOW, parallel=False)
    monkeypatch.setattr(statuspress.check, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(statuspress.build, "PARALLEL_THRESHOLD", 2)
    parallel = check_repository(root, NOW)
    assert parallel.diagnostics == serial.diagnostics and parallel.errors
    assert parallel.site == serial.site
    in_shares = check_repository(root, NOW, keep_site=False)
    assert in_shares.diagnostics == serial.diagnostics
    assert in_shares.site.incidents == ()
    (root / "incidents" / "2024-01-01-broken" / "incident.md").unlink()
    (root / "incidents" / "2024-01-01-broken").rmdir()
    parallel_build = tmp_path / "parallel"
    build(root, parallel_build, NOW)
    assert digest(parallel_build) == digest(serial_build)


def test_checking_in_shares_keeps_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Levels from settings and per-file accept: apply the same when each share of the
    history is checked in its own process."""
    root = generate(tmp_path / "repo", 30, seed=3)
    (root / "statuspress.yaml").write_text(
        "title: T\nbase_url: https://s.example/\nrules:\n  language/jargon: error\n"
        "  cadence: off\njargon: [working]\n",
        encoding="utf-8",
    )
    accepted = sorted((root / "incidents").glob("*/*-investigating.md"))[3]
    text = accepted.read_text(encoding="utf-8")
    accepted.write_text(
        text.replace("---\n", "---\naccept:\n  language/jargon: Jane (comms)\n", 1),
        encoding="utf-8",
    )
    monkeypatch.setattr(statuspress.check, "PARALLEL_THRESHOLD", 2)
    whole = check_repository(root, NOW, parallel=False)
    shares = check_repository(root, NOW, keep_site=False)
    assert shares.diagnostics == whole.diagnostics
    jargon = [d for d in whole.diagnostics if d.rule == "language/jargon"]
    assert jargon and all(d.is_error for d in jargon)
    assert not any(d.path.endswith(accepted.name) for d in jargon)
    assert not any(d.rule.startswith("cadence") for d in whole.diagnostics)


def _fail(share: object) -> object:
    raise ValueError("boom")


def test_a_failing_worker_is_reported_not_swallowed() -> None:
    with pytest.raises((WorkerError, ValueError)):
        fork_map(_fail, list(range(10)), minimum=2)


def test_small_work_stays_in_one_process() -> None:
    assert fork_map(lambda share: list(share), [1, 2, 3], minimum=10) == [[1, 2, 3]]
    shares = fork_map(lambda share: sum(share), list(range(100)), minimum=2)
    assert sum(shares) == 4950 and len(shares) >= 1


def test_when_no_process_can_be_started_the_work_is_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing.context

    def refuse(self: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", refuse)
    shares = fork_map(lambda share: list(share), list(range(6)), minimum=2)
    assert [n for share in shares for n in share] == list(range(6))


@given(st.integers(0, 5000), st.integers(2, 4), st.floats(0.0, 1.0))
def test_shares_cover_every_item_once_in_order(count: int, workers: int, local: float) -> None:
    bounds = split(count, workers, local)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(count))
    assert len(bounds) <= workers
    first = bounds[0][1] - bounds[0][0]
    assert first >= max(-(-count // workers), round(count * local))
    assert all(stop > start for start, stop in bounds[1:])


def test_a_worker_whose_parent_is_killed_dies_with_it(tmp_path: Path) -> None:
    """The out-of-memory killer may kill the main process alone: its helper must not live
    on, holding memory and the caller's pipes."""
    script = tmp_path / "parent.py"
    pids = tmp_path / "pids"
    script.write_text(
        "import os, time, sys\n"
        "from statuspress.parallel import fork_map\n"
        f"PIDS = {str(pids)!r}\n"
        "def work(share):\n"
        "    with open(PIDS, 'a') as f: f.write(f'{os.getpid()}\\n')\n"
        "    time.sleep(60)\n"
        "    return share\n"
        "fork_map(work, list(range(10)), 2)\n"
    )
    parent = subprocess.Popen([sys.executable, str(script)])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (not pids.exists() or len(pids.read_text().split()) < 2):
        time.sleep(0.05)
    workers = [int(p) for p in pids.read_text().split() if int(p) != parent.pid]
    assert workers, "no worker started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _nested(share: object) -> object:
    import os

    inner = fork_map(lambda items: os.getpid(), list(range(10)), 2)
    return os.getpid(), inner


def test_a_fork_map_inside_a_worker_stays_in_that_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    results = fork_map(_nested, list(range(10)), 2)
    outer, inner = results[1]  # the forked worker's share
    assert inner == [outer]  # one share, in the worker itself


def _open_pipes(share: object = None) -> list[str]:
    import os

    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # the listing's own descriptor, closed already
        if target.startswith("pipe:"):
            found.append(target)
    return sorted(found)


def test_a_worker_holds_no_pipe_end_of_another_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    before = set(_open_pipes())
    shares = fork_map(_open_pipes, list(range(40)), 2)
    workers = shares[1:]
    assert len(workers) == 3
    # A worker holds one end of each pipe it has (its result's write end, and the pipes
    # multiprocessing keeps to tell it and its parent of each other's end): never the read
    # end of its own result or of an earlier worker's, which the parent holds.
    for pipes in workers:
        new = [pipe for pipe in pipes if pipe not in before]
        assert len(new) == len(set(new)), pipes


def test_a_rebuild_shares_out_only_the_work_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parallel step is decided by the work at hand: what the accelerator restored,
    with its page, is looked up in this process; only folders to read and check, and pages
    to render, go to the step (and so to other processes when there are enough of them)."""
    root = generate(tmp_path / "repo", 40, seed=11)
    for path in root.rglob("*"):
        os.utime(path, (time.time() - 3600,) * 2)  # older than the cache's two-second doubt
    monkeypatch.setattr(statuspress.build, "PARALLEL_THRESHOLD", 2)
    handed: list[int] = []

    def counting(func, items, minimum, local_share=0.5):  # type: ignore[no-untyped-def]
        handed.append(len(items))
        return fork_map(func, items, minimum, local_share)

    monkeypatch.setattr(statuspress.build, "fork_map", counting)
    out = tmp_path / "site"
    build(root, out, NOW, incremental=True)
    build(root, out, NOW, incremental=True)
    newest = sorted((root / "incidents").iterdir())[-1]
    (newest / "zz-late.md").write_text(
        "---\nat: 2026-11-24T11:55:00Z\nstatus: resolved\n---\nAll is well again.\n"
    )
    build(root, out, NOW, incremental=True)
    assert handed == [40, 0, 1]
    build(root, tmp_path / "plain", NOW)
    assert digest(out) == digest(tmp_path / "plain")
