"""The shipped gettext catalogues: extracted from the code with Babel, complete for every
shipped language, with the right plural forms; a missing message falls back to English
and ``check`` reports it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from statuspress import messages
from statuspress.config import load_settings
from statuspress.messages import (
    LOCALE_DIR,
    SHIPPED_LANGUAGES,
    catalogue_for,
    catalogue_path,
    missing_msgids,
    template_msgids,
)
from statuspress.timefmt import word_list
from testsupport import REPO_ROOT

TRANSLATED = [lang for lang in SHIPPED_LANGUAGES if lang != "en"]


def _read(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog if m.id}


def test_the_template_lists_exactly_what_babel_extracts_from_the_code_and_theme(
    tmp_path: Path,
) -> None:
    """statuspress.pot is up to date: run `pybabel extract` (docs/translations.md) after
    adding or changing a message."""
    out = tmp_path / "fresh.pot"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-c",
            "Translators:",
            "-o",
            str(out),
            ".",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _ids(_read(out)) == set(template_msgids())


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_shipped_catalogue_translates_every_message(language: str) -> None:
    assert catalogue_path(language).is_file()
    assert missing_msgids(language) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_the_placeholders_and_the_plural_forms(language: str) -> None:
    catalog = _read(catalogue_path(language))
    assert catalog.locale is not None and str(catalog.locale) == language
    problems = [(m.id, str(e)) for m, errors in catalog.check() for e in errors]
    assert problems == []
    for message in catalog:
        if isinstance(message.id, tuple):
            assert len(message.string) == catalog.num_plurals, message.id
    assert not [m.id for m in catalog if m.id and m.fuzzy]


def test_each_language_speaks_its_own_words_with_its_plural_rules() -> None:
    assert catalogue_for("de").gettext("Operational") == "In Betrieb"
    assert catalogue_for("de-AT").gettext("Operational") == "In Betrieb"
    assert catalogue_for("fr").gettext("Operational") == "Opérationnel"
    assert catalogue_for("es").gettext("Major outage") == "Interrupción grave"
    assert catalogue_for("ja").gettext("Investigating") == "調査中"
    day, days = "%(count)s day ago", "%(count)s days ago"
    assert catalogue_for("de").ngettext(day, days, 1) == "vor %(count)s Tag"
    assert catalogue_for("de").ngettext(day, days, 0) == "vor %(count)s Tagen"
    # French counts zero as singular, German as plural.
    assert catalogue_for("fr").ngettext(day, days, 0) == "il y a %(count)s jour"
    assert catalogue_for("fr").ngettext(day, days, 2) == "il y a %(count)s jours"
    assert catalogue_for("ja").ngettext(day, days, 5) == "%(count)s日前"
    assert catalogue_for("de").pgettext("incident fact", "Started") == "Begonnen"


def test_english_and_a_language_without_a_catalogue_speak_the_msgids() -> None:
    assert catalogue_for("en").translations is None
    assert catalogue_for("en-US").language == "en-US"
    assert catalogue_for("nl").gettext("Operational") == "Operational"
    assert catalogue_for("de").gettext("A message nobody wrote") == "A message nobody wrote"


# -- a catalogue with a message missing ------------------------------------------------


@pytest.fixture
def gappy_german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The shipped catalogues, copied, with the German "Subscribe" left untranslated."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    po = locale / "de" / "LC_MESSAGES" / "statuspress.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgid "Subscribe"\nmsgstr "Abonnieren"' in text
    po.write_text(
        text.replace('msgid "Subscribe"\nmsgstr "Abonnieren"', 'msgid "Subscribe"\nmsgstr ""'),
        encoding="utf-8",
    )
    monkeypatch.setattr(messages, "LOCALE_DIR", locale)
    _forget()
    yield "Subscribe"
    _forget()


def _forget() -> None:
    messages._translations.cache_clear()
    messages._msgids.cache_clear()


def test_a_missing_message_falls_back_to_english(gappy_german: str) -> None:
    german = catalogue_for("de")
    assert german.gettext(gappy_german) == "Subscribe"
    assert german.gettext("Operational") == "In Betrieb"


def test_check_reports_a_missing_message_of_a_shipped_catalogue(
    gappy_german: str, tmp_path: Path
) -> None:
    (tmp_path / "statuspress.yaml").write_text("title: Acme\nlanguage: de\n", encoding="utf-8")
    settings, diagnostics = load_settings(tmp_path)
    assert settings.language == "de"
    assert [(d.line, d.col, d.level.value, d.rule) for d in diagnostics] == [
        (2, 11, "warning", "i18n/untranslated")
    ]
    assert "lacks 1 message(s)" in diagnostics[0].message
    assert "'Subscribe'" in diagnostics[0].message
    assert "locale/de/LC_MESSAGES/statuspress.po" in diagnostics[0].message


def test_check_reports_a_missing_message_of_an_extra_language_too(
    gappy_german: str, tmp_path: Path
) -> None:
    (tmp_path / "statuspress.yaml").write_text("languages: [en, de]\n", encoding="utf-8")
    _, diagnostics = load_settings(tmp_path)
    assert [d.rule for d in diagnostics] == ["i18n/untranslated"]


def test_a_complete_catalogue_draws_no_warning(tmp_path: Path) -> None:
    (tmp_path / "statuspress.yaml").write_text(
        "language: ja\nlanguages: [ja, de, fr, es, en]\n", encoding="utf-8"
    )
    settings, diagnostics = load_settings(tmp_path)
    assert diagnostics == []
    assert settings.site_languages == ("ja", "de", "fr", "es", "en")
    assert settings.extra_languages == ("de", "fr", "es", "en")


def test_a_language_statuspress_does_not_ship_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "statuspress.yaml").write_text("language: nl\n", encoding="utf-8")
    settings, diagnostics = load_settings(tmp_path)
    assert settings.language == "nl"
    assert [(d.level.value, d.rule) for d in diagnostics] == [("warning", "i18n/unknown-language")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("language: German\n", "'German' in 'language' is not a language tag"),
        ("languages: [en, de, en]\n", "names a language twice"),
        ("languages: [de, fr]\n", "must include the default language 'en'"),
        ("language: de\nlanguages: [en, fr]\n", "must include the default language 'de'"),
    ],
)
def test_a_wrong_language_setting_is_an_error_that_says_what_to_write(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "statuspress.yaml").write_text(text, encoding="utf-8")
    _, diagnostics = load_settings(tmp_path)
    assert [d.rule for d in diagnostics] == ["schema/value"]
    assert message in diagnostics[0].message


@pytest.mark.parametrize(
    ("language", "listed", "separated"),
    [
        ("en", "Checkout, API and Webhooks", "Checkout, API"),
        ("de", "Checkout, API und Webhooks", "Checkout, API"),
        ("fr", "Checkout, API et Webhooks", "Checkout, API"),
        ("es", "Checkout, API y Webhooks", "Checkout, API"),
        ("ja", "Checkout、API、Webhooks", "Checkout、API"),
    ],
)
def test_words_are_listed_the_way_each_language_lists_them(
    language: str, listed: str, separated: str
) -> None:
    messages = catalogue_for(language)
    assert word_list(["Checkout", "API", "Webhooks"], messages) == listed
    assert word_list(["Checkout", "API"], messages, conjunction=False) == separated
    assert word_list([], messages) == "" and word_list(["API"], messages) == "API"
