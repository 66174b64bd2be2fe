"""Hostile or broken files never crash or hang the tool: each gives one clear diagnostic."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from statuspress.check import check_repository
from statuspress.cli import cli
from statuspress.source import MAX_FILE_BYTES, _read_at_most
from testsupport import FIRST, NOW, VALID

BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "---\nBody.\n"
)


def _repo_with(tmp_path: Path, name: str, data: bytes) -> Path:
    root = tmp_path / "repo"
    for rel, text in VALID.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        import textwrap

        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    (root / name).write_bytes(data)
    return root


@pytest.mark.parametrize(
    ("data", "rule", "fragment"),
    [
        (BILLION_LAUGHS.encode(), "source/yaml-alias", "anchors and aliases"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "source/binary", "NUL byte"),
        (
            b"---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\n---\nCaf\xe9\n",
            "source/encoding",
            "UTF-8",
        ),
        (b"", "source/empty", "empty"),
        (b"   \n\n", "source/empty", "empty"),
        (b"---\n- at\n- status\n---\nBody\n", "source/front-matter", "a list"),
        (b"---\njust a sentence\n---\nBody\n", "source/front-matter", "single value"),
        (b"---\nat: 2026-11-17T09:15:00Z\n", "source/front-matter", "never closed"),
        (b"No front matter here.\n", "source/front-matter", "no front matter"),
        (b"---\nat: [unclosed\n---\nBody\n", "source/yaml", "not valid YAML"),
        (
            b"---\n" + b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nBody\n",
            "source/yaml",
            "nested too deeply",
        ),
    ],
    ids=[
        "billion-laughs",
        "binary",
        "latin-1",
        "empty",
        "blank",
        "list",
        "scalar",
        "unclosed",
        "no-front-matter",
        "bad-yaml",
        "deep",
    ],
)
def test_a_hostile_update_file_gives_one_clear_diagnostic(
    tmp_path: Path, data: bytes, rule: str, fragment: str
) -> None:
    root = _repo_with(tmp_path, "incidents/2026-11-17-payments/20261117T0930Z-x.md", data)
    result = check_repository(root, NOW)
    assert [d.rule for d in result.diagnostics] == [rule], result.diagnostics
    assert fragment in result.diagnostics[0].message
    assert result.diagnostics[0].path.endswith("20261117T0930Z-x.md")


def test_a_50_megabyte_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    root = _repo_with(tmp_path, FIRST, b"")
    with (root / FIRST).open("wb") as handle:
        handle.write(b"---\nat: 2026-11-17T09:15:00Z\n---\n")
        handle.truncate(50 * 1024 * 1024)
    result = check_repository(root, NOW)
    assert [d.rule for d in result.diagnostics] == ["source/too-large"]


def test_a_symlink_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\nname: Stolen\n---\n")
    root = _repo_with(tmp_path, "components/web.md", b"")
    (root / "components/web.md").unlink()
    os.symlink(secret, root / "components/web.md")
    result = check_repository(root, NOW)
    [d] = result.diagnostics
    assert d.rule == "source/symlink" and d.path == "components/web.md"


def test_invalid_utf8_points_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    data = b"---\nat: 2026-11-17T09:15:00Z\nstatus: investigating\n---\nLine one\nLine \xff two\n"
    root = _repo_with(tmp_path, FIRST, data)
    [d] = check_repository(root, NOW).diagnostics
    assert (d.rule, d.line, d.col) == ("source/encoding", 6, 6)


def test_hostile_input_through_the_cli_prints_no_traceback(tmp_path: Path) -> None:
    root = _repo_with(tmp_path, FIRST, BILLION_LAUGHS.encode())
    result = CliRunner().invoke(
        cli, ["--repo", str(root), "check", "--now", "2026-11-18T12:00:00Z"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "error[source/yaml-alias]" in result.output


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\x1b", "\x7f"])
def test_an_invisible_character_in_a_title_is_an_error_at_its_key(
    write_repo, character: str
) -> None:  # type: ignore[no-untyped-def]
    from statuspress.check import check_repository

    root = write_repo(
        {
            "components/api.md": "---\nname: API\n---\n",
            "incidents/2026-11-01-x/incident.md": (
                f'---\ntitle: "Errors {character}elif"\nseverity: sev3\n'
                "started: 2026-11-01T10:00:00Z\ncomponents:\n  api: degraded_performance\n---\n"
            ),
        }
    )
    found = check_repository(root, NOW).diagnostics
    hits = [d for d in found if d.is_error and d.path.endswith("incident.md")]
    assert [d.line for d in hits] == [2]
    # YAML itself refuses raw control characters; statuspress refuses the bidi ones.
    assert hits[0].rule in ("schema/invisible-character", "source/yaml")
    if hits[0].rule == "schema/invisible-character":
        assert f"U+{ord(character):04X}" in hits[0].message


def test_an_incident_folder_whose_name_ends_in_a_newline_is_refused(write_repo) -> None:  # type: ignore[no-untyped-def]
    from statuspress.check import check_repository

    root = write_repo({"components/api.md": "---\nname: API\n---\n"})
    folder = root / "incidents" / "2026-11-01-x\n"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(
        "---\ntitle: T\nseverity: sev3\nstarted: 2026-11-01T10:00:00Z\n"
        "components:\n  api: degraded_performance\n---\n"
    )
    found = check_repository(root, NOW)
    assert any(d.rule == "schema/id" for d in found.errors)
    assert found.site.incidents == ()


@pytest.mark.parametrize("size", [0, 1, 4095, 65537, MAX_FILE_BYTES, MAX_FILE_BYTES + 1])
def test_the_reader_returns_a_file_whole_up_to_the_limit_and_one_byte_more_past_it(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(bytes(range(1, 256)) * (size // 255) + b"x" * (size % 255))
    with open(path, "rb", buffering=0) as handle:
        data = _read_at_most(handle.fileno(), MAX_FILE_BYTES + 1, size)
    assert data == path.read_bytes()[: MAX_FILE_BYTES + 1]


def test_the_reader_reads_a_file_that_grew_after_its_size_was_taken(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_bytes(b"a" * 100_000)
    with open(path, "rb", buffering=0) as handle:
        assert _read_at_most(handle.fileno(), MAX_FILE_BYTES + 1, 10) == b"a" * 100_000


def test_a_named_pipe_is_read_up_to_the_limit_and_no_further(tmp_path: Path) -> None:
    pipe = tmp_path / "f.md"
    os.mkfifo(pipe)

    def write() -> None:
        with contextlib.suppress(BrokenPipeError), pipe.open("wb") as handle:
            handle.write(b"---\n" + b"#" * (2 * MAX_FILE_BYTES))

    writer = threading.Thread(target=write)
    writer.start()
    with open(pipe, "rb", buffering=0) as handle:
        data = _read_at_most(handle.fileno(), MAX_FILE_BYTES + 1, os.fstat(handle.fileno()).st_size)
    writer.join()
    assert len(data) == MAX_FILE_BYTES + 1
