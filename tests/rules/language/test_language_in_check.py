"""The language rules inside `statuspress check`: located at the word, configurable,
silenced per update with a recorded acceptance, and quiet on internal text."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from statuspress.check import check_repository
from statuspress.config import Settings
from statuspress.rules.language import (
    ENGLISH_ONLY,
    WORDING,
    TextContext,
    lint_text,
    skipped_rules,
)

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)
HEADER = "---\ntitle: Slow checkout\nseverity: sev3\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  checkout: degraded_performance\n---\n"


def repo(write_repo, body: str, extra_front: str = "", settings: str = "", more=None) -> Path:  # type: ignore[no-untyped-def]
    files = {
        "components/checkout.md": "---\nname: Checkout\n---\n",
        "incidents/2026-11-17-slow/incident.md": HEADER,
        "incidents/2026-11-17-slow/a.md": f"---\nat: 2026-11-17T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:10:00Z\n{extra_front}---\n\n{body}\n",
        **(more or {}),
    }
    if settings:
        files["statuspress.yaml"] = settings
    return write_repo(files)


def test_a_finding_points_at_the_exact_line_and_column_of_the_word(write_repo) -> None:  # type: ignore[no-untyped-def]
    root = repo(write_repo, "Checkout is slow.\nWe see high p99 latency. Next update by 10:10 UTC.")
    [d] = check_repository(root, NOW).diagnostics
    assert (d.rule, d.path, d.line, d.col) == (
        "language/jargon",
        "incidents/2026-11-17-slow/a.md",
        8,
        13,
    )
    assert d.level.value == "warning"


def test_an_internal_domain_from_settings_is_an_error(write_repo) -> None:  # type: ignore[no-untyped-def]
    root = repo(
        write_repo,
        "Checkout on shop.acme-corp.net is slow. Next update by 10:10 UTC.",
        settings="internal_domains:\n  - acme-corp.net\n",
    )
    [d] = check_repository(root, NOW).diagnostics
    assert (d.rule, d.level.value) == ("language/internal-host", "error")


def test_jargon_can_be_extended_and_relaxed_in_settings(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "The widget cache on checkout is slow, and Redis is busy. Next update by 10:10 UTC."
    root = repo(write_repo, body, settings="jargon:\n  - widget cache\nallowed_words:\n  - redis\n")
    found = [(d.rule, d.col) for d in check_repository(root, NOW).diagnostics]
    assert found == [("language/jargon", 5)]


def test_a_rule_can_be_turned_off_or_made_an_error(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Checkout is slow because of Redis. Next update by 10:10 UTC."
    assert (
        check_repository(
            repo(write_repo, body, settings="rules:\n  language/jargon: off\n"), NOW
        ).diagnostics
        == ()
    )
    [d] = check_repository(
        repo(write_repo, body, settings="rules:\n  language/jargon: error\n"), NOW
    ).diagnostics
    assert d.level.value == "error"


def test_one_update_can_accept_a_finding_with_who_accepted_it(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Checkout is slow because of Redis. Next update by 10:10 UTC."
    root = repo(
        write_repo, body, extra_front="accept:\n  language/jargon: Dana Ortiz (comms lead)\n"
    )
    assert check_repository(root, NOW).diagnostics == ()


def test_an_approved_eta_is_allowed(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Checkout should be back to normal by 11:00 UTC. Next update by 10:10 UTC."
    assert [d.rule for d in check_repository(repo(write_repo, body), NOW).diagnostics] == [
        "language/eta"
    ]
    approved = repo(write_repo, body, extra_front="eta_approved_by: Sam Lee (incident commander)\n")
    assert check_repository(approved, NOW).diagnostics == ()


def test_internal_notes_and_internal_updates_are_not_linted(write_repo) -> None:  # type: ignore[no-untyped-def]
    more = {
        "incidents/2026-11-17-slow/b.md": "---\nat: 2026-11-17T09:20:00Z\nstatus: identified\nnext_update: 2026-11-17T10:10:00Z\naudience: internal\n---\nRedis on db1.acme.internal (10.1.2.3) is OOMKilled.\n",
    }
    root = repo(
        write_repo,
        "Checkout is slow. Next update by 10:10 UTC.",
        extra_front="internal: |\n  p99 is 4s on db1.acme.internal; OPS-4411\n",
        more=more,
    )
    assert check_repository(root, NOW).diagnostics == ()


def test_public_text_naming_an_internal_component_is_an_error(write_repo) -> None:  # type: ignore[no-untyped-def]
    more = {"components/ledger-sync.md": "---\nname: Ledger sync\naudience: internal\n---\n"}
    root = repo(
        write_repo,
        "Ledger sync is behind, so checkout is slow. Next update by 10:10 UTC.",
        more=more,
    )
    [d] = check_repository(root, NOW).diagnostics
    assert (d.rule, d.level.value) == ("language/internal-component", "error")


def test_titles_and_errata_are_customer_text_too(write_repo) -> None:  # type: ignore[no-untyped-def]
    root = repo(
        write_repo,
        "Checkout is slow. Next update by 10:10 UTC.",
        extra_front="erratum: We first blamed us-east-1.\n",
        more={
            "incidents/2026-11-17-slow/incident.md": HEADER.replace(
                "Slow checkout", "Slow checkout on 10.0.0.7"
            )
        },
    )
    found = sorted(
        (d.rule, d.path.rsplit("/", 1)[1], d.line) for d in check_repository(root, NOW).diagnostics
    )
    assert found == [("language/ip-address", "incident.md", 2), ("language/region-code", "a.md", 5)]


def test_a_next_update_promised_in_eastern_time_agrees_with_next_update_in_utc(write_repo) -> None:  # type: ignore[no-untyped-def]
    # next_update is 10:10 UTC on 17 November: 5:10 AM in New York (standard time).
    body = "Checkout is slow for some customers. We will post the next update by 5:10 AM ET."
    assert check_repository(repo(write_repo, body), NOW).diagnostics == ()
    wrong = body.replace("5:10 AM ET", "5:10 PM ET")
    [d] = check_repository(repo(write_repo, wrong), NOW).diagnostics
    assert d.rule == "language/next-update"
    assert "'5:10 PM ET'" in d.message and "22:10 UTC on 2026-11-17" in d.message


def test_a_promise_without_a_time_does_not_satisfy_the_next_update_rule(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Checkout is slow for some customers. We will share more information as it becomes available."
    [d] = check_repository(repo(write_repo, body), NOW).diagnostics
    assert d.rule == "language/next-update"
    assert "'share more information as it becomes available' does not say when" in d.message
    assert "by 10:10 UTC" in d.message


def test_component_names_and_descriptions_are_the_sites_own_words(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Some Kubernetes clusters cannot be created. Next update by 10:10 UTC."
    assert [d.rule for d in check_repository(repo(write_repo, body), NOW).diagnostics] == [
        "language/jargon"
    ]
    more = {"components/k8s.md": "---\nname: Managed Kubernetes\n---\nClusters you run with us.\n"}
    assert check_repository(repo(write_repo, body, more=more), NOW).diagnostics == ()


def test_a_developer_product_may_use_status_codes_and_region_codes(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Some API calls in us-east-1 return HTTP 503. Next update by 10:10 UTC."
    general = {d.rule for d in check_repository(repo(write_repo, body), NOW).diagnostics}
    assert general == {"language/jargon", "language/region-code"}
    root = repo(write_repo, body, settings="language_audience: developers\n")
    assert check_repository(root, NOW).diagnostics == ()


def test_an_internal_name_is_found_by_its_shape(write_repo) -> None:  # type: ignore[no-untyped-def]
    body = "Hosts search-07 and worker-3 are full, so search is slow. Next update by 10:10 UTC."
    found = [(d.rule, d.col) for d in check_repository(repo(write_repo, body), NOW).diagnostics]
    assert found == [("language/identifier", 7), ("language/identifier", 21)]


def test_the_entry_point_takes_the_language_of_the_text() -> None:
    context = TextContext(
        is_update_body=True,
        at=datetime(2026, 11, 17, 9, 10, tzinfo=timezone.utc),
        next_update=datetime(2026, 11, 17, 10, 10, tzinfo=timezone.utc),
    )
    # German is read for its promises (here: none), but not for English wording.
    german = "Einige Kunden können nicht bezahlen. Wir arbeiten daran."
    assert [f.rule for f in lint_text(german, context, "de")] == ["language/next-update"]
    assert skipped_rules(german, context, "de") == ENGLISH_ONLY
    promised = german + " Das nächste Update folgt um 11:10 Uhr MEZ."
    assert lint_text(promised, context, "de") == []
    # An English text tagged as a translation into Japanese is not judged as English, nor
    # as Japanese: every wording rule skips it.
    english = "We are continuing to investigate."
    assert {f.rule for f in lint_text(english, context)} == {
        "language/vague",
        "language/next-update",
    }
    assert lint_text(english, context, "ja") == []
    assert skipped_rules(english, context, "ja") == WORDING
    assert skipped_rules(english, context) == frozenset()
    # The site's language is the default.
    german_site = TextContext(settings=Settings(language="de-AT"), is_update_body=True)
    assert skipped_rules(english, german_site) == WORDING
    # A language without a phrasebook skips every wording rule.
    italian = "Alcuni clienti non possono pagare. Stiamo indagando."
    assert skipped_rules(italian, context, "it") == WORDING
