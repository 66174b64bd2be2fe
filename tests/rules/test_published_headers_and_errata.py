"""Published headers may change but never silently; an erratum corrects words only; a
postmortem and the site's own texts are linted. Real git repositories in tmp_path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from statuspress.rules.front_matter import read_front_matter
from testsupport import WINDOW_HEADER as MAINTENANCE
from testsupport import git, make_repo, run

NOW = "2026-11-20T12:00:00Z"
FOLDER = "incidents/2026-11-17-slow"
HEADER = """---
title: Slow checkout
severity: sev2
started: 2026-11-17T09:00:00Z
components:
  checkout: degraded_performance
---
Checkout is slow for some customers.
"""
UPDATE = """---
at: 2026-11-17T09:10:00Z
status: investigating
next_update: 2026-11-17T10:00:00Z
components:
  checkout: partial_outage
---
Checkout is slow for some customers. We will post the next update by 10:00 UTC.
"""


def published(tmp_path: Path, header: str = HEADER, update: str | None = UPDATE) -> Path:
    """A repository whose main branch has published one incident; on a branch `change`."""
    root = make_repo(tmp_path)
    folder = root / FOLDER
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(header)
    if update is not None:
        (folder / "a.md").write_text(update)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "publish")
    git(root, "checkout", "-q", "-b", "change")
    return root


def check(root: Path) -> tuple[int, str]:
    return run(root, "check", "--base", "main", "--now", NOW)


def edit(root: Path, name: str, old: str, new: str) -> Path:
    path = root / FOLDER / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# -- published headers ------------------------------------------------------------------


def test_a_corrected_severity_is_a_warning_at_its_line(tmp_path: Path) -> None:
    root = published(tmp_path)
    path = edit(root, "incident.md", "sev2", "sev3")
    code, out = check(root)
    assert code == 0
    assert (
        f"{FOLDER}/incident.md:{line_of(path, 'severity')}:1: warning[history/severity-changed]"
        in out
    )
    assert "from sev2 to sev3" in out


def test_moving_started_later_is_an_error_and_earlier_a_warning(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "incident.md", "09:00:00Z", "09:05:00Z")
    code, out = check(root)
    assert code == 1 and "error[history/started-later]" in out
    edit(root, "incident.md", "09:05:00Z", "08:55:00Z")
    code, out = check(root)
    assert code == 0 and "warning[history/started-changed]" in out


def test_the_same_moment_written_another_way_is_no_change(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "incident.md", "2026-11-17T09:00:00Z", "2026-11-17T10:00:00+01:00")
    code, out = check(root)
    assert code == 0 and "history" not in out, out


def test_title_summary_and_components_changes_are_each_named(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "incident.md", "Slow checkout", "Checkout is slow")
    edit(root, "incident.md", "degraded_performance", "partial_outage")
    edit(root, "incident.md", "for some customers.", "for many customers.")
    code, out = check(root)
    assert code == 0
    for rule in ("title-changed", "components-changed", "summary-changed"):
        assert f"warning[history/{rule}]" in out
    assert f"{FOLDER}/incident.md:8:1: warning[history/summary-changed]" in out


def test_a_rescheduled_window_is_a_warning(tmp_path: Path) -> None:
    root = published(tmp_path, MAINTENANCE, update=None)
    edit(root, "incident.md", "T02:00:00Z", "T04:00:00Z")
    edit(root, "incident.md", "T03:00:00Z", "T05:00:00Z")
    code, out = check(root)
    assert code == 0 and out.count("warning[history/window-changed]") == 2


def test_the_repository_sets_the_level_and_a_named_approval_accepts_it(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "incident.md", "sev2", "sev3")
    (root / "statuspress.yaml").write_text(
        "title: Example Status\nrules:\n  history/severity-changed: error\n"
    )
    code, out = check(root)
    assert code == 1 and "error[history/severity-changed]" in out
    edit(root, "incident.md", "---\n", "---\naccept:\n  history/severity-changed: Dana Lead\n")
    code, out = check(root)
    assert code == 0 and "severity-changed" not in out


def test_kind_change_hiding_and_deleting_a_published_header_are_errors(tmp_path: Path) -> None:
    root = published(tmp_path, update=None)
    edit(root, "incident.md", "title:", "audience: internal\ntitle:")
    code, out = check(root)
    assert code == 1 and "error[history/hidden]" in out
    git(root, "checkout", "-q", "--", ".")
    (root / FOLDER / "incident.md").unlink()
    code, out = check(root)
    assert code == 1 and f"{FOLDER}/incident.md:1:1: error[history/deleted]" in out


def test_an_incident_internal_on_the_base_was_never_published(tmp_path: Path) -> None:
    root = published(tmp_path, HEADER.replace("---\ntitle", "---\naudience: internal\ntitle"))
    edit(root, "incident.md", "sev2", "sev1")
    _code, out = check(root)
    assert "history/" not in out, out


# -- errata -----------------------------------------------------------------------------

ERRATUM = "erratum: We first wrote that all customers were affected.\ncorrected: 2026-11-17T11:00:00Z\nstatus:"


def test_an_erratum_that_changes_the_wording_only_passes(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "a.md", "status:", ERRATUM)
    edit(root, "a.md", "Checkout is slow", "Checkout was slow")
    code, out = check(root)
    assert code == 0 and "history" not in out, out


def test_an_erratum_may_not_change_time_status_or_audience(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "a.md", "status:", ERRATUM)
    path = edit(root, "a.md", "09:10:00Z", "09:12:00Z")
    edit(root, "a.md", "status: investigating", "status: identified")
    edit(root, "a.md", "---\nChe", "audience: internal\n---\nChe")
    code, out = check(root)
    assert code == 1
    for key in ("at:", "status:", "audience:"):
        assert f"a.md:{line_of(path, key)}:1: error[history/erratum-scope]" in out, (key, out)


def test_an_erratum_that_drops_a_promise_is_an_error_at_the_erratum(tmp_path: Path) -> None:
    root = published(tmp_path)
    path = edit(root, "a.md", "status:", ERRATUM)
    edit(root, "a.md", "next_update: 2026-11-17T10:00:00Z\n", "")
    code, out = check(root)
    assert code == 1
    assert f"a.md:{line_of(path, 'erratum:')}:1: error[history/erratum-scope]" in out


def test_rewording_again_under_the_same_erratum_is_an_edit(tmp_path: Path) -> None:
    root = published(tmp_path, update=UPDATE.replace("status:", ERRATUM))
    edit(root, "a.md", "Checkout is slow", "Checkout was slow")
    code, out = check(root)
    assert code == 1 and "error[history/edited]" in out


def test_an_undated_erratum_asks_for_its_date(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "a.md", "status:", "erratum: We first wrote the wrong time.\nstatus:")
    code, out = check(root)
    assert code == 0 and "warning[history/erratum-undated]" in out


def test_a_correction_dated_before_its_update_is_an_error(tmp_path: Path) -> None:
    root = published(tmp_path)
    edit(root, "a.md", "status:", ERRATUM.replace("2026-11-17T11:00", "2026-11-17T08:00"))
    code, out = run(root, "check", "--now", NOW)
    assert code == 1 and "error[schema/value]" in out and "cannot come before" in out


# -- postmortems and the site's own texts ------------------------------------------------


def test_a_postmortem_may_name_causes_but_not_addresses_or_traces(tmp_path: Path) -> None:
    root = published(
        tmp_path,
        update=UPDATE.replace("investigating", "resolved").replace(
            "next_update: 2026-11-17T10:00:00Z\n", ""
        ),
    )
    review = root / FOLDER / "postmortem.md"
    review.write_text(
        "---\npublished: 2026-11-18T10:00:00Z\n---\n"
        "A database failover in us-east-1 took longer than planned; the fix is deployed.\n"
        "\nThe primary at 10.1.2.3 stopped answering:\n"
        "Traceback (most recent call last):\n"
    )
    code, out = run(root, "check", "--now", NOW)
    assert code == 1
    assert f"{FOLDER}/postmortem.md:6:16: error[language/ip-address]" in out
    assert f"{FOLDER}/postmortem.md:7:1: error[language/stack-trace]" in out
    # Naming the cause, a region, and the fix is what a postmortem is for.
    for allowed in ("region-code", "jargon", "fixed-wording", "next-update"):
        assert allowed not in out, out


def test_the_sites_title_and_description_are_linted_where_they_are_written(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text(
        "title: Status of api.corp.example.net\ninternal_domains: [corp.example.net]\n"
        "description: |\n  Our services.\n  Errors look like 10.0.0.7 timeouts.\n"
    )
    code, out = run(root, "check", "--now", NOW)
    assert code == 1
    assert "statuspress.yaml:1:18: error[language/internal-host]" in out
    assert "statuspress.yaml:5:1: error[language/ip-address]" in out


# -- comparing front matter by meaning -----------------------------------------------------

stamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(timezone.utc)
).map(lambda d: d.replace(microsecond=0))
offsets = st.integers(min_value=-12, max_value=14).map(lambda h: timezone(timedelta(hours=h)))


@given(stamps, offsets, st.booleans(), st.booleans())
def test_rewriting_a_time_in_another_zone_or_reordering_keys_is_no_change(
    when: datetime, zone: timezone, quoted: bool, reorder: bool
) -> None:
    keys = [f"at: {when.isoformat()}", "status: investigating", "components:\n  api: major_outage"]
    other = when.astimezone(zone).isoformat()
    moved = [f"at: {chr(34) + other + chr(34) if quoted else other}", *keys[1:]]
    if reorder:
        moved.reverse()
    old = read_front_matter("---\n" + "\n".join(keys) + "\n---\nText\n", "a.md")
    new = read_front_matter("---\n" + "\n".join(moved) + "\n---\nText\n", "a.md")
    assert old is not None and new is not None
    assert new.changed(old, ("at", "status", "components")) == []


@given(stamps, st.integers(min_value=1, max_value=10_000))
def test_any_other_moment_is_a_change(when: datetime, minutes: int) -> None:
    later = when + timedelta(minutes=minutes)
    old = read_front_matter(f"---\nat: {when.isoformat()}\n---\n", "a.md")
    new = read_front_matter(f"---\nat: {later.isoformat()}\n---\n", "a.md")
    assert old is not None and new is not None and new.changed(old, ("at",)) == ["at"]
