"""The languages of the site in a real headless Chromium: each language's pages pass axe,
the language switch is reached by keyboard, and a Japanese page has every glyph."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from browser import serve_directory

from testsupport import REPO_ROOT, build_cli, require_tool

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "incidents/2026-09-23-checkout-payments-failing/", "history/", "components/api/"]

pytestmark = pytest.mark.browser


def _axe(page: Any) -> list[str]:
    require_tool("axe-core (npm)", AXE.exists())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [v["id"] for v in result["violations"]]


@pytest.mark.parametrize("language", ["", "de/"], ids=["en", "de"])
def test_axe_finds_no_violations_in_each_language(
    browser: Any, demo_site: Path, language: str
) -> None:
    page = browser.new_page()
    with serve_directory(demo_site) as base:
        for url in PAGES:
            page.goto(base + language + url)
            assert page.evaluate("() => document.documentElement.lang") == (
                language.strip("/") or "en"
            )
            assert _axe(page) == [], language + url
    page.close()


def test_keyboard_users_reach_the_language_switch_and_follow_it(
    browser: Any, demo_site: Path
) -> None:
    page = browser.new_page()
    with serve_directory(demo_site) as base:
        page.goto(base + "incidents/2026-11-24-slow-checkout/")
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('hreflang')") == "de":
                break
        else:
            pytest.fail("the language switch was not reached with Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == base + "de/incidents/2026-11-24-slow-checkout/"
        assert page.evaluate("() => document.documentElement.lang") == "de"
        assert page.locator("h1").inner_text() == "Langsamer Checkout für einige Kunden"
    page.close()


def test_a_japanese_page_renders_every_glyph(browser: Any, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    for part in ("components", "incidents"):
        shutil.copytree(REPO_ROOT / part, repo / part)
    (repo / "statuspress.yaml").write_text("title: Acme\nlanguage: ja\n", encoding="utf-8")
    for translation in repo.glob("incidents/*/*.de.md"):
        translation.unlink()
    done = build_cli(repo, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    page = browser.new_page()
    with serve_directory(tmp_path / "site") as base:
        page.goto(base)
        assert page.evaluate("() => document.documentElement.lang") == "ja"
        heading = page.locator("#overall-heading")
        assert heading.inner_text() == "システムの部分的な停止"
        session = page.context.new_cdp_session(page)
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": "#overall-heading"})
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        # Every glyph drawn by a real font that has it (a missing glyph would be drawn by
        # the last resort font as a box, and a CJK font would not be among them).
        assert fonts, fonts
        assert any("CJK" in f["familyName"] or "Noto" in f["familyName"] for f in fonts), fonts
        assert all(f["familyName"] != "LastResort" for f in fonts)
        assert sum(f["glyphCount"] for f in fonts) == len("システムの部分的な停止")
    page.close()
