"""The check stage: every incident read and held to the rules, then the site's own rules,
and the policy (rule levels, ``accept:``) applied once, to each finding where it arose.

``check``, ``check --base``, ``build`` and ``build --incremental`` all check through
``check_incident`` and ``check_site``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from statuspress.diagnostics import Diagnostic, sort_diagnostics
from statuspress.errors import UsageError
from statuspress.layout import COMPONENTS_DIR, INCIDENTS_DIR, SETTINGS_FILE, incident_folder_names
from statuspress.load import Repository, assemble, load_incident, load_repository
from statuspress.model import Incident, StatusSite
from statuspress.parallel import fork_map
from statuspress.rules import (
    INCIDENT_FAMILIES,
    SITE_FAMILIES,
    apply_policy,
    overdue_translations,
    run_rules,
)
from statuspress.rules.history import history_violations
from statuspress.rules.site_texts import site_text_violations

#: From this many incident folders on, a command reads and checks them on every core
#: (measured: below it, starting a second process costs more than it saves).
PARALLEL_THRESHOLD = 400


@dataclass(frozen=True)
class CheckedIncident:
    """One incident folder, read and checked: the incident (None when a file of it is
    broken), every finding about it with the policy applied, and the ``folder_digest`` of
    the files as they were read."""

    name: str
    incident: Incident | None
    diagnostics: tuple[Diagnostic, ...]
    digest: bytes

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


@dataclass(frozen=True)
class CheckResult:
    site: StatusSite
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def require_repository(root: Path) -> None:
    """Refuse a folder that is not a status repository: a green check on the wrong folder
    would be a false all-clear."""
    markers = (SETTINGS_FILE, COMPONENTS_DIR, INCIDENTS_DIR)
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    if not any((root / marker).exists() for marker in markers):
        raise UsageError(
            f"{root.resolve()} is not a status repository (it has no statuspress.yaml, "
            "components/ or incidents/); run the command there, pass --repo DIR, or create "
            "one with 'statuspress init DIR'"
        )


def check_incident(root: Path, name: str, repository: Repository, now: datetime) -> CheckedIncident:
    """Read ``incidents/<name>`` and run the incident rules and the policy on it."""
    loaded = load_incident(root, name, repository.settings, repository.components_by_id)
    found = list(loaded.diagnostics)
    incidents = () if loaded.incident is None else (loaded.incident,)
    alone = StatusSite(repository.settings, repository.components, incidents)
    if incidents:
        found.extend(run_rules(alone, now, INCIDENT_FAMILIES))
    return CheckedIncident(name, loaded.incident, tuple(apply_policy(alone, found)), loaded.digest)


def check_site(
    repository: Repository, incidents: Iterable[CheckedIncident], now: datetime
) -> CheckResult:
    """The whole site from its checked incidents, with the site's own rules and every
    finding in reading order."""
    incidents = list(incidents)
    site = assemble(repository, (c.incident for c in incidents))
    own_texts = site_text_violations(
        repository.settings, repository.components, repository.setting_positions
    )
    # Overdue translations depend on the clock, so they are judged here, for the whole
    # site at every run (an incident's kept findings cannot hold them).
    found = apply_policy(
        site,
        [
            *repository.diagnostics,
            *run_rules(site, now, SITE_FAMILIES),
            *overdue_translations(site, now),
            *own_texts,
        ],
    )
    found.extend(d for checked in incidents for d in checked.diagnostics)
    return CheckResult(site, tuple(sort_diagnostics(found)))


def check_repository(
    root: Path,
    now: datetime,
    base: str | None = None,
    *,
    keep_site: bool = True,
    parallel: bool = True,
) -> CheckResult:
    """Every diagnostic for the repository at ``root``, in reading order.

    ``base`` is a git revision; when given, the append-only **history** rules run too.
    With ``keep_site=False`` (and no ``base``) the result's site has no incidents: each
    share of the history is checked where it was read, and only findings come back.
    Raises ``statuspress.errors.UsageError`` only for problems outside the content
    (``base`` is not a git revision).
    """
    require_repository(root)
    repository = load_repository(root)
    keep = keep_site or base is not None

    def check_share(names: Sequence[str]) -> list[CheckedIncident]:
        checked = (check_incident(root, name, repository, now) for name in names)
        # Without the site, each incident is let go as soon as it is checked (and what
        # check_site would judge on the whole site's clock is judged here, incident by
        # incident).
        if keep:
            return list(checked)
        return [_findings_only(c, repository, now) for c in checked]

    names = incident_folder_names(root)
    # Findings alone are little to send back: an even split. Whole incidents cost this
    # process a fifth of their making to receive, so it keeps a larger share of them.
    shares = fork_map(
        check_share, names, PARALLEL_THRESHOLD if parallel else None, 0.56 if keep else 0.5
    )
    result = check_site(repository, (c for share in shares for c in share), now)
    if base is None:
        return result
    history = history_violations(root, result.site, base)
    found = apply_policy(result.site, list(history))
    return CheckResult(result.site, tuple(sort_diagnostics([*result.diagnostics, *found])))


def _findings_only(
    checked: CheckedIncident, repository: Repository, now: datetime
) -> CheckedIncident:
    found = checked.diagnostics
    if checked.incident is not None and repository.settings.extra_languages:
        alone = StatusSite(repository.settings, repository.components, (checked.incident,))
        found += tuple(apply_policy(alone, overdue_translations(alone, now)))
    return CheckedIncident(checked.name, None, found, checked.digest)
