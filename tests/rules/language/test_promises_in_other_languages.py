"""The promise rules in German, French, Spanish and Japanese: an open update says when the
next update comes, at the time its ``next_update`` says, and promises no fix time, each
read in the update's own language; a time written the way a language writes it reads back
as the instant it means."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.rules.language import ENGLISH_ONLY, TextContext, lint_text, skipped_rules
from statuspress.rules.language.instants import clock_instants
from statuspress.rules.language.localread import read_local_times
from statuspress.rules.language.phrasebook import phrasebook_for
from statuspress.rules.language.timeread import Clock, Delay
from testsupport import FIRST, VALID, Check, rules

UTC = timezone.utc
AT = datetime(2026, 11, 17, 9, 10, tzinfo=UTC)
NEXT = datetime(2026, 11, 17, 10, 10, tzinfo=UTC)  # 11:10 in Berlin, Paris, Madrid; 19:10 in Tokyo
OPEN = TextContext(is_update_body=True, at=AT, next_update=NEXT)

#: Open updates (posted 09:10 UTC, next update 10:10 UTC) that keep their promises.
KEEP = {
    "de": [
        "Einige Kunden können nicht bezahlen. Das nächste Update folgt um 10:10 Uhr UTC.",
        "Die Anmeldung ist langsam. Wir melden uns um 11:10 Uhr MEZ wieder.",
        "Die Anmeldung ist langsam. Nächste Aktualisierung in einer Stunde.",
        "Rechnungen kommen verspätet an. Wir informieren Sie in 60 Minuten erneut.",
        "Wir können noch nicht abschätzen, wann der Fehler behoben wird. Nächstes Update um "
        "10:10 UTC.",
    ],
    "fr": [
        "Certains paiements échouent. Prochaine mise à jour à 10 h 10 UTC.",
        "Certains paiements échouent. Prochaine mise à jour à 11h10 (heure de Paris).",
        "Les connexions sont lentes. Nous reviendrons vers vous dans une heure.",
        "Nous n'avons pas encore d'estimation pour le rétablissement. Prochaine mise à jour "
        "à 10 h 10 UTC.",
    ],
    "es": [
        "Algunos pagos fallan. Próxima actualización a las 10:10 UTC.",
        "Algunos pagos fallan. Publicaremos la próxima actualización a las 11:10 "
        "(hora peninsular).",
        "El inicio de sesión es lento. Volveremos a informar en 60 minutos.",
        "Todavía no tenemos una estimación de resolución. Próxima actualización a las 10:10 UTC.",
    ],
    "ja": [
        "一部のお客様で決済が失敗しています。次回の更新は10時10分\uff08UTC\uff09を予定しています。",
        "一部のお客様で決済が失敗しています。次回の更新は日本時間19時10分を予定しています。",
        "ログインに時間がかかっています。1時間後に改めてお知らせします。",
        "復旧の見込みは立っておりません。次回の更新は10時10分\uff08UTC\uff09を予定しています。",
    ],
}

#: Open updates that break a promise, with the rules each must trigger.
BREAK = {
    "de": [
        ("Einige Kunden können nicht bezahlen. Wir arbeiten an einer Lösung.", "next-update"),
        ("Die Anmeldung ist langsam. Wir melden uns so bald wie möglich wieder.", "next-update"),
        ("Die Anmeldung ist langsam. Nächstes Update um 12:10 Uhr MEZ.", "next-update"),
        (
            "Der Fehler wird voraussichtlich bis 14 Uhr behoben sein. Nächstes Update um "
            "10:10 UTC.",
            "eta",
        ),
    ],
    "fr": [
        ("Certains paiements échouent. Nous enquêtons.", "next-update"),
        (
            "Les connexions sont lentes. Nous vous tiendrons informés dès que possible.",
            "next-update",
        ),
        ("Certains paiements échouent. Prochaine mise à jour à 12 h 10 UTC.", "next-update"),
        (
            "Le service devrait être rétabli d'ici 14 h. Prochaine mise à jour à 10 h 10 UTC.",
            "eta",
        ),
    ],
    "es": [
        ("Algunos pagos fallan. Estamos investigando.", "next-update"),
        ("Algunos pagos fallan. Publicaremos más información lo antes posible.", "next-update"),
        ("Algunos pagos fallan. Próxima actualización a las 12:10 UTC.", "next-update"),
        (
            "Esperamos que el servicio quede restablecido antes de las 14:00. Próxima "
            "actualización a las 10:10 UTC.",
            "eta",
        ),
    ],
    "ja": [
        ("一部のお客様で決済が失敗しています。現在調査中です。", "next-update"),
        ("ログインに時間がかかっています。できるだけ早く改めてお知らせします。", "next-update"),
        ("決済が失敗しています。次回の更新は日本時間20時10分を予定しています。", "next-update"),
        (
            "16時頃に復旧する見込みです。次回の更新は10時10分\uff08UTC\uff09を予定しています。",
            "eta",
        ),
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, text) for lang, texts in KEEP.items() for text in texts]
)
def test_an_update_that_keeps_its_promises_in_its_language_draws_no_finding(
    language: str, text: str
) -> None:
    assert lint_text(text, OPEN, language) == []
    assert skipped_rules(text, OPEN, language) == ENGLISH_ONLY


@pytest.mark.parametrize(
    ("language", "text", "rule"),
    [(lang, text, rule) for lang, cases in BREAK.items() for text, rule in cases],
)
def test_an_update_that_breaks_a_promise_in_its_language_is_flagged(
    language: str, text: str, rule: str
) -> None:
    assert [f.rule for f in lint_text(text, OPEN, language)] == [f"language/{rule}"]


def test_the_findings_name_the_words_and_suggest_a_sentence_in_the_language() -> None:
    [vague] = lint_text(BREAK["de"][1][0], OPEN, "de")
    assert "'melden uns so bald wie möglich' does not say when" in vague.message
    assert "'Das nächste Update folgt um 10:10 UTC.'" in vague.message
    [wrong] = lint_text(BREAK["ja"][2][0], OPEN, "ja")
    assert "'日本時間20時10分' promises the next update at 11:10 UTC" in wrong.message
    [late] = lint_text(BREAK["fr"][2][0], OPEN, "fr")
    assert "but next_update says 10:10 UTC" in late.message


def test_an_approved_fix_time_and_a_maintenance_window_may_name_a_time() -> None:
    text = BREAK["de"][3][0]
    approved = TextContext(is_update_body=True, at=AT, next_update=NEXT, eta_approved=True)
    assert lint_text(text, approved, "de") == []
    window = TextContext(is_update_body=True, at=AT, next_update=NEXT, maintenance=True)
    assert lint_text(text, window, "de") == []


def test_the_final_update_promises_nothing() -> None:
    final = TextContext(is_update_body=True, final=True, at=AT)
    assert lint_text("Zahlungen funktionieren wieder.", final, "de") == []


GERMAN_FIRST = """---
at: 2026-11-17T09:15:00Z
status: investigating
next_update: 2026-11-17T09:45:00Z
---
{body}
"""


def test_a_site_in_german_reads_its_updates_in_german(check: Check) -> None:
    site = {"statuspress.yaml": "language: de\ntimezone: Europe/Berlin\nrules: {}\n"}
    good = "Zahlungen schlagen fehl. Das nächste Update folgt um 10:45 Uhr."  # Berlin time
    assert rules(check({**site, FIRST: GERMAN_FIRST.format(body=good)})) == []
    silent = "Zahlungen schlagen fehl. Wir arbeiten daran."
    result = check({**site, FIRST: GERMAN_FIRST.format(body=silent)})
    assert rules(result) == ["language/next-update"]
    found = result.diagnostics[0]
    assert (found.path, found.line) == (FIRST, 6)
    # The English demo content of the same site is still read as English.
    assert rules(check({**site, FIRST: VALID[FIRST]})) == []


def test_a_translation_is_held_to_its_updates_promises(check: Check) -> None:
    german = FIRST.removesuffix(".md") + ".de.md"
    body = "Zahlungen schlagen fehl. Das Problem wird voraussichtlich um 12 Uhr behoben sein."
    files = {
        "statuspress.yaml": "languages: [en, de]\nrules: {translations/numbers: off}\n",
        german: f"---\n---\n{body}\n",
    }
    found = {d.rule for d in check(files).diagnostics if d.path == german}
    assert {"language/eta", "translations/next-update"} <= found
    # The lost promise is reported once, as the translation's.
    assert "language/next-update" not in found


def test_an_english_site_never_loads_another_languages_phrasebook() -> None:
    code = (
        "import sys\n"
        "from statuspress.rules.language import TextContext, lint_text\n"
        "from datetime import datetime, timezone\n"
        "at = datetime(2026, 11, 17, 9, tzinfo=timezone.utc)\n"
        "c = TextContext(is_update_body=True, at=at, next_update=at)\n"
        "lint_text('Payments fail. We will post the next update at 09:00 UTC.', c)\n"
        "loaded = [m for m in sys.modules if 'phrasebook.' in m or m.endswith('localread')]\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- reading times back ----------------------------------------------------------------------

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}  # fmt: skip
#: Zone words each language writes after (or, in Japanese, before) a time, and the zone.
ZONES = {
    "de": [("UTC", "UTC"), ("MEZ", "Europe/Berlin"), ("MESZ", "Europe/Berlin"),
           ("(deutscher Zeit)", "Europe/Berlin")],
    "fr": [("UTC", "UTC"), ("(heure de Paris)", "Europe/Paris"), ("CET", "Europe/Berlin")],
    "es": [("UTC", "UTC"), ("(hora peninsular)", "Europe/Madrid"), ("CET", "Europe/Berlin")],
    "ja": [("\uff08UTC\uff09", "UTC"), ("日本時間", "Asia/Tokyo"), ("JST", "Asia/Tokyo")],
}  # fmt: skip


def _phrases(language: str, local: datetime, zone: str) -> list[str]:
    """Ways ``language`` writes the wall time and date of ``local`` with ``zone``."""
    h, m, d, mo, y = local.hour, local.minute, local.day, local.month, local.year
    if language == "de":
        month = MONTHS["de"][mo - 1]
        clocks = [f"{h}:{m:02d} Uhr", f"{h:02d}.{m:02d} Uhr", f"{h:02d}:{m:02d}"]
        dates = [f"am {d}.{mo}.{y}", f"am {d}. {month} {y}", f"am {y}-{mo:02d}-{d:02d}"]
        return [f"Nächstes Update {day} um {c} {zone}." for c in clocks for day in dates]
    if language == "fr":
        month = MONTHS["fr"][mo - 1]
        clocks = [f"{h} h {m:02d}", f"{h}h{m:02d}", f"{h:02d}:{m:02d}"]
        dates = [f"le {d} {month} {y}", f"le {d}/{mo}/{y}"]
        return [f"Prochaine mise à jour {day} à {c} {zone}." for c in clocks for day in dates]
    if language == "es":
        month = MONTHS["es"][mo - 1]
        clocks = [f"a las {h}:{m:02d}", f"a las {h}.{m:02d} h", f"a las {h:02d}:{m:02d} horas"]
        dates = [f"el {d} de {month} de {y}", f"el {d}/{mo}/{y}"]
        return [f"Próxima actualización {day} {c} {zone}." for c in clocks for day in dates]
    date = f"{y}年{mo}月{d}日"
    clock = f"{h}時{m}分" if m else f"{h}時"
    if zone == "日本時間":
        return [
            f"次回の更新は{date}{zone}{clock}です。",
            f"次回の更新は{zone}{date}{h}:{m:02d}です。",
        ]
    return [
        f"次回の更新は{date}{clock}{zone}を予定しています。",
        f"次回の更新は{date} {h}:{m:02d} {zone}です。",
    ]


instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
).map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=400, deadline=None)
@given(instants, st.sampled_from(sorted(ZONES)), st.data())
def test_a_time_written_in_each_language_reads_back_as_the_same_instant(
    instant: datetime, language: str, data: st.DataObject
) -> None:
    word, zone_name = data.draw(st.sampled_from(ZONES[language]))
    zone = UTC if zone_name == "UTC" else ZoneInfo(zone_name)
    local = instant.astimezone(zone)
    if local.replace(tzinfo=None, fold=0).replace(tzinfo=zone).astimezone(UTC) != instant:
        return  # the second of a repeated wall time: written alone it means the first
    text = data.draw(st.sampled_from(_phrases(language, local, word)))
    book = phrasebook_for(language)
    assert book is not None
    [found] = [m for m in read_local_times(text, book.times) if isinstance(m, Clock)]
    reference = instant + timedelta(days=data.draw(st.integers(-200, 200)))
    assert clock_instants(found, reference, (UTC,)) == [instant], text


DELAYS = {
    "de": ["in {n} Minuten", "innerhalb von {n} Minuten"],
    "fr": ["dans {n} minutes"],
    "es": ["en {n} minutos"],
    "ja": ["{n}分後"],
}


@given(st.sampled_from(sorted(DELAYS)), st.integers(1, 999), st.data())
def test_a_delay_written_in_each_language_reads_back_as_its_length(
    language: str, n: int, data: st.DataObject
) -> None:
    form = data.draw(st.sampled_from(DELAYS[language]))
    book = phrasebook_for(language)
    assert book is not None
    [found] = read_local_times(form.format(n=n), book.times)
    assert isinstance(found, Delay) and found.high == timedelta(minutes=n)
