"""`new update INCIDENT --lang LANG [--of UPDATE]`: a translation scaffolded from the
language's message template, anchored to the original it translates; never over a file."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import jinja2
import pytest

from statuspress.check import check_repository
from statuspress.messages import SHIPPED_LANGUAGES
from statuspress.model import UpdateStatus, content_digest
from statuspress.templates import BUILTIN_TEMPLATES
from testsupport import make_repo, run

NOW = "2026-11-17T09:15:00Z"
LATER = "2026-11-17T09:40:00Z"
FOLDER = "incidents/2026-11-17-checkout-slow"
FIRST = f"{FOLDER}/20261117T0915Z-investigating.md"
SECOND = f"{FOLDER}/20261117T0940Z-identified.md"


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text("title: Example Status\nlanguages: [en, de]\n")
    code, out = run(
        root, "new", "incident", "Checkout slow", "--severity", "sev2",
        "--component", "checkout=degraded_performance", "--now", NOW,
    )  # fmt: skip
    assert code == 0, out
    first = root / FIRST
    first.write_text(re.sub(r"\[\[[^\]]*\]\] ?", "", first.read_text()))
    return root


def test_a_translation_is_scaffolded_from_the_languages_template(bilingual: Path) -> None:
    code, out = run(bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de")
    assert code == 0, out
    original = (bilingual / FIRST).read_text().split("---\n", 2)[2]
    translation = (bilingual / FIRST.replace(".md", ".de.md")).read_text()
    assert translation.startswith(f"---\ntranslates: {content_digest(original)}\n---\n")
    assert "Wir untersuchen" in translation and "10:15 UTC" in translation
    assert "Checkout" in translation
    header = (bilingual / FOLDER / "incident.de.md").read_text()
    assert "title: '[[Checkout slow, translated]]'" in header
    assert f"created {FOLDER}" in out.replace(str(bilingual) + "/", "")
    # Until the translator replaces the placeholders, check says so; then it is clean.
    result = check_repository(bilingual, _at(LATER))
    assert {d.rule for d in result.diagnostics} == {"language/placeholder"}
    for path in (FIRST.replace(".md", ".de.md"), f"{FOLDER}/incident.de.md"):
        file = bilingual / path
        file.write_text(
            re.sub(r"\[\[Checkout slow, translated\]\]", "Checkout langsam", file.read_text())
        )
        file.write_text(re.sub(r"\[\[[^\]]*\]\] ?", "", file.read_text()))
    assert check_repository(bilingual, _at(LATER)).diagnostics == ()


def test_of_names_the_update_and_the_header_is_scaffolded_once(bilingual: Path) -> None:
    code, out = run(
        bilingual, "new", "update", "2026-11-17-checkout-slow", "--status", "identified",
        "--now", LATER,
    )  # fmt: skip
    assert code == 0, out
    assert run(bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de")[0] == 0
    assert (bilingual / SECOND.replace(".md", ".de.md")).is_file()
    code, out = run(
        bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de",
        "--of", "20261117T0915Z-investigating",
    )  # fmt: skip
    assert code == 0, out
    assert "incident.de.md" not in out  # made by the first translation already
    assert (bilingual / FIRST.replace(".md", ".de.md")).is_file()


def test_a_repository_template_overrides_the_built_in_one(bilingual: Path) -> None:
    own = bilingual / "site_templates/messages/de"
    own.mkdir(parents=True)
    (own / "investigating.md.j2").write_text("Eigene Vorlage für {{ components }}.\n")
    assert run(bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de")[0] == 0
    text = (bilingual / FIRST.replace(".md", ".de.md")).read_text()
    assert text.endswith("---\nEigene Vorlage für Checkout.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "--lang fr is not one of the site's other languages (de)"),
        (["--lang", "de", "--of", "nope"], "--of nope: incident '2026-11-17-checkout-slow' has"),
        (["--lang", "de", "--status", "identified"], "leave out --status"),
        (["--of", "20261117T0915Z-investigating"], "use it with --lang"),
        ([], "give --status STATUS"),
    ],
)
def test_a_wrong_request_is_a_usage_error_that_says_what_to_do(
    bilingual: Path, args: list[str], message: str
) -> None:
    code, out = run(bilingual, "new", "update", "2026-11-17-checkout-slow", *args)
    assert code == 2 and message in out, out


def test_a_translation_is_never_written_over(bilingual: Path) -> None:
    assert run(bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de")[0] == 0
    (bilingual / FOLDER / "incident.de.md").unlink()
    code, out = run(bilingual, "new", "update", "2026-11-17-checkout-slow", "--lang", "de")
    assert code == 2 and "already exists" in out


def test_a_site_in_german_writes_its_updates_from_the_german_templates(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text("title: Beispiel\nlanguage: de\n")
    code, out = run(
        root, "new", "incident", "Checkout langsam", "--severity", "sev2",
        "--component", "checkout=degraded_performance", "--now", NOW,
    )  # fmt: skip
    assert code == 0, out
    assert (
        "Wir untersuchen" in (root / FIRST.replace("checkout-slow", "checkout-langsam")).read_text()
    )


@pytest.mark.parametrize("language", [lang for lang in SHIPPED_LANGUAGES if lang != "en"])
def test_every_shipped_language_has_a_template_for_every_status(language: str) -> None:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES / "messages")),
        undefined=jinja2.StrictUndefined,
    )
    for status in UpdateStatus:
        text = env.get_template(f"{language}/{status.value}.md.j2").render(
            components="Checkout", next_update="10:15 UTC", window="28.11.2026"
        )
        assert "Checkout" in text, (language, status)
        if not status.is_final:
            assert "10:15 UTC" in text, (language, status)
