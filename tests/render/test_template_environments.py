"""The template environments of one build: each template compiled once, whatever the
number of languages, and a repository's own template never given another's code."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from statuspress.messages import catalogue_for
from statuspress.templates import make_environment


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja parses from source (a spy on the real parser)."""
    seen: list[str] = []
    parse = jinja2.Environment._parse

    def spy(
        self: jinja2.Environment, source: str, name: str | None, filename: str | None
    ) -> object:
        seen.append(name or "")
        return parse(self, source, name, filename)

    monkeypatch.setattr(jinja2.Environment, "_parse", spy)
    return seen


def test_a_second_language_renders_with_the_templates_the_first_compiled(
    tmp_path: Path, parses: list[str]
) -> None:
    values = {"name": "x"}
    source = "{{ _('History') }}"
    (tmp_path / "site_templates").mkdir()
    (tmp_path / "site_templates" / "label.html").write_text(source)
    english = make_environment(tmp_path, catalogue_for("en"))
    german = make_environment(tmp_path, catalogue_for("de"), like=english)
    assert english.get_template("label.html").render(values) == "History"
    assert german.get_template("label.html").render(values) == "Verlauf"
    assert parses == ["label.html"]  # compiled once, each language its own words
    assert german.filters["asset"]("assets/style.css") == english.filters["asset"](
        "assets/style.css"
    )


def test_a_repository_template_of_the_same_name_is_compiled_from_its_own_source(
    tmp_path: Path,
) -> None:
    (tmp_path / "plain").mkdir()
    builtin = make_environment(tmp_path / "plain")
    assert builtin.get_template("_macros.html").module is not None  # compiled, kept
    (tmp_path / "own" / "site_templates").mkdir(parents=True)
    (tmp_path / "own" / "site_templates" / "_macros.html").write_text(
        "{% macro m() %}own{% endmacro %}"
    )
    own = make_environment(tmp_path / "own", like=builtin)
    assert str(own.get_template("_macros.html").module.m()) == "own"


def test_a_template_edited_between_two_environments_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "site_templates"
    folder.mkdir()
    (folder / "note.html").write_text("first")
    first = make_environment(tmp_path)
    assert first.get_template("note.html").render() == "first"
    (folder / "note.html").write_text("second")
    assert make_environment(tmp_path, like=first).get_template("note.html").render() == "second"
