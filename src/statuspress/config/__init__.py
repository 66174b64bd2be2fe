"""``statuspress.yaml`` -> frozen Settings. Every setting is declared once, in
``config/table.py``; this module reads the file by that table."""

from __future__ import annotations

from pathlib import Path

from statuspress.config.hosting import hosting_warnings
from statuspress.config.readers import RULE_LEVELS
from statuspress.config.settings import Settings
from statuspress.config.severity import DEFAULT_SEVERITIES, STATUSPAGE_IMPACTS, Severity
from statuspress.config.table import SETTING_NAMES, SETTINGS, Setting
from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import Fields
from statuspress.layout import SETTINGS_FILE
from statuspress.source import SourceError, YMap, parse_yaml, read_text

__all__ = [
    "DEFAULT_SEVERITIES",
    "RULE_LEVELS",
    "SETTINGS",
    "SETTINGS_FILE",
    "STATUSPAGE_IMPACTS",
    "Setting",
    "Settings",
    "Severity",
    "load_settings",
    "settings_from_node",
    "value_positions",
]


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
    """The settings a parsed ``statuspress.yaml`` gives, each key read by its entry in
    SETTINGS, with every mistake as a located diagnostic. With any error, all defaults."""
    f = Fields(SETTINGS_FILE, node, SETTING_NAMES, "statuspress.yaml")
    values: dict[str, object] = {}
    for setting in SETTINGS:
        value = setting.read(f, setting.name)
        if value is not None:
            values[setting.name] = value
    if not f.ok:
        # Never half-apply settings: one mistake means the whole file is reported, and the
        # defaults stand until it is fixed (check fails anyway).
        return Settings(), f.diagnostics
    # Each reader returns the type of its Settings field (the table test checks the
    # readers' results against the field types); mypy cannot follow a loop over keys.
    settings = Settings(**values)  # type: ignore[arg-type]
    return settings, [*f.diagnostics, *hosting_warnings(f, settings)]


def value_positions(root: Path) -> dict[str, tuple[int, int]]:
    """Where each top-level value of ``statuspress.yaml`` is written (line, column), for
    findings about the site's own texts; empty when the file is absent or unreadable."""
    path = root / SETTINGS_FILE
    try:
        node = parse_yaml(read_text(root, path), SETTINGS_FILE)
    except (SourceError, OSError):
        return {}
    if not isinstance(node, YMap):
        return {}
    return {key.value: (value.pos.line, value.pos.col) for key, value in node.items}
