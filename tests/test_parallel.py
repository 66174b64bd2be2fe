"""Work spread over the cores gives exactly what one process gives: same diagnostics,
same model, same bytes."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statuspress.build
import statuspress.cache
import statuspress.load
import statuspress.render.html
import statuspress.rules.language
from statuspress.build import build, render_site
from statuspress.cache import CACHE_DIR, IncidentStore, content_scope
from statuspress.check import check_repository
from statuspress.parallel import Background, WorkerError, fork_map, split
from testsupport import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from generate import NOW, generate


def test_parallel_and_serial_runs_are_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "repo", 40, seed=11)
    (root / "incidents" / "2024-01-01-broken").mkdir()
    (root / "incidents" / "2024-01-01-broken" / "incident.md").write_text("---\ntitle: x\n---\n")
    serial = check_repository(root, NOW)
    serial_files = render_site(serial.site, NOW)
    for module in (statuspress.load, statuspress.rules.language):
        monkeypatch.setattr(module, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(statuspress.render.html, "PARALLEL_PAGES", 2)
    monkeypatch.setattr(statuspress.build, "PARALLEL_RENDER", 2)
    parallel = check_repository(root, NOW)
    assert parallel.diagnostics == serial.diagnostics and parallel.errors
    assert parallel.site == serial.site
    assert render_site(parallel.site, NOW) == serial_files
    in_shares = check_repository(root, NOW, keep_site=False)
    assert in_shares.diagnostics == serial.diagnostics
    assert in_shares.site.incidents == ()


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
    for module in (statuspress.load, statuspress.rules.language):
        monkeypatch.setattr(module, "PARALLEL_THRESHOLD", 2)
    whole = check_repository(root, NOW)
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


def test_background_work_runs_in_another_process_and_reports_its_value_or_failure() -> None:
    here = os.getpid()
    assert Background(os.getpid).result() != here  # forked: it overlaps this process's work
    done = Background(lambda: sum(range(10)))
    assert done.result() == 45
    assert done.result() == 45  # asked again: the same value, nothing waited for twice
    with pytest.raises(WorkerError, match="ZeroDivisionError"):
        Background(lambda: 1 // 0).result()


def test_background_work_waits_to_be_started_and_a_cancelled_one_never_runs(
    tmp_path: Path,
) -> None:
    def mark(name: str) -> Callable[[], str]:
        def work() -> str:
            (tmp_path / name).write_text("ran")
            return name

        return work

    waiting = Background(mark("started"))
    time.sleep(0.2)
    assert not (tmp_path / "started").exists()  # forked, but not started
    waiting.start()
    assert waiting.result() == "started" and (tmp_path / "started").exists()
    cancelled = Background(mark("cancelled"))
    assert cancelled.cancel() is None
    assert not (tmp_path / "cancelled").exists()
    late = Background(mark("late"))
    late.start()
    assert late.cancel() == "late"  # too late to cancel: its value


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
    assert Background(os.getpid).result() == os.getpid()
    assert Background(os.getpid).cancel() is None  # never started, never run
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


def test_a_larger_local_share_changes_nothing_but_the_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    items = list(range(1000))
    assert fork_map(lambda share: list(share), items, 2, local_share=0.7)[0] == items[:700]
    joined = [i for share in fork_map(lambda s: list(s), items, 2, 0.7) for i in share]
    assert joined == items


def test_the_build_cache_restores_the_same_incidents_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "repo", 40, seed=5)
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))
    build(root, tmp_path / "site", NOW)
    edited = sorted((root / "incidents").iterdir())[7]
    (edited / "incident.md").write_text((edited / "incident.md").read_text() + "\nMore.\n")
    names = sorted(p.name for p in (root / "incidents").iterdir())

    def restore() -> list[object]:
        store = IncidentStore(root / CACHE_DIR, content_scope(root), NOW)
        return store.restore_all(root / "incidents", names)  # type: ignore[return-value]

    serial = restore()
    monkeypatch.setattr(statuspress.cache, "PARALLEL_SCAN", 2)
    assert restore() == serial
    assert [name for name, kept in serial if kept is None] == [edited.name]
