"""`new incident`, `new update` and `init`: files from the approved templates, valid at once,
never overwriting anything."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.check import check_repository
from statuspress.fields import invisible_character, parse_timestamp
from testsupport import REPO_ROOT, make_repo, run

NOW = "2026-11-17T09:15:00Z"


def test_new_incident_sets_next_update_from_the_severity_cadence(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root,
        "new",
        "incident",
        "Checkout slow",
        "--severity",
        "sev2",
        "--component",
        "checkout=degraded_performance",
        "--now",
        NOW,
    )
    assert code == 0, out
    update = root / "incidents/2026-11-17-checkout-slow/20261117T0915Z-investigating.md"
    text = update.read_text()
    assert "2026-11-17T10:15:00Z" in text  # sev2: every 60 minutes
    assert "by 10:15 UTC" in text and "[[" in text
    result = check_repository(root, parse_timestamp(NOW))  # type: ignore[arg-type]
    assert {d.rule for d in result.diagnostics} == {"language/placeholder"}


def test_new_incident_never_overwrites_an_existing_incident(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    args = [
        "new",
        "incident",
        "Checkout slow",
        "--severity",
        "sev2",
        "--component",
        "checkout=degraded_performance",
        "--now",
        NOW,
    ]
    assert run(root, *args)[0] == 0
    code, out = run(root, *args)
    assert code == 2 and "already exists" in out


def test_new_incident_explains_an_unknown_component_or_severity(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root,
        "new",
        "incident",
        "X",
        "--severity",
        "sev1",
        "--component",
        "chekout=major_outage",
        "--now",
        NOW,
    )
    assert code == 2 and "did you mean 'checkout'?" in out
    code, out = run(
        root,
        "new",
        "incident",
        "X",
        "--severity",
        "sev9",
        "--component",
        "checkout=major_outage",
        "--now",
        NOW,
    )
    assert code == 2 and "sev1, sev2, sev3" in out
    code, out = run(
        root,
        "new",
        "incident",
        "X",
        "--severity",
        "sev1",
        "--component",
        "checkout=down",
        "--now",
        NOW,
    )
    assert code == 2 and "major_outage" in out


def test_new_update_follows_on_with_a_valid_file_for_each_status(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    run(
        root,
        "new",
        "incident",
        "Checkout down",
        "--severity",
        "sev1",
        "--component",
        "checkout=major_outage",
        "--now",
        NOW,
    )
    incident = "2026-11-17-checkout-down"
    code, out = run(
        root, "new", "update", incident, "--status", "identified", "--now", "2026-11-17T09:40:00Z"
    )
    assert code == 0, out
    identified = root / f"incidents/{incident}/20261117T0940Z-identified.md"
    assert "2026-11-17T10:10:00Z" in identified.read_text()
    code, out = run(
        root,
        "new",
        "update",
        incident,
        "--status",
        "monitoring",
        "--next-update",
        "20m",
        "--now",
        "2026-11-17T10:00:00Z",
    )
    assert (
        code == 0
        and "2026-11-17T10:20:00Z"
        in (root / f"incidents/{incident}/20261117T1000Z-monitoring.md").read_text()
    )
    code, out = run(
        root, "new", "update", incident, "--status", "resolved", "--now", "2026-11-17T10:15:00Z"
    )
    resolved = (root / f"incidents/{incident}/20261117T1015Z-resolved.md").read_text()
    assert code == 0 and "next_update" not in resolved
    code, out = run(
        root, "new", "update", incident, "--status", "completed", "--now", "2026-11-17T10:20:00Z"
    )
    assert (
        (code == 2 and "not a incident status" in out)
        or "not an incident status" in out
        or "use one of" in out
    )
    code, out = run(root, "new", "update", "2026-11-17-checkout-dwn", "--status", "resolved")
    assert code == 2 and "did you mean '2026-11-17-checkout-down'?" in out


def test_a_maintenance_window_is_scaffolded_with_its_schedule(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root,
        "new",
        "incident",
        "Database upgrade",
        "--maintenance",
        "--component",
        "checkout=under_maintenance",
        "--start",
        "2026-11-20T02:00:00Z",
        "--end",
        "2026-11-20T03:00:00Z",
        "--now",
        NOW,
    )
    assert code == 0, out
    header = (root / "incidents/2026-11-17-database-upgrade/incident.md").read_text()
    assert "kind: maintenance" in header and "scheduled_start" in header
    update = (
        root / "incidents/2026-11-17-database-upgrade/20261117T0915Z-scheduled.md"
    ).read_text()
    assert (
        "status: scheduled" in update and "20 November 2026 from 02:00 UTC to 03:00 UTC" in update
    )


def test_a_repository_can_override_a_message_template(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "site_templates/messages").mkdir(parents=True)
    (root / "site_templates/messages/investigating.md.j2").write_text(
        "Our own words about {{ components }}; next update by {{ next_update }}.\n"
    )
    run(
        root,
        "new",
        "incident",
        "X",
        "--severity",
        "sev1",
        "--component",
        "checkout=major_outage",
        "--now",
        NOW,
    )
    text = (root / "incidents/2026-11-17-x/20261117T0915Z-investigating.md").read_text()
    assert "Our own words about Checkout; next update by 09:45 UTC." in text


def test_init_creates_a_repository_that_checks_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "new-status"
    code, out = run(tmp_path, "init", str(target))
    assert code == 0, out
    for name in (
        ".github/workflows/status-check.yml",
        ".github/workflows/publish.yml",
        ".github/workflows/due.yml",
        ".github/CODEOWNERS",
        "statuspress.yaml",
        "components/website.md",
        "README.md",
        ".gitignore",
    ):
        assert (target / name).is_file(), name
    assert run(target, "check")[0] == 0
    assert run(target, "build", "--out", str(tmp_path / "site"))[0] == 0
    (target / "statuspress.yaml").write_text("title: Changed since\n")
    code, out = run(tmp_path, "init", str(target))
    assert code == 2 and "nothing was written" in out


def test_this_repositorys_status_workflows_are_the_ones_init_writes() -> None:
    packaged = REPO_ROOT / "src/statuspress/init_template/dot-github"
    for name in (
        "workflows/status-check.yml",
        "workflows/publish.yml",
        "workflows/due.yml",
        "CODEOWNERS",
    ):
        assert filecmp.cmp(packaged / name, REPO_ROOT / ".github" / name, shallow=False), name


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=60).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_title_scaffolds_a_file_that_loads_with_that_title(
    tmp_path_factory, title: str
) -> None:  # type: ignore[no-untyped-def]
    root = make_repo(tmp_path_factory.mktemp("t"))
    # Options first, then "--": a title may start with a dash.
    code, out = run(
        root,
        "new",
        "incident",
        "--severity",
        "sev2",
        "--component",
        "checkout=degraded_performance",
        "--now",
        NOW,
        "--",
        title,
    )
    if invisible_character(" ".join(title.split())) is not None:
        assert code == 2 and "invisible character" in out, out
        return
    assert code == 0, out
    result = check_repository(root, parse_timestamp(NOW))  # type: ignore[arg-type]
    assert all(d.rule.startswith("language/") for d in result.diagnostics), result.diagnostics
    assert [i.title for i in result.site.incidents] == [" ".join(title.split())]


def test_maintenance_takes_no_severity(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root, "new", "incident", "Upgrade", "--severity", "sev3", "--maintenance",
        "--component", "checkout", "--start", "2026-11-20T02:00:00Z",
        "--end", "2026-11-20T03:00:00Z", "--now", NOW,
    )  # fmt: skip
    assert code == 2
    assert "maintenance has no severity; leave out --severity" in out


def test_an_incident_needs_a_severity(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(root, "new", "incident", "Slow", "--component", "checkout=degraded_performance")
    assert code == 2
    assert "an incident needs --severity, one of: sev1, sev2, sev3" in out


def test_started_is_when_impact_began_not_when_the_file_was_made(tmp_path: Path) -> None:
    """The report's time to first update counts from `started`: scaffolding must not make it
    look better than it was."""
    root = make_repo(tmp_path)
    code, out = run(
        root, "new", "incident", "Payments failing", "--severity", "sev1",
        "--component", "checkout=major_outage", "--started", "2026-11-17T08:50:00Z",
        "--now", NOW,
    )  # fmt: skip
    assert code == 0, out
    header = (root / "incidents/2026-11-17-payments-failing/incident.md").read_text()
    assert "started: 2026-11-17T08:50:00Z" in header
    report = json.loads(run(root, "report", "--format", "json", "--now", NOW)[1])
    (incident,) = report["incidents"]
    assert incident["time_to_first_update_min"] == 25


def test_started_in_the_future_is_refused(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    code, out = run(
        root, "new", "incident", "Slow", "--severity", "sev3",
        "--component", "checkout=degraded_performance", "--started", "2026-11-17T10:00:00Z",
        "--now", NOW,
    )  # fmt: skip
    assert code == 2
    assert "--started 2026-11-17T10:00:00Z is after now" in out
