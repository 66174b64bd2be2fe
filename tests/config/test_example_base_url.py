"""`check` warns while `base_url` is still the example address `init` writes: a first
deploy would otherwise point every feed, canonical link and API URL at it."""

from __future__ import annotations

from pathlib import Path

from testsupport import run

RULE = "site/example-base-url"


def _repo(tmp_path: Path, settings: str) -> Path:
    root = tmp_path / "status"
    (root / "components").mkdir(parents=True)
    (root / "components/website.md").write_text("---\nname: Website\n---\n")
    (root / "statuspress.yaml").write_text(settings)
    return root


def test_a_new_repository_is_warned_at_its_base_url_line_with_the_fix(tmp_path: Path) -> None:
    target = tmp_path / "new"
    assert run(tmp_path, "init", str(target))[0] == 0
    line = next(
        number
        for number, text in enumerate(
            (target / "statuspress.yaml").read_text().splitlines(), start=1
        )
        if text.startswith("base_url:")
    )
    code, out = run(target, "check")
    assert code == 0, out  # a warning: the site still builds
    assert f"statuspress.yaml:{line}:11: warning[{RULE}]" in out
    assert "https://<owner>.github.io/<repository>/" in out and "--base-url" in out
    assert run(target, "check", "--strict")[0] == 1


def test_the_example_host_under_a_sub_path_or_over_http_is_warned_too(tmp_path: Path) -> None:
    root = _repo(tmp_path, "title: X\nbase_url: http://status.example.com/status\n")
    code, out = run(root, "check", "--format", "json")
    assert code == 0 and RULE in out


def test_a_real_address_or_no_base_url_at_all_is_not_warned(tmp_path: Path) -> None:
    real = _repo(tmp_path / "a", "title: X\nbase_url: https://status.acme.example/\n")
    assert RULE not in run(real, "check")[1]
    # Without the key the default stands; the warning is for the line init wrote.
    absent = _repo(tmp_path / "b", "title: X\n")
    assert RULE not in run(absent, "check")[1]
    lookalike = _repo(tmp_path / "c", "title: X\nbase_url: https://status.example.com.acme.io/\n")
    assert RULE not in run(lookalike, "check")[1]


def test_the_warning_can_be_turned_off_like_any_rule(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        "title: X\nbase_url: https://status.example.com/\nrules:\n  site/example-base-url: off\n",
    )
    code, out = run(root, "check", "--strict")
    assert code == 0 and RULE not in out
