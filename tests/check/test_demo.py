"""This repository is itself the demo status repository, and its content is clean."""

from __future__ import annotations

from pathlib import Path

from statuspress.check import check_repository
from statuspress.model import Audience, Kind
from testsupport import DEMO_NOW


def test_the_demo_content_passes_check_with_no_diagnostics(demo_root: Path) -> None:
    result = check_repository(demo_root, DEMO_NOW)
    assert result.diagnostics == ()


def test_the_demo_content_covers_what_a_status_team_meets(demo_root: Path) -> None:
    site = check_repository(demo_root, DEMO_NOW).site
    incidents = [i for i in site.incidents if i.kind is Kind.INCIDENT]
    maintenance = [i for i in site.incidents if i.kind is Kind.MAINTENANCE]
    assert 6 <= len(site.components) <= 10
    assert len({c.group for c in site.components}) in (2, 3)
    assert len(incidents) >= 8 or len(site.incidents) >= 8
    assert {i.severity for i in incidents} >= {"sev1", "sev2", "sev3"}
    assert any(len(i.components) > 1 for i in incidents)
    assert any(i.is_open for i in incidents)
    assert any(m.scheduled_start and m.scheduled_start > DEMO_NOW for m in maintenance)
    assert any(not m.is_open for m in maintenance)
    assert any(i.postmortem for i in incidents) and any(i.postmortem_url for i in incidents)
    updates = [u for i in site.incidents for u in i.updates]
    assert any(u.audience is Audience.INTERNAL for u in updates)
    assert any(u.internal for u in updates)
