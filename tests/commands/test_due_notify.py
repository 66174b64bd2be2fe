"""`statuspress due --notify`: an overdue promise reaches the incident's owner, or the
on-call channel, through a real receiver on loopback."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from statuspress.commands.due import run_due
from statuspress.errors import UsageError
from testsupport import COMPONENTS, HttpReceiver

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)
SETTINGS = """
rules:
  language: off
notifications:
  retries: 1
  channels:
    oncall:
      kind: chat
      url_env: TEST_ONCALL_URL
      events: [due]
    alice:
      kind: chat
      url_env: TEST_ALICE_URL
      owner: alice
      events: []
"""


def incident(folder: str, title: str, owner: str | None) -> dict[str, str]:
    owner_line = f"owner: {owner}\n" if owner else ""
    return {
        f"incidents/{folder}/incident.md": f"---\ntitle: {title}\nseverity: sev2\n"
        f"started: 2026-11-18T10:00:00Z\n{owner_line}components:\n  api: partial_outage\n---\n",
        f"incidents/{folder}/20261118T1005Z-investigating.md": "---\nat: 2026-11-18T10:05:00Z\n"
        "status: investigating\nnext_update: 2026-11-18T10:35:00Z\n---\n"
        "Some API calls fail. Next update by 10:35 UTC.\n",
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    files = {
        **{k: textwrap.dedent(v).lstrip() for k, v in COMPONENTS.items()},
        "statuspress.yaml": SETTINGS,
        **incident("2026-11-18-api-errors", "API errors", "alice"),
        **incident("2026-11-18-slow-search", "Slow search", None),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_an_overdue_promise_reaches_its_owner_and_one_without_owner_reaches_on_call(
    repo: Path,
) -> None:
    with HttpReceiver() as oncall, HttpReceiver() as alice:
        env = {"TEST_ONCALL_URL": oncall.url("json"), "TEST_ALICE_URL": alice.url("json")}
        printed: list[str] = []
        sent: list[str] = []
        overdue = run_due(repo, NOW, "10m", "text", printed.append, env, sent.append)
        assert overdue
        assert sent == [
            "alice: sent 'Update overdue: API errors' (1 event(s))",
            "oncall: sent 'Update overdue: Slow search' (1 event(s))",
        ]
        to_alice = [json.loads(r["body"]) for r in alice.requests]  # type: ignore[arg-type]
        to_oncall = [json.loads(r["body"]) for r in oncall.requests]  # type: ignore[arg-type]
    assert [(m["title"], m["message"]) for m in to_alice] == [
        (
            "Update overdue: API errors",
            "2026-11-18-api-errors: the next update was promised by 10:35 UTC on 2026-11-18, "
            "1 h 25 min ago (API errors)",
        )
    ]
    assert [m["title"] for m in to_oncall] == ["Update overdue: Slow search"]


def test_without_notify_nothing_is_sent_and_a_pull_request_never_sends(repo: Path) -> None:
    with HttpReceiver() as oncall, HttpReceiver() as alice:
        env = {"TEST_ONCALL_URL": oncall.url("json"), "TEST_ALICE_URL": alice.url("json")}
        assert run_due(repo, NOW, "10m", "text", lambda _: None)
        with pytest.raises(UsageError):
            run_due(
                repo,
                NOW,
                "10m",
                "text",
                lambda _: None,
                {**env, "GITHUB_EVENT_NAME": "pull_request"},
            )
        assert oncall.requests == [] and alice.requests == []
