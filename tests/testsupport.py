"""The helpers every test folder shares (import as `from testsupport import ...`): the
demo's "now", builds and real git repositories, trees compared file by file, and a small
valid repository for the check tests to break. Test files never import each other."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from statuspress.check import CheckResult
from statuspress.cli import cli
from statuspress.commands.serve import SiteHandler

REPO_ROOT = Path(__file__).resolve().parent.parent
#: A fixed "now" for tests on the demo content: just after its latest update.
DEMO_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
IN_CI = bool(os.environ.get("CI"))
#: The language corpus's scores, filled by its test and printed in the pytest summary.
LANGUAGE_SCORES: dict[str, Any] = {}
NOW_ARG = DEMO_NOW.isoformat().replace("+00:00", "Z")
#: An incident still open at DEMO_NOW, and its first update (the accelerator's tests).
OPEN_HEADER = (
    "---\ntitle: Errors on the API\nseverity: sev2\nstarted: 2026-11-24T10:00:00Z\n"
    "components:\n  api: partial_outage\n---\n"
)
OPEN_UPDATE = (
    "---\nat: 2026-11-24T10:10:00Z\nstatus: investigating\nnext_update: 2026-11-24T10:40:00Z\n"
    "---\nSome requests fail. Next update by 10:40 UTC.\n"
)


def refused_past_file_size_limit(script: str, *args: str) -> None:
    """Run ``script`` (a program that limits the size of the files it may write, then
    writes a site) and hold that it refused as a full disk makes a build refuse: exit 2,
    the system's reason, and the promise that the previous site is untouched."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "File too large" in result.stdout
    assert "the previous site is untouched" in result.stdout


def build_cli(
    repo: Path, out: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `statuspress build` in a subprocess, at DEMO_NOW."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "statuspress",
            "--repo",
            str(repo),
            "build",
            "--out",
            str(out),
            "--now",
            NOW_ARG,
            *extra,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def require_tool(name: str, found: bool) -> None:
    """Skip when a tool is missing on a developer machine; fail in CI, where the project's
    own install script must have provided it."""
    import pytest

    if found:
        return
    message = f"{name} is not installed: run scripts/install-test-deps.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def digest(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` -> the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree(folder: Path) -> dict[str, str]:
    """``digest``, and every folder (an empty folder a plain build lacks counts too)."""
    found = digest(folder)
    found.update(
        {p.relative_to(folder).as_posix() + "/": "" for p in folder.rglob("*") if p.is_dir()}
    )
    return found


def settle(repo: Path) -> None:
    """Date every file of ``repo`` an hour back, as files checked out well before a build
    are (the accelerator keeps no folder written in the seconds before a build)."""
    past = time.time() - 3600
    for path in repo.rglob("*"):
        if ".statuspress-cache" not in path.parts:
            os.utime(path, (past, past))


# -- a running `statuspress serve` -----------------------------------------------------


@contextlib.contextmanager
def serving(root: Path, seconds: float = 120) -> Iterator[tuple[str, list[str]]]:
    """``serve`` on a free port in a thread, rebuilding every tenth of a second: its URL
    and the lines it logs (the list grows while it runs)."""
    from statuspress.commands.serve import serve

    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=serve,
        args=(root, 0),
        kwargs={"log": lines.append, "stop": stop, "interval": 0.1},
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + seconds
        while not any("serving" in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.05)
        url = next(line for line in lines if "serving" in line).split(" on ")[1].split(" ")[0]
        yield url, lines
    finally:
        stop.set()
        thread.join(timeout=60)


# -- a built site over HTTP on loopback ---------------------------------------------------


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port) as ``statuspress serve`` and the static
    hosts do; yields the base URL ending in '/'."""
    handler = functools.partial(SiteHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# -- real git repositories and the CLI ----------------------------------------------------


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "PATH": "/usr/bin:/bin:/usr/local/bin",
            "HOME": str(root),
        },
    ).stdout


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--repo", str(root), *args])
    return result.exit_code, result.output


def write_files(root: Path, files: Mapping[str, str]) -> Path:
    """Write ``{relative path: text}`` under ``root`` (text is dedented)."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def make_repo(tmp_path: Path) -> Path:
    root = tmp_path / "status"
    root.mkdir()
    (root / "components").mkdir()
    (root / "components/checkout.md").write_text("---\nname: Checkout\n---\n")
    (root / "statuspress.yaml").write_text("title: Example Status\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    return root


# -- a small valid repository for the check tests to break, file by file -----------------

#: "now" for the content-model and check tests (VALID and its parts).
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)

COMPONENTS = {
    "components/checkout.md": """
        ---
        name: Checkout
        group: Payments
        order: 10
        ---
        Placing orders.
        """,
    "components/api.md": """
        ---
        name: Public API
        ---
        """,
}

INCIDENT = "incidents/2026-11-17-payments"
HEADER = f"{INCIDENT}/incident.md"
FIRST = f"{INCIDENT}/20261117T0915Z-investigating.md"
SECOND = f"{INCIDENT}/20261117T0940Z-resolved.md"

VALID = {
    **COMPONENTS,
    HEADER: """
        ---
        title: Payments failing at checkout
        severity: sev1
        started: 2026-11-17T09:05:00Z
        components:
          checkout: major_outage
        ---
        """,
    FIRST: """
        ---
        at: 2026-11-17T09:15:00Z
        status: investigating
        next_update: 2026-11-17T09:45:00Z
        ---
        Payments at checkout are failing. We will post the next update by 09:45 UTC.
        """,
    SECOND: """
        ---
        at: 2026-11-17T09:40:00Z
        status: resolved
        ---
        Payments work again.
        """,
}

Check = Callable[..., CheckResult]


def rules(result: CheckResult) -> list[str]:
    return [d.rule for d in result.diagnostics]


# -- a maintenance window, for the tests of time moving the page ------------------------

WINDOW = "incidents/2026-12-10-database-upgrade"
#: A window on checkout, 10 December 02:00 to 04:00 UTC, announced on 1 December.
MAINTENANCE = {
    f"{WINDOW}/incident.md": """
        ---
        title: Database upgrade
        kind: maintenance
        scheduled_start: 2026-12-10T02:00:00Z
        scheduled_end: 2026-12-10T04:00:00Z
        components:
          checkout: under_maintenance
        ---
        We are upgrading the database behind checkout.
        """,
    f"{WINDOW}/20261201T1000Z-scheduled.md": """
        ---
        at: 2026-12-01T10:00:00Z
        status: scheduled
        next_update: 2026-12-10T02:00:00Z
        ---
        On 10 December from 02:00 to 04:00 UTC checkout may be slow while we upgrade its
        database. We will post an update when the work starts, at 02:00 UTC.
        """,
}
#: A maintenance header (25 November, 02:00 to 03:00 UTC) for the review-gate tests.
WINDOW_HEADER = """---
title: Database upgrade
kind: maintenance
scheduled_start: 2026-11-25T02:00:00Z
scheduled_end: 2026-11-25T03:00:00Z
components:
  checkout: under_maintenance
---
"""
#: Moments before, inside and after that window.
BEFORE, INSIDE, AFTER = "2026-12-05T12:00:00Z", "2026-12-10T03:00:00Z", "2026-12-10T05:00:00Z"
# -- real receivers on loopback, for everything that sends -------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class HttpReceiver:
    """An HTTP server on 127.0.0.1 that records every POST it accepts.

    ``faults`` are used up one per request before any is accepted: ``"500"`` answers an
    error, ``"drop"`` closes the connection without an answer, ``"timeout"`` answers only
    after ``delay`` seconds (the sender has given up by then), ``"302"`` redirects to
    ``/elsewhere`` (a GET there is answered 200), ``"hang"`` sets ``hung``
    and waits until ``release`` is set. None of them records the request."""

    def __init__(self, faults: list[str] | None = None, delay: float = 3.0) -> None:
        import http.server

        self.faults = list(faults or [])
        self.delay = delay
        self.requests: list[dict[str, object]] = []
        self.seen = 0
        self.hung = threading.Event()
        self.release = threading.Event()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.seen += 1
                fault = receiver.faults.pop(0) if receiver.faults else None
                if fault == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if fault == "timeout":
                    time.sleep(receiver.delay)
                if fault == "hang":
                    receiver.hung.set()
                    receiver.release.wait(60)
                    return
                if fault in ("500", "timeout"):
                    self.send_response(500)
                    self.end_headers()
                    return
                if fault == "302":
                    self.send_response(302)
                    self.send_header("Location", "/elsewhere")
                    self.end_headers()
                    return
                receiver.requests.append(
                    {"path": self.path, "headers": dict(self.headers.items()), "body": body}
                )
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def do_GET(self) -> None:
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, scheme: str = "http", path: str = "/hook") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> HttpReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def smtp_receiver() -> Iterator[tuple[int, list[tuple[str, list[str], bytes]]]]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1: yields its port and the list of
    (sender, recipients, message bytes) it received."""
    from aiosmtpd.controller import Controller

    received: list[tuple[str, list[str], bytes]] = []

    class Handler:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            received.append(
                (envelope.mail_from, list(envelope.rcpt_tos), envelope.content)  # type: ignore[attr-defined]
            )
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()
