"""What every page carries besides its content (favicon, link previews, the reader's
time zone), the pages at incidents' API ids, Statuspage's feed paths, and the uptime
days in words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from statuspress.messages import catalogue_for
from testsupport import build_cli


def pages(site: Path) -> list[Path]:
    """Every page a reader stays on (not the small pages at API ids, which leave at once:
    their own test is below)."""
    return sorted(p for p in site.rglob("*.html") if b'http-equiv="refresh"' not in p.read_bytes())


def asset(site: Path, stem: str, suffix: str) -> str:
    """The published (content-hashed) path of a theme asset, such as
    ``assets/favicon.<hash>.svg``."""
    (path,) = (site / "assets").glob(f"{stem}.*{suffix}")
    return path.relative_to(site).as_posix()


def test_every_page_links_the_favicon_and_has_link_preview_metadata(demo_site: Path) -> None:
    favicon, social = asset(demo_site, "favicon", ".svg"), asset(demo_site, "social", ".png")
    assert (demo_site / favicon).read_bytes().startswith(b"<svg")
    assert (demo_site / social).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for path in pages(demo_site):
        doc = lxml.html.fromstring(path.read_bytes())
        meta = {(m.get("property") or m.get("name")): m.get("content") for m in doc.iter("meta")}
        title = doc.findtext(".//title")
        where = path.relative_to(demo_site)
        assert meta["og:title"] == title and meta["twitter:title"] == title, where
        assert meta["og:description"] == meta["description"], where
        assert meta["og:image"] == f"https://status.acme.example/{social}", where
        assert meta["twitter:card"] == "summary_large_image", where
        assert meta["og:url"] == doc.find(".//link[@rel='canonical']").get("href"), where
        icon = doc.find(".//link[@rel='icon']")
        assert icon is not None and icon.get("href").endswith(favicon), where
        href = icon.get("href")
        # 404.html is served at any depth: its links start at the site's path.
        base = demo_site if href.startswith("/") else path.parent
        target = (base / href.lstrip("/")).resolve()
        assert target == (demo_site / favicon).resolve(), where


def test_the_preview_image_follows_the_base_url(tmp_path: Path, demo_root: Path) -> None:
    out = tmp_path / "site"
    assert build_cli(demo_root, out, "--base-url", "https://example.com/status/").returncode == 0
    html = (out / "index.html").read_text()
    social = asset(out, "social", ".png")
    assert f'<meta property="og:image" content="https://example.com/status/{social}">' in html


def test_each_incident_has_a_page_at_its_api_id_that_sends_readers_on(demo_site: Path) -> None:
    incidents = json.loads((demo_site / "api/v2/incidents.json").read_text())["incidents"]
    assert incidents
    for incident in incidents:
        folder = incident["shortlink"].rstrip("/").rsplit("/", 1)[1]
        page = demo_site / "incidents" / f"{incident['id']}.html"
        assert not (demo_site / "incidents" / incident["id"]).exists()  # no folder each
        doc = lxml.html.fromstring(page.read_bytes())
        refresh = doc.find(".//meta[@http-equiv='refresh']").get("content")
        assert refresh == f"0; url=../incidents/{folder}/"
        assert doc.find(".//link[@rel='canonical']").get("href") == incident["shortlink"]
        assert doc.find(".//meta[@name='robots']").get("content") == "noindex"
        link = doc.find(".//main//a")
        assert link.get("href") == f"../incidents/{folder}/" and link.text == incident["name"]
    sitemap = (demo_site / "sitemap.xml").read_text()
    assert not any(f"/incidents/{i['id']}" in sitemap for i in incidents)


def test_statuspage_feed_paths_serve_the_site_feeds(demo_site: Path) -> None:
    assert (demo_site / "history.rss").read_bytes() == (demo_site / "feed.rss").read_bytes()
    assert (demo_site / "history.atom").read_bytes() == (demo_site / "feed.atom").read_bytes()


def test_the_reader_zone_script_is_a_file_and_pages_name_the_site_zone(demo_site: Path) -> None:
    for path in pages(demo_site):
        doc = lxml.html.fromstring(path.read_bytes())
        scripts = doc.findall(".//script")
        script = asset(demo_site, "local-time", ".js").rsplit("/", 1)[-1]
        assert [s.get("src", "").rsplit("/", 1)[-1] for s in scripts] == [script]
        assert all(not (s.text or "").strip() for s in scripts)
        assert doc.get("data-time-zone") == "Europe/Berlin"
        # The label the script fills in, in the page's own language ("de" pages: German).
        label = catalogue_for(doc.get("lang")).gettext("%(time)s (your time)")
        assert doc.get("data-local-time") == label
        assert label.startswith("%(time)s ")


DAY = {
    "statuspress.yaml": "title: Example\ntimezone: UTC\nrules:\n  language: off\n",
    "components/api.md": "---\nname: API\n---\n",
    "incidents/2026-11-20-api/incident.md": (
        "---\ntitle: API errors\nseverity: sev2\nstarted: 2026-11-20T09:00:00Z\n"
        "components:\n  api: major_outage\n---\n"
    ),
    "incidents/2026-11-20-api/a.md": (
        "---\nat: 2026-11-20T09:05:00Z\nstatus: identified\nnext_update: 2026-11-20T10:00:00Z\n"
        "---\nRequests fail. Next update by 10:00 UTC.\n"
    ),
    "incidents/2026-11-20-api/b.md": (
        "---\nat: 2026-11-20T10:00:00Z\nstatus: monitoring\nnext_update: 2026-11-20T11:00:00Z\n"
        "components:\n  api: degraded_performance\n---\nMost requests work. Next update by 11:00 UTC.\n"
    ),
    "incidents/2026-11-20-api/c.md": (
        "---\nat: 2026-11-20T10:25:00Z\nstatus: resolved\n---\nRequests work again.\n"
    ),
}


@pytest.fixture(scope="module")
def day_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("day")
    for rel, text in DAY.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    out = root.parent / "day-site"
    done = build_cli(root, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_a_day_with_two_statuses_says_how_long_each_lasted(day_site: Path) -> None:
    html = (day_site / "index.html").read_text()
    said = "20 Nov 2026: major outage for 1 h, degraded performance for 25 min"
    assert f'title="{said}"' in html  # the bar's cell
    assert re.search(re.escape(said) + r":\s*<a href=", html)  # the list of days


def test_a_component_page_links_its_own_feeds(demo_site: Path) -> None:
    page = demo_site / "components" / "checkout" / "index.html"
    doc = lxml.html.fromstring(page.read_bytes())
    links = {a.text: a.get("href") for a in doc.findall(".//main//p[@class='component-feeds']/a")}
    assert links == {"Atom feed": "feed.atom", "RSS feed": "feed.rss"}
    for href in links.values():
        assert (page.parent / href).is_file()
