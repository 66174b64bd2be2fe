"""The pages in a real headless Chromium: accessible (axe-core, WCAG 2.1 AA), readable at
320 px, working without JavaScript, making no third-party request, and immune to XSS."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from browser import axe_violations, serve_directory

from testsupport import REPO_ROOT, build_cli

PAGES = [
    "",
    "incidents/2026-09-23-checkout-payments-failing/",
    "incidents/2026-11-24-slow-checkout/",
    "components/checkout/",
    "history/",
    "history/2026-09/",
    "report/",
    "404.html",
    "subscribe/",
]

pytestmark = pytest.mark.browser


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
            f"incidents/{p.name}/"
            for p in sorted((out / "incidents").iterdir())
            if "-" in p.name  # not the redirects at API ids (they leave at once)
        ]
        for url in urls:
            page.goto(base + url)
            for link in page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                    href
                )
            assert page.evaluate("() => window.__xss") is None, url
            # The one script is the theme's own file (readers' own time zone): no other.
            scripts = page.locator("script").all()
            sources = [s.get_attribute("src") or "" for s in scripts]
            assert len(sources) == 1, url
            assert re.fullmatch(
                re.escape("../" * url.count("/")) + r"assets/local-time\.[0-9a-f]{10}\.js",
                sources[0],
            ), url
            assert all(s.inner_text() == "" for s in scripts), url
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


def test_a_window_in_progress_is_shown_as_such_without_anyone_posting(
    browser: Any, tmp_path: Path
) -> None:
    """The demo's network maintenance (28 Nov, 02:00 to 04:00 UTC) has only its
    announcement: built at 03:00, the page shows it under way by itself."""
    out = tmp_path / "inside"
    done = build_cli(REPO_ROOT, out, "--now", "2026-11-28T03:00:00Z")
    assert done.returncode == 0, done.stderr
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    with serve_directory(out) as base:
        page.goto(base)
        card = page.locator(".incident-card", has_text="Planned network maintenance")
        assert card.locator(".pill.u-in_progress").inner_text() == "In progress"
        assert card.is_visible()
        page.goto(base + "incidents/2026-11-28-network-maintenance/")
        update = page.locator(".update", has=page.locator(".automatic"))
        assert (
            update.locator(".automatic").inner_text()
            == "Posted automatically at the scheduled time."
        )
        assert update.locator(".pill").inner_text() == "In progress"
        facts = page.locator(".facts").inner_text()
        assert "Started" in facts and "Open for" in facts and "1 h" in facts
        assert axe_violations(page) == []
    context.close()


def test_an_incident_link_built_from_its_api_id_leads_to_its_page(
    browser: Any, demo_site: Path
) -> None:
    api_id = next(
        i["id"]
        for i in json.loads((demo_site / "api/v2/incidents.json").read_text())["incidents"]
        if i["name"] == "Scheduled data exports delayed"
    )
    page = browser.new_page()
    with serve_directory(demo_site) as base:
        for link in (f"incidents/{api_id}", f"incidents/{api_id}.html"):
            page.goto(base + link)
            page.wait_for_url("**/incidents/2026-10-25-data-export-delays/")
            assert page.locator("h1").inner_text() == "Scheduled data exports delayed"
        # Held on the redirect page itself (its target answers "204 No Content", so the
        # browser stays): accessible, canonical and with a visible link.
        page.route("**/2026-10-25-data-export-delays/", lambda route: route.fulfill(status=204))
        page.goto(base + f"incidents/{api_id}")
        page.wait_for_timeout(300)
        assert page.url.endswith(f"/incidents/{api_id}")
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        assert canonical == "https://status.acme.example/incidents/2026-10-25-data-export-delays/"
        link = page.get_by_role("link", name="Scheduled data exports delayed")
        assert link.get_attribute("href") == "../incidents/2026-10-25-data-export-delays/"
        assert axe_violations(page) == []
    page.close()


def _bars(page: Any) -> list[dict[str, Any]]:
    return list(
        page.evaluate(
            """() => [...document.querySelector('.bars').children]
                .filter(li => getComputedStyle(li).display !== 'none')
                .map(li => ({width: li.getBoundingClientRect().width,
                             background: getComputedStyle(li).backgroundColor}))"""
        )
    )


@pytest.mark.parametrize("width", [320, 375])
def test_a_phone_shows_the_last_30_days_in_bars_wide_enough_to_see(
    browser: Any, demo_site: Path, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    with serve_directory(demo_site) as base:
        page.goto(base)
        bars = _bars(page)
        assert len(bars) == 30 and min(b["width"] for b in bars) >= 6, bars[:3]
        legend = page.locator(".uptime-legend").first.inner_text()
        assert "30 days ago" in legend and "90 days ago" not in legend
    page.close()


def test_a_desktop_shows_all_90_days(browser: Any, demo_site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with serve_directory(demo_site) as base:
        page.goto(base)
        assert len(_bars(page)) == 90
        assert "90 days ago" in page.locator(".uptime-legend").first.inner_text()
    page.close()


def test_uptime_bars_keep_their_colours_in_forced_colors_mode(
    browser: Any, demo_site: Path
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    with serve_directory(demo_site) as base:
        page.goto(base)
        page.emulate_media(forced_colors="active")
        assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
        canvas = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        colours = {b["background"] for b in _bars(page)}
        # Green days and the coloured days of the incidents, none the page's own colour.
        assert canvas not in colours and len(colours) >= 2, (canvas, colours)
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_report_table_scrolls_by_keyboard_and_its_chart_text_stays_readable(
    browser: Any, demo_site: Path, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    with serve_directory(demo_site) as base:
        page.goto(base + "report/")
        region = page.get_by_role("region", name="Medians per month of incident start")
        wrap = region.element_handle()
        assert wrap is not None
        assert wrap.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than a phone
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('table-wrap')"):
                break
        else:
            raise AssertionError("the table never takes the keyboard focus")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.table-wrap').scrollLeft > 0")
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.chart-label, .chart-value')]
                .map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
        assert sizes and min(sizes) >= 12, sizes
        assert axe_violations(page) == []
    context.close()


def test_the_chart_and_the_table_write_the_same_values(browser: Any, demo_site: Path) -> None:
    page = browser.new_page()
    with serve_directory(demo_site) as base:
        page.goto(base + "report/")
        chart = page.locator("#chart-first-update .chart-value").all_inner_texts()
        rows = page.locator("tbody tr").all()[:-1]  # the months, newest first; not "All months"
        table = [row.locator("td").nth(1).inner_text() for row in rows]
        assert chart == list(reversed(table))
        kept = page.locator("#chart-promises .chart-value").all_inner_texts()
        assert kept == list(reversed([row.locator("td").nth(2).inner_text() for row in rows]))
    page.close()


def test_readers_see_times_in_their_own_zone_and_the_site_zone_without_javascript(
    browser: Any, demo_site: Path
) -> None:
    url = "incidents/2026-09-23-checkout-payments-failing/"
    with serve_directory(demo_site) as base:
        plain = browser.new_context(java_script_enabled=False, timezone_id="America/New_York")
        page = plain.new_page()
        page.goto(base + url)
        written = page.locator("main time").first.inner_text()
        assert "CEST" in written and "UTC" in written
        plain.close()

        reader = browser.new_context(timezone_id="America/New_York")
        page = reader.new_page()
        page.goto(base + url)
        first = page.locator("main time").first
        page.wait_for_function("() => document.querySelector('main time[data-zone]')")
        assert first.inner_text().endswith("(your time)") and "EDT" in first.inner_text()
        assert first.get_attribute("title") == written
        assert axe_violations(page) == []
        reader.close()

        local = browser.new_context(timezone_id="Europe/Berlin")  # the site's own zone
        page = local.new_page()
        page.goto(base + url)
        assert page.locator("main time").first.inner_text() == written
        local.close()


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
