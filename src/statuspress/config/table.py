"""Every key of ``statuspress.yaml``, declared once: name, type, default, reader, meaning.

This table is the one place a setting is added. It gives the keys ``statuspress.yaml`` may
use (an unknown key gets a did-you-mean), the reading of the file (one reader per key),
and the settings table of docs/content-format.md (``scripts/settings-doc.py``). The
``Settings`` dataclass is written out beside it and tests/config/test_config_table.py
checks the two agree, field for field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType

from statuspress.config import readers
from statuspress.config.notifications import NO_NOTIFICATIONS, Notifications, read_notifications
from statuspress.config.readers import Reader
from statuspress.config.severity import DEFAULT_SEVERITIES, Severity, read_severities


@dataclass(frozen=True)
class Setting:
    """One key of ``statuspress.yaml`` and the ``Settings`` field it fills."""

    name: str
    type: object  # the field's annotation, such as ``str | None`` or ``tuple[str, ...]``
    default: object
    read: Reader
    doc: str  # one line: its meaning, as the docs table shows it
    shown_default: str = ""  # the docs' default column, when the value cannot say it


# The order is the order of reading, so a file with several mistakes reports them in the
# same order as before the table existed (``statuspress new`` shows the first one).
SETTINGS: tuple[Setting, ...] = (
    Setting("title", str, "Status", readers.text, "site title"),
    Setting(
        "base_url",
        str,
        "https://status.example.com/",
        readers.site_url,
        "absolute URL the site is served from (feeds and the API need it)",
    ),
    Setting(
        "language",
        str,
        "en",
        readers.language,
        "the site's (default) language: its words, dates and numbers; the promise rules "
        "read de, fr, es and ja too, the other English-only language rules skip them",
    ),
    Setting(
        "languages",
        tuple[str, ...],
        (),
        readers.languages,
        "every language the site is published in, the default among them (docs/translations.md)",
        shown_default="just `language`",
    ),
    Setting("description", str, "", readers.text, "one line for search engines and feeds"),
    Setting(
        "support_url", str | None, None, readers.text, "link in the header (must be http or https)"
    ),
    Setting(
        "timezone",
        str,
        "UTC",
        readers.time_zone,
        "IANA zone times are shown in (UTC is always shown too)",
    ),
    Setting("history_days", int, 90, readers.whole_number(1), "days in the uptime bars"),
    Setting("feed_limit", int, 50, readers.whole_number(1), "items per feed"),
    Setting(
        "maintenance_notice",
        timedelta,
        timedelta(hours=24),
        readers.duration,
        "how long before a maintenance window it must be announced",
    ),
    Setting(
        "maintenance_auto_start",
        bool,
        True,
        readers.flag,
        "a maintenance window is in progress from its `scheduled_start` unless an update says otherwise",
    ),
    Setting(
        "maintenance_auto_complete",
        bool,
        True,
        readers.flag,
        "a window in progress is completed at its `scheduled_end` unless an update says otherwise",
    ),
    Setting(
        "jargon",
        tuple[str, ...],
        (),
        readers.word_list(lowercase=False),
        "extra terms for `language/jargon`",
    ),
    Setting(
        "allowed_words",
        tuple[str, ...],
        (),
        readers.word_list(lowercase=True),
        "terms `language/jargon` must not flag",
    ),
    Setting(
        "language_audience",
        str,
        "customers",
        readers.one_of(("customers", "developers")),
        "`developers` lets a developer product's page use its readers' own terms (HTTP "
        "status codes, region codes, cloud and SDK names, API field names)",
    ),
    Setting(
        "internal_domains",
        tuple[str, ...],
        (),
        readers.word_list(lowercase=True),
        "hostnames (and subdomains) that must never appear in public text",
    ),
    Setting(
        "report_page",
        bool,
        False,
        readers.flag,
        "publish `report/index.html` (docs/metrics.md)",
    ),
    Setting(
        "rules",
        Mapping[str, str],
        MappingProxyType({}),  # read-only: the table's one default object is shared
        readers.rule_levels,
        "`rule-id` or family (`language`) → `error`, `warning` or `off`",
    ),
    Setting(
        "severities",
        tuple[Severity, ...],
        DEFAULT_SEVERITIES,
        read_severities,
        "replaces the whole matrix",
        shown_default="the matrix below",
    ),
    Setting(
        "notifications",
        Notifications,
        NO_NOTIFICATIONS,
        read_notifications,
        "channels `statuspress notify` sends to, the Subscribe page's signup form "
        "(docs/notifications.md)",
        shown_default="none",
    ),
)

SETTING_NAMES = frozenset(setting.name for setting in SETTINGS)
