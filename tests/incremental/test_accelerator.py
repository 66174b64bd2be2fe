"""``build --incremental``: what it reuses, what it never trusts, and that its output is
always a plain build's."""

from __future__ import annotations

import marshal
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

import statuspress.incremental.keys
from statuspress.build import build
from statuspress.incremental.pages import PAGES_FILE
from statuspress.incremental.records import MAGIC, SCOPE_BYTES, Records
from statuspress.incremental.store import STORE_FILE
from statuspress.layout import CACHE_DIR
from statuspress.paths import SITE_DIGEST
from testsupport import OPEN_HEADER, OPEN_UPDATE, build_cli, digest, settle, tree

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
COMPONENT = "---\nname: API\n---\n"
OLD_HEADER = (
    "---\ntitle: Old slowdown\nseverity: sev3\nstarted: 2026-09-01T10:00:00Z\n"
    "components:\n  api: degraded_performance\n---\n"
)
OLD_UPDATE = "---\nat: 2026-09-01T11:00:00Z\nstatus: resolved\n---\nFine again.\n"
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


def incremental(repo: Path, out: Path, now: datetime = NOW) -> None:
    build(repo, out, now, incremental=True)


def assert_same_as_plain(repo: Path, tmp_path: Path, now: datetime = NOW) -> Path:
    """Build incrementally and plainly; the two sites must be identical."""
    warm, plain = tmp_path / "warm", tmp_path / "plain"
    incremental(repo, warm, now)
    build(repo, plain, now)
    assert digest(warm) == digest(plain)
    return warm


def rewrite_records(path: Path, change: Callable[[bytes, bytes], bytes | None]) -> None:
    """Give every record of a cache file the value ``change(key, value)`` returns (None:
    leave it), with a correct CRC: what a build would read if it had written that."""
    scope = path.read_bytes()[len(MAGIC) :][:SCOPE_BYTES]
    records = Records(path, scope)
    assert records._values, "the build kept nothing"
    changed = {k: change(k, bytes(v)) for k, v in records._values.items()}
    records.size = 0  # written whole, not appended
    records.save(changed)


def poison_pages(repo: Path, page: bytes) -> None:
    rewrite_records(repo / CACHE_DIR / PAGES_FILE, lambda key, value: page)


def poison_store(repo: Path, title: str) -> None:
    """Give every incident kept in the store the title ``title``: a build that takes an
    incident from the store instead of reading its folder shows it."""

    def retitle(key: bytes, value: bytes) -> bytes:
        signature, latest, files, (snapshot, findings) = marshal.loads(value)
        snapshot = (snapshot[0], title, *snapshot[2:])
        return marshal.dumps((signature, latest, files, (snapshot, findings)))

    rewrite_records(repo / CACHE_DIR / STORE_FILE, retitle)


def test_a_rebuild_is_byte_identical_to_a_plain_build_after_every_kind_of_change(
    repo: Path, tmp_path: Path
) -> None:
    settle(repo)
    assert_same_as_plain(repo, tmp_path / "start")
    changes: list[Callable[[], object]] = [
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
    for number, change in enumerate(changes):
        settle(repo)
        assert_same_as_plain(repo, tmp_path / f"settled{number}")  # the store is full
        change()
        assert_same_as_plain(repo, tmp_path / f"changed{number}")
    # A later "now": the open incident's page shows a longer duration.
    assert_same_as_plain(repo, tmp_path / "later", datetime(2026, 11, 24, 18, tzinfo=timezone.utc))


def test_unchanged_pages_come_from_the_cache_and_changed_ones_do_not(
    repo: Path, tmp_path: Path
) -> None:
    settle(repo)
    incremental(repo, tmp_path / "first")
    poison_pages(repo, b"from the cache")
    second = tmp_path / "second"
    incremental(repo, second)
    assert (second / OLD_PAGE).read_bytes() == b"from the cache"
    # The open incident's page shows the clock: a later "now" renders it again.
    later = tmp_path / "later"
    incremental(repo, later, datetime(2026, 11, 24, 18, tzinfo=timezone.utc))
    assert (later / OLD_PAGE).read_bytes() == b"from the cache"
    assert b"from the cache" not in (later / "incidents/2026-11-24-open/index.html").read_bytes()
    # An edited incident is rendered again; a plain build renders everything.
    (repo / "incidents/2026-09-01-old/a.md").write_text(OLD_UPDATE.replace("Fine", "All fine"))
    edited = tmp_path / "edited"
    incremental(repo, edited)
    assert b"All fine again." in (edited / OLD_PAGE).read_bytes()
    poison_pages(repo, b"from the cache")
    plain = tmp_path / "plain"
    build(repo, plain, NOW)
    assert b"All fine again." in (plain / OLD_PAGE).read_bytes()


def test_unchanged_folders_are_not_read_again_and_changed_ones_are(
    repo: Path, tmp_path: Path
) -> None:
    settle(repo)
    incremental(repo, tmp_path / "first")
    poison_store(repo, "Title from the store")
    (repo / "incidents/2026-11-24-open/a.md").write_text(OPEN_UPDATE.replace("Some", "Many"))
    second = tmp_path / "second"
    incremental(repo, second)
    feed = (second / "feed.atom").read_text()
    assert "Title from the store" in feed  # the unchanged folder was not read
    assert "Errors on the API" in feed  # the edited one was
    assert "Old slowdown" not in feed
    # The edited folder was written within the last seconds (it may change again unseen
    # within one tick of the file system's clock): the store did not keep it.
    poison_store(repo, "Title from the store")
    third = tmp_path / "third"
    incremental(repo, third)
    assert "Errors on the API" in (third / "feed.atom").read_text()


def flip_byte(data: bytes, where: float) -> bytes:
    index = len(MAGIC) + SCOPE_BYTES + int((len(data) - len(MAGIC) - SCOPE_BYTES) * where)
    return data[:index] + bytes([data[index] ^ 0x20]) + data[index + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated mid-record
        lambda data: b"not a cache at all",
        lambda data: data[:20] + bytes(32) + data[52:],  # another scope
        lambda data: b"",
        lambda data: flip_byte(data, 0.3),
        lambda data: flip_byte(data, 0.9),
        lambda data: data[:60] + bytes(len(data) - 120) + data[-60:],  # zero-filled
    ],
)
@pytest.mark.parametrize("name", [PAGES_FILE, STORE_FILE])
def test_a_damaged_cache_file_never_changes_what_is_published(
    repo: Path, tmp_path: Path, damage: Callable[[bytes], bytes], name: str
) -> None:
    settle(repo)
    incremental(repo, tmp_path / "first")
    if name == PAGES_FILE:
        poison_pages(repo, b"from the cache")
    cache_file = repo / CACHE_DIR / name
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    # A damaged record is never used: the page is the one a plain build renders, or
    # (where the damage missed every record) the one kept intact.
    site = tmp_path / "site"
    incremental(repo, site)
    plain = tmp_path / "plain"
    build(repo, plain, NOW)
    for path, value in digest(plain).items():
        if path == SITE_DIGEST:
            continue  # it covers the poisoned page: it differs exactly when that does
        page = (site / path).read_bytes()
        assert digest(site)[path] == value or page == b"from the cache", path
    # And a rebuild after the damage is a plain build's again.
    shutil.rmtree(repo / CACHE_DIR)
    assert_same_as_plain(repo, tmp_path / "after")


def test_the_cache_folder_ignores_itself_in_git(repo: Path, tmp_path: Path) -> None:
    incremental(repo, tmp_path / "site")
    assert (repo / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_plain_build_neither_reads_nor_writes_the_cache(repo: Path, tmp_path: Path) -> None:
    build(repo, tmp_path / "site", NOW)
    assert not (repo / CACHE_DIR).exists()
    settle(repo)
    incremental(repo, tmp_path / "first")
    poison_pages(repo, b"from the cache")
    build(repo, tmp_path / "plain", NOW)
    assert b"from the cache" not in (tmp_path / "plain" / OLD_PAGE).read_bytes()


def test_the_build_says_what_it_reused(repo: Path, tmp_path: Path) -> None:
    settle(repo)
    first = build_cli(repo, tmp_path / "first", "--incremental")
    assert "reused 0 of 2 incidents, 0 of 2 incident pages" in first.stdout
    second = build_cli(repo, tmp_path / "second", "--incremental")
    assert "reused 2 of 2 incidents, 2 of 2 incident pages" in second.stdout
    # The open incident's page shows the clock, so another "now" renders it again.
    later = build_cli(repo, tmp_path / "later", "--incremental", "--now", "2026-11-24T13:00:00Z")
    assert "reused 2 of 2 incidents, 1 of 2 incident pages" in later.stdout
    plain = build_cli(repo, tmp_path / "plain")
    assert "reused" not in plain.stdout


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
    first = build_cli(repo, tmp_path / "first", "--incremental")
    second = build_cli(repo, tmp_path / "second", "--incremental")
    assert first.returncode == second.returncode == 0
    assert "warning[language/" in first.stdout
    warnings = [line for line in first.stdout.splitlines() if "warning[" in line]
    assert warnings == [line for line in second.stdout.splitlines() if "warning[" in line]


def test_an_update_dated_after_a_later_builds_now_is_still_an_error(
    repo: Path, tmp_path: Path
) -> None:
    """The store keeps a check's findings; "now" moving back must not hide the lifecycle
    rule against updates from the future."""
    settle(repo)
    assert build_cli(repo, tmp_path / "first", "--incremental").returncode == 0
    earlier = build_cli(
        repo, tmp_path / "earlier", "--incremental", "--now", "2026-11-24T09:00:00Z"
    )
    assert earlier.returncode == 1
    assert "lifecycle/future" in earlier.stdout + earlier.stderr


def test_a_fresh_clone_with_the_cache_reads_its_files_but_parses_none(
    repo: Path, tmp_path: Path
) -> None:
    """A clone (or a checkout) gives every file a new inode and time: the store then
    compares the files' bytes, and restores the incidents whose files are the same."""
    settle(repo)
    incremental(repo, tmp_path / "first")
    poison_store(repo, "Title from the store")
    clone = tmp_path / "clone"
    shutil.copytree(repo, clone)  # new inodes; the cache folder comes along
    (clone / "incidents/2026-11-24-open/a.md").write_text(OPEN_UPDATE.replace("Some", "Many"))
    settle(clone)
    site = tmp_path / "site"
    incremental(clone, site)
    feed = (site / "feed.atom").read_text()
    assert "Title from the store" in feed  # same bytes: restored, not parsed
    assert "Errors on the API" in feed  # other bytes: parsed
    assert "Old slowdown" not in feed


def test_another_statuspress_trusts_nothing_an_earlier_one_cached(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scope holds a hash of statuspress's own files: an upgrade, or any change to its
    code during development, starts afresh."""
    settle(repo)
    incremental(repo, tmp_path / "first")
    poison_store(repo, "Title from the store")
    poison_pages(repo, b"from the cache")
    monkeypatch.setattr(statuspress.incremental.keys, "code_digest", lambda: b"another one")
    second = tmp_path / "second"
    incremental(repo, second)
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
    incremental(repo, tmp_path / "first")
    poison_store(repo, "Title from the store")
    git("add", "-f", CACHE_DIR)
    git("commit", "-q", "-m", "a planted cache")
    site = tmp_path / "site"
    done = build_cli(repo, site, "--incremental")
    assert done.returncode == 0
    assert "warning[build/cache-committed]" in done.stdout
    assert "git rm -r --cached .statuspress-cache" in done.stdout
    assert "Title from the store" not in (site / "feed.atom").read_text()
    git("rm", "-q", "-r", "--cached", CACHE_DIR)
    git("commit", "-q", "-m", "no cache in git")
    assert "cache-committed" not in build_cli(repo, tmp_path / "after", "--incremental").stdout


def test_a_cache_file_grows_by_appending_and_is_compacted_once_half_dead(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "records.bin"
    scope = bytes(SCOPE_BYTES)
    Records(path, scope).save({b"a": b"1" * 100, b"b": b"2" * 100})
    size = path.stat().st_size
    Records(path, scope).save({b"a": None, b"b": None, b"c": b"3" * 10})
    grown = path.stat().st_size
    assert grown > size  # appended
    records = Records(path, scope)
    assert {k: bytes(v) for k, v in records._values.items()} == {
        b"a": b"1" * 100,
        b"b": b"2" * 100,
        b"c": b"3" * 10,
    }
    Records(path, scope).save({b"c": None})  # two of three records dead: written whole
    assert path.stat().st_size < size
    assert {k: bytes(v) for k, v in Records(path, scope)._values.items()} == {b"c": b"3" * 10}


def test_the_cache_serves_the_repository_however_its_path_is_spelled(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(repo)
    incremental(repo.resolve(), tmp_path / "first")
    poison_pages(repo, b"from the cache")
    monkeypatch.chdir(repo.parent)
    incremental(Path(repo.name), tmp_path / "second")
    assert (tmp_path / "second" / OLD_PAGE).read_bytes() == b"from the cache"


def test_rebuilding_into_the_same_folder_gives_a_plain_builds_site(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    steps: list[Callable[[], object]] = [
        lambda: None,
        lambda: (repo / "incidents/2026-11-24-open/b.md").write_text(OPEN_NEXT),
        lambda: (out / "CNAME").write_text("status.example.com\n"),
        lambda: shutil.rmtree(repo / "incidents/2026-09-01-old"),
        lambda: (
            (repo / "incidents/2026-09-01-old").mkdir()
            or (repo / "incidents/2026-09-01-old/incident.md").write_text(OLD_HEADER)
        ),
        lambda: (repo / "incidents/2026-09-01-old/a.md").write_text(OLD_UPDATE),
    ]
    for number, step in enumerate(steps):
        settle(repo)
        step()
        incremental(repo, out)
        plain = tmp_path / f"plain{number}"
        build(repo, plain, NOW)
        assert tree(out) == tree(plain), f"after step {number}"
