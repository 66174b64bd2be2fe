"""The language rules inside `statuspress check`: located at the word, configurable,
silenced per update with a recorded acceptance, and quiet on internal text."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from statuspress.check import check_repository

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
