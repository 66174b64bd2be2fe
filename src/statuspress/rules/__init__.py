"""The rule families that ``check`` runs over a loaded site, and the policy that
re-levels, silences or accepts their findings.

``schema`` rules run while loading (load.py); ``history`` needs git and runs only with
``check --base``.

What a rule may depend on (the contract ``build --incremental`` relies on, and
tests/incremental/test_rule_contract.py holds every rule to):

- an **incident rule** (``INCIDENT_FAMILIES``) sees a site holding one incident: it may
  read that incident, the settings and the components, and nothing else of the history;
- it may read "now" only to ask whether a time lies beyond ``now + FUTURE_TOLERANCE``;
  otherwise its findings for an incident are the same at any later "now";
- a **site rule** (``SITE_FAMILIES``) may read the settings and the components.

The accelerator keeps an incident's findings with the incident and reuses them while
its files, statuspress, the settings and the components are unchanged and nothing in it
is dated after ``now + FUTURE_TOLERANCE``. A rule that needs more (other incidents, the
clock) belongs in ``check_site`` or in ``due``, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from datetime import datetime

from statuspress.diagnostics import Diagnostic
from statuspress.model import StatusSite
from statuspress.rules.cadence import cadence_violations
from statuspress.rules.language import (
    component_language_violations,
    incident_language_violations,
)
from statuspress.rules.lifecycle import FUTURE_TOLERANCE, lifecycle_violations
from statuspress.rules.notifications import channel_violations
from statuspress.rules.postmortem import postmortem_language_violations
from statuspress.rules.translations import overdue_translations, translation_violations

__all__ = ["FUTURE_TOLERANCE", "apply_policy", "overdue_translations", "run_rules"]

RuleFamily = Callable[[StatusSite, datetime], Iterable[Diagnostic]]

#: Rules that look at one incident at a time: any share of the history can be checked
#: apart from the rest (``check`` does so on every core while loading).
INCIDENT_FAMILIES: tuple[RuleFamily, ...] = (
    lifecycle_violations,
    cadence_violations,
    incident_language_violations,
    translation_violations,
    postmortem_language_violations,
)
#: Rules about the rest of the site (components, notification channels).
SITE_FAMILIES: tuple[RuleFamily, ...] = (component_language_violations, channel_violations)
FAMILIES = SITE_FAMILIES + INCIDENT_FAMILIES

#: Families whose findings mean the content cannot be read at all: never re-levelled.
UNCONFIGURABLE = ("schema", "source")


def run_rules(
    site: StatusSite, now: datetime, families: tuple[RuleFamily, ...] = FAMILIES
) -> list[Diagnostic]:
    """Every finding of ``families`` (all of them by default) over ``site``, before policy."""
    return [d for family in families for d in family(site, now)]


def accepted_rules(site: StatusSite, paths: Collection[str]) -> dict[str, dict[str, str]]:
    """file path -> {rule id -> who accepted it} from the ``accept:`` keys of the files in
    the folders of ``paths`` (the other incidents' updates are not looked at)."""
    folders = {_folder(p) for p in paths}
    accepted: dict[str, dict[str, str]] = {}
    for incident in site.incidents:
        if _folder(incident.source.path) not in folders:
            continue
        if incident.accepted:
            accepted[incident.source.path] = dict(incident.accepted)
        for update in incident.updates:
            if update.accepted:
                accepted[update.source.path] = dict(update.accepted)
    return accepted


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def apply_policy(site: StatusSite, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Apply ``rules:`` levels from statuspress.yaml and per-file ``accept:`` exceptions."""
    diagnostics = list(diagnostics)
    accepted = accepted_rules(site, {d.path for d in diagnostics})
    result = []
    for d in diagnostics:
        family = d.rule.split("/", 1)[0]
        if family in UNCONFIGURABLE:
            result.append(d)
            continue
        exceptions = accepted.get(d.path, {})
        if d.rule in exceptions or family in exceptions:
            continue
        level = site.settings.rule_level(d.rule, d.level)
        if level is None:
            continue
        result.append(d if level is d.level else replace(d, level=level))
    return result
