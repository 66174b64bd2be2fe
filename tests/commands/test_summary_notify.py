"""The pull request's job summary ends with what each notification channel would send
once the change is merged (`check --base … --summary`)."""

from __future__ import annotations

from pathlib import Path

from testsupport import git, make_repo, run

SETTINGS = """title: Example Status
notifications:
  channels:
    customers:
      kind: chat
      url_env: STATUS_SLACK_URL
    list:
      kind: email
      url_env: STATUS_EMAIL_URL
      components: [search]
    developers:
      kind: webhook
      url_env: STATUS_WEBHOOK_URL
      secret_env: STATUS_WEBHOOK_SECRET
"""
HEADER = "---\ntitle: Slow checkout\nseverity: sev3\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  checkout: degraded_performance\n---\n"
FIRST = "---\nat: 2026-11-17T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:10:00Z\n---\nCheckout is slow. Next update by 10:10 UTC.\n"
SECOND = "---\nat: 2026-11-17T09:40:00Z\nstatus: resolved\n---\nCheckout is fast again.\n"


def test_the_summary_lists_per_channel_the_messages_a_merge_would_send(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text(SETTINGS)
    (root / "components/search.md").write_text("---\nname: Search\n---\n")
    folder = root / "incidents/2026-11-17-slow"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(HEADER)
    (folder / "a.md").write_text(FIRST)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "published")
    (folder / "b.md").write_text(SECOND)
    summary = tmp_path / "summary.md"
    code, out = run(
        root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z", "--summary", str(summary)
    )
    assert code == 0, out
    section = summary.read_text().split("## Notifications this merge would send\n", 1)[1]
    assert section == (
        "\n### `customers` (chat)\n\n"
        "**Slow checkout — Resolved**\n\n"
        "> **Resolved** · 17 Nov 2026, 09:40 UTC\n"
        "> Checkout is fast again.\n"
        ">\n"
        "> Details: https://status.example.com/incidents/2026-11-17-slow/\n\n"
        "### `list` (email)\n\n"
        "Nothing.\n\n"
        "### `developers` (webhook)\n\n"
        "- incident payload: “Slow checkout”, status `resolved`, impact `minor`, 2 update(s)\n"
        "- component payload: Checkout `degraded_performance` → `operational`\n"
    )


def test_without_channels_the_summary_has_no_notification_section(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    summary = tmp_path / "summary.md"
    assert run(root, "check", "--base", "HEAD", "--summary", str(summary))[0] == 0
    assert "Notifications" not in summary.read_text()
