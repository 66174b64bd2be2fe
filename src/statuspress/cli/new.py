"""``statuspress new``: scaffold an incident, a maintenance window, an update or a
translation from the approved message templates."""

from __future__ import annotations

from typing import Any

import click

from statuspress.cli import NOW_OPTION, _repo, cli, handle_errors, resolve_now


@cli.group()
def new() -> None:
    """Scaffold an incident or an update from the approved message templates."""


@new.command("incident")
@click.argument("title")
@click.option(
    "--severity", metavar="ID", help="Incidents: a severity id from the matrix, e.g. sev1."
)
@click.option(
    "--started",
    metavar="TIME",
    help="Incidents: when customer impact began (ISO 8601 with offset). Default: now. "
    "The report's time to first update counts from it, so give the real time.",
)
@click.option(
    "--component",
    "components",
    multiple=True,
    required=True,
    metavar="ID=STATUS",
    help="An affected component and its status; repeat for each.",
)
@click.option("--maintenance", is_flag=True, help="Scaffold a maintenance window instead.")
@click.option(
    "--start", metavar="TIME", help="Maintenance: scheduled start (ISO 8601 with offset)."
)
@click.option("--end", metavar="TIME", help="Maintenance: scheduled end (ISO 8601 with offset).")
@NOW_OPTION
@handle_errors
def new_incident(
    title: str,
    severity: str | None,
    started: str | None,
    components: tuple[str, ...],
    maintenance: bool,
    start: str | None,
    end: str | None,
    now_text: str | None,
) -> None:
    """Create incidents/<date>-<slug>/ with incident.md and its first update."""
    from statuspress.commands.new import new_incident as scaffold_incident

    created = scaffold_incident(
        _repo(),
        title,
        severity=severity,
        started=started,
        components=components,
        now=resolve_now(now_text),
        maintenance=maintenance,
        start=start,
        end=end,
    )
    for path in created:
        click.echo(f"created {path}")


@new.command("update")
@click.argument("incident")
@click.option(
    "--status",
    default=None,
    metavar="STATUS",
    help="investigating|identified|monitoring|resolved, or for maintenance "
    "scheduled|in_progress|verifying|completed (required unless --lang).",
)
@click.option(
    "--next-update", default=None, metavar="DURATION", help="When the next update comes, e.g. 30m."
)
@click.option("--lang", "language", metavar="LANG", help="Translate an update into LANG instead.")
@click.option("--of", metavar="UPDATE", help="With --lang: the update (default: the latest).")
@NOW_OPTION
@handle_errors
def new_update(incident: str, status: str | None, next_update: str | None, **options: Any) -> None:
    """Add an update file to INCIDENT from the template for STATUS, or with --lang a
    translation of one of its updates from LANG's template."""
    from statuspress.commands.translate import new_update_or_translation

    now = resolve_now(options.pop("now_text"))
    for path in new_update_or_translation(
        _repo(), incident, status=status, next_update=next_update, now=now, **options
    ):
        click.echo(f"created {path}")
