"""The fault suite: a hostile environment against build, the accelerator and serve.

Each fault ends the same way: the published site is either the complete old one or the
complete new one, byte for byte what a plain build of that content writes; nothing stray
is left beside it; no process outlives its build; no traceback is printed.

The runs are seeded and their number is ``STATUSPRESS_FAULT_RUNS`` (default 4 per fault
kind, which keeps CI near a minute); ``STATUSPRESS_FAULT_RUNS=50`` is the larger run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from statuspress.build import build
from statuspress.incremental.pages import PAGES_FILE
from statuspress.incremental.store import STORE_FILE
from statuspress.layout import CACHE_DIR
from testsupport import REPO_ROOT, digest, serving, settle

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from generate import generate

RUNS = int(os.environ.get("STATUSPRESS_FAULT_RUNS", "4"))
NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
LATER = datetime(2026, 11, 24, 13, tzinfo=timezone.utc)
#: Enough incidents for the build's parallel step (from 400 folders on).
SIZE = 420


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate(tmp_path_factory.mktemp("pristine") / "repo", SIZE, seed=23)
    settle(root)
    return root


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(pristine, root)
    settle(root)
    return root


def plain(root: Path, now: datetime, folder: Path) -> dict[str, str]:
    """What a plain build of ``root`` at ``now`` publishes."""
    build(root, folder, now)
    sites = digest(folder)
    shutil.rmtree(folder)
    return sites


def command(root: Path, out: Path, now: datetime, *extra: str) -> list[str]:
    return [
        *(sys.executable, "-m", "statuspress", "--repo", str(root), "build"),
        *("--out", str(out), "--now", now.isoformat(), *extra),
    ]


def group_members(group: int) -> list[int]:
    """The live (not zombie) processes of a process group."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def wait_until_gone(group: int, seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := group_members(group)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != "repo")


@pytest.mark.parametrize("whole_group", [True, False], ids=["group", "main-only"])
@pytest.mark.parametrize("incremental", [True, False], ids=["incremental", "plain"])
def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one(
    repo: Path, tmp_path: Path, whole_group: bool, incremental: bool
) -> None:
    flags = ("--incremental",) if incremental else ()
    out = tmp_path / "site"
    old = plain(repo, NOW, tmp_path / "plain-old")
    new = plain(repo, LATER, tmp_path / "plain-new")
    assert subprocess.run(command(repo, out, NOW, *flags), capture_output=True).returncode == 0
    chance = random.Random(f"kill {whole_group} {incremental}")
    for _ in range(RUNS):
        run = subprocess.Popen(
            command(repo, out, LATER, *flags),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(chance.uniform(0.05, 2.5))
        if whole_group:
            os.killpg(run.pid, signal.SIGKILL)
        else:
            run.send_signal(signal.SIGKILL)  # as the out-of-memory killer does
        _, errors = run.communicate()
        assert wait_until_gone(run.pid) == [], "a helper outlived its build"
        assert digest(out) in (old, new)
        assert b"Traceback" not in errors
        # The next build finishes the job and cleans up after the killed one.
        done = subprocess.run(command(repo, out, NOW, *flags), capture_output=True)
        assert done.returncode == 0 and b"Traceback" not in done.stderr
        assert digest(out) == old
        # (an incremental build keeps the site it replaced, to write the next one over it)
        assert beside(out) == ([".site.spare", "site"] if incremental else ["site"])


def damage(data: bytes, chance: random.Random) -> bytes:
    kind = chance.choice(["flip", "zero", "truncate", "garbage", "duplicate"])
    if not data:
        return data
    at = chance.randrange(len(data))
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ (1 << chance.randrange(8))]) + data[at + 1 :]
    if kind == "zero":
        end = min(len(data), at + chance.randrange(1, 4096))
        return data[:at] + bytes(end - at) + data[end:]
    if kind == "truncate":
        return data[:at]
    if kind == "garbage":
        return data[:at] + os.urandom(64) + data[at + 64 :]
    return data + data[at:]  # a record repeated past the end


def test_cache_damage_between_builds_never_reaches_the_site(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    expected = plain(repo, NOW, tmp_path / "plain")
    chance = random.Random("damage between")
    build(repo, out, NOW, incremental=True)
    for _ in range(RUNS * 3):
        for name in (STORE_FILE, PAGES_FILE):
            path = repo / CACHE_DIR / name
            if path.exists():
                path.write_bytes(damage(path.read_bytes(), chance))
        build(repo, out, NOW, incremental=True)
        assert digest(out) == expected


def test_cache_damage_during_a_build_never_reaches_the_site(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    expected = plain(repo, NOW, tmp_path / "plain")
    build(repo, out, NOW, incremental=True)
    chance = random.Random("damage during")
    for _ in range(RUNS):
        stop = threading.Event()

        def vandal(stop: threading.Event = stop) -> None:
            while not stop.is_set():
                for name in (STORE_FILE, PAGES_FILE):
                    path = repo / CACHE_DIR / name
                    try:
                        data = path.read_bytes()
                        with open(path, "r+b") as handle:  # in place, as a bad disk would
                            handle.write(damage(data, chance)[: len(data)])
                            if chance.random() < 0.3:
                                handle.truncate(chance.randrange(len(data) + 1))
                    except OSError:
                        pass
                time.sleep(0.01)

        thread = threading.Thread(target=vandal)
        thread.start()
        try:
            done = subprocess.run(command(repo, out, NOW, "--incremental"), capture_output=True)
        finally:
            stop.set()
            thread.join()
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
        assert digest(out) == expected


def test_an_edit_made_and_undone_during_a_build_is_never_published(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    expected = plain(repo, NOW, tmp_path / "plain")
    build(repo, out, NOW, incremental=True)
    chance = random.Random("edits during")
    updates = sorted((repo / "incidents").glob("*/2*.md"))
    for _ in range(RUNS):
        victim = chance.choice(updates)
        original = victim.read_bytes()
        run = subprocess.Popen(
            command(repo, out, NOW, "--incremental"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.0, 1.0))
        victim.write_bytes(original.replace(b"We ", b"Someone ", 1) + b"\nEDITED\n")
        time.sleep(chance.uniform(0.0, 0.5))
        victim.write_bytes(original)  # the edit is undone (git stash pop, an autosave)
        run.wait()
        settle(repo)
        build(repo, out, NOW, incremental=True)
        assert digest(out) == expected, victim


def test_concurrent_builds_into_one_folder_all_publish_a_whole_site(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    expected = plain(repo, NOW, tmp_path / "plain")
    for round_ in range(max(1, RUNS // 2)):
        runs = [
            subprocess.Popen(
                command(repo, out, NOW, *(("--incremental",) if n % 2 else ())),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for n in range(3)
        ]
        for run in runs:
            _, errors = run.communicate(timeout=300)
            assert run.returncode == 0 and b"Traceback" not in errors, (round_, errors)
        assert digest(out) == expected
        # (the incremental builds keep the site they replaced beside it, for the next)
        assert set(beside(out)) - {".site.spare"} == {"site"}


@pytest.fixture
def served(repo: Path) -> Iterator[tuple[str, list[str], Path]]:
    with serving(repo) as (url, lines):
        yield url, lines, repo


def test_serve_under_load_during_rebuilds_answers_every_request(
    served: tuple[str, list[str], Path],
) -> None:
    url, lines, repo = served
    failures: list[str] = []
    answered = [0]
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            try:
                for page in ("", "history/", "feed.atom", "api/v2/summary.json"):
                    with urllib.request.urlopen(url + page, timeout=10) as response:
                        response.read()
                    answered[0] += 1
            except (urllib.error.URLError, OSError) as exc:
                failures.append(repr(exc))

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    try:
        component = repo / "components" / "api.md"
        original = component.read_text()
        for number in range(RUNS):
            builds = sum("built" in line for line in lines)
            component.write_text(original.replace("name:", f"name: Round {number}", 1))
            deadline = time.monotonic() + 120
            while sum("built" in line for line in lines) == builds:
                assert time.monotonic() < deadline, lines
                time.sleep(0.05)
    finally:
        stop.set()
        for thread in clients:
            thread.join()
    assert failures == []
    assert answered[0] > 0
    assert not any("Traceback" in line for line in lines)
