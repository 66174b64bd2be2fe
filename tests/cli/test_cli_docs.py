"""Every command and option of `statuspress --help` is documented in docs/cli.md
(as sqlite-utils does): a new option without docs fails this test."""

from __future__ import annotations

import click

from statuspress.cli import cli
from testsupport import REPO_ROOT

DOCS = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            found += _commands(command, full + " ")
        else:
            found.append((full, command))
    return found


def test_every_command_has_a_section() -> None:
    for name, _ in _commands(cli):
        assert f"## `statuspress {name}" in DOCS, name


def test_every_option_of_every_command_is_documented() -> None:
    for name, command in _commands(cli):
        section = DOCS.split(f"## `statuspress {name}", 1)[1].split("\n## ", 1)[0]
        for parameter in command.params:
            if isinstance(parameter, click.Option) and parameter.name != "help":
                assert any(f"`{opt}" in section for opt in parameter.opts), (
                    f"{name}: {parameter.opts}"
                )


def test_the_global_options_are_documented() -> None:
    for option in ("--repo", "--version"):
        assert option in DOCS
