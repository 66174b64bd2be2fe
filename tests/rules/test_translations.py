"""The **translations** rules: a translation that the original outgrew, one that promises
another next-update time, states other times or numbers, or is missing after its
severity's deadline; translation files that translate nothing or a language the site does
not declare."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from statuspress.model import content_digest
from statuspress.rules.translations import CLOCK, _clocks, _numbers
from testsupport import FIRST, HEADER, NOW, SECOND, VALID, Check, rules

BILINGUAL = "languages: [en, de]\n"
FIRST_DE = FIRST.removesuffix(".md") + ".de.md"
SECOND_DE = SECOND.removesuffix(".md") + ".de.md"
FIRST_BODY = "Payments at checkout are failing. We will post the next update by 09:45 UTC."
SECOND_BODY = "Payments work again."


def translation(body: str, digest: str | None = None) -> str:
    front = f"translates: {digest}\n" if digest else ""
    return f"---\n{front}---\n{body}\n"


def first_de(body: str, digest: str | None = content_digest(FIRST_BODY)) -> dict[str, str]:
    return {"statuspress.yaml": BILINGUAL, FIRST_DE: translation(body, digest)}


GOOD_FIRST = "Zahlungen im Checkout schlagen fehl. Wir melden uns spätestens um 09:45 UTC wieder."


def test_a_faithful_translation_draws_no_finding(check: Check) -> None:
    assert rules(check(first_de(GOOD_FIRST))) == []


def test_a_translation_whose_original_changed_after_it_is_an_error(check: Check) -> None:
    result = check(first_de(GOOD_FIRST, digest="0123456789ab"))
    assert rules(result) == ["translations/outdated"]
    found = result.diagnostics[0]
    assert (found.path, found.line, found.level.value) == (FIRST_DE, 2, "error")
    assert f"set 'translates: {content_digest(FIRST_BODY)}'" in found.message


def test_an_erratum_in_the_original_outdates_its_translations(check: Check) -> None:
    corrected = VALID[FIRST].replace("are failing.", "are failing for card payments.")
    assert rules(check({**first_de(GOOD_FIRST), FIRST: corrected})) == ["translations/outdated"]


def test_a_translation_that_does_not_say_what_it_translates_is_a_warning(check: Check) -> None:
    result = check(first_de(GOOD_FIRST, digest=None))
    assert rules(result) == ["translations/unanchored"]
    assert result.diagnostics[0].level.value == "warning"
    assert content_digest(FIRST_BODY) in result.diagnostics[0].message


def test_a_translation_promising_another_next_update_time_is_an_error(check: Check) -> None:
    result = check(first_de(GOOD_FIRST.replace("09:45", "10:45")))
    assert rules(result) == ["translations/next-update"]
    assert "09:45" in result.diagnostics[0].message


TRANSLATIONS_OF_FIRST = {
    "de": (
        "Zahlungen schlagen fehl. Nächste Meldung: 9.45 Uhr UTC.",
        "Zahlungen schlagen fehl. Nächstes Update um 10:45 Uhr MEZ.",
    ),
    "fr": (
        "Les paiements échouent. Prochaine mise à jour à 9 h 45 UTC.",
        "Les paiements échouent. Prochaine mise à jour à 10h45 (heure de Paris).",
    ),
    "es": (
        "Los pagos fallan. Publicaremos la próxima actualización a las 9:45 UTC.",
        "Los pagos fallan. Próxima actualización a las 10:45 h (hora peninsular).",
    ),
    "ja": (
        "決済が失敗しています。次回の更新は9時45分\uff08UTC\uff09を予定しています。",
        "決済が失敗しています。次回の更新は日本時間18時45分の予定です。",
    ),
}


def test_the_promise_may_be_written_the_way_the_language_writes_times(check: Check) -> None:
    # Each translation is read in its own language: the same instant in its own words.
    for language, bodies in TRANSLATIONS_OF_FIRST.items():
        for body in bodies:
            name = FIRST.removesuffix(".md") + f".{language}.md"
            files = {
                "statuspress.yaml": "languages: [en, de, fr, es, ja]\n",
                name: translation(body, content_digest(FIRST_BODY)),
            }
            assert rules(check(files)) == [], (language, body)


def test_a_translation_naming_another_instant_in_its_own_words_is_an_error(
    check: Check,
) -> None:
    # 09:45 Uhr MEZ is 08:45 UTC: the digits match the original, the instant does not.
    result = check(first_de("Zahlungen schlagen fehl. Nächstes Update um 09:45 Uhr MEZ."))
    assert rules(result) == ["translations/next-update"]
    assert "09:45 UTC" in result.diagnostics[0].message


def test_a_translation_stating_other_times_is_an_error(check: Check) -> None:
    original = VALID[SECOND].replace(SECOND_BODY, "Payments work again since 09:38 UTC.")
    files = {
        "statuspress.yaml": BILINGUAL,
        SECOND: original,
        SECOND_DE: translation(
            "Zahlungen funktionieren seit 09:35 UTC wieder.",
            content_digest("Payments work again since 09:38 UTC."),
        ),
    }
    result = check(files)
    assert rules(result) == ["translations/times"]
    assert "09:38" in result.diagnostics[0].message and "09:35" in result.diagnostics[0].message


def test_a_translation_stating_other_numbers_is_a_warning(check: Check) -> None:
    body = "Payments work again. About 1,200 orders failed over 35 minutes."
    files = {
        "statuspress.yaml": BILINGUAL,
        SECOND: VALID[SECOND].replace(SECOND_BODY, body),
        SECOND_DE: translation(
            "Zahlungen funktionieren wieder. Etwa 1.200 Bestellungen schlugen in 25 Minuten fehl.",
            content_digest(body),
        ),
    }
    result = check(files)
    assert rules(result) == ["translations/numbers"]
    assert result.diagnostics[0].level.value == "warning"
    assert "35" in result.diagnostics[0].message and "25" in result.diagnostics[0].message
    # The same numbers with another grouping sign are the same numbers.
    files[SECOND_DE] = files[SECOND_DE].replace("25 Minuten", "35 Minuten")
    assert rules(check(files)) == []


OPEN = {SECOND: None}  # the incident stays open after FIRST (09:15, sev1)


def test_a_missing_translation_after_the_severitys_deadline_is_a_warning(check: Check) -> None:
    result = check({"statuspress.yaml": BILINGUAL, **OPEN})
    assert rules(result) == ["translations/missing"]
    found = result.diagnostics[0]
    assert (found.path, found.level.value) == (FIRST, "warning")
    assert (
        "within 30m" in found.message
        and "--lang de --of 20261117T0915Z-investigating" in found.message
    )


def test_a_missing_translation_within_the_deadline_is_fine(check: Check) -> None:
    at = NOW.replace(day=17, hour=9, minute=15)
    assert (
        rules(check({"statuspress.yaml": BILINGUAL, **OPEN}, now=at + timedelta(minutes=29))) == []
    )


def test_a_translated_update_is_not_missing(check: Check) -> None:
    assert rules(check({**first_de(GOOD_FIRST), **OPEN})) == []


def test_a_severity_without_a_deadline_never_misses_a_translation(check: Check) -> None:
    settings = BILINGUAL + (
        "severities:\n  sev1:\n    label: Critical\n    first_update: 15m\n    cadence: 30m\n"
    )
    assert rules(check({"statuspress.yaml": settings, **OPEN})) == []


def test_a_resolved_incidents_gaps_are_history_not_warnings(check: Check) -> None:
    assert rules(check({"statuspress.yaml": BILINGUAL})) == []


def test_a_translation_of_nothing_is_an_error(check: Check) -> None:
    orphan = f"{HEADER.rsplit('/', 1)[0]}/20261117T0999Z-gone.de.md"
    result = check({"statuspress.yaml": BILINGUAL, orphan: translation("Weg.", "x")})
    assert "translations/orphan" in rules(result)


def test_a_translation_into_an_undeclared_language_is_an_error_not_an_update(
    check: Check,
) -> None:
    """On a site in one language, ``*.de.md`` is still not read as an update."""
    result = check({FIRST_DE: translation(GOOD_FIRST, content_digest(FIRST_BODY))})
    assert rules(result) == ["translations/undeclared-language"]
    assert "add it to 'languages:'" in result.diagnostics[0].message


def test_a_translation_without_text_is_an_error(check: Check) -> None:
    result = check({"statuspress.yaml": BILINGUAL, FIRST_DE: "---\ntranslates: x\n---\n"})
    assert rules(result) == ["schema/required"]


def test_the_header_translates_its_title_and_summary(check: Check) -> None:
    header = HEADER.removesuffix(".md") + ".de.md"
    digest = content_digest("Payments failing at checkout\n")
    good = f"---\ntranslates: {digest}\ntitle: Zahlungen schlagen fehl\n---\n"
    assert rules(check({"statuspress.yaml": BILINGUAL, header: good})) == []
    stale = good.replace(digest, "0" * 12)
    assert rules(check({"statuspress.yaml": BILINGUAL, header: stale})) == ["translations/outdated"]


def test_the_language_rules_read_translations_too(check: Check) -> None:
    leaked = GOOD_FIRST + " Details: db1.payments.internal"
    result = check({**first_de(leaked), "statuspress.yaml": BILINGUAL + "rules: {}\n"})
    assert any(d.rule.startswith("language/") and d.path == FIRST_DE for d in result.diagnostics), (
        result.diagnostics
    )


# -- the readers of times and numbers --------------------------------------------------------

STYLES = [
    "{h:02d}:{m:02d}",
    "{h}:{m:02d}",
    "{h}.{m:02d} Uhr",
    "{h}h{m:02d}",
    "{h} h {m:02d}",
    "{h}時{m:02d}分",
]


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(STYLES))
def test_a_clock_time_is_read_in_every_shipped_languages_style(h: int, m: int, style: str) -> None:
    text = f"Next update by {style.format(h=h, m=m)} today."
    assert _clocks(text) == {(h, m): 1}
    assert _numbers(text) == {}


@given(st.integers(0, 10**9), st.sampled_from([",", ".", "\u202f", "\u00a0", "'"]))
def test_a_number_is_the_same_whatever_its_grouping_sign(n: int, sign: str) -> None:
    grouped = f"{n:,}".replace(",", sign)
    assert _numbers(f"about {grouped} orders") == {str(n): 1}


@given(st.text(max_size=200))
def test_reading_times_never_fails(text: str) -> None:
    assert all(0 <= int(m[1]) <= 23 for m in CLOCK.finditer(text))


def test_english_only_rules_skip_a_japanese_translation(check: Check) -> None:
    """A Japanese text has no English words for the English-only rules to count on."""
    settings = "languages: [en, ja]\nrules: {}\n"
    japanese = FIRST.removesuffix(".md") + ".ja.md"
    body = "チェックアウトでの支払いに失敗しています。次回の更新は09:45 UTCまでにお知らせします。"
    result = check(
        {"statuspress.yaml": settings, japanese: translation(body, content_digest(FIRST_BODY))}
    )
    assert [d for d in result.diagnostics if d.path == japanese] == []
