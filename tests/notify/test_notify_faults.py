"""Fault tests of `statuspress notify`: a run killed between two channels (a real
subprocess, killed), and a fresh clone of a long history. Each ends with every channel
holding every new update exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from statuspress.notify import run_notify
from testsupport import VALID, HttpReceiver, git, smtp_receiver
from testsupport import write_files as write

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)
SETTINGS = """
title: Example Status
rules:
  language: off
notifications:
  max_age: 2d
  retries: 1
  timeout: 20s
  channels:
    chat:
      kind: chat
      url_env: TEST_CHAT_URL
    mail:
      kind: email
      url_env: TEST_MAIL_URL
    hook:
      kind: webhook
      url_env: TEST_HOOK_URL
      secret_env: TEST_HOOK_SECRET
"""


def environment(chat: HttpReceiver, hook: HttpReceiver, smtp_port: int) -> dict[str, str]:
    return {
        "TEST_CHAT_URL": chat.url("json", "/chat"),
        "TEST_HOOK_URL": hook.url(),
        "TEST_HOOK_SECRET": "whsec-fault-tests",
        "TEST_MAIL_URL": f"mailto://127.0.0.1:{smtp_port}?from=status@example.com"
        "&to=list@example.com&mode=insecure",
    }


def incidents_in(hook: HttpReceiver) -> list[str]:
    bodies = [json.loads(r["body"]) for r in hook.requests]  # type: ignore[arg-type]
    return [b["incident"]["name"] for b in bodies if "incident" in b]


def test_a_run_killed_between_two_channels_resumes_with_the_channel_it_missed(
    tmp_path: Path,
) -> None:
    root = write(tmp_path / "status", {**VALID, "statuspress.yaml": SETTINGS})
    record = tmp_path / "record" / "delivered.json"
    with (
        HttpReceiver() as chat,
        HttpReceiver(["hang"]) as hook,
        smtp_receiver() as (port, mails),
    ):
        env = environment(chat, hook, port)
        command = [sys.executable, "-m", "statuspress", "--repo", str(root), "notify"]
        command += ["--record", str(record), "--now", "2026-11-18T12:00:00Z"]
        process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            assert hook.hung.wait(60), "the webhook was never called"
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(30)
        assert process.returncode == -signal.SIGKILL
        kept = json.loads(record.read_text(encoding="utf-8"))
        assert sorted(kept["channels"]) == ["chat", "mail"]
        assert (len(chat.requests), len(mails), len(incidents_in(hook))) == (1, 1, 0)

        lines: list[str] = []
        run_notify(root, NOW, record, env, echo=lines.append, pause=0)
        assert lines == ["hook: sent 'Payments failing at checkout' (2 event(s))"]
        assert (len(chat.requests), len(mails), len(incidents_in(hook))) == (1, 1, 1)
        run_notify(root, NOW, record, env, echo=lines.append, pause=0)
        assert (len(chat.requests), len(mails), len(incidents_in(hook))) == (1, 1, 1)


def old_history(count: int) -> dict[str, str]:
    """``count`` updates in 2025, four to an incident: long published, never to be sent."""
    files: dict[str, str] = {}
    start = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)
    for number in range(count // 4):
        began = start + timedelta(days=number)
        folder = f"incidents/{began:%Y-%m-%d}-old-{number:04d}"
        files[f"{folder}/incident.md"] = f"""
            ---
            title: Old slowness number {number}
            severity: sev3
            started: {began:%Y-%m-%dT%H:%MZ}
            components:
              api: degraded_performance
            ---
            """
        for step, status in enumerate(("investigating", "identified", "monitoring", "resolved")):
            at = began + timedelta(minutes=10 * (step + 1))
            promise = (
                ""
                if status == "resolved"
                else f"next_update: {at + timedelta(minutes=30):%Y-%m-%dT%H:%MZ}\n"
            )
            files[f"{folder}/{at:%Y%m%dT%H%MZ}-{status}.md"] = (
                f"---\nat: {at:%Y-%m-%dT%H:%MZ}\nstatus: {status}\n{promise}---\n"
                f"Old update {number}-{step}.\n"
            )
    return files


def test_a_fresh_clone_of_a_long_history_sends_only_what_is_new(tmp_path: Path) -> None:
    origin = write(
        tmp_path / "origin", {**VALID, **old_history(1000), "statuspress.yaml": SETTINGS}
    )
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "a long history")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    with HttpReceiver() as chat, HttpReceiver() as hook, smtp_receiver() as (port, mails):
        env = environment(chat, hook, port)
        lines: list[str] = []
        run_notify(clone, NOW, clone / ".record.json", env, echo=lines.append, pause=0)
        assert lines == [
            "chat: sent 'Payments failing at checkout — Resolved' (2 event(s))",
            "mail: sent '[Example Status] Payments failing at checkout — Resolved' (2 event(s))",
            "hook: sent 'Payments failing at checkout' (2 event(s))",
        ]
        assert (len(chat.requests), len(mails), incidents_in(hook)) == (
            1,
            1,
            ["Payments failing at checkout"],
        )
        texts = [json.loads(r["body"])["message"] for r in chat.requests]  # type: ignore[arg-type]
        assert not any("Old update" in text for text in texts)
