"""``hosting/sub-path``: a base_url with a path works for the pages, not for clients that
ask the host's root for Statuspage's API."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from statuspress.check import check_repository
from testsupport import NOW, run

WriteRepo = Callable[[Mapping[str, str]], Path]
COMPONENT = {"components/api.md": "---\nname: API\n---\n"}


def test_a_base_url_with_a_path_is_a_warning_at_its_line_that_names_the_fix(
    write_repo: WriteRepo,
) -> None:
    root = write_repo(
        {**COMPONENT, "statuspress.yaml": "title: Acme\nbase_url: https://acme.github.io/status/\n"}
    )
    code, output = run(root, "check", "--now", "2026-11-18T12:00:00Z")
    assert code == 0  # a warning: the site still builds and works
    line = next(line for line in output.splitlines() if "hosting/sub-path" in line)
    assert line.startswith("statuspress.yaml:2:11: warning[hosting/sub-path]")
    assert "https://acme.github.io/api/v2/summary.json" in line
    assert "custom domain" in line


def test_a_base_url_at_the_root_of_its_host_is_fine(write_repo: WriteRepo) -> None:
    for url in ("https://status.acme.example/", "https://status.acme.example"):
        root = write_repo({**COMPONENT, "statuspress.yaml": f"base_url: {url}\n"})
        rules = [d.rule for d in check_repository(root, NOW).diagnostics]
        assert "hosting/sub-path" not in rules


def test_the_warning_can_be_turned_off_or_made_an_error(write_repo: WriteRepo) -> None:
    settings = "base_url: https://acme.github.io/status/\nrules:\n  hosting/sub-path: {}\n"
    off = write_repo({**COMPONENT, "statuspress.yaml": settings.format("off")})
    assert check_repository(off, NOW).diagnostics == ()
    strict = write_repo({**COMPONENT, "statuspress.yaml": settings.format("error")})
    (found,) = check_repository(strict, NOW).diagnostics
    assert found.rule == "hosting/sub-path" and found.is_error
