"""The settings of one status site, as read from ``statuspress.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from statuspress.config.notifications import NO_NOTIFICATIONS, Notifications
from statuspress.config.severity import DEFAULT_SEVERITIES, Severity
from statuspress.diagnostics import Level


# Written out, not generated from the table with dataclasses.make_dataclass: mypy --strict
# and IDEs see only fields declared in source, and every module reads `settings.title`
# and its siblings. tests/config/test_config_table.py checks these fields against SETTINGS
# (config/table.py) name for name, type for type and default for default, in order.
@dataclass(frozen=True)
class Settings:
    title: str = "Status"
    base_url: str = "https://status.example.com/"
    language: str = "en"
    #: every language of the site, ``language`` among them; empty: ``language`` alone
    languages: tuple[str, ...] = ()
    description: str = ""
    support_url: str | None = None
    timezone: str = "UTC"
    history_days: int = 90
    feed_limit: int = 50
    maintenance_notice: timedelta = timedelta(hours=24)
    #: put a maintenance window in progress at its start, complete it at its end
    maintenance_auto_start: bool = True
    maintenance_auto_complete: bool = True
    #: extra jargon terms to warn about in customer text
    jargon: tuple[str, ...] = ()
    #: words never to flag as jargon
    allowed_words: tuple[str, ...] = ()
    #: who reads the page: "customers", or "developers" (a developer product's own terms)
    language_audience: str = "customers"
    #: hostnames (and their subdomains) that must never appear in public text
    internal_domains: tuple[str, ...] = ()
    #: publish the "Reliability & communication" page (report/index.html)
    report_page: bool = False
    #: rule id (or family such as "language") -> "error" | "warning" | "off"
    rules: Mapping[str, str] = field(default_factory=dict)
    severities: tuple[Severity, ...] = DEFAULT_SEVERITIES
    #: channels, signup form and delivery rules of `statuspress notify`
    notifications: Notifications = NO_NOTIFICATIONS

    @property
    def site_languages(self) -> tuple[str, ...]:
        """The site's languages, the default first."""
        return (self.language, *(t for t in self.languages if t != self.language))

    @property
    def extra_languages(self) -> tuple[str, ...]:
        """The languages besides the default one (empty for a site in one language)."""
        return tuple(t for t in self.languages if t != self.language)

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
