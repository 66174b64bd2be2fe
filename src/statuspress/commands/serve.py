"""`statuspress serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild when
a file of the repository changes (polling modification times: no extra dependency)."""

from __future__ import annotations

import http.server
import os
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from statuspress.build import build
from statuspress.diagnostics import format_text
from statuspress.errors import ContentError, UsageError
from statuspress.layout import CONTENT


def snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched file."""
    times: dict[str, float] = {}
    for name in CONTENT:
        path = root / name
        if path.is_file():
            times[name] = path.stat().st_mtime
        elif path.is_dir():
            for file in path.rglob("*"):
                if file.is_file():
                    times[file.relative_to(root).as_posix()] = file.stat().st_mtime
    return times


def rebuild(root: Path, out: Path, log: Callable[[str], None]) -> bool:
    try:
        result = build(
            root,
            out,
            datetime.now(timezone.utc).replace(microsecond=0),
            incremental=True,
            parallel=False,  # never fork beside the server's thread
        )
    except ContentError as exc:
        log(
            format_text(list(exc.diagnostics))
            + f"statuspress: {exc}; still serving the last good build"
        )
        return False
    except Exception as exc:
        log(
            f"statuspress: the rebuild failed ({type(exc).__name__}: {exc}); still serving the last good build"
        )
        return False
    log(f"built {result.files} files ({result.reused})")
    return True


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as the static hosts statuspress supports do: ``/a/b`` is
    answered from ``a/b.html`` when there is no ``a/b`` (the pages at API ids)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        translated = super().translate_path(path)
        if "\x00" in translated:  # a NUL byte (or its %00 form) names no file: 404
            return os.path.join(self.directory, "\x01")
        if not os.path.exists(translated) and os.path.isfile(translated + ".html"):
            return translated + ".html"
        return translated


def serve(
    root: Path,
    port: int,
    *,
    log: Callable[[str], None] = print,
    stop: threading.Event | None = None,
    interval: float = 1.0,
) -> None:
    """Serve until interrupted (or until ``stop`` is set, for tests)."""
    with tempfile.TemporaryDirectory(prefix="statuspress-serve-") as tmp:
        out = Path(tmp) / "site"

        class _Server(http.server.ThreadingHTTPServer):
            def finish_request(self, request: Any, client_address: Any) -> None:
                # The folder is swapped on rebuild: serve from its current path each time.
                SiteHandler(request, client_address, self, directory=str(out))

        try:  # the port first: a taken one is said at once, before any build
            server = _Server(("127.0.0.1", port), SiteHandler)
        except OSError as exc:
            raise UsageError(
                f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); pass another --port"
            ) from None
        rebuild(root, out, log)
        out.mkdir(exist_ok=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        log(
            f"serving {root.resolve()} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)"
        )
        seen = snapshot(root)
        stop = stop or threading.Event()
        try:
            while not stop.wait(interval):
                current = snapshot(root)
                if current != seen:
                    seen = current
                    rebuild(root, out, log)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
