"""The publish workflow's notify job keeps the delivery record on its own branch: its
fetch and save steps, run as written against a real origin repository, let a fresh
checkout find what the last run sent."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from testsupport import REPO_ROOT, VALID, HttpReceiver, git

STEPS = yaml.safe_load((REPO_ROOT / ".github/workflows/publish.yml").read_text())["jobs"]["notify"]
SETTINGS = """
rules:
  language: off
notifications:
  max_age: 2d
  channels:
    chat:
      kind: chat
      url_env: TEST_CHAT_URL
"""


def step(name: str) -> str:
    return next(s["run"] for s in STEPS["steps"] if s.get("name") == name)


def run_step(checkout: Path, name: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", step(name)],
        cwd=checkout,
        env={**os.environ, **STEPS["env"], "GH_TOKEN": "not-needed-for-a-local-origin", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def publish_run(origin: Path, checkout: Path, chat_url: str) -> str:
    """One notify job in a fresh clone: fetch the record, send, save the record."""
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    run_step(checkout, "Fetch the delivery record", {})
    sent = subprocess.run(
        [sys.executable, "-m", "statuspress", "notify", "--record", STEPS["env"]["RECORD"]],
        cwd=checkout,
        env={**os.environ, "TEST_CHAT_URL": chat_url, "SOURCE_DATE_EPOCH": "1795003200"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert sent.returncode == 0, sent.stdout + sent.stderr
    run_step(checkout, "Save the delivery record", {})
    return sent.stdout


def test_a_fresh_checkout_finds_the_record_the_last_run_pushed(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    for rel, text in {**VALID, "statuspress.yaml": SETTINGS}.items():
        (origin / rel).parent.mkdir(parents=True, exist_ok=True)
        (origin / rel).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "content")
    git(origin, "config", "receive.denyCurrentBranch", "updateInstead")
    with HttpReceiver() as chat:
        first = publish_run(origin, tmp_path / "run1", chat.url("json"))
        second = publish_run(origin, tmp_path / "run2", chat.url("json"))
    assert first == "chat: sent 'Payments failing at checkout — Resolved' (2 event(s))\n"
    assert second == "nothing to send\n"
    assert len(chat.requests) == 1
    record = git(origin, "show", "statuspress-notifications:delivered.json")
    assert "update/2026-11-17-payments/20261117T0940Z-resolved" in record
    assert git(origin, "rev-list", "--count", "statuspress-notifications").strip() == "1"
    assert git(origin, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
