"""The review gate, told as one story in a real git repository: what a reviewer approves in
the pull request's summary is exactly what customers get.

Each pull request is a branch checked against `main` with `check --base main --summary`;
the summaries are kept as golden files (tests/golden/summary/, refreshed only with
--update-golden) so a change to what reviewers read is itself reviewed."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
import pytest

from testsupport import REPO_ROOT, git, run

GOLDEN = REPO_ROOT / "tests" / "golden" / "summary"
FOLDER = "incidents/2026-11-17-payments"
HEADER = """---
title: Payments failing at checkout
severity: sev1
started: 2026-11-17T09:05:00Z
components:
  checkout: major_outage
---
Some card payments fail at checkout.
"""
FIRST = """---
at: 2026-11-17T09:15:00Z
status: investigating
next_update: 2026-11-17T09:45:00Z
components:
  checkout: major_outage
---
Card payments at checkout are failing for most customers. We are looking into it and
will post the next update by 09:45 UTC.
"""
RESOLVED = """---
at: 2026-11-17T09:40:00Z
status: resolved
---
Card payments at checkout work again. We are sorry for the trouble this caused.
"""
REVIEW = """---
published: 2026-11-18T10:00:00Z
---
## What happened

A change to how we talk to our card payment provider was rolled out to everyone at once.
It contained a mistake, and most card payments failed for 35 minutes.

## What we are changing

Changes to payments now reach a few customers first.
"""


def summarise(root: Path, tmp_path: Path, name: str, now: str) -> tuple[int, str, str]:
    """`check --base main --summary` on the current branch: (exit code, log, summary)."""
    summary = tmp_path / f"{name}.md"
    code, out = run(root, "check", "--base", "main", "--now", now, "--summary", str(summary))
    return code, out, summary.read_text(encoding="utf-8")


def matches_golden(name: str, text: str, update_golden: bool) -> None:
    path = GOLDEN / f"{name}.md"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name}: run with --update-golden"


def merge(root: Path, branch: str, message: str) -> None:
    """Commit everything on ``branch`` and merge it into main, as a pull request does."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--ff-only", branch)


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def start_repository(tmp_path: Path) -> Path:
    root = tmp_path / "status"
    (root / "components").mkdir(parents=True)
    (root / "components/checkout.md").write_text("---\nname: Checkout\n---\nPlacing orders.\n")
    (root / "statuspress.yaml").write_text(
        "title: Example Status\nbase_url: https://status.acme.example/\n"
        "internal_domains: [corp.example.net]\n"
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    return root


def test_the_review_gate_story(tmp_path: Path, update_golden: bool) -> None:
    root = start_repository(tmp_path)
    folder = root / FOLDER
    first = folder / "20261117T0915Z-investigating.md"

    # 1. A new incident: the summary shows the page's headline, the card and the update.
    git(root, "checkout", "-q", "-b", "open")
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(HEADER)
    first.write_text(FIRST)
    code, out, summary = summarise(root, tmp_path, "new-incident", "2026-11-17T09:20:00Z")
    assert code == 0, out
    assert "Changes from **All Systems Operational** to **Major System Outage**." in summary
    assert "### New incident: Payments failing at checkout" in summary
    assert "| Severity | Critical |" in summary and "| Status | Investigating |" in summary
    assert "> Card payments at checkout are failing for most customers." in summary
    assert "Next update promised by **17 Nov 2026, 09:45 UTC**" in summary
    assert "| Checkout | Operational | **Major outage** |" in summary
    assert "incidents/2026-11-17-payments/index.html" in summary  # the page to open
    matches_golden("new-incident", summary, update_golden)
    merge(root, "open", "open the incident")

    # 2. A header-only edit of the published incident: allowed, shown before -> after, and
    #    a named finding next to it.
    git(root, "checkout", "-q", "-b", "severity")
    header = folder / "incident.md"
    header.write_text(HEADER.replace("sev1", "sev2"))
    code, out, summary = summarise(root, tmp_path, "header-edit", "2026-11-17T09:30:00Z")
    assert code == 0, out
    line = line_of(header, "severity:")
    assert f"{FOLDER}/incident.md:{line}:1: warning[history/severity-changed]" in out
    assert "| Severity | Critical | Major |" in summary
    assert "history/severity-changed" in summary and "No update" not in summary
    assert "Changes from **Major System Outage** to **Partial System Outage**." in summary
    matches_golden("header-edit", summary, update_golden)
    git(root, "checkout", "-q", "--", ".")
    git(root, "checkout", "-q", "main")

    # 3. An erratum that corrects only the wording passes, and the page says so openly.
    git(root, "checkout", "-q", "-b", "erratum")
    corrected = FIRST.replace("for most customers", "for some customers").replace(
        "status: investigating\n",
        "status: investigating\nerratum: We first wrote that most payments failed; it was "
        "some of them.\ncorrected: 2026-11-17T09:35:00Z\n",
    )
    first.write_text(corrected)
    code, out, summary = summarise(root, tmp_path, "erratum", "2026-11-17T09:36:00Z")
    assert code == 0 and "history" not in out, out
    assert "-Card payments at checkout are failing for most customers." in summary
    assert "+Card payments at checkout are failing for some customers." in summary
    assert "**Corrected on 17 Nov 2026, 09:35 UTC:** We first wrote" in summary
    matches_golden("erratum", summary, update_golden)
    site = tmp_path / "site-erratum"
    code, out = run(root, "build", "--out", str(site), "--now", "2026-11-17T09:36:00Z")
    assert code == 0, out
    page = (site / FOLDER / "index.html").read_text()
    assert "Corrected on" in page and "We first wrote that most payments failed" in page
    feed = feedparser.parse((site / "feed.atom").read_bytes())
    item = next(e for e in feed.entries if "investigating" in e.id)
    assert item.updated.startswith("2026-11-17T09:35") and item.published.startswith(
        "2026-11-17T09:15"
    )

    # 4. ...but an erratum that also moves the promise or a component status is an error
    #    at the line that changed.
    first.write_text(
        corrected.replace(
            "next_update: 2026-11-17T09:45:00Z", "next_update: 2026-11-17T10:15:00Z"
        ).replace("checkout: major_outage", "checkout: partial_outage")
    )
    code, out, summary = summarise(root, tmp_path, "erratum-scope", "2026-11-17T09:36:00Z")
    assert code == 1
    path = f"{FOLDER}/{first.name}"
    assert f"{path}:{line_of(first, 'next_update:')}:1: error[history/erratum-scope]" in out
    assert f"{path}:{line_of(first, 'components:')}:1: error[history/erratum-scope]" in out
    assert "its next-update promise" in summary and "❌ **Must fix**" in summary
    matches_golden("erratum-scope", summary, update_golden)
    git(root, "checkout", "-q", "--", ".")
    git(root, "checkout", "-q", "main")

    # The incident is resolved (an ordinary pull request).
    git(root, "checkout", "-q", "-b", "resolve")
    (folder / "20261117T0940Z-resolved.md").write_text(RESOLVED)
    merge(root, "resolve", "resolved")

    # 5. A postmortem naming an internal host is an error at its line.
    git(root, "checkout", "-q", "-b", "review")
    leaky = REVIEW.replace(
        "It contained", "The change reached db-7.corp.example.net first.\nIt contained"
    )
    review = folder / "postmortem.md"
    review.write_text(leaky)
    code, out, summary = summarise(
        root, tmp_path, "postmortem-internal-host", "2026-11-18T12:00:00Z"
    )
    assert code == 1
    line = line_of(review, "db-7")
    assert f"{FOLDER}/postmortem.md:{line}:20: error[language/internal-host]" in out
    assert "#### Incident review, published 18 Nov 2026, 10:00 UTC" in summary
    matches_golden("postmortem-internal-host", summary, update_golden)

    # 6. The clean postmortem is published: a feed item, and Statuspage's `postmortem`.
    review.write_text(REVIEW)
    code, out, summary = summarise(root, tmp_path, "postmortem", "2026-11-18T12:00:00Z")
    assert code == 0, out
    matches_golden("postmortem", summary, update_golden)
    merge(root, "review", "publish the review")
    site = tmp_path / "site-review"
    code, out = run(root, "build", "--out", str(site), "--now", "2026-11-18T12:00:00Z")
    assert code == 0, out
    feed = feedparser.parse((site / "feed.atom").read_bytes())
    assert not feed.bozo
    newest = feed.entries[0]
    assert newest.title == "Payments failing at checkout — Incident review"
    assert "What we are changing" in newest.content[0].value
    assert newest.published.startswith("2026-11-18T10:00")
    api = json.loads((site / "api/v2/incidents.json").read_text())
    assert api["incidents"][0]["status"] == "postmortem"
    rss = feedparser.parse((site / "feed.rss").read_bytes())
    assert rss.entries[0].title == newest.title


@pytest.mark.parametrize("now", ["2026-11-18T09:00:00Z"])
def test_a_postmortem_dated_later_is_not_yet_published(tmp_path: Path, now: str) -> None:
    root = start_repository(tmp_path)
    folder = root / FOLDER
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(HEADER)
    (folder / "a.md").write_text(FIRST)
    (folder / "b.md").write_text(RESOLVED)
    (folder / "postmortem.md").write_text(REVIEW)
    site = tmp_path / "site"
    code, out = run(root, "build", "--out", str(site), "--now", now)
    assert code == 0, out
    api = json.loads((site / "api/v2/incidents.json").read_text())
    assert api["incidents"][0]["status"] == "resolved"
    titles = [e.title for e in feedparser.parse((site / "feed.atom").read_bytes()).entries]
    assert not any("Incident review" in t for t in titles)
