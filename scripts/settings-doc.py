#!/usr/bin/env python3
"""The settings table of docs/content-format.md, made from statuspress's table of settings
(src/statuspress/config/table.py), so the docs cannot drift from the code.

    python scripts/settings-doc.py           # print the table
    python scripts/settings-doc.py --write   # replace it in docs/content-format.md

tests/config/test_config_table.py fails when the docs differ from what this prints.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from statuspress.config import SETTINGS, Setting
from statuspress.fields import format_duration

DOCS = Path(__file__).resolve().parent.parent / "docs" / "content-format.md"
BEGIN = (
    "<!-- settings table: made by scripts/settings-doc.py from src/statuspress/config/table.py -->"
)
END = "<!-- end of settings table -->"


def shown_default(setting: Setting) -> str:
    """The default as the docs' default column writes it."""
    value = setting.default
    if setting.shown_default:
        return setting.shown_default
    if value is None or (isinstance(value, (tuple, Mapping)) and not value):
        return "none"
    if value == "":
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, timedelta):
        # In hours when whole hours, as people write notice periods: `24h`, not `1d`.
        seconds = int(value.total_seconds())
        return f"`{seconds // 3600}h`" if seconds % 3600 == 0 else f"`{format_duration(value)}`"
    return f"`{value}`"


def table() -> str:
    """The Markdown table, one row per setting in the order of the settings table."""
    rows = ["| key | default | meaning |", "|---|---|---|"]
    rows += [f"| `{s.name}` | {shown_default(s)} | {s.doc} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"


def replaced(docs: str) -> str:
    """``docs`` with the text between the BEGIN and END markers replaced by the table."""
    head, rest = docs.split(BEGIN + "\n", 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{table()}{END}{tail}"


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        DOCS.write_text(replaced(DOCS.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.write(table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
