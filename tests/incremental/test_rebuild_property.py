"""A property of the rebuild accelerator: whatever sequence of edits happens between builds
(to the content, the settings, the clock, the file times or the published site itself),
``build --incremental`` writes exactly the site a plain build writes."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.build import build
from testsupport import tree

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)


def header(title: str, started: str, severity: str = "sev3") -> str:
    return (
        f"---\ntitle: {title}\nseverity: {severity}\nstarted: {started}\n"
        "components:\n  api: degraded_performance\n---\n"
    )


def update(at: str, status: str, text: str, next_update: str | None = None) -> str:
    promise = f"next_update: {next_update}\n" if next_update else ""
    return f"---\nat: {at}\nstatus: {status}\n{promise}---\n{text}\n"


START = {
    "components/api.md": "---\nname: API\n---\n",
    "components/db.md": "---\nname: Database\n---\n",
    "incidents/2026-09-01-slow/incident.md": header("Slow pages", "2026-09-01T10:00:00Z"),
    "incidents/2026-09-01-slow/a.md": update("2026-09-01T11:00:00Z", "resolved", "Fine again."),
    "incidents/2026-10-05-mail/incident.md": header("Late emails", "2026-10-05T08:00:00Z"),
    "incidents/2026-10-05-mail/a.md": update("2026-10-05T09:00:00Z", "resolved", "Delivered."),
    "incidents/2026-11-24-api/incident.md": header("API errors", "2026-11-24T10:00:00Z", "sev2"),
    "incidents/2026-11-24-api/a.md": update(
        "2026-11-24T10:10:00Z",
        "investigating",
        "Some requests fail. We will post the next update by 10:40 UTC.",
        "2026-11-24T10:40:00Z",
    ),
}


class Repo:
    def __init__(self, root: Path, out: Path) -> None:
        self.root, self.out = root, out
        self.now = NOW
        self.added = 0

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    # -- the edits ------------------------------------------------------------------------
    def add_update(self) -> None:
        self.added += 1
        at = datetime(2026, 11, 24, 10, 10) + timedelta(minutes=30 * self.added)
        self.now = max(self.now, (at + timedelta(minutes=1)).replace(tzinfo=timezone.utc))
        stamp = at.strftime("%Y-%m-%dT%H:%M:00Z")
        promise = (at + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:00Z")
        self.write(
            f"incidents/2026-11-24-api/u{self.added:02d}.md",
            update(
                stamp,
                "identified",
                f"We found the cause. We will post the next update by {promise[11:16]} UTC.",
                promise,
            ),
        )

    def edit_text(self) -> None:
        path = self.root / "incidents/2026-09-01-slow/a.md"
        if path.exists():
            text = path.read_text()
            path.write_text(text.replace("again", "once more") if "again" in text else text + "\n")

    def same_size_edit(self) -> None:
        path = self.root / "incidents/2026-10-05-mail/a.md"
        if path.exists():
            text = path.read_text()
            path.write_text(
                text.replace("Delivered.", "Sent out..")
                if "Delivered." in text
                else text.replace("Sent out..", "Delivered.")
            )

    def delete_incident(self) -> None:
        shutil.rmtree(self.root / "incidents/2026-10-05-mail", ignore_errors=True)

    def add_incident(self) -> None:
        self.write(
            "incidents/2026-10-05-mail/incident.md", header("Late emails", "2026-10-05T08:00:00Z")
        )
        self.write(
            "incidents/2026-10-05-mail/a.md",
            update("2026-10-05T09:00:00Z", "resolved", "Delivered."),
        )

    def rename_component(self) -> None:
        path = self.root / "components/api.md"
        name = "Public API" if "name: API\n" in path.read_text() else "API"
        path.write_text(f"---\nname: {name}\n---\n")

    def change_settings(self) -> None:
        path = self.root / "statuspress.yaml"
        zone = "Europe/Berlin" if not path.exists() or "UTC" in path.read_text() else "UTC"
        path.write_text(f"title: Example status\ntimezone: {zone}\n")

    def later_now(self) -> None:
        self.now += timedelta(hours=3)

    def touch_everything(self) -> None:
        for path in (self.root / "incidents").rglob("*"):
            os.utime(path)

    def edit_published_site(self) -> None:
        page = self.out / "incidents/2026-09-01-slow/index.html"
        if page.exists():
            page.write_bytes(page.read_bytes().replace(b"<", b">", 1))
        if self.out.exists():
            (self.out / "CNAME").write_text("status.example.com\n")

    def tamper_with_spare(self) -> None:
        """Change the site the next rebuild writes over (kept beside the live one): a file
        edited, one replaced by a folder, a folder by a file, strays added."""
        spare = self.out.parent / f".{self.out.name}.spare"
        if not spare.is_dir():
            return
        page = spare / "index.html"
        if page.is_file():
            page.write_bytes(page.read_bytes() + b"<!-- edited -->")
        feed = spare / "feed.atom"
        if feed.is_file():
            feed.unlink()
            (feed / "inside").mkdir(parents=True)
        history = spare / "history"
        if history.is_dir():
            shutil.rmtree(history)
            history.write_text("not a folder")
        (spare / "stray.txt").write_text("left by someone")
        (spare / "incidents" / "stray-folder").mkdir(parents=True, exist_ok=True)

    def plain_build_between(self) -> None:
        build(self.root, self.out, self.now)

    def settle(self) -> None:
        past = time.time() - 3600
        for path in self.root.rglob("*"):
            if ".statuspress-cache" not in path.parts:
                os.utime(path, (past, past))


EDITS: list[Callable[[Repo], None]] = [
    Repo.add_update,
    Repo.edit_text,
    Repo.same_size_edit,
    Repo.delete_incident,
    Repo.add_incident,
    Repo.rename_component,
    Repo.change_settings,
    Repo.later_now,
    Repo.touch_everything,
    Repo.edit_published_site,
    Repo.tamper_with_spare,
    Repo.plain_build_between,
    Repo.settle,
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(EDITS), min_size=1, max_size=6))
def test_any_sequence_of_edits_builds_what_a_build_without_the_cache_builds(
    edits: list[Callable[[Repo], None]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        repo = Repo(Path(folder) / "repo", Path(folder) / "site")
        for name, text in START.items():
            repo.write(name, text)
        repo.settle()
        build(repo.root, repo.out, repo.now, incremental=True)
        for step, edit in enumerate(edits):
            edit(repo)
            build(repo.root, repo.out, repo.now, incremental=True)
            cold = Path(folder) / f"cold{step}"
            build(repo.root, cold, repo.now)
            assert tree(repo.out) == tree(cold), f"after {[e.__name__ for e in edits[: step + 1]]}"
