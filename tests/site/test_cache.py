"""The build cache: a rebuild reuses the incident pages nothing changed, and its output is
byte for byte that of a build without the cache, whatever changed in between."""

from __future__ import annotations

import marshal
import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_build import digest

import statuspress.cache
from statuspress.build import build
from statuspress.cache import (
    CACHE_DIR,
    PAGES_FILE,
    SITE_FILE,
    SPARE_DIR,
    STORE_FILE,
    IncidentStore,
    PageCache,
    _store_value,
    folder_signature,
)
from statuspress.snapshot import PackedIncident
from testsupport import NOW_ARG, build_cli

COMPONENT = "---\nname: API\n---\n"
OLD_HEADER = (
    "---\ntitle: Old slowdown\nseverity: sev3\nstarted: 2026-09-01T10:00:00Z\n"
    "components:\n  api: degraded_performance\n---\n"
)
OLD_UPDATE = "---\nat: 2026-09-01T11:00:00Z\nstatus: resolved\n---\nFine again.\n"
OPEN_HEADER = (
    "---\ntitle: Errors on the API\nseverity: sev2\nstarted: 2026-11-24T10:00:00Z\n"
    "components:\n  api: partial_outage\n---\n"
)
OPEN_UPDATE = (
    "---\nat: 2026-11-24T10:10:00Z\nstatus: investigating\nnext_update: 2026-11-24T10:40:00Z\n"
    "---\nSome requests fail. Next update by 10:40 UTC.\n"
)
OPEN_NEXT = (
    "---\nat: 2026-11-24T10:40:00Z\nstatus: identified\nnext_update: 2026-11-24T11:10:00Z\n"
    "---\nWe found the cause. Next update by 11:10 UTC.\n"
)
OLD_PAGE = "incidents/2026-09-01-old/index.html"


@pytest.fixture
def repo(write_repo: Callable[[dict[str, str]], Path]) -> Path:
    return write_repo(
        {
            "components/api.md": COMPONENT,
            "incidents/2026-09-01-old/incident.md": OLD_HEADER,
            "incidents/2026-09-01-old/a.md": OLD_UPDATE,
            "incidents/2026-11-24-open/incident.md": OPEN_HEADER,
            "incidents/2026-11-24-open/a.md": OPEN_UPDATE,
        }
    )


def assert_same_as_cold(repo: Path, tmp_path: Path, *extra: str) -> Path:
    """Build with the cache and without; the two sites must be identical."""
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    for out, flags in ((warm, extra), (cold, (*extra, "--no-cache"))):
        done = build_cli(repo, out, *flags)
        assert done.returncode == 0, done.stdout + done.stderr
    assert digest(warm) == digest(cold)
    return warm


def settle(repo: Path) -> None:
    """Date every file of ``repo`` an hour back, as files checked out well before a build
    are (the cache keeps no folder written in the last seconds: see SETTLE_NS)."""
    past = time.time() - 3600
    for path in repo.rglob("*"):
        if CACHE_DIR not in path.parts:
            os.utime(path, (past, past))


def poison(repo: Path, page: bytes) -> None:
    """Replace every cached page by ``page``: a build that uses the cache shows it."""
    folder = repo / CACHE_DIR
    data = (folder / PAGES_FILE).read_bytes()
    cache = PageCache(folder, data[len(b"statuspress-cache 1\n") :][:32])
    records = cache._records
    assert records.index, "the build left no cache"
    records.save(dict.fromkeys(records.index, page))


def test_a_rebuild_is_byte_identical_to_a_cold_build_after_every_kind_of_change(
    repo: Path, tmp_path: Path
) -> None:
    settle(repo)
    assert_same_as_cold(repo, tmp_path)
    changes: list[Callable[[], None]] = [
        lambda: (repo / "incidents/2026-11-24-open/b.md").write_text(OPEN_NEXT),
        lambda: (repo / "incidents/2026-09-01-old/a.md").write_text(
            OLD_UPDATE.replace("Fine again.", "Everything works again.")
        ),
        lambda: (repo / "incidents/2026-09-01-old/postmortem.md").write_text(
            "---\npublished: 2026-09-05T10:00:00Z\n---\nWhat happened.\n"
        ),
        lambda: (repo / "components/api.md").write_text("---\nname: Public API\n---\n"),
        lambda: (repo / "statuspress.yaml").write_text(
            "title: Example status\ntimezone: Europe/Berlin\n"
        ),
        lambda: (
            (repo / "site_templates").mkdir()
            or (repo / "site_templates/incident.html").write_text(
                '{% extends "default:incident.html" %}{% block title %}Changed{% endblock %}'
            )
        ),
    ]
    for change in changes:
        settle(repo)
        assert_same_as_cold(repo, tmp_path / "settled" / str(id(change)))  # the store is full
        change()
        assert_same_as_cold(repo, tmp_path / str(id(change)))
    # A later "now": the open incident's page shows a longer duration.
    assert_same_as_cold(repo, tmp_path / "later", "--now", "2026-11-24T18:00:00Z")


def test_unchanged_pages_come_from_the_cache_and_changed_ones_do_not(
    repo: Path, tmp_path: Path
) -> None:
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison(repo, b"from the cache")
    second = tmp_path / "second"
    assert build_cli(repo, second).returncode == 0
    assert (second / OLD_PAGE).read_bytes() == b"from the cache"
    # The open incident's page shows the clock: a later "now" renders it again.
    later = tmp_path / "later"
    assert build_cli(repo, later, "--now", "2026-11-24T18:00:00Z").returncode == 0
    assert (later / OLD_PAGE).read_bytes() == b"from the cache"
    assert b"from the cache" not in (later / "incidents/2026-11-24-open/index.html").read_bytes()
    # So do months of history: one whose incidents are unchanged is kept, one listing the
    # open incident is rendered again.
    assert (later / "history/2026-09/index.html").read_bytes() == b"from the cache"
    assert b"from the cache" not in (later / "history/2026-11/index.html").read_bytes()
    # A new month changes every month's navigation.
    (repo / "incidents/2026-10-02-new").mkdir()
    (repo / "incidents/2026-10-02-new/incident.md").write_text(OLD_HEADER.replace("09-01", "10-02"))
    (repo / "incidents/2026-10-02-new/a.md").write_text(OLD_UPDATE.replace("09-01", "10-02"))
    newer = tmp_path / "newer"
    assert build_cli(repo, newer).returncode == 0
    assert b"2026-10/" in (newer / "history/2026-09/index.html").read_bytes()
    # An edited incident is rendered again; --no-cache renders everything.
    (repo / "incidents/2026-09-01-old/a.md").write_text(OLD_UPDATE.replace("Fine", "All fine"))
    edited = tmp_path / "edited"
    assert build_cli(repo, edited).returncode == 0
    assert b"All fine again." in (edited / OLD_PAGE).read_bytes()
    poison(repo, b"from the cache")
    fresh = tmp_path / "fresh"
    assert build_cli(repo, fresh, "--no-cache").returncode == 0
    assert b"All fine again." in (fresh / OLD_PAGE).read_bytes()


def _bad_shape(data: bytes) -> bytes:
    """The same header and a well-formed value of the wrong shape (for site.bin: the
    same output folder, with entries that are not (key, inode, size, time))."""
    try:
        out = marshal.loads(data[52:])[0]
    except (EOFError, ValueError, TypeError, IndexError, KeyError):
        out = "/"
    return data[:52] + marshal.dumps((out, {OLD_PAGE: 1}, {OLD_PAGE: 2}))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated mid-record
        lambda data: b"not a cache at all",
        lambda data: data[:20] + bytes(32) + data[52:],  # another scope
        lambda data: b"",
        lambda data: _bad_shape(data),
    ],
)
@pytest.mark.parametrize("name", [PAGES_FILE, STORE_FILE, SITE_FILE])
def test_a_damaged_cache_is_ignored(
    repo: Path, tmp_path: Path, damage: Callable[[bytes], bytes], name: str
) -> None:
    settle(repo)
    assert build_cli(repo, tmp_path / "warm").returncode == 0  # the folder built again
    cache_file = repo / CACHE_DIR / name
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    assert_same_as_cold(repo, tmp_path)


def test_the_cache_folder_ignores_itself_in_git(repo: Path, tmp_path: Path) -> None:
    assert build_cli(repo, tmp_path / "site").returncode == 0
    assert (repo / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"


def poison_store(repo: Path, title: str, *, checksum: bool = True) -> None:
    """Give every incident kept in the store the title ``title``: a build that takes an
    incident from the store instead of reading its folder shows it. Without ``checksum``
    the entries keep the CRC of their old bytes, as a damaged file would."""
    folder = repo / CACHE_DIR
    scope = (folder / STORE_FILE).read_bytes()[len(b"statuspress-cache 1\n") :][:32]
    store = IncidentStore(folder, scope, datetime(2026, 11, 24, 12, tzinfo=timezone.utc))
    records = store._records
    assert records.index, "the build kept no incidents"
    for key in records.index:
        view = records.view(key)
        value = None if view is None else bytes(view)
        assert value is not None
        (length,) = struct.unpack_from("<I", value)
        meta, blob = value[4 : 4 + length], value[4 + length :]
        (head,) = struct.unpack_from("<I", blob)  # (snapshot, findings), then the updates
        snapshot, findings = marshal.loads(blob[4 : 4 + head])
        renamed = marshal.dumps(((snapshot[0], title, *snapshot[2:]), findings))
        changed = struct.pack("<I", len(renamed)) + renamed + blob[4 + head :]
        signature, latest, files, _ = marshal.loads(meta)  # the last: the CRC of the blob
        store._new[key] = (
            _store_value((signature, latest, files), changed)
            if checksum
            else value[:4] + meta + changed
        )
    store.save()


def test_unchanged_folders_are_not_read_again_and_changed_ones_are(
    repo: Path, tmp_path: Path
) -> None:
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison_store(repo, "Title from the store")
    (repo / "incidents/2026-11-24-open/a.md").write_text(OPEN_UPDATE.replace("Some", "Many"))
    second = tmp_path / "second"
    assert build_cli(repo, second).returncode == 0
    feed = (second / "feed.atom").read_text()  # lists both incidents by title
    assert "Title from the store" in feed  # the unchanged folder was not read
    assert "Errors on the API" in feed  # the edited one was
    assert "Old slowdown" not in feed
    # The edited folder was written within the last seconds (it may change again unseen
    # within one tick of the file system's clock): the store did not keep it.
    poison_store(repo, "Title from the store")
    third = tmp_path / "third"
    assert build_cli(repo, third).returncode == 0
    feed = (third / "feed.atom").read_text()
    assert "Errors on the API" in feed
    assert "Title from the store" in feed


def test_a_store_entry_whose_bytes_changed_is_never_restored(repo: Path, tmp_path: Path) -> None:
    # Updates are decoded only when a page needs them, long after the entry was chosen:
    # the entry's CRC decides up front that its bytes are those written.
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison_store(repo, "Title from the store", checksum=False)
    site = assert_same_as_cold(repo, tmp_path)
    assert "Title from the store" not in (site / "feed.atom").read_text()


def test_a_rebuild_reports_the_same_warnings(write_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = write_repo(
        {
            "components/api.md": COMPONENT,
            "incidents/2026-09-01-old/incident.md": OLD_HEADER,
            "incidents/2026-09-01-old/a.md": OLD_UPDATE.replace(
                "Fine again.", "Fine again after a rollback of deploy 3f9c2ab."
            ),
        }
    )
    settle(repo)
    first = build_cli(repo, tmp_path / "first")
    second = build_cli(repo, tmp_path / "second")
    assert first.returncode == second.returncode == 0
    assert "warning[language/" in first.stderr + first.stdout
    assert second.stdout.replace("second", "first") == first.stdout


def test_an_update_dated_after_a_later_builds_now_is_still_an_error(
    repo: Path, tmp_path: Path
) -> None:
    """The store keeps a check's findings; "now" moving back must not hide the lifecycle
    rule against updates from the future."""
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    earlier = build_cli(repo, tmp_path / "earlier", "--now", "2026-11-24T09:00:00Z")
    assert earlier.returncode == 1
    assert "lifecycle/future" in earlier.stdout + earlier.stderr


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder of ``folder`` (an empty folder a cold build lacks counts)."""
    found = digest(folder)
    found.update(
        {p.relative_to(folder).as_posix() + "/": "" for p in folder.rglob("*") if p.is_dir()}
    )
    return found


def test_building_into_the_same_folder_again_and_again_gives_a_cold_builds_site(
    repo: Path, tmp_path: Path
) -> None:
    """The second build links the first one's unchanged files; from the third on, the site
    replaced two builds ago is taken over and only what changed is written. Edits to the
    published site between builds (in place, added files) must not survive either way."""
    out = tmp_path / "site"
    steps: list[Callable[[], object]] = [
        lambda: None,
        lambda: (repo / "incidents/2026-11-24-open/b.md").write_text(OPEN_NEXT),
        lambda: (out / OLD_PAGE).write_bytes((out / OLD_PAGE).read_bytes().replace(b"<", b">", 1)),
        lambda: (out / "CNAME").write_text("status.example.com\n"),
        lambda: (out / "incidents/extra").mkdir(),
        lambda: shutil.rmtree(repo / "incidents/2026-09-01-old"),
        lambda: None,
        lambda: (
            (repo / "incidents/2026-09-01-old").mkdir()
            or (repo / "incidents/2026-09-01-old/incident.md").write_text(OLD_HEADER)  # no update
        ),
        lambda: (repo / "incidents/2026-09-01-old/a.md").write_text(OLD_UPDATE),
        lambda: None,
    ]
    for number, step in enumerate(steps):
        if out.exists():
            settle(repo)
        step()
        assert build_cli(repo, out).returncode == 0
        cold = tmp_path / f"cold{number}"
        assert build_cli(repo, cold, "--no-cache").returncode == 0
        assert tree(out) == tree(cold), f"after step {number}"
    spare = repo / CACHE_DIR / SPARE_DIR
    assert spare.is_dir(), "the replaced site was not kept"
    # The spare shares files with the published site: a build never writes into one.
    assert any(
        (spare / p).is_file() and (spare / p).stat().st_ino == (out / p).stat().st_ino
        for p in digest(out)
    )


def test_a_fresh_clone_with_the_cache_reads_its_files_but_parses_none(
    repo: Path, tmp_path: Path
) -> None:
    """A clone (or a checkout) gives every file a new inode and time: the store then
    compares the files' bytes, and restores the incidents whose files are the same."""
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison_store(repo, "Title from the store")
    clone = tmp_path / "clone"
    shutil.copytree(repo, clone)  # new inodes; the cache folder comes along
    (clone / "incidents/2026-11-24-open/a.md").write_text(OPEN_UPDATE.replace("Some", "Many"))
    settle(clone)
    site = tmp_path / "site"
    assert build_cli(clone, site).returncode == 0
    feed = (site / "feed.atom").read_text()
    assert "Title from the store" in feed  # same bytes: restored, not parsed
    assert "Errors on the API" in feed  # other bytes: parsed
    assert "Old slowdown" not in feed
    # The restored entry now carries the clone's signature: the next build compares
    # stat results only, without reading the files again.
    folder = clone / CACHE_DIR
    scope = (folder / STORE_FILE).read_bytes()[len(b"statuspress-cache 1\n") :][:32]
    store = IncidentStore(folder, scope, datetime(2026, 11, 24, 12, tzinfo=timezone.utc))
    meta = store._meta("2026-09-01-old")
    assert meta is not None
    assert meta[0] == folder_signature(str(clone / "incidents/2026-09-01-old"))


def test_another_statuspress_trusts_nothing_an_earlier_one_cached(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scope holds a hash of statuspress's own files: an upgrade, or any change to its
    code during development, starts afresh."""
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison_store(repo, "Title from the store")
    poison(repo, b"from the cache")
    monkeypatch.setattr(statuspress.cache, "code_digest", lambda: b"another statuspress")
    second = tmp_path / "second"
    build(repo, second, datetime(2026, 11, 24, 12, tzinfo=timezone.utc))
    assert "Title from the store" not in (second / "feed.atom").read_text()
    assert b"from the cache" not in (second / OLD_PAGE).read_bytes()


def test_a_cache_committed_to_git_is_never_trusted(repo: Path, tmp_path: Path) -> None:
    """A pull request can force-add the ignored cache folder; a build must then publish
    only the reviewed files, and say why it did not use the cache."""

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "content")
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0
    poison_store(repo, "Title from the store")
    git("add", "-f", CACHE_DIR)
    git("commit", "-q", "-m", "a planted cache")
    site = tmp_path / "site"
    done = build_cli(repo, site)
    assert done.returncode == 0
    assert "warning[build/cache-committed]" in done.stdout
    assert "git rm -r --cached .statuspress-cache" in done.stdout
    assert "Title from the store" not in (site / "feed.atom").read_text()
    git("rm", "-q", "-r", "--cached", CACHE_DIR)
    git("commit", "-q", "-m", "no cache in git")
    assert "cache-committed" not in build_cli(repo, tmp_path / "after").stdout


def test_a_cache_file_grows_by_appending_and_is_compacted_once_half_dead(tmp_path: Path) -> None:
    from statuspress.cache import _Records

    path = tmp_path / "cache" / "records.bin"
    scope = bytes(32)
    live = {f"page{n}".encode(): bytes([n]) * 100 for n in range(10)}
    _Records(path, scope).save(live)
    appended = compacted = 0
    for step in range(40):
        records = _Records(path, scope)
        # Every live value reads back (dropped ones may linger as dead records).
        assert {k: _bytes(records.view(k)) for k in live} == live, step
        inode, size = path.stat().st_ino, path.stat().st_size
        # One page changes (its old value dies), one is added, one is dropped.
        changed = f"page{step % 10}".encode()
        new = {changed: bytes([step]) * 100, f"new{step}".encode(): b"n" * 100}
        dropped = next(k for k in sorted(live) if k not in new)
        live = {k: v for k, v in {**live, **new}.items() if k != dropped}
        records.save({k: new.get(k) if k in new or k not in records.index else None for k in live})
        after = path.stat()
        if after.st_ino == inode:
            appended += 1
            assert after.st_size > size
        else:
            compacted += 1
        live_size = sum(len(k) + len(v) + 6 for k, v in live.items())
        assert after.st_size <= 2 * live_size + 200, step  # never more than half dead
    assert appended > compacted > 0
    # An append cut short loses only itself.
    whole = path.read_bytes()
    path.write_bytes(whole + whole[-50:-10])
    records = _Records(path, scope)
    assert {k: _bytes(records.view(k)) for k in live} == live


def test_the_cache_serves_the_repository_however_its_path_is_spelled(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(repo)
    assert build_cli(repo, tmp_path / "first").returncode == 0  # an absolute --repo
    poison(repo, b"from the cache")
    monkeypatch.chdir(repo.parent)
    second = tmp_path / "second"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "statuspress",
            "--repo",
            repo.name,
            "build",
            "--out",
            str(second),
            "--now",
            NOW_ARG,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (second / OLD_PAGE).read_bytes() == b"from the cache"


def test_a_rebuild_decodes_only_the_incidents_it_shows(tmp_path: Path) -> None:
    # The whole-history passes (view, timeline, page keys, months, feeds' selection,
    # metrics, sitemap) run on what the store keeps with each incident; only the pages,
    # feed items and JSON objects that show updates decode them.
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from generate import NOW, generate

    repo = generate(tmp_path / "repo", 600, seed=11)
    settle(repo)
    build(repo, tmp_path / "site", NOW)
    newest = sorted((repo / "incidents").iterdir())[-1]
    (newest / "20261124T1155Z-identified.md").write_text(
        "---\nat: 2026-11-24T11:55:00Z\nstatus: identified\nnext_update: 2026-11-24T12:25:00Z\n"
        "---\nWe have found the cause. We will post the next update by 12:25 UTC.\n"
    )
    before = PackedIncident.unpacked
    build(repo, tmp_path / "site", NOW)
    decoded = PackedIncident.unpacked - before
    assert 0 < decoded < 300, decoded
    build(repo, tmp_path / "cold", NOW, cache=False)
    assert digest(tmp_path / "site") == digest(tmp_path / "cold")


def test_a_build_refused_after_its_folder_was_made_ready_leaves_nothing_behind(
    repo: Path, tmp_path: Path
) -> None:
    # Once the content passes, the folder the next site is written to is made ready in a
    # second process while the site renders; a build that fails then (a theme override
    # with an error) must leave the published site as it was, and no folder beside it.
    site = tmp_path / "site"
    for _ in range(2):  # the second build takes over the spare site the first one left
        assert build_cli(repo, site).returncode == 0
    before = digest(site)
    (repo / "site_templates").mkdir()
    (repo / "site_templates/index.html").write_text(
        '{% extends "default:base.html" %}\n{% block content %}\n{{ index.nope.deeper }}\n'
        "{% endblock %}\n"
    )
    done = build_cli(repo, site)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error[template/render]" in done.stdout
    assert digest(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site")] == []
    shutil.rmtree(repo / "site_templates")
    assert_same_as_cold(repo, tmp_path / "again")  # and the next build is still right


def test_a_spare_site_no_record_describes_is_replaced_not_reused(
    repo: Path, tmp_path: Path
) -> None:
    # Left by another version of statuspress (its site.bin is out of scope, or gone).
    stale = repo / CACHE_DIR / SPARE_DIR
    (stale / "incidents/planted").mkdir(parents=True)
    (stale / "incidents/planted/index.html").write_text("planted")
    site = assert_same_as_cold(repo, tmp_path)
    assert not (site / "incidents/planted").exists()
    assert not (stale / "incidents/planted").exists()


def _bytes(view: memoryview | None) -> bytes | None:
    return None if view is None else bytes(view)


def test_when_readying_the_output_folder_fails_in_the_second_process_the_build_does_it(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import statuspress.build

    here = os.getpid()
    real = statuspress.build.prepare_staging

    def failing_elsewhere(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != here:
            raise PermissionError("no room here")
        return real(*args, **kwargs)

    monkeypatch.setattr(statuspress.build, "prepare_staging", failing_elsewhere)
    now = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
    site = tmp_path / "site"
    for _ in range(3):  # cold, then from the current site, then from the spare
        build(repo, site, now)
    build(repo, tmp_path / "cold", now, cache=False)
    assert digest(site) == digest(tmp_path / "cold")
