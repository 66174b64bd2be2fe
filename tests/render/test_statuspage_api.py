"""api/v2/*.json have exactly the keys and value types of real Statuspage documents."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from testsupport import REPO_ROOT, build_cli

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "statuspage"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$")
ID = re.compile(r"^[0-9a-z]{12}$")
COMPONENT_STATUSES = {
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
}


def load(site: Path, name: str) -> Any:
    return json.loads((site / "api" / "v2" / name).read_text())


def same_shape(ours: Any, theirs: Any, where: str = "$") -> list[str]:
    """Differences in keys and value types (None and str are interchangeable: nullable)."""
    problems: list[str] = []
    if isinstance(theirs, dict):
        if not isinstance(ours, dict):
            return [f"{where}: expected an object"]
        if set(ours) != set(theirs):
            problems.append(
                f"{where}: keys differ: extra {sorted(set(ours) - set(theirs))}, missing {sorted(set(theirs) - set(ours))}"
            )
        for key in set(ours) & set(theirs):
            problems += same_shape(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(theirs, list):
        if ours is None and where.endswith(".affected_components"):
            return []  # Statuspage writes null for an update that names no component
        if not isinstance(ours, list):
            return [f"{where}: expected a list"]
        if theirs and ours:
            sample = theirs[0]
            for n, item in enumerate(ours):
                if isinstance(sample, dict) and isinstance(item, dict) and "group" in sample:
                    # group and member components differ only by `components`
                    match = next((t for t in theirs if t.get("group") == item.get("group")), sample)
                    problems += same_shape(item, match, f"{where}[{n}]")
                else:
                    problems += same_shape(item, sample, f"{where}[{n}]")
    else:
        nullable = (str, type(None))
        if isinstance(theirs, nullable) and isinstance(ours, nullable):
            return []
        if type(ours) is not type(theirs):
            problems.append(f"{where}: {type(ours).__name__} instead of {type(theirs).__name__}")
    return problems


@pytest.fixture(scope="module")
def summary(demo_site: Path) -> Any:
    return load(demo_site, "summary.json")


def test_summary_has_the_shape_of_a_real_statuspage_summary(summary: Any) -> None:
    reference = json.loads((FIXTURES / "summary-cloudflare.json").read_text())
    assert summary["incidents"] and summary["scheduled_maintenances"]
    assert same_shape(summary, reference) == []


def test_components_json_has_the_shape_of_a_real_statuspage_components_list(
    demo_site: Path,
) -> None:
    reference = json.loads((FIXTURES / "components-discord.json").read_text())
    ours = load(demo_site, "components.json")
    members = [c for c in ours["components"] if not c["group"]]
    assert same_shape({"page": ours["page"], "components": members}, reference) == []


def test_every_list_endpoint_wraps_page_and_its_list(demo_site: Path) -> None:
    expected = {
        "status.json": {"page", "status"},
        "components.json": {"page", "components"},
        "incidents.json": {"page", "incidents"},
        "incidents/unresolved.json": {"page", "incidents"},
        "scheduled-maintenances.json": {"page", "scheduled_maintenances"},
        "scheduled-maintenances/upcoming.json": {"page", "scheduled_maintenances"},
        "scheduled-maintenances/active.json": {"page", "scheduled_maintenances"},
    }
    for name, keys in expected.items():
        assert set(load(demo_site, name)) == keys, name


def _walk(value: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _walk(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in _walk(v, key)]
    return [(key, value)]


def test_timestamps_have_milliseconds_and_an_offset_and_ids_are_strings(summary: Any) -> None:
    for key, value in _walk(summary):
        if key.endswith("_at") or key in ("scheduled_for", "scheduled_until"):
            assert value is None or TIMESTAMP.match(value), (key, value)
        if key in ("id", "page_id", "incident_id", "group_id", "code"):
            assert value is None or (isinstance(value, str) and ID.match(value)), (key, value)


def test_enums_are_statuspages_own(demo_site: Path, summary: Any) -> None:
    assert summary["status"] == {"indicator": "major", "description": "Partial System Outage"}
    for component in summary["components"]:
        assert component["status"] in COMPONENT_STATUSES
    incidents = load(demo_site, "incidents.json")["incidents"]
    assert {i["impact"] for i in incidents} <= {"none", "minor", "major", "critical"}
    assert {i["status"] for i in incidents} <= {
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "postmortem",
    }
    for maintenance in load(demo_site, "scheduled-maintenances.json")["scheduled_maintenances"]:
        assert maintenance["impact"] == "maintenance"
        assert maintenance["status"] in {"scheduled", "in_progress", "verifying", "completed"}


def test_groups_list_their_members_and_members_point_at_their_group(summary: Any) -> None:
    by_id = {c["id"]: c for c in summary["components"]}
    groups = [c for c in summary["components"] if c["group"]]
    assert {g["name"] for g in groups} == {"Core platform", "Payments", "Integrations"}
    for group in groups:
        for member in group["components"]:
            assert by_id[member]["group_id"] == group["id"]
    checkout = next(c for c in summary["components"] if c["name"] == "Checkout")
    assert checkout["status"] == "degraded_performance"
    payments = next(g for g in groups if g["name"] == "Payments")
    assert payments["status"] == "degraded_performance"
    emails = next(c for c in summary["components"] if c["name"] == "Email notifications")
    assert emails["only_show_if_degraded"] is True


def test_incident_updates_are_newest_first_with_affected_components(demo_site: Path) -> None:
    incidents = load(demo_site, "incidents.json")["incidents"]
    sev1 = next(i for i in incidents if i["name"] == "Payments failing at checkout")
    updates = sev1["incident_updates"]
    assert [u["status"] for u in updates] == [
        "resolved",
        "monitoring",
        "identified",
        "investigating",
    ]
    assert sev1["impact"] == "critical"
    assert sev1["resolved_at"] == updates[0]["created_at"]
    assert sev1["monitoring_at"] == updates[1]["created_at"]
    first = updates[-1]["affected_components"]
    assert {"code", "name", "old_status", "new_status"} == set(first[0])
    checkout = next(a for a in first if a["name"] == "Payments - Checkout")
    assert (checkout["old_status"], checkout["new_status"]) == ("major_outage", "major_outage")
    final = next(a for a in updates[0]["affected_components"] if a["name"] == "Payments - Checkout")
    assert (final["old_status"], final["new_status"]) == ("degraded_performance", "operational")
    assert (
        sev1["shortlink"]
        == "https://status.acme.example/incidents/2026-09-23-checkout-payments-failing/"
    )


def test_ids_are_stable_across_builds_and_derived_from_file_names(
    demo_site: Path, tmp_path: Path
) -> None:
    other = tmp_path / "again"
    assert build_cli(REPO_ROOT, other, "--base-url", "https://elsewhere.example/").returncode == 0
    first = {i["name"]: i["id"] for i in load(demo_site, "incidents.json")["incidents"]}
    second = {i["name"]: i["id"] for i in load(other, "incidents.json")["incidents"]}
    assert first == second and len(set(first.values())) == len(first)


def test_unresolved_and_upcoming_lists_hold_only_what_they_say(demo_site: Path) -> None:
    unresolved = load(demo_site, "incidents/unresolved.json")["incidents"]
    assert [i["name"] for i in unresolved] == ["Slow checkout for some customers"]
    upcoming = load(demo_site, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"]
    assert [m["name"] for m in upcoming] == ["Planned network maintenance"]
    assert upcoming[0]["scheduled_for"] == "2026-11-28T03:00:00.000+01:00"
    assert load(demo_site, "scheduled-maintenances/active.json")["scheduled_maintenances"] == []


def test_internal_updates_never_reach_the_api(demo_site: Path) -> None:
    text = (demo_site / "api" / "v2" / "incidents.json").read_text()
    assert "admin console" not in text and "Talking points" not in text
