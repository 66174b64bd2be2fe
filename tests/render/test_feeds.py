"""RSS, Atom, iCalendar, badge and statuspress.json: valid, not just parseable."""

from __future__ import annotations

import email.utils
import json
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from testsupport import DEMO_NOW, REPO_ROOT, build_cli, require_tool

RNC = REPO_ROOT / "tests" / "fixtures" / "atom.rnc"
ATOM = "{http://www.w3.org/2005/Atom}"


def _public_update_count() -> int:
    """The demo's feed items: every public update, and every published incident review."""
    from statuspress.audience import public_view
    from statuspress.load import load_site
    from statuspress.timeline import review_published

    site = public_view(load_site(REPO_ROOT).site)
    reviews = sum(1 for i in site.incidents if review_published(i, DEMO_NOW))
    return sum(len(i.updates) for i in site.incidents) + reviews


@pytest.mark.parametrize(
    "name",
    ["feed.atom", "feed.rss", "components/checkout/feed.atom", "components/checkout/feed.rss"],
)
def test_feedparser_reads_every_feed_without_complaint(demo_site: Path, name: str) -> None:
    parsed = feedparser.parse((demo_site / name).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries


@pytest.mark.tools
@pytest.mark.parametrize(
    "name", ["feed.atom", "components/checkout/feed.atom", "components/sign-in/feed.atom"]
)
def test_atom_feeds_validate_against_the_rfc_4287_schema(demo_site: Path, name: str) -> None:
    require_tool("jing", shutil.which("jing") is not None)
    done = subprocess.run(
        ["jing", "-c", str(RNC), str(demo_site / name)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.tools
def test_the_atom_schema_check_would_catch_an_invalid_feed(tmp_path: Path) -> None:
    require_tool("jing", shutil.which("jing") is not None)
    bad = tmp_path / "bad.atom"
    bad.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    assert (
        subprocess.run(
            ["jing", "-c", str(RNC), str(bad)], capture_output=True, check=False
        ).returncode
        != 0
    )


def test_one_atom_entry_per_public_update_newest_first_with_stable_ids(demo_site: Path) -> None:
    root = etree.parse(str(demo_site / "feed.atom")).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == _public_update_count()
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert (
        ids[0]
        == "https://status.acme.example/incidents/2026-11-24-slow-checkout/#update-20261124T1148Z-identified"
    )
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert (
        self_link is not None and self_link.get("href") == "https://status.acme.example/feed.atom"
    )
    assert root.findtext(f"{ATOM}updated") == updated[0]


def test_rss_has_required_elements_and_rfc_822_dates(demo_site: Path) -> None:
    channel = etree.parse(str(demo_site / "feed.rss")).getroot().find("channel")
    assert channel is not None
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    assert channel.findtext("link") == "https://status.acme.example/"
    items = channel.findall("item")
    assert len(items) == _public_update_count()
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate") or "") for i in items]
    assert dates == sorted(dates, reverse=True)
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "true"
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate") or "") == dates[0]


def test_feeds_are_capped_by_feed_limit(write_repo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = {"statuspress.yaml": "feed_limit: 3\n", "components/api.md": "---\nname: API\n---\n"}
    for day in range(1, 6):
        folder = f"incidents/2026-11-0{day}-x"
        files[f"{folder}/incident.md"] = (
            f"---\ntitle: Slow {day}\nseverity: sev3\nstarted: 2026-11-0{day}T09:00:00Z\ncomponents:\n  api: degraded_performance\n---\n"
        )
        files[f"{folder}/a.md"] = (
            f"---\nat: 2026-11-0{day}T09:10:00Z\nstatus: resolved\n---\nFine.\n"
        )
    out = tmp_path / "site"
    assert build_cli(write_repo(files), out).returncode == 0
    titles = [e.title for e in feedparser.parse((out / "feed.atom").read_bytes()).entries]
    assert titles == ["Slow 5 — Resolved", "Slow 4 — Resolved", "Slow 3 — Resolved"]


def test_a_component_feed_holds_only_that_components_updates(demo_site: Path) -> None:
    titles = {
        e.title
        for e in feedparser.parse((demo_site / "components/sign-in/feed.atom").read_bytes()).entries
    }
    assert titles and all(t.startswith("Some customers could not sign in") for t in titles)


def test_maintenance_calendar_parses_back_with_icalendar(demo_site: Path) -> None:
    import icalendar

    raw = (demo_site / "maintenance.ics").read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "2026-09-09-billing-maintenance@status.acme.example",
        "2026-11-28-network-maintenance@status.acme.example",
    }
    upcoming = events["2026-11-28-network-maintenance@status.acme.example"]
    assert upcoming.decoded("DTSTART").isoformat() == "2026-11-28T02:00:00+00:00"
    assert upcoming.decoded("DTEND").isoformat() == "2026-11-28T04:00:00+00:00"
    assert int(upcoming["SEQUENCE"]) == 0
    assert int(events["2026-09-09-billing-maintenance@status.acme.example"]["SEQUENCE"]) == 2
    assert (
        str(upcoming["URL"])
        == "https://status.acme.example/incidents/2026-11-28-network-maintenance/"
    )
    assert "Public API" in str(upcoming["DESCRIPTION"])


def test_badge_endpoint_follows_the_shields_io_schema(demo_site: Path) -> None:
    badge = json.loads((demo_site / "api/badge.json").read_text())
    assert badge == {
        "schemaVersion": 1,
        "label": "status",
        "message": "partial system outage",
        "color": "orange",
    }
    svg = etree.fromstring((demo_site / "badge.svg").read_bytes())
    assert svg.get("role") == "img" and svg.findtext("{http://www.w3.org/2000/svg}title")


def test_statuspress_json_validates_against_its_documented_schema(demo_site: Path) -> None:
    import jsonschema

    schema = json.loads((REPO_ROOT / "docs" / "statuspress.schema.json").read_text())
    document = json.loads((demo_site / "api/statuspress.json").read_text())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(document)] == []
    slow = next(i for i in document["incidents"] if i["id"] == "2026-11-24-slow-checkout")
    assert slow["next_update"] == "2026-11-24T12:45:00Z" and slow["severity"] == "sev2"
    assert slow["customer_impact"] == {
        "start": "2026-11-24T11:02:00Z",
        "end": None,
        "seconds": 58 * 60,
    }
    bad = {**document, "generated_at": "yesterday"}
    assert list(validator.iter_errors(bad)), "the format checker must reject a non-RFC 3339 time"
