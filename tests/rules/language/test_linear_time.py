"""The language lint runs in time linear in its text: crafted text that drives each
pattern to its worst case is linted within seconds at 1 MB (the file limit), plus a few
microseconds for each finding when the crafted text is full of them."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic
from statuspress.rules.language import TextContext, _diagnostics

SIZE = 1_000_000
#: About 25 linear passes over 1 MB take about half a second of CPU on an idle core, the
#: slowest crafted text about a second and a half. Before the patterns were made linear,
#: 64 KB of some of these texts took over a minute: the limit is far from both. Times are
#: the process's CPU time, not the clock's, so a machine busy with other work does not
#: fail the test (it did, at 2 s of wall-clock time).
LIMIT_SECONDS = 5.0
#: What each finding adds: a message, a diagnostic, its line and column. A megabyte of
#: "fixed " holds 166,000 findings; quadratic scanning would take minutes, not seconds.
SECONDS_PER_FINDING = 15e-6
#: An open update with a next-update time: the context under which every rule runs.
UPDATE_BODY = TextContext(
    settings=Settings(internal_domains=("acme.io",)),
    is_update_body=True,
    at=datetime(2026, 11, 17, 10, 0, tzinfo=timezone.utc),
    next_update=datetime(2026, 11, 17, 10, 30, tzinfo=timezone.utc),
    vocabulary=("Checkout", "Payments API"),
    component_names=("Checkout", "Payments API"),
    internal_component_names=("ledger sync",),
)

#: name -> (repeated fragment, text added once at the end so the pattern's pre-filter lets
#: it run). Each fragment makes a pattern scan far from many start positions.
CRAFTED: dict[str, tuple[str, str]] = {
    "host-labels": ("a.", "corp"),
    "host-corp-words": (".corp a.", ""),
    "host-localhost-between": ("localhost.a.", ""),
    "host-dashes": ("a-", ".corp"),
    "internal-domain": ("a.", " acme.io"),
    "ipv4-fragments": ("1.2.", ""),
    "ipv4-digits": ("1.", "1"),
    "ipv6-colons": ("a:", ""),
    "ipv6-empty-groups": (":", "1"),
    "tool-url-labels": ("https://a.", ""),
    "region-prefixes": ("us-east-", ""),
    "stack-blank-lines": ("\n", "Error"),
    "stack-file-lines": ('File "a\n', ""),
    "stack-java-lines": ("\n at a.", ".java:"),
    "stack-traceback": ("Traceback ", ""),
    "stack-error-words": ("AError", ""),
    "secret-scheme-labels": ("a.", "@"),
    "secret-token-parts": ("eyJa-", ""),
    "secret-bearer": ("Bearer ", ""),
    "secret-words": ("password ", ""),
    "secret-userinfo": ("a://b:", "@"),
    "connection-settings": ("Host=", ""),
    "connection-urls": ("Host=postgres://a;Database=", ""),
    "placeholder-openings": ("[[a", ""),
    "jargon-terms": ("p99 ", ""),
    "http-statuses": ("HTTP 503 ", ""),
    "deploy-hex-words": ("ab12-", ""),
    "ticket-prefixes": ("ABC-", ""),
    "ticket-ids": ("ABC-1-", ""),
    "fixed-words": ("fixed ", ""),
    "eta-words": ("ETA ", ""),
    "eta-promises": ("fixed update by 10 ", ""),
    "eta-clock-runs": ("fixed by 10:", ""),
    "clock-runs": ("10:", ""),
    "clocks-and-mention": ("11:11 ", "next update"),
    "vague-phrases": ("we are aware of the issue ", ""),
    "internal-component": ("ledger sync ", ""),
    "underscores": ("_", "corp"),
    "spaces": (" ", "fixed by"),
    "clock-zones": ("10:30 PM ET ", "next update"),
    "clock-iana-names": ("10:30 Ab/Cd ", "next update"),
    "clock-ranges": ("10 to ", "11 AM PT"),
    "dates": ("Tuesday 28 November ", "10:30 UTC"),
    "delays": ("in the next 20-30 minutes ", "next update"),
    "fix-promises": ("we expect recovery in 10 minutes ", ""),
    "fix-words-and-times": ("fix 10:30 UTC was ", "will"),
    "timeless-promises": ("next update shortly ", ""),
    "identifier-hosts": ("worker-3 ", ""),
    "identifier-snake": ("a_", "b"),
    "identifier-dotted": ("a.b.", "c"),
    "identifier-camel": ("aaBb", ""),
    "filler-sentences": ("We are on it. ", ""),
    "secret-and-settings": ("token=abcdefgh ", ""),
}


def crafted(name: str, size: int = SIZE) -> str:
    fragment, tail = CRAFTED[name]
    return fragment * ((size - len(tail)) // len(fragment)) + tail


def lint(text: str) -> list[Diagnostic]:
    """The lint ``check`` runs on an update body, with each finding's line and column."""
    return list(_diagnostics("incidents/x/update.md", text, UPDATE_BODY, 5))


def seconds_to_lint(text: str) -> float:
    return timed_lint(text)[0]


def timed_lint(text: str) -> tuple[float, int]:
    """(CPU seconds the lint took, how many findings it made)."""
    start = time.process_time()
    found = lint(text)
    return time.process_time() - start, len(found)


@pytest.mark.parametrize("name", CRAFTED)
def test_crafted_megabyte_is_linted_within_seconds(name: str) -> None:
    text = crafted(name)
    assert len(text) > 0.99 * SIZE
    elapsed, findings = timed_lint(text)
    limit = LIMIT_SECONDS + SECONDS_PER_FINDING * findings
    assert elapsed < limit, f"{name}: {elapsed:.2f} s for 1 MB with {findings} findings"


def test_findings_in_crafted_text_keep_their_positions() -> None:
    """The positions are still right when a text holds many findings on many lines, and a
    rule lists its first twenty, then one that says there are more."""
    text = "ETA 10 minutes.\n" * 1000
    found = [d for d in lint(text) if d.rule == "language/eta"]
    assert [(d.line, d.col) for d in found] == [(5 + i, 1) for i in range(21)]
    assert "and more of the same from here on" in found[-1].message
    assert all("more of the same" not in d.message for d in found[:-1])


def _scaling(text_of_size: object) -> float:
    """How much longer 1 MB takes than 256 KB (4 for linear time), best of two runs."""
    assert callable(text_of_size)
    small, large = text_of_size(SIZE // 4), text_of_size(SIZE)
    quarter = min(seconds_to_lint(small) for _ in range(2))
    whole = min(seconds_to_lint(large) for _ in range(2))
    return whole / max(quarter, 1e-3)


@pytest.mark.parametrize(
    "name",
    ["host-labels", "eta-words", "secret-token-parts", "placeholder-openings", "fix-promises"],
)
def test_four_times_the_text_takes_about_four_times_as_long(name: str) -> None:
    # Quadratic time would give 16; allow noise well below that.
    assert _scaling(lambda size: crafted(name, size)) < 8


FRAGMENTS = sorted(
    {fragment for fragment, _ in CRAFTED.values()} | {tail for _, tail in CRAFTED.values()} - {""}
)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6))
def test_text_built_from_triggering_fragments_lints_in_linear_time(pieces: list[str]) -> None:
    unit = "".join(pieces)

    def text_of_size(size: int) -> str:
        return unit * (size // len(unit) + 1)

    assert _scaling(text_of_size) < 8


#: language -> fragments that drive its phrasebook's patterns (promises, times, delays).
CRAFTED_IN_LANGUAGES: dict[str, list[str]] = {
    "de": ["Nächstes Update um 10:", "wird voraussichtlich bis 14 Uhr behoben ",
           "in den nächsten 20 bis ", "am 17. November ", "wir melden uns so bald wie möglich "],
    "fr": ["prochaine mise à jour à 10 h ", "devrait être rétabli d'ici 14 h ",
           "dans les 30 prochaines ", "le 17 novembre à "],
    "es": ["próxima actualización a las ", "esperamos que quede restablecido antes de las 14:00 ",
           "en los próximos 20 a ", "el 17 de noviembre "],
    "ja": ["次回の更新は14時", "16時頃に復旧する見込みです", "約30分", "11月17日"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "fragment"),
    [
        (lang, fragment)
        for lang, fragments in CRAFTED_IN_LANGUAGES.items()
        for fragment in fragments
    ],
)
def test_crafted_megabyte_in_another_language_is_linted_within_seconds(
    language: str, fragment: str
) -> None:
    context = TextContext(
        settings=Settings(language=language),
        is_update_body=True,
        at=UPDATE_BODY.at,
        next_update=UPDATE_BODY.next_update,
    )
    text = fragment * (SIZE // len(fragment))
    start = time.perf_counter()
    found = list(_diagnostics("incidents/x/update.md", text, context, 5))
    elapsed = time.perf_counter() - start
    limit = LIMIT_SECONDS + SECONDS_PER_FINDING * len(found)
    assert elapsed < limit, f"{language} {fragment!r}: {elapsed:.2f} s with {len(found)} findings"
