"""The previous site, updated in place (``incremental/site.py``): a rebuild writes only the
files that changed, over the site kept beside ``--out``, and still writes exactly what a
plain build writes, whatever happened to that kept site."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from statuspress.build import build
from statuspress.incremental.site import STAMPS_FILE, SiteRecycler
from statuspress.layout import CACHE_DIR
from statuspress.write import MARKER, write_site
from testsupport import (
    OPEN_HEADER,
    OPEN_UPDATE,
    REPO_ROOT,
    digest,
    refused_past_file_size_limit,
    settle,
    tree,
)

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
RESOLVED = "---\nat: 2026-11-24T11:30:00Z\nstatus: resolved\n---\nAll requests succeed again.\n"


@pytest.fixture
def repo(write_repo: Callable[[dict[str, str]], Path]) -> Path:
    root = write_repo(
        {
            "components/api.md": "---\nname: API\n---\n",
            "incidents/2026-11-24-api/incident.md": OPEN_HEADER,
            "incidents/2026-11-24-api/a.md": OPEN_UPDATE,
        }
    )
    settle(root)
    return root


def rebuild(repo: Path, out: Path, now: datetime = NOW) -> str:
    """An incremental build; its line of what was reused and rewritten."""
    result = build(repo, out, now, incremental=True)
    assert result.reused is not None
    return result.reused


def plain(repo: Path, folder: Path, now: datetime = NOW) -> dict[str, str]:
    build(repo, folder, now)
    return tree(folder)


def test_a_rebuild_with_nothing_changed_rewrites_no_file(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = rebuild(repo, out)
    files = len([p for p in out.rglob("*") if p.is_file()]) - 1  # (the marker)
    assert first.endswith(f"rewrote {files} of {files} files")  # no spare yet: all of it
    # No spare yet either, but the live site's files are linked into the new one.
    assert rebuild(repo, out).endswith(f"rewrote 0 of {files} files")
    assert (tmp_path / ".site.spare").is_dir()
    assert rebuild(repo, out).endswith(f"rewrote 0 of {files} files")  # over the spare
    assert tree(out) == plain(repo, tmp_path / "plain")


def test_a_new_update_rewrites_only_the_pages_it_changes(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    for _ in range(3):
        rebuild(repo, out)
    (repo / "incidents/2026-11-24-api/b.md").write_text(RESOLVED, encoding="utf-8")
    later = NOW + timedelta(minutes=1)
    first = rebuild(repo, out, later)  # over the site two builds old
    second = rebuild(repo, out, later)  # the spare now holds the same content's old version
    written = int(first.rsplit("rewrote ", 1)[1].split()[0])
    total = int(first.rsplit(" of ", 1)[1].split()[0])
    assert 0 < written < total
    assert second.endswith(f"rewrote {written} of {total} files")
    assert tree(out) == plain(repo, tmp_path / "plain", later)


def test_the_site_a_rebuild_replaces_is_kept_as_it_was(repo: Path, tmp_path: Path) -> None:
    """Files the new site shares with the live one (linked, on the first rebuild) are never
    written into: after each rebuild the kept site is the previous site, byte for byte."""
    out = tmp_path / "site"
    rebuild(repo, out)
    sites = [tree(out)]
    later = NOW
    for name, text in [("b.md", RESOLVED), ("b.md", RESOLVED.replace("again", "once more"))]:
        (repo / "incidents/2026-11-24-api" / name).write_text(text, encoding="utf-8")
        later += timedelta(minutes=1)
        rebuild(repo, out, later)
        assert tree(tmp_path / ".site.spare") == sites[-1]
        sites.append(tree(out))
        assert sites[-1] != sites[-2]
        assert sites[-1] == plain(repo, tmp_path / f"plain-{len(sites)}", later)


def test_the_kept_site_is_never_written_through_a_link(repo: Path, tmp_path: Path) -> None:
    """A file of the kept site that is a symbolic link, or that has another name elsewhere
    (a deploy step hard-linked it), is replaced, never written into."""
    out = tmp_path / "site"
    rebuild(repo, out)
    rebuild(repo, out)
    spare = tmp_path / ".site.spare"
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file")
    (spare / "index.html").unlink()
    (spare / "index.html").symlink_to(outside)
    elsewhere = tmp_path / "elsewhere.json"
    os.link(spare / "api/v2/summary.json", elsewhere)
    before = elsewhere.read_bytes()
    (repo / "incidents/2026-11-24-api/b.md").write_text(RESOLVED, encoding="utf-8")
    later = NOW + timedelta(minutes=1)
    rebuild(repo, out, later)
    assert outside.read_text() == "someone else's file"
    assert elsewhere.read_bytes() == before
    assert tree(out) == plain(repo, tmp_path / "plain", later)


@pytest.mark.parametrize("damage", ["garbage", "empty", "other-scope"])
def test_damaged_stamps_mean_every_file_is_written_again(
    repo: Path, tmp_path: Path, damage: str
) -> None:
    out = tmp_path / "site"
    for _ in range(2):
        rebuild(repo, out)
    stamps = repo / CACHE_DIR / STAMPS_FILE
    data = stamps.read_bytes()
    stamps.write_bytes(
        {"garbage": data[:40] + b"\x00" * (len(data) - 40), "empty": b"", "other-scope": b"x" * 80}[
            damage
        ]
    )
    (tmp_path / ".site.spare" / "index.html").write_text("stale")
    line = rebuild(repo, out)
    total = int(line.rsplit(" of ", 1)[1].split()[0])
    assert line.endswith(f"rewrote {total} of {total} files")
    assert tree(out) == plain(repo, tmp_path / "plain")


# A real limit, not a stand-in: the kernel refuses to let the process grow a file past
# RLIMIT_FSIZE (EFBIG once SIGXFSZ is ignored), after writing what fits.
_FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from statuspress.errors import UsageError
from statuspress.incremental.site import SiteRecycler
from statuspress.write import write_site
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
files = {"index.html": b"<p>new</p>\\n", "history/big.html": b"x" * 10000, "z.html": b"z"}
out, repository, cache = map(Path, sys.argv[1:])
try:
    write_site(files, out, repository, SiteRecycler(cache, out))
except UsageError as error:
    print(error)
    sys.exit(2)
"""


def written(files: dict[str, bytes], out: Path, cache: Path) -> None:
    recycler = SiteRecycler(cache, out)
    write_site(files, out, REPO_ROOT, recycler)
    recycler.save()


def test_a_failure_while_writing_over_the_kept_site_leaves_the_live_one(tmp_path: Path) -> None:
    """The kept site is written over under a private name: a failure there (a file larger
    than the system allows, as on a full disk) leaves the live site as it was and nothing
    beside it, and the next build writes a whole new one."""
    out, cache = tmp_path / "site", tmp_path / "cache"
    cache.mkdir()
    old = {"index.html": b"<p>old</p>\n", "history/big.html": b"small", "z.html": b"z"}
    written(old, out, cache)
    written(old, out, cache)
    assert (tmp_path / ".site.spare").is_dir()
    before = tree(out)
    refused_past_file_size_limit(_FILE_SIZE_LIMIT, str(out), str(REPO_ROOT), str(cache))
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]
    new = {"index.html": b"<p>new</p>\n", "history/big.html": b"x" * 10000, "z.html": b"z"}
    written(new, out, cache)
    assert {p: v for p, v in digest(out).items() if p != MARKER} == {
        p: hashlib.sha256(v).hexdigest() for p, v in new.items()
    }
