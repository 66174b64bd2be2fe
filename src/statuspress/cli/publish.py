"""The commands a scheduled publish runs: ``next-change`` and ``changed``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from statuspress.cli import (
    EXIT_OK,
    NOW_OPTION,
    _repo,
    cli,
    handle_errors,
    out_option,
    resolve_now,
)

GITHUB_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="text: for people; github: key=value lines to append to $GITHUB_OUTPUT.",
)


@cli.command("next-change")
@NOW_OPTION
@GITHUB_FORMAT
@handle_errors
def next_change(now_text: str | None, output_format: str) -> None:
    """Print when the site next changes with no new content (a window starts or ends, a
    promised update falls due, a day begins), so a scheduler can build exactly then."""
    from statuspress.commands.publish import run_next_change
    from statuspress.timefmt import iso

    change = run_next_change(_repo(), resolve_now(now_text))
    if output_format == "github":
        click.echo(f"next_change={iso(change.at)}")
        click.echo(f"next_change_reason={change.reason}")
    else:
        about = f" ({change.incident_id})" if change.incident_id else ""
        click.echo(f"{iso(change.at)}  {change.reason}{about}")


@cli.command()
@out_option("The built site to compare.")
@click.option(
    "--live",
    "live_url",
    metavar="URL",
    help="The live site's statuspress-digest.txt. Default: base_url + statuspress-digest.txt.",
)
@click.option(
    "--base-url", metavar="URL", help="The live site's address (as given to `build --base-url`)."
)
@GITHUB_FORMAT
@handle_errors
def changed(out: Path, live_url: str | None, base_url: str | None, output_format: str) -> None:
    """Say whether the site built in --out differs from the live one (their published
    digests): a scheduled publish deploys, and notifies, only when it does. Deploys when
    the live digest cannot be read."""
    from statuspress.commands.publish import decide, default_live_url

    decision = decide(out, live_url or default_live_url(_repo(), base_url))
    if output_format == "github":
        click.echo(f"changed={'true' if decision.changed else 'false'}")
        click.echo(f"digest={decision.built}")
        click.echo(decision.reason, err=True)  # the log says why; the output stays parseable
    else:
        click.echo(("changed: " if decision.changed else "unchanged: ") + decision.reason)
    sys.exit(EXIT_OK)
