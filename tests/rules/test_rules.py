"""Every rule of the schema, lifecycle and cadence families: one way to pass, one to fail."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from testsupport import FIRST, HEADER, INCIDENT, SECOND, Check, rules


def test_the_valid_repository_has_no_diagnostics(check: Check) -> None:
    assert check().diagnostics == ()


# -- schema ----------------------------------------------------------------------------


def test_a_missing_title_is_an_error_at_the_top_of_the_front_matter(check: Check) -> None:
    result = check(
        {
            HEADER: "---\nseverity: sev1\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: major_outage\n---\n"
        }
    )
    [d] = result.diagnostics
    assert (d.path, d.rule, d.line) == (HEADER, "schema/required", 2)
    assert "title:" in d.message


def test_an_unknown_key_suggests_the_key_that_was_meant(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: T\nserverity: sev1\nseverity: sev1\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: major_outage\n---\n"
        }
    )
    [d] = result.diagnostics
    assert d.rule == "schema/unknown-key"
    assert (d.line, d.col) == (3, 1)
    assert "did you mean 'severity'?" in d.message


def test_a_timestamp_without_an_offset_is_an_error_never_a_guess(check: Check) -> None:
    text = (
        VALID_FIRST
        := "---\nat: 2026-11-17T09:15:00\nstatus: investigating\nnext_update: 2026-11-17T09:45:00Z\n---\nBody.\n"
    )
    result = check({FIRST: VALID_FIRST})
    [d] = result.diagnostics
    assert (d.rule, d.line, d.col) == ("schema/timestamp", 2, 5)
    assert "2026-11-17T09:15:00Z" in d.message
    assert text


def test_an_unquoted_date_or_offset_timestamp_is_accepted_as_written(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: '2026-11-17T10:15:00+01:00'\nstatus: investigating\nnext_update: 2026-11-17 09:45:00Z\n---\nBody.\n"
        }
    )
    assert result.diagnostics == ()


def test_a_time_without_a_date_is_explained(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 10:30\n---\nBody.\n"
        }
    )
    [d] = result.diagnostics
    assert d.rule == "schema/timestamp" and "time without a date" in d.message


def test_yes_as_a_title_is_the_word_yes_not_a_boolean(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: yes\nseverity: sev1\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: major_outage\n---\n"
        }
    )
    assert result.diagnostics == ()
    assert result.site.incidents[0].title == "yes"


def test_an_unknown_component_is_an_error_naming_the_known_ones(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  chekout: major_outage\n---\n"
        }
    )
    [d] = result.diagnostics
    assert d.rule == "schema/unknown-component"
    assert "did you mean 'checkout'?" in d.message


def test_an_unknown_component_status_is_an_error(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: down\n---\n"
        }
    )
    assert rules(result) == ["schema/value"]


def test_an_unknown_severity_is_an_error(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: T\nseverity: sev9\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: major_outage\n---\n"
        }
    )
    assert rules(result) == ["schema/value"]
    assert "sev1, sev2, sev3" in result.diagnostics[0].message


def test_a_duplicate_key_is_an_error_because_yaml_would_silently_keep_the_last(
    check: Check,
) -> None:
    result = check(
        {SECOND: "---\nat: 2026-11-17T09:40:00Z\nstatus: resolved\nstatus: resolved\n---\nOk.\n"}
    )
    assert rules(result) == ["schema/duplicate-key"]


def test_an_update_without_a_message_is_an_error(check: Check) -> None:
    result = check({SECOND: "---\nat: 2026-11-17T09:40:00Z\nstatus: resolved\n---\n"})
    assert rules(result) == ["schema/required"]


def test_an_incident_folder_without_incident_md_is_an_error(check: Check) -> None:
    result = check({HEADER: None})
    assert rules(result) == ["schema/missing-file"]


def test_an_uppercase_component_file_name_is_not_a_valid_id(check: Check) -> None:
    result = check({"components/Checkout2.md": "---\nname: X\n---\n"})
    assert rules(result) == ["schema/id"]


def test_maintenance_needs_its_window(check: Check) -> None:
    result = check(
        {
            HEADER: "---\ntitle: T\nkind: maintenance\ncomponents:\n  checkout: under_maintenance\n---\n",
            FIRST: None,
            SECOND: None,
        }
    )
    assert sorted(rules(result)) == ["schema/required", "schema/required"]


def test_a_broken_update_does_not_cascade_into_cadence_noise(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: nonsense\nstatus: investigating\nnext_update: 2026-11-17T09:45:00Z\n---\nBody.\n"
        }
    )
    assert rules(result) == ["schema/timestamp"]


# -- lifecycle -------------------------------------------------------------------------


def test_a_maintenance_status_on_an_incident_is_a_lifecycle_error(check: Check) -> None:
    result = check({SECOND: "---\nat: 2026-11-17T09:40:00Z\nstatus: completed\n---\nDone.\n"})
    [d] = result.diagnostics
    assert d.rule == "lifecycle/status"
    assert "investigating, identified, monitoring, resolved" in d.message


def test_two_updates_at_the_same_minute_are_an_error(check: Check) -> None:
    result = check({SECOND: "---\nat: 2026-11-17T09:15:00Z\nstatus: resolved\n---\nOk.\n"})
    assert rules(result) == ["lifecycle/order"]


def test_an_update_before_the_incident_started_is_an_error(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: 2026-11-17T09:00:00Z\nstatus: investigating\nnext_update: 2026-11-17T09:30:00Z\n---\nBody.\n"
        }
    )
    assert "lifecycle/before-start" in rules(result)


def test_an_update_dated_in_the_future_is_an_error_beyond_five_minutes(check: Check) -> None:
    now = datetime(2026, 11, 17, 9, 34, tzinfo=timezone.utc)
    assert "lifecycle/future" in rules(check(now=now))
    just_within = datetime(2026, 11, 17, 9, 35, tzinfo=timezone.utc)
    assert "lifecycle/future" not in rules(check(now=just_within))


def test_a_second_resolved_update_after_resolution_is_an_error(check: Check) -> None:
    third = f"{INCIDENT}/20261117T1000Z-resolved.md"
    result = check({third: "---\nat: 2026-11-17T10:00:00Z\nstatus: resolved\n---\nStill fine.\n"})
    assert rules(result) == ["lifecycle/after-final"]


def test_reopening_after_resolution_with_a_new_investigation_is_allowed(check: Check) -> None:
    third = f"{INCIDENT}/20261117T1000Z-investigating.md"
    result = check(
        {
            third: "---\nat: 2026-11-17T10:00:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:30:00Z\n---\nIt is back. Next update by 10:30 UTC.\n"
        }
    )
    assert result.diagnostics == ()
    assert result.site.incidents[0].is_open


# -- cadence ---------------------------------------------------------------------------


def test_a_non_final_update_without_next_update_is_an_error(check: Check) -> None:
    result = check({FIRST: "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\n---\nBody.\n"})
    [d] = result.diagnostics
    assert d.rule == "cadence/next-update-missing"
    assert "next_update: 2026-11-17T09:45:00Z" in d.message


def test_sev1_update_promising_next_update_in_two_hours_is_an_error(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 2026-11-17T11:15:00Z\n---\nBody.\n"
        }
    )
    [d] = result.diagnostics
    assert (d.rule, d.line) == ("cadence/next-update-too-late", 4)
    assert "every 30m" in d.message


def test_sev2_allows_an_hour_between_updates(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev2\nstarted: 2026-11-17T09:05:00Z\ncomponents:\n  checkout: partial_outage\n---\n"
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:15:00Z\n---\nBody.\n"
    second = "---\nat: 2026-11-17T10:10:00Z\nstatus: resolved\n---\nOk.\n"
    assert check({HEADER: header, FIRST: first, SECOND: second}).diagnostics == ()


def test_next_update_before_at_is_an_error(check: Check) -> None:
    result = check(
        {
            FIRST: "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 2026-11-17T09:10:00Z\n---\nBody.\n"
        }
    )
    assert rules(result) == ["cadence/next-update-order"]


def test_a_late_first_public_update_of_a_sev1_is_a_warning(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T08:50:00Z\ncomponents:\n  checkout: major_outage\n---\n"
    result = check({HEADER: header})
    [d] = result.diagnostics
    assert (d.rule, d.level.value, d.path) == ("cadence/first-update-late", "warning", FIRST)
    assert not result.failed() and result.failed(strict=True)


def test_a_sev3_has_no_first_update_deadline(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev3\nstarted: 2026-11-16T08:50:00Z\ncomponents:\n  checkout: degraded_performance\n---\n"
    assert check({HEADER: header}).diagnostics == ()


def test_an_update_later_than_the_promised_next_update_is_a_broken_promise(check: Check) -> None:
    late = f"{INCIDENT}/20261117T0950Z-resolved.md"
    result = check(
        {SECOND: None, late: "---\nat: 2026-11-17T09:50:00Z\nstatus: resolved\n---\nOk.\n"}
    )
    [d] = result.diagnostics
    assert (d.rule, d.path) == ("cadence/promise-broken", late)
    assert "5m later" in d.message


def test_an_internal_update_does_not_keep_a_public_promise(check: Check) -> None:
    internal = f"{INCIDENT}/20261117T0944Z-identified.md"
    late = f"{INCIDENT}/20261117T0950Z-resolved.md"
    result = check(
        {
            SECOND: None,
            internal: "---\nat: 2026-11-17T09:44:00Z\nstatus: identified\nnext_update: 2026-11-17T10:00:00Z\naudience: internal\n---\nNote.\n",
            late: "---\nat: 2026-11-17T09:50:00Z\nstatus: resolved\n---\nOk.\n",
        }
    )
    assert rules(result) == ["cadence/promise-broken"]


def test_maintenance_announced_less_than_a_day_ahead_is_a_warning(check: Check) -> None:
    header = "---\ntitle: Upgrade\nkind: maintenance\nscheduled_start: 2026-11-20T02:00:00Z\nscheduled_end: 2026-11-20T03:00:00Z\ncomponents:\n  checkout: under_maintenance\n---\n"
    first = "---\nat: 2026-11-19T09:15:00Z\nstatus: scheduled\nnext_update: 2026-11-20T02:00:00Z\n---\nPlanned work.\n"
    result = check(
        {HEADER: header, FIRST: first, SECOND: None},
        now=datetime(2026, 11, 19, 10, tzinfo=timezone.utc),
    )
    assert rules(result) == ["cadence/maintenance-notice"]


_WINDOW_HEADER = "---\ntitle: Upgrade\nkind: maintenance\nscheduled_start: 2026-11-20T02:00:00Z\nscheduled_end: 2026-11-20T03:00:00Z\ncomponents:\n  checkout: under_maintenance\n---\n"


def test_an_announcement_days_ahead_promises_its_next_update_at_the_window_start(
    check: Check,
) -> None:
    """Not 30 minutes later, as an incident would: customers hear when the work starts."""
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: scheduled\n---\nPlanned work.\n"
    result = check({HEADER: _WINDOW_HEADER, FIRST: first, SECOND: None})
    [d] = result.diagnostics
    assert d.rule == "cadence/next-update-missing"
    assert "'next_update: 2026-11-20T02:00:00Z'" in d.message


def test_an_announcement_promising_after_the_window_starts_is_an_error(check: Check) -> None:
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: scheduled\nnext_update: 2026-11-20T05:00:00Z\n---\nPlanned work.\n"
    result = check({HEADER: _WINDOW_HEADER, FIRST: first, SECOND: None})
    [d] = result.diagnostics
    assert (d.rule, d.path, d.line) == ("cadence/maintenance-promise", FIRST, 4)
    assert "no later than 2026-11-20T02:00:00Z" in d.message


def test_a_rescheduled_window_bounds_the_promise_by_its_new_start(check: Check) -> None:
    moved = f"{INCIDENT}/20261117T0930Z-scheduled.md"
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: scheduled\nnext_update: 2026-11-20T02:00:00Z\n---\nPlanned work.\n"
    later = "---\nat: 2026-11-17T09:30:00Z\nstatus: scheduled\nnext_update: 2026-11-21T02:00:00Z\nscheduled_start: 2026-11-21T02:00:00Z\nscheduled_end: 2026-11-21T03:00:00Z\n---\nMoved by a day.\n"
    result = check({HEADER: _WINDOW_HEADER, FIRST: first, moved: later, SECOND: None})
    assert rules(result) == []


# -- settings and policy ---------------------------------------------------------------


def test_a_redefined_severity_matrix_changes_the_cadence_rules(check: Check) -> None:
    settings = "severities:\n  sev1:\n    label: Critical\n    first_update: 15m\n    cadence: 10m\n    statuspage_impact: critical\n"
    result = check({"statuspress.yaml": settings})
    assert rules(result) == ["cadence/next-update-too-late"]


def test_a_warning_can_be_raised_to_an_error_in_settings(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T08:50:00Z\ncomponents:\n  checkout: major_outage\n---\n"
    result = check(
        {HEADER: header, "statuspress.yaml": "rules:\n  cadence/first-update-late: error\n"}
    )
    assert [d.level.value for d in result.diagnostics] == ["error"]


def test_a_rule_family_can_be_turned_off(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T08:50:00Z\ncomponents:\n  checkout: major_outage\n---\n"
    assert check({HEADER: header, "statuspress.yaml": "rules:\n  cadence: off\n"}).diagnostics == ()


def test_an_accepted_finding_is_silenced_for_that_file_only(check: Check) -> None:
    header = "---\ntitle: T\nseverity: sev1\nstarted: 2026-11-17T08:50:00Z\ncomponents:\n  checkout: major_outage\n---\n"
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 2026-11-17T09:45:00Z\naccept:\n  cadence/first-update-late: Jane Doe (comms lead)\n---\nBody.\n"
    assert check({HEADER: header, FIRST: first}).diagnostics == ()


def test_accepting_a_schema_error_is_refused(check: Check) -> None:
    first = "---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\nnext_update: 2026-11-17T09:45:00Z\naccept:\n  schema/required: Jane\n---\nBody.\n"
    assert rules(check({FIRST: first})) == ["schema/value"]


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ("timezone: Mars/Olympus\n", "IANA"),
        ("history_days: 10:30\n", "whole number"),
        ("base_url: status.example.com\n", "absolute"),
        ("maintenance_notice: 24\n", "'24m'"),
        ("severities:\n  SEV1:\n    label: x\n", "lowercase"),
        ("titel: x\n", "did you mean 'title'?"),
        ("- a\n- b\n", "keys and values"),
        ("rules:\n  cadence: loud\n", "error, warning, off"),
    ],
)
def test_a_mistake_in_settings_is_reported_at_its_line(
    check: Check, settings: str, fragment: str
) -> None:
    result = check({"statuspress.yaml": settings})
    assert result.errors, result.diagnostics
    assert result.errors[0].path == "statuspress.yaml"
    assert fragment in result.errors[0].message
