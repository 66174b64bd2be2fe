"""The rule families that ``check`` runs over a loaded site, and the policy that
re-levels, silences or accepts their findings.

``schema`` rules run while loading (load.py); ``history`` needs git and runs only with
``check --base``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from statuspress.diagnostics import Diagnostic
from statuspress.model import StatusSite
from statuspress.rules.cadence import cadence_violations
from statuspress.rules.language import language_violations
from statuspress.rules.lifecycle import lifecycle_violations

RuleFamily = Callable[[StatusSite, datetime], Iterable[Diagnostic]]

FAMILIES: tuple[RuleFamily, ...] = (
    lifecycle_violations,
    cadence_violations,
    language_violations,
)

#: Families whose findings mean the content cannot be read at all: never re-levelled.
UNCONFIGURABLE = ("schema", "source")


def run_rules(site: StatusSite, now: datetime) -> list[Diagnostic]:
    """Every finding of every family over ``site``, before policy."""
    return [d for family in FAMILIES for d in family(site, now)]


def accepted_rules(site: StatusSite) -> dict[str, dict[str, str]]:
    """file path -> {rule id -> who accepted it} from the ``accept:`` keys."""
    accepted: dict[str, dict[str, str]] = {}
    for incident in site.incidents:
        if incident.accepted:
            accepted[incident.source.path] = dict(incident.accepted)
        for update in incident.updates:
            if update.accepted:
                accepted[update.source.path] = dict(update.accepted)
    return accepted


def apply_policy(site: StatusSite, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Apply ``rules:`` levels from statuspress.yaml and per-file ``accept:`` exceptions."""
    accepted = accepted_rules(site)
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
