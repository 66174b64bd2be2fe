"""Writing the site: the output folder is replaced atomically, only when a statuspress
build made it, through a link as well, and nothing a killed build left stays behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from statuspress.build import build
from statuspress.errors import UsageError
from statuspress.write import MARKER, write_site
from testsupport import DEMO_NOW, REPO_ROOT, build_cli, digest, refused_past_file_size_limit

FILES = {"index.html": b"<p>new</p>\n", "api/v2/summary.json": b"{}\n"}


def test_a_build_marks_its_folder_and_replaces_only_a_marked_one(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(FILES, out, REPO_ROOT)
    assert (out / MARKER).is_file()
    assert (out / "index.html").read_bytes() == b"<p>new</p>\n"
    write_site({"index.html": b"again\n"}, out, REPO_ROOT)
    assert sorted(digest(out)) == [MARKER, "index.html"]


@pytest.mark.parametrize(
    "files",
    [
        {"index.html": "<p>my GitHub Pages site</p>", "CNAME": "example.com"},  # docs/
        {".bashrc": "alias x=y", "notes.txt": "mine"},  # a home folder
    ],
)
def test_a_folder_no_build_made_is_refused_and_left_alone(
    tmp_path: Path, files: dict[str, str]
) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    for name, text in files.items():
        (out / name).write_text(text)
    before = digest(out)
    with pytest.raises(UsageError, match="no statuspress build wrote"):
        write_site(FILES, out, REPO_ROOT)
    assert digest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]  # nothing left beside it


def test_an_empty_folder_is_accepted(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    write_site(FILES, out, REPO_ROOT)
    assert (out / "index.html").exists()


def test_an_out_inside_the_repositorys_content_is_refused(write_repo) -> None:  # type: ignore[no-untyped-def]
    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    for inside in ("incidents/_site", "components/site", "site_templates/out"):
        with pytest.raises(UsageError, match="which every check reads"):
            write_site(FILES, root / inside, root)
        assert not (root / inside).exists()


def test_a_linked_out_is_written_through_and_the_link_stays(tmp_path: Path) -> None:
    served = tmp_path / "www" / "status"
    write_site(FILES, served, REPO_ROOT)
    link = tmp_path / "site"
    link.symlink_to(served)
    write_site({"index.html": b"through the link\n"}, link, REPO_ROOT)
    assert link.is_symlink() and os.readlink(link) == str(served)
    assert (served / "index.html").read_bytes() == b"through the link\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "www"]
    assert sorted(p.name for p in served.parent.iterdir()) == ["status"]


def test_folders_killed_builds_left_are_removed_by_the_next_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(FILES, out, REPO_ROOT)
    for name in (".site.new-abc123", ".site.old-def456"):
        (tmp_path / name / "incidents").mkdir(parents=True)
        (tmp_path / name / "incidents" / "index.html").write_text("half")
    (tmp_path / ".other.new-keep").mkdir()  # another output's: not ours to remove
    write_site(FILES, out, REPO_ROOT)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-keep", "site"]


def test_a_reader_never_finds_the_site_missing_during_rebuilds(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(FILES, out, REPO_ROOT)
    missing: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                (out / "index.html").read_bytes()
            except FileNotFoundError:
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(60):
            write_site({**FILES, "index.html": f"build {number}\n".encode()}, out, REPO_ROOT)
    finally:
        stop.set()
        reader.join()
    assert missing == []
    assert (out / "index.html").read_bytes() == b"build 59\n"


def test_concurrent_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    out = tmp_path / "site"
    command = [
        sys.executable,
        "-m",
        "statuspress",
        "--repo",
        str(REPO_ROOT),
        "build",
        "--out",
        str(out),
        "--now",
        DEMO_NOW.isoformat(),
    ]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)
    ]
    results = [(*run.communicate(timeout=120), run.returncode) for run in runs]
    assert [code for _, _, code in results] == [0, 0, 0], results
    plain = tmp_path / "plain"
    build(REPO_ROOT, plain, DEMO_NOW)
    assert digest(out) == digest(plain)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain", "site"]


def test_a_killed_build_leaves_the_old_site_whole_and_the_next_build_cleans_up(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    assert build_cli(REPO_ROOT, out).returncode == 0
    before = digest(out)
    later = "2026-11-25T12:00:00Z"  # another "now": another site
    build(REPO_ROOT, tmp_path / "later", datetime(2026, 11, 25, 12, tzinfo=timezone.utc))
    after = digest(tmp_path / "later")
    assert after != before
    for delay in (0.2, 0.4, 0.6, 0.8, 1.0):
        run = subprocess.Popen(
            [
                *(sys.executable, "-m", "statuspress", "--repo", str(REPO_ROOT)),
                *("build", "--out", str(out), "--now", later),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        run.kill()
        run.wait()
        assert digest(out) in (before, after)  # whole: old or new, never partial
        if digest(out) == after:
            assert build_cli(REPO_ROOT, out).returncode == 0  # back to the old one
    shutil.rmtree(tmp_path / "later")
    assert build_cli(REPO_ROOT, out).returncode == 0
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / ("s" * 250)
    with pytest.raises(UsageError, match="beside --out"):
        write_site(FILES, out, REPO_ROOT)
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_midway_leaves_the_old_site_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import statuspress.write

    out = tmp_path / "site"
    write_site(FILES, out, REPO_ROOT)
    before = digest(out)
    real = statuspress.write.write_all
    calls = iter(range(1000))

    def full_disk(fd: int, data: bytes) -> None:
        if next(calls) == 1:
            raise OSError(28, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(statuspress.write, "write_all", full_disk)
    with pytest.raises(UsageError, match=r"No space left on device.*previous site is untouched"):
        write_site({**FILES, "extra.html": b"x"}, out, REPO_ROOT)
    assert digest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


# A real limit, not a stand-in: the kernel refuses to let the process grow a file past
# RLIMIT_FSIZE (EFBIG once SIGXFSZ is ignored), after writing what fits.
_FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from statuspress.errors import UsageError
from statuspress.write import write_site
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
files = {"index.html": b"<p>new</p>\\n", "history/big.html": b"x" * 10000, "z.html": b"z"}
try:
    write_site(files, Path(sys.argv[1]), Path(sys.argv[2]))
except UsageError as error:
    print(error)
    sys.exit(2)
"""


def test_a_file_larger_than_the_system_allows_leaves_the_old_site_and_nothing_else(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    write_site(FILES, out, REPO_ROOT)
    before = digest(out)
    refused_past_file_size_limit(_FILE_SIZE_LIMIT, str(out), str(REPO_ROOT))
    assert digest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_large_file_is_written_whole(tmp_path: Path) -> None:
    big = bytes(range(256)) * 40_000  # 10 MB, in folders none of which exists yet
    write_site({"a/b/c/big.bin": big, "a/d.html": b"d", "e.html": b""}, tmp_path / "s", REPO_ROOT)
    assert (tmp_path / "s/a/b/c/big.bin").read_bytes() == big
    assert (tmp_path / "s/e.html").read_bytes() == b""
    assert (tmp_path / "s/a/d.html").read_bytes() == b"d"


@pytest.mark.skipif(
    shutil.which("strace") is None, reason="needs strace (scripts/install-test-deps.sh installs it)"
)
def test_writing_costs_one_open_and_one_write_per_file_and_one_mkdir_per_folder(
    tmp_path: Path,
) -> None:
    files = {f"incidents/i{n}/index.html": b"<p>%d</p>\n" % n for n in range(40)}
    files.update({f"history/{n}.html": b"h" for n in range(5)})
    files["index.html"] = b"home"
    script = (
        "import sys; from pathlib import Path; from statuspress.write import write_site; "
        f"write_site({files!r}, Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    trace = tmp_path / "trace"
    subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=openat,mkdir,write,newfstatat,fstat,ioctl,lseek",
            "-o",
            str(trace),
            sys.executable,
            "-c",
            script,
            str(tmp_path / "site"),
            str(REPO_ROOT),
        ],
        check=True,
        timeout=120,
    )
    calls = [line.split(None, 1)[1] for line in trace.read_text().splitlines()]
    names = [call.split("(")[0] for call in calls]
    staged = [i for i, call in enumerate(calls) if ".site.new-" in call and "O_CREAT" in call]
    window = names[staged[0] : staged[-1] + 2]  # from the first file to the last one's write
    assert window.count("openat") == len(files) + 1  # and the marker file
    assert window.count("write") == len(files) + 1
    assert window.count("mkdir") == 40 + 2  # incidents/ (and its 40 folders), history/
    assert not {"newfstatat", "fstat", "ioctl", "lseek"} & set(window)
