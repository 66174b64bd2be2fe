"""api/v2/*.json hold their values the way real Statuspage documents do: positions and
their order, null against empty, the names of grouped components, the zone's name and
timestamps. The same checks pass on the recorded documents in tests/fixtures/statuspage/
(so they say what Statuspage does) and on every document a build writes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from testsupport import REPO_ROOT, build_cli

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "statuspage"
TIMESTAMP = re.compile(r"^(19[89]\d|2\d{3})-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$")
UTC_ALIASES = {"UTC", "GMT", "Z", "Etc/GMT", "Universal", "Zulu"}
DOCUMENTS = [
    "summary.json",
    "status.json",
    "components.json",
    "incidents.json",
    "incidents/unresolved.json",
    "scheduled-maintenances.json",
    "scheduled-maintenances/upcoming.json",
    "scheduled-maintenances/active.json",
]

Json = dict[str, Any]
WriteRepo = Callable[[Mapping[str, str]], Path]


def positions_problems(components: list[Json], where: str) -> list[str]:
    """A list of components is sorted by position; positions count from 1 among the top
    level (groups and components without one) and within each group."""
    problems = []
    positions = [c["position"] for c in components]
    if positions != sorted(positions):
        problems.append(f"{where}: not sorted by position: {positions}")
    scopes: dict[str | None, list[int]] = {}
    for component in components:
        if not isinstance(component["position"], int) or component["position"] < 1:
            problems.append(f"{where}: position {component['position']!r} of {component['name']}")
        scopes.setdefault(component["group_id"], []).append(component["position"])
    for scope, numbers in scopes.items():
        if len(set(numbers)) != len(numbers):
            problems.append(f"{where}: positions repeat within {scope or 'the top level'}")
    return problems


def component_list_problems(components: list[Json], where: str) -> list[str]:
    """A page's whole list: positions run 1, 2, 3… in each scope, and a group lists its
    members in position order."""
    problems = positions_problems(components, where)
    by_id = {c["id"]: c for c in components}
    scopes: dict[str | None, list[int]] = {}
    for component in components:
        scopes.setdefault(component["group_id"], []).append(component["position"])
        if component["created_at"].startswith("1970"):
            problems.append(f"{where}: {component['name']} created in 1970")
    for scope, numbers in scopes.items():
        if sorted(numbers) != list(range(1, len(numbers) + 1)) and scope is None:
            problems.append(f"{where}: top-level positions are {sorted(numbers)}")
    for group in (c for c in components if c["group"]):
        listed = [by_id[m]["position"] for m in group["components"] if m in by_id]
        if listed != sorted(listed):
            problems.append(f"{where}: {group['name']} lists its members out of position order")
    return problems


def incident_problems(incident: Json, listed: dict[str, Json], where: str) -> list[str]:
    """One incident or maintenance against the page's component list (``listed``)."""
    problems = positions_problems(incident["components"], f"{where}.components")
    groups = {c["id"]: c["name"] for c in listed.values() if c["group"]}
    for component in incident["components"]:
        same = listed.get(component["id"])
        if same is not None and (same["position"], same["name"], same["group_id"]) != (
            component["position"],
            component["name"],
            component["group_id"],
        ):
            problems.append(f"{where}: {component['name']} differs from the page's list")
    known = {c["id"]: c for c in [*listed.values(), *incident["components"]]}
    stamps = [u["display_at"] for u in incident["incident_updates"]]
    if stamps != sorted(stamps, reverse=True):
        problems.append(f"{where}: updates are not newest first")
    for update in incident["incident_updates"]:
        affected = update["affected_components"]
        if affected == []:
            problems.append(f"{where}: affected_components is [] where Statuspage writes null")
        for entry in affected or ():
            component = known.get(entry["code"])
            group = groups.get(component["group_id"]) if component else None
            if component and group and entry["name"] != f"{group} - {component['name']}":
                problems.append(f"{where}: affected name {entry['name']!r} is not 'Group - Name'")
    return problems


def timestamp_problems(value: Any, where: str = "$") -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in timestamp_problems(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [p for n, v in enumerate(value) for p in timestamp_problems(v, f"{where}[{n}]")]
    key = where.rsplit(".", 1)[-1]
    stamped = key.endswith("_at") or key in ("scheduled_for", "scheduled_until")
    if stamped and value is not None and not TIMESTAMP.match(value):
        return [f"{where}: {value!r}"]
    return []


def value_problems(document: Json) -> list[str]:
    """Everything above, over one API document."""
    problems = timestamp_problems(document)
    if document["page"]["time_zone"] in UTC_ALIASES:
        problems.append(f"time_zone {document['page']['time_zone']!r}: Statuspage writes Etc/UTC")
    components = document.get("components", [])
    problems += component_list_problems(components, "components")
    listed = {c["id"]: c for c in components}
    for key in ("incidents", "scheduled_maintenances"):
        for n, incident in enumerate(document.get(key, [])):
            problems += incident_problems(incident, listed, f"{key}[{n}]")
    return problems


def load(site: Path, name: str) -> Json:
    document: Json = json.loads((site / "api" / "v2" / name).read_text())
    return document


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.json")))
def test_the_recorded_statuspage_documents_pass_the_value_checks(name: str) -> None:
    assert value_problems(json.loads((FIXTURES / name).read_text())) == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_api_document_of_the_demo_passes_the_value_checks(demo_site: Path, name: str) -> None:
    assert value_problems(load(demo_site, name)) == []


def test_the_value_checks_catch_what_statuspage_never_writes() -> None:
    document = json.loads((FIXTURES / "components-grouped.json").read_text())
    document["components"].reverse()
    document["page"]["time_zone"] = "UTC"
    document["components"][0]["created_at"] = "1970-01-01T00:00:00.000Z"
    incident = json.loads((FIXTURES / "incidents-without-components.json").read_text())
    incident["incidents"][0]["incident_updates"][0]["affected_components"] = []
    problems = value_problems(document) + value_problems(incident)
    assert any("not sorted by position" in p for p in problems)
    assert any("Etc/UTC" in p for p in problems)
    assert any("1970" in p for p in problems)
    assert any("writes null" in p for p in problems)


GROUPED = {
    "statuspress.yaml": "title: Example\ntimezone: UTC\nrules:\n  language: off\n",
    "components/site.md": "---\nname: Website\norder: 1\n---\n",
    "components/login.md": "---\nname: Login\ngroup: Accounts\norder: 2\n---\n",
    "components/sso.md": "---\nname: Single sign-on\ngroup: Accounts\norder: 3\nshowcase: false\n---\n",
    "components/api.md": "---\nname: API\norder: 4\n---\n",
    "components/billing.md": "---\nname: Billing\ngroup: Money\norder: 5\n---\n",
    "incidents/2026-11-20-sso/incident.md": (
        "---\ntitle: Single sign-on failing\nseverity: sev2\nstarted: 2026-11-20T09:00:00Z\n"
        "components:\n  billing: degraded_performance\n  sso: major_outage\n  api: partial_outage\n---\n"
    ),
    "incidents/2026-11-20-sso/a.md": (
        "---\nat: 2026-11-20T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-20T10:00:00Z\n---\n"
        "Signing in with single sign-on fails for\nmost customers right now.\n\n"
        "We will post the next update\nby 10:00 UTC.\n"
    ),
    "incidents/2026-11-20-sso/b.md": (
        "---\nat: 2026-11-20T09:40:00Z\nstatus: identified\nnext_update: 2026-11-20T10:30:00Z\n---\n"
        "We found the cause. Next update by 10:30 UTC.\n"
    ),
    "incidents/2026-11-20-sso/c.md": (
        "---\nat: 2026-11-20T10:20:00Z\nstatus: resolved\n---\nSigning in works again.\n"
    ),
}


@pytest.fixture(scope="module")
def grouped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("grouped")
    for rel, text in GROUPED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    out = root.parent / "grouped-site"
    done = build_cli(root, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_positions_count_within_each_group_and_lists_are_sorted_by_them(grouped: Path) -> None:
    components = load(grouped, "components.json")["components"]
    assert [(c["name"], c["position"]) for c in components] == [
        ("Website", 1),
        ("Login", 1),
        ("Billing", 1),
        ("Accounts", 2),
        ("Single sign-on", 2),
        ("API", 3),
        ("Money", 4),
    ]
    incident = load(grouped, "incidents.json")["incidents"][0]
    assert [(c["name"], c["position"]) for c in incident["components"]] == [
        ("Billing", 1),
        ("Single sign-on", 2),
        ("API", 3),
    ]


def test_grouped_components_are_named_group_dash_name_in_affected_components(
    grouped: Path,
) -> None:
    updates = load(grouped, "incidents.json")["incidents"][0]["incident_updates"]
    first = updates[-1]["affected_components"]
    assert [a["name"] for a in first] == ["Money - Billing", "Accounts - Single sign-on", "API"]
    assert updates[1]["affected_components"] is None  # the identified update names none
    assert updates[0]["affected_components"][0]["new_status"] == "operational"


def test_showcase_follows_the_component_and_groups_never_showcase(grouped: Path) -> None:
    components = {c["name"]: c for c in load(grouped, "components.json")["components"]}
    assert components["Single sign-on"]["showcase"] is False
    assert components["Login"]["showcase"] is True
    assert components["Accounts"]["showcase"] is False


def test_a_utc_site_is_etc_utc_and_created_at_starts_with_the_record(grouped: Path) -> None:
    document = load(grouped, "components.json")
    assert document["page"]["time_zone"] == "Etc/UTC"
    # No start_date: the record begins with the site's first incident, not in 1970.
    assert {c["created_at"] for c in document["components"]} == {"2026-11-20T00:00:00.000Z"}


def test_update_bodies_are_unwrapped_into_paragraphs(grouped: Path) -> None:
    updates = load(grouped, "incidents.json")["incidents"][0]["incident_updates"]
    assert updates[-1]["body"] == (
        "Signing in with single sign-on fails for most customers right now.\n\n"
        "We will post the next update by 10:00 UTC."
    )
    # The page renders the Markdown as written.
    page = (grouped / "incidents" / "2026-11-20-sso" / "index.html").read_text()
    assert "fails for\nmost customers" in page
