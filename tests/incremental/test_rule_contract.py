"""The contract of rules/__init__.py that the accelerator relies on to keep an incident's
findings: an incident rule sees only its incident (with the settings and components),
and reads "now" only to ask whether a time lies beyond now plus the future tolerance."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.diagnostics import sort_diagnostics
from statuspress.load import load_site
from statuspress.model import StatusSite
from statuspress.rules import FUTURE_TOLERANCE, INCIDENT_FAMILIES, run_rules
from testsupport import DEMO_NOW, REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from generate import NOW, generate


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> list[StatusSite]:
    generated = generate(tmp_path_factory.mktemp("repo") / "repo", 60, seed=17)
    return [load_site(REPO_ROOT).site, load_site(generated).site]


def alone(site: StatusSite, index: int) -> StatusSite:
    return replace(site, incidents=(site.incidents[index],))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_an_incidents_findings_do_not_depend_on_the_rest_of_the_history(
    sites: list[StatusSite], data: st.DataObject
) -> None:
    site = data.draw(st.sampled_from(sites))
    index = data.draw(st.integers(0, len(site.incidents) - 1))
    incident = site.incidents[index]
    whole = [
        d
        for d in run_rules(site, DEMO_NOW, INCIDENT_FAMILIES)
        if d.path.startswith(f"incidents/{incident.id}/")
    ]
    assert sort_diagnostics(
        run_rules(alone(site, index), DEMO_NOW, INCIDENT_FAMILIES)
    ) == sort_diagnostics(whole)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_an_incidents_findings_are_the_same_at_any_later_now_once_nothing_is_in_its_future(
    sites: list[StatusSite], data: st.DataObject
) -> None:
    site = data.draw(st.sampled_from(sites))
    index = data.draw(st.integers(0, len(site.incidents) - 1))
    one = alone(site, index)
    incident = one.incidents[0]
    first = max(incident.last_stamp - FUTURE_TOLERANCE, min(NOW, DEMO_NOW))
    later = first + timedelta(minutes=data.draw(st.integers(0, 60 * 24 * 400)))
    assert sort_diagnostics(run_rules(one, first, INCIDENT_FAMILIES)) == sort_diagnostics(
        run_rules(one, later, INCIDENT_FAMILIES)
    )
