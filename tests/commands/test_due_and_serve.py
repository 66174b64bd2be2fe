"""`due` lists broken and upcoming promises; `serve` previews and rebuilds on change."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

from statuspress.commands.serve import serve
from testsupport import REPO_ROOT, run, serving


def test_due_on_the_demo_lists_the_open_incident_with_its_promise() -> None:
    code, out = run(REPO_ROOT, "due", "--now", "2026-11-24T12:40:00Z")
    assert (
        code == 0 and "due soon" in out and "2026-11-24-slow-checkout" in out and "in 5 min" in out
    )
    code, out = run(REPO_ROOT, "due", "--now", "2026-11-24T13:00:00Z", "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert document["items"][0] == {
        "incident": "2026-11-24-slow-checkout",
        "path": "incidents/2026-11-24-slow-checkout/20261124T1148Z-identified.md",
        "title": "Slow checkout for some customers",
        "what": "next update",
        "due_at": "2026-11-24T12:45:00Z",
        "overdue": True,
    }


def test_due_warns_before_a_maintenance_window_starts() -> None:
    _code, out = run(REPO_ROOT, "due", "--now", "2026-11-28T01:55:00Z", "--within", "10m")
    assert "maintenance start update" in out and "2026-11-28-network-maintenance" in out


def test_due_with_nothing_due_says_so_and_passes() -> None:
    code, out = run(REPO_ROOT, "due", "--now", "2026-11-24T12:00:00Z", "--within", "1m")
    assert (code, out.strip()) == (0, "nothing due in the next 1m")


def test_due_rejects_a_bad_window() -> None:
    assert run(REPO_ROOT, "due", "--within", "soon")[0] == 2


def fetch(url: str) -> str:
    """The page, or "" while a rebuild is swapping the folder in (two renames)."""
    try:
        return str(urllib.request.urlopen(url, timeout=5).read().decode())
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return ""
        raise


def test_serve_serves_the_site_and_rebuilds_when_a_file_changes(write_repo) -> None:  # type: ignore[no-untyped-def]
    root: Path = write_repo({"components/api.md": "---\nname: First name\n---\n"})
    with serving(root) as (url, lines):
        deadline = time.monotonic() + 20
        assert "First name" in urllib.request.urlopen(url, timeout=5).read().decode()
        (root / "components/api.md").write_text("---\nname: Second name\n---\n")
        while time.monotonic() < deadline:
            if "Second name" in fetch(url):
                break
            time.sleep(0.1)
        else:
            raise AssertionError(lines)
        (root / "components/api.md").write_text("---\nnme: broken\n---\n")
        while time.monotonic() < deadline and not any("still serving" in line for line in lines):
            time.sleep(0.1)
        assert any("schema/unknown-key" in line for line in lines)
        assert "Second name" in fetch(url)


def test_serve_on_a_taken_port_says_so_before_building(write_repo) -> None:  # type: ignore[no-untyped-def]
    import socket

    import pytest

    from statuspress.errors import UsageError

    root: Path = write_repo({"components/api.md": "---\nname: API\n---\n"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        lines: list[str] = []
        with pytest.raises(UsageError, match="another --port"):
            serve(root, taken.getsockname()[1], log=lines.append)
    assert lines == []  # nothing was built


def test_serve_answers_a_nul_in_a_url_with_404_and_outlives_a_failing_rebuild(write_repo) -> None:  # type: ignore[no-untyped-def]
    root: Path = write_repo({"components/api.md": "---\nname: First name\n---\n"})
    with serving(root) as (url, lines):
        deadline = time.monotonic() + 20
        try:
            urllib.request.urlopen(url + "a%00b", timeout=5)
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
        else:
            raise AssertionError("a URL with NUL was served")
        (root / "site_templates").mkdir()
        (root / "site_templates/index.html").write_text("{{ 1 // 0 }}")
        while time.monotonic() < deadline and not any("still serving" in line for line in lines):
            time.sleep(0.1)
        assert any("ZeroDivisionError" in line for line in lines), lines
        assert "First name" in fetch(url)
