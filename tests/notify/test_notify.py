"""`statuspress notify` against real receivers on loopback: an HTTP server recording chat
(Apprise's json://) and webhook deliveries, and a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from statuspress.errors import ContentError, UsageError
from statuspress.notify import run_notify
from testsupport import MAINTENANCE, VALID, HttpReceiver, run, smtp_receiver
from testsupport import write_files as write

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)
SECRET = "whsec-0123456789abcdef"
CHANNELS = """
title: Example Status
rules:
  language: off
notifications:
  max_age: 2d
  retries: 2
  timeout: 1s
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
FIRST_BODY = "Payments at checkout are failing. We will post the next update by 09:45 UTC."


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write(tmp_path / "status", {**VALID, "statuspress.yaml": CHANNELS})


class Receivers:
    """The three channels' receivers, and the environment that points at them."""

    def __init__(self, chat: HttpReceiver, hook: HttpReceiver, port: int, mails: list) -> None:  # type: ignore[type-arg]
        self.chat, self.hook, self.mails = chat, hook, mails
        self.env = {
            "TEST_CHAT_URL": chat.url("json", "/chat") + "?rto=1&cto=1",
            "TEST_HOOK_URL": hook.url(),
            "TEST_HOOK_SECRET": SECRET,
            "TEST_MAIL_URL": f"mailto://127.0.0.1:{port}?from=status@example.com"
            "&to=list@example.com&mode=insecure",
        }

    def chat_texts(self) -> list[str]:
        return [json.loads(r["body"])["message"] for r in self.chat.requests]  # type: ignore[arg-type]

    def mail_texts(self) -> list[str]:
        texts = []
        for _, _, raw in self.mails:
            message = email.message_from_bytes(raw, policy=email.policy.default)
            texts.append(message.get_content().replace("\r\n", "\n"))  # type: ignore[attr-defined]
        return texts

    def hook_incidents(self) -> list[dict]:  # type: ignore[type-arg]
        bodies = [json.loads(r["body"]) for r in self.hook.requests]  # type: ignore[arg-type]
        return [b for b in bodies if "incident" in b]

    def counts(self) -> dict[str, int]:
        return {
            "chat": len(self.chat.requests),
            "mail": len(self.mails),
            "hook": len(self.hook_incidents()),
        }


@pytest.fixture
def receivers(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    marker = request.node.get_closest_marker("faults")
    faults = marker.kwargs if marker else {}
    with (
        HttpReceiver(faults.get("chat"), delay=2.5) as chat,
        HttpReceiver(faults.get("hook"), delay=2.5) as hook,
        smtp_receiver() as (port, mails),
    ):
        yield Receivers(chat, hook, port, mails)


def notify(repo: Path, env: Mapping[str, str], now: datetime = NOW, **kw: object) -> list[str]:
    lines: list[str] = []
    run_notify(repo, now, repo / ".record.json", env, echo=lines.append, pause=0, **kw)  # type: ignore[arg-type]
    return lines


def verify(request: dict) -> bool:  # type: ignore[type-arg]
    """The recipe of docs/notifications.md, as a receiver runs it."""
    headers = request["headers"]
    signed = headers["X-Statuspress-Timestamp"].encode() + b"." + request["body"]
    expected = "sha256=" + hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Statuspress-Signature"])


# -- what each channel receives ---------------------------------------------------------


def test_a_publish_sends_one_message_per_channel_with_these_exact_bodies(
    repo: Path, receivers: Receivers
) -> None:
    lines = notify(repo, receivers.env)
    assert lines == [
        "chat: sent 'Payments failing at checkout — Resolved' (2 event(s))",
        "mail: sent '[Example Status] Payments failing at checkout — Resolved' (2 event(s))",
        "hook: sent 'Payments failing at checkout' (2 event(s))",
    ]
    chat = json.loads(receivers.chat.requests[0]["body"])  # type: ignore[arg-type]
    assert receivers.chat.requests[0]["path"] == "/chat"
    assert chat["title"] == "Payments failing at checkout — Resolved"
    assert chat["message"] == (
        "**Investigating** · 17 Nov 2026, 09:15 UTC\n"
        f"{FIRST_BODY}\n"
        "Next update by 17 Nov 2026, 09:45 UTC.\n\n"
        "**Resolved** · 17 Nov 2026, 09:40 UTC\n"
        "Payments work again.\n\n"
        "Details: https://status.example.com/incidents/2026-11-17-payments/"
    )
    sender, recipients, raw = receivers.mails[0]
    assert (sender, recipients) == ("status@example.com", ["list@example.com"])
    mail = email.message_from_bytes(raw, policy=email.policy.default)
    assert mail["Subject"] == "[Example Status] Payments failing at checkout — Resolved"
    assert receivers.mail_texts()[0] == (
        "Affected: Checkout\n\n"
        "Investigating · 17 Nov 2026, 09:15 UTC\n\n"
        f"{FIRST_BODY}\n\n"
        "Next update by 17 Nov 2026, 09:45 UTC.\n\n"
        "Resolved · 17 Nov 2026, 09:40 UTC\n\n"
        "Payments work again.\n\n"
        "Read it on the status page: https://status.example.com/incidents/2026-11-17-payments/\n\n"
        "--\n"
        "You receive this because you subscribed to Example Status. Other ways to follow it, "
        "and how to unsubscribe: https://status.example.com/subscribe/\n"
    )


def test_the_webhook_is_signed_and_shaped_like_statuspage(repo: Path, receivers: Receivers) -> None:
    notify(repo, receivers.env)
    requests = receivers.hook.requests
    assert len(requests) == 2 and all(verify(r) for r in requests)
    incident, component = (json.loads(r["body"]) for r in requests)  # type: ignore[arg-type]
    assert set(incident) == {"meta", "page", "incident"}
    assert incident["meta"]["unsubscribe"] == "https://status.example.com/subscribe/"
    assert incident["meta"]["documentation"] == (
        "https://status.example.com/subscribe/#developers-heading"
    )
    assert incident["meta"]["generated_at"] == "2026-11-18T12:00:00.000Z"
    assert incident["page"]["status_indicator"] == "none"
    assert incident["page"]["status_description"] == "All Systems Operational"
    updates = incident["incident"]["incident_updates"]
    assert [u["status"] for u in updates] == ["resolved", "investigating"]
    assert [u["body"] for u in updates] == ["Payments work again.", FIRST_BODY]
    assert incident["incident"]["shortlink"] == (
        "https://status.example.com/incidents/2026-11-17-payments/"
    )
    assert set(component) == {"meta", "page", "component", "component_update"}
    assert component["component"]["name"] == "Checkout"
    change = component["component_update"]
    assert (change["old_status"], change["new_status"]) == ("major_outage", "operational")
    assert change["component_id"] == component["component"]["id"]
    ids = {r["headers"]["X-Statuspress-Delivery"] for r in requests}  # type: ignore[index]
    assert len(ids) == 2


def test_a_tampered_body_fails_the_verification_recipe(repo: Path, receivers: Receivers) -> None:
    notify(repo, receivers.env)
    request = dict(receivers.hook.requests[0])
    request["body"] = request["body"].replace(b"resolved", b"investigating")  # type: ignore[attr-defined]
    assert not verify(request)


# -- exactly once ------------------------------------------------------------------------


def test_a_rerun_of_the_same_publish_sends_nothing(repo: Path, receivers: Receivers) -> None:
    notify(repo, receivers.env)
    again = notify(repo, receivers.env)
    assert again == []
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}


def test_a_new_update_is_sent_alone_on_the_next_publish(repo: Path, receivers: Receivers) -> None:
    notify(repo, receivers.env)
    write(
        repo,
        {
            "incidents/2026-11-17-payments/20261118T1100Z-investigating.md": """
            ---
            at: 2026-11-18T11:00:00Z
            status: investigating
            next_update: 2026-11-18T11:30:00Z
            ---
            Some payments fail again. Next update by 11:30 UTC.
            """
        },
    )
    notify(repo, receivers.env)
    assert receivers.counts() == {"chat": 2, "mail": 2, "hook": 2}
    latest = receivers.chat_texts()[-1]
    assert "Some payments fail again." in latest and "Payments work again." not in latest


@pytest.mark.faults(hook=["500", "500"])
def test_a_receiver_answering_500_gets_it_on_the_next_run_and_no_one_else_twice(
    repo: Path, receivers: Receivers
) -> None:
    first = notify(repo, receivers.env)
    assert first[-1] == (
        "hook: failed 'Payments failing at checkout' (2 event(s)): the receiver answered HTTP "
        "500 (after 2 attempt(s)); it is sent again on the next run"
    )
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 0}
    second = notify(repo, receivers.env)
    assert second == ["hook: sent 'Payments failing at checkout' (2 event(s))"]
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}
    assert receivers.hook.seen == 4  # two refused, then the incident and its component


@pytest.mark.faults(chat=["drop"], hook=["drop"])
def test_a_connection_dropped_on_the_first_try_is_retried_in_the_same_run(
    repo: Path, receivers: Receivers
) -> None:
    lines = notify(repo, receivers.env)
    assert all(": sent " in line for line in lines), lines
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}
    assert (receivers.chat.seen, receivers.hook.seen) == (2, 3)


@pytest.mark.faults(chat=["timeout"], hook=["timeout"])
def test_a_receiver_that_times_out_is_retried_and_holds_it_once(
    repo: Path, receivers: Receivers
) -> None:
    lines = notify(repo, receivers.env)
    assert all(": sent " in line for line in lines), lines
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}
    assert receivers.chat.seen == 2 and receivers.hook.seen == 3


def test_a_fresh_checkout_without_a_record_sends_nothing_older_than_max_age(
    repo: Path, receivers: Receivers
) -> None:
    lines = notify(repo, receivers.env, now=NOW + timedelta(days=3))
    assert lines == []
    assert receivers.counts() == {"chat": 0, "mail": 0, "hook": 0}


def test_a_pull_request_can_never_send(repo: Path, receivers: Receivers) -> None:
    for event in ("pull_request", "pull_request_target"):
        with pytest.raises(UsageError, match="never runs for a pull request"):
            notify(repo, {**receivers.env, "GITHUB_EVENT_NAME": event})
    assert receivers.counts() == {"chat": 0, "mail": 0, "hook": 0}
    assert not (repo / ".record.json").exists()


def test_the_command_refuses_a_pull_request_with_exit_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request")
    code, output = run(repo, "notify", "--now", "2026-11-18T12:00:00Z")
    assert code == 2 and "never runs for a pull request" in output


# -- secrets ---------------------------------------------------------------------------


@pytest.mark.faults(chat=["500", "500"], hook=["500", "500"])
def test_no_output_ever_shows_a_channel_url_or_secret(
    repo: Path, receivers: Receivers, capfd: pytest.CaptureFixture[str]
) -> None:
    token = "T0KEN-9f8e7d6c5b4a"
    env = {
        **receivers.env,
        "TEST_CHAT_URL": receivers.chat.url("json", f"/services/{token}") + "?rto=1",
        "TEST_HOOK_URL": receivers.hook.url("http", f"/hook/{token}"),
        "TEST_MAIL_URL": "mailto://user:hunter2-password@127.0.0.1:1?to=list@example.com",
    }
    lines = notify(repo, env)
    printed = "\n".join(lines) + "".join(capfd.readouterr())
    assert [line.split(":")[0] for line in lines] == ["chat", "mail", "hook"]
    assert all(" failed " in line for line in lines)
    for secret in (token, "hunter2-password", SECRET, "127.0.0.1:1"):
        assert secret not in printed


def test_a_channel_whose_variable_is_unset_fails_by_name_and_waits(
    repo: Path, receivers: Receivers
) -> None:
    env = {k: v for k, v in receivers.env.items() if k != "TEST_MAIL_URL"}
    lines = notify(repo, env)
    assert lines[1] == (
        "mail: failed '[Example Status] Payments failing at checkout — Resolved' (2 event(s)): "
        "$TEST_MAIL_URL is not set (add it to the CI secrets)"
    )
    notify(repo, receivers.env)
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}


# -- what each channel follows -----------------------------------------------------------


def test_a_channel_following_other_components_or_the_internal_audience(
    tmp_path: Path, receivers: Receivers
) -> None:
    settings = CHANNELS.replace(
        "      url_env: TEST_CHAT_URL\n", "      url_env: TEST_CHAT_URL\n      components: [api]\n"
    ).replace(
        "      url_env: TEST_MAIL_URL\n", "      url_env: TEST_MAIL_URL\n      audience: internal\n"
    )
    internal = "incidents/2026-11-17-payments/20261117T0930Z-identified.md"
    root = write(
        tmp_path / "status",
        {
            **VALID,
            "statuspress.yaml": settings,
            internal: """
            ---
            at: 2026-11-17T09:30:00Z
            status: identified
            audience: internal
            next_update: 2026-11-17T10:00:00Z
            ---
            The card processor's certificate expired. Next update by 10:00 UTC.
            """,
        },
    )
    notify(root, receivers.env)
    assert receivers.counts() == {"chat": 0, "mail": 1, "hook": 1}
    assert "certificate expired" in receivers.mail_texts()[0]
    assert "certificate expired" not in receivers.hook.requests[0]["body"].decode()  # type: ignore[attr-defined]


def test_a_rate_limit_holds_the_next_message_about_an_incident_back(
    tmp_path: Path, receivers: Receivers
) -> None:
    settings = CHANNELS.replace(
        "      url_env: TEST_CHAT_URL\n", "      url_env: TEST_CHAT_URL\n      rate_limit: 30m\n"
    )
    root = write(tmp_path / "status", {**VALID, "statuspress.yaml": settings})
    notify(root, receivers.env)
    write(
        root,
        {
            "incidents/2026-11-17-payments/20261118T1205Z-investigating.md": """
            ---
            at: 2026-11-18T12:05:00Z
            status: investigating
            next_update: 2026-11-18T12:35:00Z
            ---
            Some payments fail again. Next update by 12:35 UTC.
            """
        },
    )
    soon = notify(root, receivers.env, now=NOW + timedelta(minutes=10))
    assert soon[0] == (
        "chat: held 'Payments failing at checkout — Investigating' (1 event(s)): rate limit: "
        "the next message about it goes out from 2026-11-18T12:30:00Z"
    )
    assert receivers.counts() == {"chat": 1, "mail": 2, "hook": 2}
    notify(root, receivers.env, now=NOW + timedelta(minutes=31))
    assert receivers.counts() == {"chat": 2, "mail": 2, "hook": 2}


def test_a_rate_limit_never_holds_the_all_clear_back(tmp_path: Path, receivers: Receivers) -> None:
    settings = CHANNELS.replace(
        "      url_env: TEST_CHAT_URL\n", "      url_env: TEST_CHAT_URL\n      rate_limit: 1h\n"
    )
    root = write(tmp_path / "status", {**VALID, "statuspress.yaml": settings})
    second = root / "incidents/2026-11-17-payments/20261117T0940Z-resolved.md"
    resolved = second.read_text()
    second.unlink()
    notify(root, receivers.env, now=datetime(2026, 11, 17, 9, 20, tzinfo=timezone.utc))
    second.write_text(resolved)
    lines = notify(root, receivers.env, now=datetime(2026, 11, 17, 9, 45, tzinfo=timezone.utc))
    assert lines[0] == "chat: sent 'Payments failing at checkout — Resolved' (1 event(s))"
    assert receivers.counts() == {"chat": 2, "mail": 2, "hook": 2}


@pytest.mark.faults(hook=["302", "302"])
def test_a_webhook_answered_with_a_redirect_is_not_delivered(
    repo: Path, receivers: Receivers
) -> None:
    lines = notify(repo, receivers.env)
    assert lines[-1].startswith("hook: failed 'Payments failing at checkout' (2 event(s)): ")
    assert "HTTP 302" in lines[-1]
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 0}


def test_a_dry_run_lists_what_would_go_where_and_sends_nothing(
    repo: Path, receivers: Receivers, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in receivers.env.items():
        monkeypatch.setenv(name, value)
    code, output = run(repo, "notify", "--dry-run", "--now", "2026-11-18T12:00:00Z")
    assert code == 0, output
    assert output.splitlines() == [
        "chat: would send 'Payments failing at checkout — Resolved' (2 event(s))",
        "mail: would send '[Example Status] Payments failing at checkout — Resolved' (2 event(s))",
        "hook: would send 'Payments failing at checkout' (2 event(s))",
    ]
    assert receivers.counts() == {"chat": 0, "mail": 0, "hook": 0}
    assert not (repo / ".statuspress-notify").exists()
    code, output = run(repo, "notify", "--channel", "chat", "--now", "2026-11-18T12:00:00Z")
    assert (code, output) == (
        0,
        "chat: sent 'Payments failing at checkout — Resolved' (2 event(s))\n",
    )
    assert (repo / ".statuspress-notify/delivered.json").exists()
    code, output = run(repo, "notify", "--channel", "pager")
    assert code == 2 and "--channel pager: no such channel" in output


def test_check_locates_a_channel_following_a_component_that_does_not_exist(
    tmp_path: Path,
) -> None:
    settings = CHANNELS.replace(
        "      url_env: TEST_CHAT_URL\n",
        "      url_env: TEST_CHAT_URL\n      components: [checkuot]\n",
    )
    root = write(tmp_path / "status", {**VALID, "statuspress.yaml": settings})
    code, output = run(root, "check", "--now", "2026-11-18T12:00:00Z")
    assert code == 1
    assert (
        "statuspress.yaml:9:5: error[schema/value] channel 'chat' follows the component "
        "'checkuot', which does not exist; did you mean 'checkout'? use ids of files in "
        "components/"
    ) in output


def test_a_repository_template_overrides_the_chat_message(
    tmp_path: Path, receivers: Receivers
) -> None:
    root = write(
        tmp_path / "status",
        {
            **VALID,
            "statuspress.yaml": CHANNELS,
            "site_templates/notify/chat.txt": (
                "{{ site.title }}: {{ incident.title }}\n\n"
                "{{ updates|length }} new, latest {{ updates[-1].status }} & more: {{ incident.url }}\n"
            ),
        },
    )
    run_notify(
        root,
        NOW,
        root / ".record.json",
        receivers.env,
        only=("chat",),
        echo=lambda _: None,
        pause=0,
    )
    message = json.loads(receivers.chat.requests[0]["body"])  # type: ignore[arg-type]
    assert message["title"] == "Example Status: Payments failing at checkout"
    assert message["message"] == (
        "2 new, latest Resolved & more: https://status.example.com/incidents/2026-11-17-payments/"
    )
    assert receivers.counts() == {"chat": 1, "mail": 0, "hook": 0}


def test_content_with_errors_sends_nothing(repo: Path, receivers: Receivers) -> None:
    settings = repo / "statuspress.yaml"
    settings.write_text(settings.read_text() + "history_days: many\n")
    with pytest.raises(ContentError, match="nothing was sent"):
        notify(repo, receivers.env)
    assert receivers.counts() == {"chat": 0, "mail": 0, "hook": 0}


def test_a_window_that_starts_on_its_own_reaches_channels_that_follow_maintenance(
    tmp_path: Path, receivers: Receivers
) -> None:
    """The transition is announced once, to the channel that follows maintenance only."""
    settings = CHANNELS.replace(
        "      url_env: TEST_CHAT_URL\n",
        "      url_env: TEST_CHAT_URL\n      events: [updates, maintenance]\n",
    )
    repo = write(tmp_path / "status", {**VALID, **MAINTENANCE, "statuspress.yaml": settings})
    announced = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)
    notify(repo, receivers.env, now=announced)
    assert receivers.counts() == {"chat": 1, "mail": 1, "hook": 1}  # the announcement
    started = datetime(2026, 12, 10, 2, 5, tzinfo=timezone.utc)
    notify(repo, receivers.env, now=started)
    notify(repo, receivers.env, now=started + timedelta(minutes=5))  # nothing new
    assert receivers.counts() == {"chat": 2, "mail": 1, "hook": 1}
    assert "The scheduled maintenance has started." in receivers.chat_texts()[-1]
