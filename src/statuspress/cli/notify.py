"""`statuspress notify`: the thin Click layer over ``statuspress.commands.notify``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from statuspress.cli import EXIT_OK, EXIT_RULES, NOW_OPTION, _repo, cli, handle_errors, resolve_now


@cli.command()
@click.option(
    "--record",
    "record_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The delivery record: read first, saved after every delivery "
    "[default: .statuspress-notify/delivered.json in the repository].",
)
@click.option(
    "--dry-run", is_flag=True, help="List what would be sent; send nothing, change no record."
)
@click.option(
    "--channel", "channels", multiple=True, metavar="ID", help="Only this channel; repeat for more."
)
@NOW_OPTION
@handle_errors
def notify(
    record_path: Path | None, dry_run: bool, channels: tuple[str, ...], now_text: str | None
) -> None:
    """Send each newly published update to the channels in statuspress.yaml, exactly once.

    Run it after the site is deployed. Channel URLs come from the environment variables
    statuspress.yaml names, and are never printed. Exit 1 when a message failed (the next
    run sends it again, to that channel only); it refuses to run for a pull request."""
    from statuspress.commands.notify import notify_command

    failed = notify_command(
        _repo(), resolve_now(now_text), record_path, dry_run, channels, click.echo
    )
    sys.exit(EXIT_RULES if failed else EXIT_OK)
