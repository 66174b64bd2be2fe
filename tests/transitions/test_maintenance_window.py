"""A maintenance window follows its times on every output: before, inside and after the
window, cancelled, rescheduled, overrunning, and with the transitions turned off."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from testsupport import AFTER, BEFORE, INSIDE, MAINTENANCE, WINDOW, run, write_files


@pytest.fixture
def repo(window_repo: Path) -> Path:
    return window_repo


CANCEL = {
    f"{WINDOW}/20261208T0900Z-cancelled.md": """
        ---
        at: 2026-12-08T09:00:00Z
        status: cancelled
        ---
        We have cancelled this maintenance: checkout will not be affected on 10 December.
        """
}
RESCHEDULE = {
    f"{WINDOW}/20261208T0900Z-scheduled.md": """
        ---
        at: 2026-12-08T09:00:00Z
        status: scheduled
        next_update: 2026-12-12T02:00:00Z
        scheduled_start: 2026-12-12T02:00:00Z
        scheduled_end: 2026-12-12T04:00:00Z
        ---
        We have moved this maintenance to 12 December, 02:00 to 04:00 UTC.
        """
}


class Site:
    """One build of the repository at one moment, read back."""

    def __init__(self, root: Path, out: Path, now: str) -> None:
        code, output = run(root, "build", "--out", str(out), "--now", now)
        assert code == 0, output
        self.out = out

    def json(self, name: str) -> dict:  # type: ignore[type-arg]
        return json.loads((self.out / "api/v2" / name).read_text())

    def text(self, name: str) -> str:
        return (self.out / name).read_text()

    def window(self, name: str) -> list[dict]:  # type: ignore[type-arg]
        return self.json(name)["scheduled_maintenances"]

    def event(self) -> dict[str, str]:
        calendar = Calendar.from_ical((self.out / "maintenance.ics").read_bytes())
        (event,) = [c for c in calendar.walk() if c.name == "VEVENT"]
        return {
            "status": str(event["STATUS"]),
            "start": event["DTSTART"].dt.isoformat(),
            "end": event["DTEND"].dt.isoformat(),
        }

    def feed_titles(self) -> list[str]:
        feed = feedparser.parse(self.text("feed.atom"))
        return [entry.title for entry in feed.entries]


def test_before_the_window_it_is_upcoming_and_has_not_started(repo: Path, tmp_path: Path) -> None:
    site = Site(repo, tmp_path / "out", BEFORE)
    (upcoming,) = site.window("scheduled-maintenances/upcoming.json")
    assert upcoming["status"] == "scheduled"
    assert upcoming["scheduled_for"] == "2026-12-10T02:00:00.000Z"
    assert site.window("scheduled-maintenances/active.json") == []
    summary = site.json("summary.json")
    assert [m["status"] for m in summary["scheduled_maintenances"]] == ["scheduled"]
    assert summary["status"]["indicator"] == "none"
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "Started" not in page and "Open for" not in page and "Duration" not in page
    assert "Posted automatically" not in page
    index = site.text("index.html")
    assert "Open for" not in index and "Started" not in index
    assert site.event() == {
        "status": "CONFIRMED",
        "start": "2026-12-10T02:00:00+00:00",
        "end": "2026-12-10T04:00:00+00:00",
    }
    assert len(site.feed_titles()) == 1
    # "Last updated" is the announcement, not the window's start in the future.
    assert 'Last updated <time datetime="2026-12-01T10:00:00Z"' in index


def test_inside_the_window_it_is_in_progress_by_itself(repo: Path, tmp_path: Path) -> None:
    site = Site(repo, tmp_path / "out", INSIDE)
    assert site.window("scheduled-maintenances/upcoming.json") == []
    (active,) = site.window("scheduled-maintenances/active.json")
    assert active["status"] == "in_progress"
    assert active["started_at"] == "2026-12-10T02:00:00.000Z"
    started = active["incident_updates"][0]
    assert started["status"] == "in_progress"
    assert started["created_at"] == "2026-12-10T02:00:00.000Z"
    assert [(c["old_status"], c["new_status"]) for c in started["affected_components"]] == [
        ("operational", "under_maintenance")
    ]
    summary = site.json("summary.json")
    assert summary["status"]["indicator"] == "maintenance"
    assert [c["status"] for c in summary["components"]] == ["under_maintenance"]
    assert [m["status"] for m in summary["scheduled_maintenances"]] == ["in_progress"]
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "Posted automatically at the scheduled time." in page
    assert "The scheduled maintenance has started." in page
    assert "Open for" in page and "1 h" in page
    assert 'Last updated <time datetime="2026-12-10T02:00:00Z"' in page
    assert site.feed_titles()[0].startswith("Database upgrade")
    assert len(site.feed_titles()) == 2


def test_after_the_window_it_is_completed_by_itself(repo: Path, tmp_path: Path) -> None:
    site = Site(repo, tmp_path / "out", AFTER)
    assert site.window("scheduled-maintenances/upcoming.json") == []
    assert site.window("scheduled-maintenances/active.json") == []
    (done,) = site.window("scheduled-maintenances.json")
    assert done["status"] == "completed"
    assert done["resolved_at"] == "2026-12-10T04:00:00.000Z"
    assert [u["status"] for u in done["incident_updates"]] == [
        "completed",
        "in_progress",
        "scheduled",
    ]
    summary = site.json("summary.json")
    assert summary["status"]["indicator"] == "none"
    assert summary["scheduled_maintenances"] == []
    assert [c["status"] for c in summary["components"]] == ["operational"]
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "The scheduled maintenance has been completed." in page
    assert "<dt>Duration</dt><dd>2 h</dd>" in page
    assert site.event()["status"] == "CONFIRMED"
    assert len(site.feed_titles()) == 3


def test_an_update_written_by_someone_wins_over_the_clock(repo: Path, tmp_path: Path) -> None:
    write_files(
        repo,
        {
            f"{WINDOW}/20261210T0150Z-in-progress.md": """
                ---
                at: 2026-12-10T01:50:00Z
                status: in_progress
                next_update: 2026-12-10T04:00:00Z
                ---
                We started the upgrade ten minutes early. Checkout may be slow until 04:00 UTC.
                """,
            f"{WINDOW}/20261210T0350Z-in-progress.md": """
                ---
                at: 2026-12-10T03:50:00Z
                status: in_progress
                next_update: 2026-12-10T05:00:00Z
                scheduled_end: 2026-12-10T05:00:00Z
                ---
                The upgrade needs another hour. Checkout may be slow until 05:00 UTC.
                """,
        },
    )
    inside = Site(repo, tmp_path / "inside", "2026-12-10T04:30:00Z")
    (active,) = inside.window("scheduled-maintenances/active.json")
    assert active["started_at"] == "2026-12-10T01:50:00.000Z"  # the real start
    assert active["scheduled_until"] == "2026-12-10T05:00:00.000Z"
    assert [u["status"] for u in active["incident_updates"]] == [
        "in_progress",
        "in_progress",
        "scheduled",
    ]
    page = inside.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "The window now ends" in page
    after = Site(repo, tmp_path / "after", "2026-12-10T05:01:00Z")
    (done,) = after.window("scheduled-maintenances.json")
    assert done["resolved_at"] == "2026-12-10T05:00:00.000Z"


def test_cancelled_before_it_starts_never_shows_a_start(repo: Path, tmp_path: Path) -> None:
    write_files(repo, CANCEL)
    site = Site(repo, tmp_path / "out", INSIDE)
    assert site.window("scheduled-maintenances/upcoming.json") == []
    assert site.window("scheduled-maintenances/active.json") == []
    (window,) = site.window("scheduled-maintenances.json")
    # Statuspage's enum has no "cancelled": the window is closed, its update says why.
    assert window["status"] == "completed"
    assert [u["status"] for u in window["incident_updates"]] == ["completed", "scheduled"]
    ours = json.loads(site.text("api/statuspress.json"))
    (incident,) = ours["maintenance"]
    assert incident["status"] == "cancelled"
    assert site.json("summary.json")["status"]["indicator"] == "none"
    assert site.event()["status"] == "CANCELLED"
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "Cancelled" in page
    for absent in ("Started", "Open for", "Duration", "lasted", "Posted automatically"):
        assert absent not in page, absent


def test_rescheduling_moves_the_window_and_says_so(repo: Path, tmp_path: Path) -> None:
    write_files(repo, RESCHEDULE)
    site = Site(repo, tmp_path / "out", INSIDE)
    (upcoming,) = site.window("scheduled-maintenances/upcoming.json")
    assert upcoming["scheduled_for"] == "2026-12-12T02:00:00.000Z"
    assert upcoming["scheduled_until"] == "2026-12-12T04:00:00.000Z"
    assert site.window("scheduled-maintenances/active.json") == []
    assert site.event()["start"] == "2026-12-12T02:00:00+00:00"
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    assert "Rescheduled to" in page and "12 Dec 2026" in page
    assert "Started" not in page


@pytest.mark.parametrize(
    ("where", "setting"),
    [
        ("header", "auto_start: false\n"),
        ("site", "maintenance_auto_start: false\n"),
    ],
)
def test_the_automatic_start_can_be_turned_off(
    repo: Path, tmp_path: Path, where: str, setting: str
) -> None:
    if where == "header":
        header = textwrap.dedent(MAINTENANCE[f"{WINDOW}/incident.md"]).replace(
            "kind: maintenance\n", f"kind: maintenance\n{setting}"
        )
        (repo / WINDOW / "incident.md").write_text(header.lstrip())
    else:
        with (repo / "statuspress.yaml").open("a") as handle:
            handle.write(setting)
    site = Site(repo, tmp_path / "out", INSIDE)
    assert site.window("scheduled-maintenances/active.json") == []
    assert [m["status"] for m in site.window("scheduled-maintenances/upcoming.json")] == [
        "scheduled"
    ]


def test_the_automatic_completion_can_be_turned_off(repo: Path, tmp_path: Path) -> None:
    with (repo / "statuspress.yaml").open("a") as handle:
        handle.write("maintenance_auto_complete: false\n")
    site = Site(repo, tmp_path / "out", AFTER)
    (active,) = site.window("scheduled-maintenances/active.json")
    assert active["status"] == "in_progress"


def test_a_final_update_cannot_move_the_window(repo: Path) -> None:
    write_files(
        repo,
        {
            f"{WINDOW}/20261210T0500Z-completed.md": """
                ---
                at: 2026-12-10T05:00:00Z
                status: completed
                scheduled_end: 2026-12-10T06:00:00Z
                ---
                The upgrade is done.
                """,
        },
    )
    code, output = run(repo, "check", "--now", AFTER)
    assert code == 1
    assert f"{WINDOW}/20261210T0500Z-completed.md:4:16: error[schema/value]" in output
    assert "cannot move a window that this update ends" in output


# -- every output agrees, for every story at every moment -------------------------------


def observe(site: Site) -> dict[str, object]:
    """What each output says of the window, side by side."""
    summary = site.json("summary.json")
    (listed,) = site.window("scheduled-maintenances.json")
    page = site.text("incidents/2026-12-10-database-upgrade/index.html")
    return {
        "statuspage status": listed["status"],
        "upcoming": [m["status"] for m in site.window("scheduled-maintenances/upcoming.json")],
        "active": [m["status"] for m in site.window("scheduled-maintenances/active.json")],
        "summary": [m["status"] for m in summary["scheduled_maintenances"]],
        "indicator": summary["status"]["indicator"],
        "checkout": summary["components"][0]["status"],
        "statuspress status": json.loads(site.text("api/statuspress.json"))["maintenance"][0][
            "status"
        ],
        "feed items": len(site.feed_titles()),
        "calendar": site.event()["status"],
        "page shows a start": "<dt>Started</dt>" in page,
    }


@pytest.mark.parametrize(
    ("story", "now", "expected"),
    [
        ({}, BEFORE, ("scheduled", ["scheduled"], [], ["scheduled"], "none", "operational", "scheduled", 1, "CONFIRMED", False)),
        ({}, INSIDE, ("in_progress", [], ["in_progress"], ["in_progress"], "maintenance", "under_maintenance", "in_progress", 2, "CONFIRMED", True)),
        ({}, AFTER, ("completed", [], [], [], "none", "operational", "completed", 3, "CONFIRMED", True)),
        (CANCEL, INSIDE, ("completed", [], [], [], "none", "operational", "cancelled", 2, "CANCELLED", False)),
        (CANCEL, AFTER, ("completed", [], [], [], "none", "operational", "cancelled", 2, "CANCELLED", False)),
        (RESCHEDULE, INSIDE, ("scheduled", ["scheduled"], [], ["scheduled"], "none", "operational", "scheduled", 2, "CONFIRMED", False)),
        (RESCHEDULE, "2026-12-12T03:00:00Z", ("in_progress", [], ["in_progress"], ["in_progress"], "maintenance", "under_maintenance", "in_progress", 3, "CONFIRMED", True)),
        (RESCHEDULE, "2026-12-12T05:00:00Z", ("completed", [], [], [], "none", "operational", "completed", 4, "CONFIRMED", True)),
    ],
)  # fmt: skip
def test_every_output_tells_the_same_story(
    repo: Path, tmp_path: Path, story: dict[str, str], now: str, expected: tuple[object, ...]
) -> None:
    write_files(repo, story)
    facets = observe(Site(repo, tmp_path / "out", now))
    assert tuple(facets.values()) == expected, facets
