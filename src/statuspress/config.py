"""``statuspress.yaml`` -> frozen Settings. Every default lives here, once."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import ID_PATTERN, Fields
from statuspress.layout import SETTINGS_FILE
from statuspress.source import SourceError, YMap, YScalar, parse_yaml, read_text

STATUSPAGE_IMPACTS = ("none", "minor", "major", "critical")
RULE_LEVELS = ("error", "warning", "off")


@dataclass(frozen=True)
class Severity:
    """One row of the severity matrix."""

    id: str
    label: str
    customer_impact: str
    first_update: timedelta | None  # first public update due within this of `started`
    cadence: timedelta | None  # then a public update at least this often
    statuspage_impact: str  # none | minor | major | critical


DEFAULT_SEVERITIES: tuple[Severity, ...] = (
    Severity(
        "sev1",
        "Critical",
        "core functionality unavailable for all or most customers",
        timedelta(minutes=15),
        timedelta(minutes=30),
        "critical",
    ),
    Severity(
        "sev2",
        "Major",
        "a subset of customers see errors or delays",
        timedelta(minutes=30),
        timedelta(minutes=60),
        "major",
    ),
    Severity("sev3", "Minor", "minimal customer-facing impact", None, None, "minor"),
)


@dataclass(frozen=True)
class Settings:
    title: str = "Status"
    base_url: str = "https://status.example.com/"
    timezone: str = "UTC"
    language: str = "en"
    description: str = ""
    support_url: str | None = None
    history_days: int = 90
    severities: tuple[Severity, ...] = DEFAULT_SEVERITIES
    #: rule id (or family such as "language") -> "error" | "warning" | "off"
    rules: Mapping[str, str] = field(default_factory=dict)
    #: extra jargon terms to warn about in customer text
    jargon: tuple[str, ...] = ()
    #: words never to flag as jargon
    allowed_words: tuple[str, ...] = ()
    #: hostnames (and their subdomains) that must never appear in public text
    internal_domains: tuple[str, ...] = ()
    maintenance_notice: timedelta = timedelta(hours=24)
    feed_limit: int = 50
    #: publish the "Reliability & communication" page (report/index.html)
    report_page: bool = False

    def severity(self, severity_id: str) -> Severity:
        for severity in self.severities:
            if severity.id == severity_id:
                return severity
        raise KeyError(severity_id)

    @property
    def severity_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.severities)

    def rule_level(self, rule: str, default: Level) -> Level | None:
        """The configured level of ``rule`` (None when turned off).

        The most specific setting wins: ``language/jargon`` before ``language``.
        """
        for key in (rule, rule.split("/", 1)[0]):
            if key in self.rules:
                level = self.rules[key]
                return None if level == "off" else Level(level)
        return default


_SETTINGS_KEYS = {
    "title",
    "base_url",
    "timezone",
    "language",
    "description",
    "support_url",
    "history_days",
    "severities",
    "rules",
    "jargon",
    "allowed_words",
    "internal_domains",
    "maintenance_notice",
    "feed_limit",
    "report_page",
}
_SEVERITY_KEYS = {"label", "customer_impact", "first_update", "cadence", "statuspage_impact"}


def load_settings(root: Path) -> tuple[Settings, list[Diagnostic]]:
    """Read ``statuspress.yaml`` (optional). Returns defaults plus diagnostics on errors."""
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return Settings(), []
    try:
        node = parse_yaml(read_text(root, path), SETTINGS_FILE)
    except SourceError as exc:
        return Settings(), [exc.diagnostic]
    if node is not None and not isinstance(node, YMap):
        return Settings(), [
            Diagnostic(
                SETTINGS_FILE,
                node.pos.line,
                node.pos.col,
                Level.ERROR,
                "schema/type",
                "statuspress.yaml must be keys and values, such as 'title: Example Status'",
            )
        ]
    return settings_from_node(node)


def settings_from_node(node: YMap | None) -> tuple[Settings, list[Diagnostic]]:
    f = Fields(SETTINGS_FILE, node, _SETTINGS_KEYS, "statuspress.yaml")
    defaults = Settings()
    values: dict[str, object] = {}
    for key in ("title", "base_url", "language", "description", "support_url"):
        text = f.text(key)
        if text is not None:
            values[key] = text
    zone = f.text("timezone")
    if zone is not None:
        try:
            zoneinfo.ZoneInfo(zone)
            values["timezone"] = zone
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            f.error(
                f.pos("timezone"),
                "schema/value",
                f"'{zone}' is not an IANA time zone; use a name such as 'Europe/Berlin' or 'UTC'",
            )
    base_url = values.get("base_url")
    if isinstance(base_url, str) and not base_url.startswith(("http://", "https://")):
        f.error(
            f.pos("base_url"),
            "schema/value",
            "base_url must be an absolute http(s) URL, such as 'https://status.example.com/'",
        )
        del values["base_url"]
    elif isinstance(base_url, str) and not base_url.endswith("/"):
        values["base_url"] = base_url + "/"
    for key, minimum in (("history_days", 1), ("feed_limit", 1)):
        number = f.integer(key, minimum=minimum)
        if number is not None:
            values[key] = number
    notice = f.duration("maintenance_notice")
    if notice is not None:
        values["maintenance_notice"] = notice
    for key in ("jargon", "allowed_words", "internal_domains"):
        words = f.text_list(key)
        if words:
            values[key] = tuple(w.lower() if key != "jargon" else w for w in words)
    report = f.text("report_page")
    if report is not None:
        if report.lower() in ("true", "yes", "on"):
            values["report_page"] = True
        elif report.lower() not in ("false", "no", "off"):
            f.error(f.pos("report_page"), "schema/type", "'report_page' must be true or false")
    rules = _read_rules(f)
    if rules:
        values["rules"] = rules
    severities = _read_severities(f)
    if severities:
        values["severities"] = severities
    if not f.ok:
        # Never half-apply settings: one mistake means the whole file is reported, and the
        # defaults stand until it is fixed (check fails anyway).
        return defaults, f.diagnostics
    return Settings(**values), f.diagnostics  # type: ignore[arg-type]


def _read_rules(f: Fields) -> dict[str, str]:
    node = f.mapping("rules")
    rules: dict[str, str] = {}
    for key, value in node.items if node else ():
        if not isinstance(value, YScalar) or value.value not in RULE_LEVELS:
            f.error(
                value.pos,
                "schema/value",
                f"rule '{key.value}' must be set to one of: {', '.join(RULE_LEVELS)}",
            )
            continue
        rules[key.value] = value.value
    return rules


def _read_severities(f: Fields) -> tuple[Severity, ...]:
    node = f.mapping("severities")
    if node is None:
        return ()
    result = []
    for key, value in node.items:
        severity_id = key.value
        if not ID_PATTERN.match(severity_id):
            f.error(
                key.pos,
                "schema/id",
                f"severity id '{severity_id}' must be lowercase letters, digits and dashes",
            )
            continue
        if not isinstance(value, YMap):
            f.error(value.pos, "schema/type", f"severity '{severity_id}' needs keys under it")
            continue
        row = Fields(SETTINGS_FILE, value, _SEVERITY_KEYS, f"severity '{severity_id}'", key.pos)
        label = row.text("label", required=True, example="Critical")
        impact = row.text("customer_impact") or ""
        first = row.duration("first_update")
        cadence = row.duration("cadence")
        statuspage = row.text("statuspage_impact") or "minor"
        if statuspage not in STATUSPAGE_IMPACTS:
            row.error(
                row.pos("statuspage_impact"),
                "schema/value",
                f"statuspage_impact must be one of: {', '.join(STATUSPAGE_IMPACTS)}",
            )
        f.diagnostics.extend(row.diagnostics)
        if row.ok and label is not None:
            result.append(Severity(severity_id, label, impact, first, cadence, statuspage))
    if not result:
        f.error(f.pos("severities"), "schema/required", "'severities' must define at least one")
    return tuple(result)
