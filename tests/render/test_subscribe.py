"""The Subscribe page offers what the repository has: the email form only with a list
signup URL, the webhook only when a webhook channel exists, every component's feeds."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from testsupport import build_cli

SETTINGS = """title: Example Status
support_url: https://example.com/help
notifications:
  signup_url: https://lists.example.com/join?list=status&amp=1
  channels:
    developers:
      kind: webhook
      url_env: STATUS_WEBHOOK_URL
      secret_env: STATUS_WEBHOOK_SECRET
"""


def subscribe_page(tmp_path: Path, settings: str) -> lxml.html.HtmlElement:
    root = tmp_path / "repo"
    (root / "components").mkdir(parents=True)
    (root / "components/web.md").write_text("---\nname: Website & app\n---\n")
    (root / "statuspress.yaml").write_text(settings)
    done = build_cli(root, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return lxml.html.parse(str(tmp_path / "site/subscribe/index.html")).getroot()


def test_with_a_list_and_a_webhook_the_page_offers_both(tmp_path: Path) -> None:
    page = subscribe_page(tmp_path, SETTINGS)
    form = page.xpath("//form[@class='signup']")[0]
    assert form.get("action") == "https://lists.example.com/join?list=status&amp=1"
    assert form.get("method") == "post"
    assert page.xpath("//input[@id='signup-address']")[0].get("name") == "email"
    links = {a.text_content(): a.get("href") for a in page.xpath("//main//a")}
    assert links["Atom feed of Website & app"] == "../components/web/feed.atom"
    assert links["RSS feed of Website & app"] == "../components/web/feed.rss"
    assert links["Maintenance calendar (iCalendar)"] == "../maintenance.ics"
    assert links["Ask for a webhook"] == "https://example.com/help"
    assert "/feed subscribe https://status.example.com/feed.rss" in page.text_content()
    # No script of its own: the form works without one (the theme's one file only adds
    # readers' own time zone to times).
    scripts = page.xpath("//script")
    assert [s.get("src", "").rsplit("/", 1)[-1].split(".")[0] for s in scripts] == ["local-time"]


def test_without_a_list_or_a_webhook_neither_is_offered(tmp_path: Path) -> None:
    page = subscribe_page(tmp_path, "title: Example Status\n")
    assert not page.xpath("//form")
    assert "webhook" not in page.xpath("//main")[0].text_content()
    header = {a.text_content(): a.get("href") for a in page.xpath("//header//nav//a")}
    assert header["Subscribe"] == "../subscribe/"
