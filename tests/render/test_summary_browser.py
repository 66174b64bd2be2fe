"""The pull-request summary as a reviewer sees it: its golden Markdown rendered the way
GitHub renders a job summary (GitHub-flavoured Markdown: tables, fenced diffs, quotes), in a
real headless Chromium, accessible by axe-core's WCAG 2.1 AA rules."""

from __future__ import annotations

from typing import Any

import pytest
from browser import axe_violations
from markdown_it import MarkdownIt

from testsupport import REPO_ROOT

SUMMARIES = REPO_ROOT / "tests" / "golden" / "summary"

pytestmark = pytest.mark.browser


def as_github_shows_it(markdown: str) -> str:
    """The summary in a page shaped like GitHub's: a language, a title, a main landmark."""
    body = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Status check: summary</title></head><body><main>"
        f"{body.render(markdown)}</main></body></html>"
    )


@pytest.mark.parametrize("name", ["erratum-scope", "header-edit"])
def test_a_rendered_summary_is_accessible_and_shows_its_tables(browser: Any, name: str) -> None:
    page = browser.new_page()
    page.set_content(as_github_shows_it((SUMMARIES / f"{name}.md").read_text(encoding="utf-8")))
    assert axe_violations(page) == []
    # The customer's view is there as structure, not as Markdown source.
    assert page.locator("table").count() >= 2
    assert page.get_by_role("heading", name="Status page review").is_visible()
    assert page.locator("blockquote").count() >= 1
    assert "|---|" not in page.inner_text("main")
    if name == "erratum-scope":
        assert page.locator("pre code.language-diff").count() == 1
        assert page.get_by_text("Must fix").count() == 3
    page.close()
