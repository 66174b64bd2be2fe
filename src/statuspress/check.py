"""``statuspress check`` as a function: load, run every rule family, apply the policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from statuspress.cache import IncidentStore
from statuspress.diagnostics import Diagnostic, sort_diagnostics
from statuspress.errors import UsageError
from statuspress.gcpause import gc_paused
from statuspress.layout import COMPONENTS_DIR, INCIDENTS_DIR, SETTINGS_FILE
from statuspress.load import load_site
from statuspress.model import StatusSite
from statuspress.rules import INCIDENT_FAMILIES, SITE_FAMILIES, apply_policy, run_rules
from statuspress.rules.history import history_violations


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


def check_repository(
    root: Path,
    now: datetime,
    base: str | None = None,
    *,
    keep_site: bool = True,
    store: IncidentStore | None = None,
) -> CheckResult:
    """Every diagnostic for the repository at ``root``, in reading order.

    ``base`` is a git revision; when given, the append-only **history** rules run too.
    With ``keep_site=False`` (and no ``base``) the result's site has no incidents: each
    share of the history is checked where it was loaded, which is faster on many cores.
    A ``store`` (the build cache) saves reading and checking unchanged incident folders.
    Raises ``statuspress.errors.UsageError`` only for problems outside the content
    (``base`` is not a git revision).
    """
    require_repository(root)
    if base is None and (store is not None or not keep_site):
        return _check_in_shares(root, now, keep_site, store)
    with gc_paused():
        loaded = load_site(root)
        found = list(loaded.diagnostics)
        found.extend(run_rules(loaded.site, now))
    if base is not None:
        found.extend(history_violations(root, loaded.site, base))
    return CheckResult(loaded.site, tuple(sort_diagnostics(apply_policy(loaded.site, found))))


def _check_in_shares(
    root: Path, now: datetime, keep_site: bool = False, store: IncidentStore | None = None
) -> CheckResult:
    """The same diagnostics, with the incident rules and their policy (which is per file)
    applied to each share of the history in the process that loaded it."""

    def check_share(share: StatusSite, loading: list[Diagnostic]) -> list[Diagnostic]:
        return apply_policy(share, [*loading, *run_rules(share, now, INCIDENT_FAMILIES)])

    with gc_paused():
        loaded = load_site(root, share_work=check_share, keep_incidents=keep_site, store=store)
        found = [*loaded.diagnostics, *run_rules(loaded.site, now, SITE_FAMILIES)]
    # The policy is idempotent: the shares' findings pass through unchanged a second time.
    return CheckResult(loaded.site, tuple(sort_diagnostics(apply_policy(loaded.site, found))))
