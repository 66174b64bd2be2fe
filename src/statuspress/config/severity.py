"""The severity matrix: its rows, the built-in matrix, and reading ``severities:``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from statuspress.fields import ID_PATTERN, Fields
from statuspress.layout import SETTINGS_FILE
from statuspress.source import YMap, YNode, YScalar

STATUSPAGE_IMPACTS = ("none", "minor", "major", "critical")
_SEVERITY_KEYS = {
    "label",
    "customer_impact",
    "first_update",
    "cadence",
    "statuspage_impact",
    "translations_within",
}


@dataclass(frozen=True)
class Severity:
    """One row of the severity matrix."""

    id: str
    label: str
    customer_impact: str
    first_update: timedelta | None  # first public update due within this of `started`
    cadence: timedelta | None  # then a public update at least this often
    statuspage_impact: str  # none | minor | major | critical
    #: on a site in several languages, each public update is translated into every other
    #: language within this of its ``at`` (None: no deadline)
    translations_within: timedelta | None = None


# The labels below are also catalogue messages (``impact_label`` in views/frame.py looks
# them up under the same msgids), so pages show them in the site's language.
DEFAULT_SEVERITIES: tuple[Severity, ...] = (
    Severity(
        "sev1",
        "Critical",
        "core functionality unavailable for all or most customers",
        timedelta(minutes=15),
        timedelta(minutes=30),
        "critical",
        timedelta(minutes=30),
    ),
    Severity(
        "sev2",
        "Major",
        "a subset of customers see errors or delays",
        timedelta(minutes=30),
        timedelta(minutes=60),
        "major",
        timedelta(hours=2),
    ),
    Severity("sev3", "Minor", "minimal customer-facing impact", None, None, "minor"),
)


def read_severities(f: Fields, key: str) -> tuple[Severity, ...] | None:
    """The matrix under ``key``, replacing the built-in one whole; None when the key is
    absent or empty. A given but unusable matrix is reported in ``f``."""
    node = f.mapping(key)
    if node is None:
        return None
    result = []
    for row_key, value in node.items:
        severity = _read_row(f, row_key, value)
        if severity is not None:
            result.append(severity)
    if not result:
        f.error(f.pos(key), "schema/required", f"'{key}' must define at least one")
        return None
    return tuple(result)


def _read_row(f: Fields, key: YScalar, value: YNode) -> Severity | None:
    """One row of the matrix, or None with its mistakes reported in ``f``."""
    severity_id = key.value
    if not ID_PATTERN.match(severity_id):
        f.error(
            key.pos,
            "schema/id",
            f"severity id '{severity_id}' must be lowercase letters, digits and dashes",
        )
        return None
    if not isinstance(value, YMap):
        f.error(value.pos, "schema/type", f"severity '{severity_id}' needs keys under it")
        return None
    row = Fields(SETTINGS_FILE, value, _SEVERITY_KEYS, f"severity '{severity_id}'", key.pos)
    label = row.text("label", required=True, example="Critical")
    impact = row.text("customer_impact") or ""
    first = row.duration("first_update")
    cadence = row.duration("cadence")
    statuspage = row.text("statuspage_impact") or "minor"
    translations_within = row.duration("translations_within")
    if statuspage not in STATUSPAGE_IMPACTS:
        row.error(
            row.pos("statuspage_impact"),
            "schema/value",
            f"statuspage_impact must be one of: {', '.join(STATUSPAGE_IMPACTS)}",
        )
    f.diagnostics.extend(row.diagnostics)
    if not row.ok or label is None:
        return None
    return Severity(severity_id, label, impact, first, cadence, statuspage, translations_within)
