"""The pages in a real headless Chromium: accessible (axe-core, WCAG 2.1 AA), readable at
320 px, working without JavaScript, making no third-party request, and immune to XSS."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from browser import serve_directory

from testsupport import REPO_ROOT, build_cli, require_tool

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "incidents/2026-09-23-checkout-payments-failing/",
    "incidents/2026-11-24-slow-checkout/",
    "components/checkout/",
    "history/",
    "history/2026-09/",
    "report/",
    "subscribe/",
]

pytestmark = pytest.mark.browser


def axe_violations(page: Any) -> list[dict[str, Any]]:
    require_tool("axe-core (npm)", AXE.exists())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_main_pages(
    browser: Any, demo_site: Path, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    with serve_directory(demo_site) as base:
        for url in PAGES:
            page.goto(base + url)
            # Open every disclosure so hidden content is checked too.
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            assert axe_violations(page) == [], url
    context.close()


def test_the_internal_build_is_accessible_too(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "internal"
    assert build_cli(REPO_ROOT, out, "--audience", "internal").returncode == 0
    page = browser.new_page()
    with serve_directory(out) as base:
        for url in ("", "incidents/2026-11-05-email-delays/"):
            page.goto(base + url)
            assert axe_violations(page) == [], url
    page.close()


def test_no_request_leaves_the_site_and_pages_work_without_javascript(
    browser: Any, demo_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with serve_directory(demo_site) as base:
        for url in PAGES:
            page.goto(base + url)
            assert page.locator("main h1, main h2").first.is_visible()
        page.goto(base)
        page.get_by_role("link", name="Slow checkout for some customers").first.click()
        assert "slow-checkout" in page.url
        assert page.get_by_text("Next update by").first.is_visible()
    assert requested and all(r.startswith(base) for r in requested), [
        r for r in requested if not r.startswith(base)
    ]
    context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_pages_are_readable_on_a_narrow_phone_without_sideways_scrolling(
    browser: Any, demo_site: Path, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    with serve_directory(demo_site) as base:
        for url in PAGES:
            page.goto(base + url)
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (url, overflow)
    page.close()


def test_keyboard_users_reach_the_incident_days_of_an_uptime_bar(
    browser: Any, demo_site: Path
) -> None:
    page = browser.new_page()
    with serve_directory(demo_site) as base:
        page.goto(base)
        focused = []
        for _ in range(40):
            page.keyboard.press("Tab")
            focused.append(
                page.evaluate("() => document.activeElement.textContent.trim().slice(0, 60)")
            )
        assert any(
            "days with incidents" in text or "day with incidents" in text for text in focused
        ), focused
    page.close()


XSS_PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss=1">',
    "[click](javascript:window.__xss=1)",
    "<svg onload=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    '<a href="vbscript:msgbox(1)">x</a>',
    "{{ 7*7 }}{% raw %}",
]


def test_xss_payloads_in_titles_bodies_components_and_settings_never_run(
    browser: Any, write_repo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    quoted = [p.replace("\\", "\\\\").replace('"', '\\"') for p in XSS_PAYLOADS]
    files = {
        "statuspress.yaml": f'title: "Status {quoted[4]}"\ndescription: "{quoted[1]}"\n',
        "components/web.md": f'---\nname: "Web {quoted[0]}"\ngroup: "{quoted[3]}"\n---\n{XSS_PAYLOADS[2]}\n',
    }
    for n, payload in enumerate(XSS_PAYLOADS):
        folder = f"incidents/2026-11-1{n}-x{n}"
        files[f"{folder}/incident.md"] = (
            f'---\ntitle: "Incident {quoted[n]}"\nseverity: sev3\nstarted: 2026-11-1{n}T09:00:00Z\n'
            f"components:\n  web: degraded_performance\n---\n{payload}\n"
        )
        files[f"{folder}/a.md"] = (
            f"---\nat: 2026-11-1{n}T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-1{n}T10:00:00Z\n"
            f'erratum: "{quoted[(n + 1) % len(quoted)]}"\n---\n{payload}\n\nNext update by 10:00 UTC.\n'
        )
    root = write_repo(files)
    out = tmp_path / "site"
    done = build_cli(root, out)
    assert done.returncode == 0, done.stdout + done.stderr
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(out) as base:
        urls = ["", "history/", "components/web/"] + [
            f"incidents/{p.name}/" for p in sorted((out / "incidents").iterdir())
        ]
        for url in urls:
            page.goto(base + url)
            for link in page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                    href
                )
            assert page.evaluate("() => window.__xss") is None, url
            assert page.locator("script").count() == 0, url
    assert dialogs == []
    page.close()


def test_the_accessibility_harness_does_catch_a_violation(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png">'
        '<p style="color:#ccc;background:#fff">faint</p></body></html>'
    )
    page = browser.new_page()
    with serve_directory(tmp_path) as base:
        page.goto(base)
        found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found
    page.close()


def test_screenshots_at_phone_and_desktop_width(
    browser: Any, demo_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Writes *.png for people to look at (see tests/render/screenshots.py): into
    $STATUSPRESS_ARTIFACTS when set (CI uploads it), else a temporary folder."""
    from screenshots import take

    folder = os.environ.get("STATUSPRESS_ARTIFACTS")
    target = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    written = take(demo_site, target, browser)
    assert len(written) == 8 and all(p.stat().st_size > 10_000 for p in written)


def test_the_subscribe_page_opens_from_the_header_and_its_form_posts_without_javascript(
    browser: Any, write_repo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from testsupport import HttpReceiver

    with HttpReceiver() as lists:
        root = write_repo(
            {
                "statuspress.yaml": "title: Example Status\nnotifications:\n"
                f"  signup_url: {lists.url('http', '/join')}\n  signup_field: EMAIL\n",
                "components/web.md": "---\nname: Website\n---\n",
            }
        )
        out = tmp_path / "site"
        assert build_cli(root, out).returncode == 0
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        with serve_directory(out) as base:
            page.goto(base + "history/")
            page.get_by_role("navigation").get_by_role("link", name="Subscribe").click()
            assert page.url == base + "subscribe/"
            for name in ("Atom feed of Website", "RSS feed of Website", "Maintenance calendar"):
                assert page.get_by_role("link", name=name).first.is_visible(), name
            page.get_by_label("Your email address").fill("reader@example.com")
            page.get_by_role("button", name="Subscribe by email").click()
        context.close()
        assert [(r["path"], r["body"]) for r in lists.requests] == [
            ("/join", b"EMAIL=reader%40example.com")
        ]
