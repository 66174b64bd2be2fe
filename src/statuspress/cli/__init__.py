"""The command line: a thin skin. Each command parses options, calls one core function,
prints, and maps the outcome to an exit code (0 ok, 1 content breaks a rule, 2 usage)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from statuspress import __version__
from statuspress.diagnostics import FORMATTERS, Diagnostic
from statuspress.errors import ContentError, StatuspressError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_RULES, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def resolve_now(text: str | None) -> datetime:
    """``--now``, else ``SOURCE_DATE_EPOCH``, else the real clock (UTC)."""
    if text:
        # Here, not at the top: `statuspress --version` and `--help` need no YAML reader.
        from statuspress.fields import parse_timestamp

        try:
            value = parse_timestamp(text)
        except ValueError:
            value = None
            raise UsageError(
                f"--now {text} has no UTC offset; write it as {text}Z or with an offset like +01:00"
            ) from None
        if value is None:
            raise UsageError(
                f"--now {text} is not an ISO 8601 timestamp such as 2026-11-17T09:15:00Z"
            )
        return value
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch} is not a whole number of seconds"
            ) from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def _print_diagnostics(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], fmt: str) -> None:
    click.echo(FORMATTERS[fmt](list(diagnostics)), nl=False)


def handle_errors(func: F) -> F:
    """Turn the core's errors into messages and exit codes; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ContentError as exc:
            fmt = click.get_current_context().params.get("output_format") or "text"
            if exc.diagnostics:
                _print_diagnostics(list(exc.diagnostics), fmt)
            click.echo(f"statuspress: {exc}", err=True)
            sys.exit(EXIT_RULES)
        except UsageError as exc:
            click.echo(f"statuspress: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except StatuspressError as exc:
            click.echo(f"statuspress: {exc}", err=True)
            sys.exit(EXIT_RULES)
        except BrokenPipeError:
            # The reader went away (`statuspress check | head`): no message, and no second
            # error when Python flushes stdout at exit (the recipe of Python's docs).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            click.echo(f"statuspress: {exc.strerror or exc}{where}", err=True)
            sys.exit(EXIT_USAGE)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # a bug: say so in one line, never a traceback
            if os.environ.get("STATUSPRESS_DEBUG"):
                raise
            last = str(exc).strip().splitlines()[-1:] or [type(exc).__name__]
            click.echo(
                f"statuspress: internal error ({type(exc).__name__}: {last[0]}); this is a bug "
                "in statuspress, please report it (STATUSPRESS_DEBUG=1 shows the traceback)",
                err=True,
            )
            sys.exit(EXIT_BUG)

    return wrapper  # type: ignore[return-value]


FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text: path:line:col lines; github: workflow annotations; json: one document.",
)
NOW_OPTION = click.option(
    "--now",
    "now_text",
    metavar="TIME",
    help="Treat this ISO 8601 time (with offset) as now. Default: SOURCE_DATE_EPOCH, else the clock.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="statuspress")
@click.option(
    "--repo",
    "repo",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The status repository to work on.",
)
@click.pass_context
def cli(ctx: click.Context, repo: Path) -> None:
    """statuspress: a static status page driven by git.

    Incidents, maintenance and every update are Markdown files in incidents/ and
    components/; `check` validates them, `build` renders the site. Exit codes: 0 success,
    1 the content breaks a rule (for `due`: an update is overdue), 2 usage error, 3 an
    internal error (a bug in statuspress).
    The content format is in docs/content-format.md; every command in docs/cli.md.
    """
    ctx.obj = repo


def _repo() -> Path:
    repo = click.get_current_context().find_root().obj
    assert isinstance(repo, Path)
    return repo


@cli.command()
@click.option(
    "--base", metavar="REF", help="Also enforce append-only history against this git revision."
)
@FORMAT_OPTION
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option(
    "--summary",
    "summary_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --base: append the change as customers will see it, with every finding, to this "
    "Markdown file (in CI: $GITHUB_STEP_SUMMARY).",
)
@handle_errors
def check(
    base: str | None,
    output_format: str,
    now_text: str | None,
    strict: bool,
    summary_path: Path | None,
) -> None:
    """Validate every file against the schema, lifecycle, cadence, language and (with --base)
    history rules.

    Exit 0 when the content is fine, 1 when it breaks a rule, 2 on a usage error.
    """
    from statuspress.check import check_repository

    if summary_path is not None and base is None:
        raise UsageError("--summary needs --base: it shows the updates added since that revision")
    now = resolve_now(now_text)
    result = check_repository(_repo(), now, base=base, keep_site=False)
    _print_diagnostics(result.diagnostics, output_format)
    if summary_path is not None and base is not None:
        from statuspress.commands.summary import append_summary

        append_summary(summary_path, _repo(), result.site, base, result.diagnostics, now)
    sys.exit(EXIT_RULES if result.failed(strict) else EXIT_OK)


def out_option(help_text: str) -> Callable[[F], F]:
    """``--out``: the site's folder (``_site`` by default)."""
    return click.option(
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("_site"),
        show_default=True,
        help=help_text,
    )


@cli.command()
@out_option("Output folder; replaced atomically.")
@click.option(
    "--audience",
    type=click.Choice(["public", "internal"]),
    default="public",
    show_default=True,
    help="internal adds internal updates and talking points, with a banner and noindex.",
)
@click.option(
    "--base-url", metavar="URL", help="Absolute URL the site is served from (overrides base_url)."
)
@click.option(
    "--incremental",
    is_flag=True,
    help="Keep what this build read, checked and rendered in .statuspress-cache/, and reuse "
    "what the last incremental build kept where nothing changed (same output, faster "
    "rebuilds; deleting that folder is always safe).",
)
@click.option("--no-cache", is_flag=True, hidden=True, help="The default; kept for old scripts.")
@NOW_OPTION
@handle_errors
def build(
    out: Path,
    audience: str,
    base_url: str | None,
    incremental: bool,
    no_cache: bool,
    now_text: str | None,
) -> None:
    """Check the content, then render the static site (HTML, feeds, calendar, JSON API).

    A plain build reads and renders everything, as CI does from a fresh clone. With
    --incremental, incident folders and pages that nothing has changed are taken from
    .statuspress-cache/; the output is byte for byte the same."""
    from statuspress.build import build as build_site
    from statuspress.model import Audience

    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise UsageError(
            "--base-url must be an absolute http(s) URL, such as https://status.example.com/"
        )
    if incremental and no_cache:
        raise UsageError("--incremental and --no-cache contradict each other; choose one")
    result = build_site(
        _repo(), out, resolve_now(now_text), Audience(audience), base_url, incremental=incremental
    )
    if result.diagnostics:
        _print_diagnostics(result.diagnostics, "text")
    if result.reused is not None:
        click.echo(result.reused)
    click.echo(f"wrote {result.files} files ({result.bytes:,} bytes) to {out}")


@cli.command()
@NOW_OPTION
@click.option(
    "--within",
    default="10m",
    show_default=True,
    metavar="DURATION",
    help="Also list updates due this soon.",
)
@FORMAT_OPTION
@click.option(
    "--notify", is_flag=True, help="Also send overdue promises to owner or on-call channel."
)
@handle_errors
def due(now_text: str | None, within: str, output_format: str, notify: bool) -> None:
    """List open incidents that owe an update; exit 1 when one is overdue."""
    from statuspress.commands.due import run_due

    overdue = run_due(_repo(), resolve_now(now_text), within, output_format, click.echo, notify)
    sys.exit(EXIT_RULES if overdue else EXIT_OK)


@cli.command()
@click.option("--since", metavar="DATE", help="Only incidents that started on or after this date.")
@click.option("--until", metavar="DATE", help="Only incidents that started before this date.")
@click.option("--severity", metavar="ID", help="Only incidents of this severity.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md", "csv", "json"]),
    default="md",
    show_default=True,
    help="md: tables for a quarterly review; csv: one row per incident; json: everything.",
)
@NOW_OPTION
@handle_errors
def report(
    since: str | None,
    until: str | None,
    severity: str | None,
    output_format: str,
    now_text: str | None,
) -> None:
    """Communication metrics: time to first update, cadence kept, impact duration."""
    from statuspress.commands.report import run_report

    click.echo(
        run_report(_repo(), resolve_now(now_text), since, until, severity, output_format), nl=False
    )


@cli.command()
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@handle_errors
def serve(port: int) -> None:
    """Preview the site locally, rebuilt when a file changes."""
    from statuspress.commands.serve import serve as run_server

    run_server(_repo(), port)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@handle_errors
def init(directory: Path) -> None:
    """Make DIRECTORY (new, or existing such as a fresh clone) a status repository.
    Writes only missing files; refuses, writing nothing, when one it would write exists
    with other content. Pins the running statuspress in requirements-status.txt."""
    from statuspress.commands.init import init_repository

    for line in init_repository(directory).lines(directory):
        click.echo(line)


from statuspress.cli import notify as _notify  # noqa: E402, F401  (a command in its own file)


def main() -> None:
    """The console script (and ``python -m statuspress``)."""
    cli(prog_name="statuspress")


# Commands kept in modules of their own register themselves on ``cli`` when imported.
from statuspress.cli import new, publish  # noqa: E402,F401
