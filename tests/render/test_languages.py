"""The site in several languages: the bilingual demo's German pages, feeds and calendar
under /de/, byte for byte (golden files) and the same bytes under any time zone or locale;
translations beside their updates are never read as updates."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import lxml.html
import pytest

from statuspress.layout import is_update_file, translation_of
from testsupport import REPO_ROOT, build_cli, digest

GOLDEN = REPO_ROOT / "tests" / "golden" / "bilingual"
SLOW = "incidents/2026-11-24-slow-checkout/"  # translated completely
PAYMENTS = "incidents/2026-09-23-checkout-payments-failing/"  # translated partly
FILES = [
    "index.html",
    "de/index.html",
    f"de/{SLOW}index.html",
    f"de/{PAYMENTS}index.html",
    "de/history/index.html",
    "de/feed.atom",
    "de/maintenance.ics",
]


@pytest.mark.parametrize("name", FILES)
def test_the_bilingual_demo_matches_its_golden_files(
    demo_site: Path, name: str, update_golden: bool
) -> None:
    expected = GOLDEN / name
    actual = (demo_site / name).read_bytes()
    if update_golden:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual)
    assert actual == expected.read_bytes(), f"{name} changed; review and run --update-golden"


def _page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((site / path).read_text(encoding="utf-8"))


def _pages(site: Path) -> list[str]:
    """Every page of the site but the redirects at API ids (which leave at once, and
    exist at the root only)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if b'http-equiv="refresh"' not in p.read_bytes()
    )


def test_every_page_says_its_language_and_links_its_other_language(demo_site: Path) -> None:
    pages = _pages(demo_site)
    german = [p for p in pages if p.startswith("de/")]
    english = [p for p in pages if not p.startswith("de/")]
    assert len(german) == len(english) > 10
    for path in pages:
        document = _page(demo_site, path)
        language = "de" if path.startswith("de/") else "en"
        assert document.get("lang") == language, path
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in document.iter("link")
            if link.get("hreflang")
        }
        plain = path.removeprefix("de/").removesuffix("index.html")
        assert alternates == {
            "en": f"https://status.acme.example/{plain}",
            "de": f"https://status.acme.example/de/{plain}",
        }, path
        switch = document.xpath('//nav[@class="languages"]//a')
        assert [a.get("hreflang") for a in switch] == ["de" if language == "en" else "en"]
        target = (demo_site / path).parent / switch[0].get("href") / "index.html"
        assert target.resolve().is_file(), path


def test_a_translated_incident_reads_in_german_and_an_untranslated_update_says_so(
    demo_site: Path,
) -> None:
    slow = _page(demo_site, f"de/{SLOW}index.html")
    assert slow.xpath("//h1")[0].text_content() == "Langsamer Checkout für einige Kunden"
    assert "Wir haben die Ursache" in slow.text_content()
    assert not slow.xpath('//p[@class="untranslated"]')
    payments = _page(demo_site, f"de/{PAYMENTS}index.html")
    assert payments.xpath("//h1")[0].text_content() == "Zahlungen im Checkout schlagen fehl"
    assert "Die meisten Kartenzahlungen im Checkout" in payments.text_content()
    untranslated = payments.xpath('//div[@class="prose" and @lang="en"]')
    assert len(untranslated) == 3 and len(payments.xpath('//p[@class="untranslated"]')) == 3
    # Resolved: no promise of a next update is shown any more.
    assert "Nächste Meldung bis" not in payments.text_content()
    assert "Nächste Meldung bis" in slow.text_content()
    # An incident without a German title keeps its English one, marked as English.
    history = _page(demo_site, "de/history/2026-11/index.html")
    titles = {a.text_content(): a.get("lang") for a in history.xpath("//h3/a")}
    assert titles["API and dashboard unavailable for most customers"] == "en"
    assert titles["Langsamer Checkout für einige Kunden"] is None


def test_each_language_has_its_own_feeds_and_the_api_stays_in_the_default_language(
    demo_site: Path,
) -> None:
    feed = feedparser.parse((demo_site / "de/feed.atom").read_bytes())
    assert not feed.bozo
    assert any(e.title.startswith("Langsamer Checkout") for e in feed.entries)
    english = feedparser.parse((demo_site / "feed.atom").read_bytes())
    assert not any("Langsamer" in e.title for e in english.entries)
    assert "X-WR-CALNAME:Acme Cloud Status: Wartungen" in (
        demo_site / "de/maintenance.ics"
    ).read_text(encoding="utf-8")
    summary = (demo_site / "api/v2/incidents.json").read_text(encoding="utf-8")
    assert "Langsamer" not in summary and "Slow checkout" in summary
    assert not (demo_site / "de/api").exists()
    assert json.loads(summary)["incidents"]


def test_the_build_is_the_same_bytes_in_any_time_zone_and_locale(tmp_path: Path) -> None:
    environments = [
        {"TZ": "UTC", "LC_ALL": "C", "LANG": "C"},
        {"TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"},
        {"TZ": "America/Los_Angeles", "LC_ALL": "ja_JP.UTF-8", "LANGUAGE": "fr"},
    ]
    digests = []
    for number, env in enumerate(environments):
        out = tmp_path / f"site{number}"
        done = build_cli(REPO_ROOT, out, env=env)
        assert done.returncode == 0, done.stderr
        digests.append(digest(out))
    assert digests[0] == digests[1] == digests[2]
    assert any(path.startswith("de/") for path in digests[0])


def test_a_translation_file_is_not_an_update() -> None:
    assert translation_of("20261124T1120Z-investigating.de.md") == (
        "20261124T1120Z-investigating.md",
        "de",
    )
    assert translation_of("incident.pt-BR.md") == ("incident.md", "pt-BR")
    assert translation_of("20261124T1120Z-investigating.md") is None
    assert not is_update_file("incidents/x/20261124T1120Z-investigating.de.md")
    assert is_update_file("incidents/x/20261124T1120Z-investigating.md")


def test_statuspress_json_carries_the_translations(demo_site: Path) -> None:
    document = json.loads((demo_site / "api/statuspress.json").read_text(encoding="utf-8"))
    assert document["site"]["languages"] == ["en", "de"]
    slow = next(i for i in document["incidents"] if i["id"] == SLOW.split("/")[1])
    assert slow["title"] == "Slow checkout for some customers"
    assert slow["translations"] == {
        "de": {"title": "Langsamer Checkout für einige Kunden", "summary": None, "current": True}
    }
    assert all(u["translations"]["de"]["current"] for u in slow["updates"])
    payments = next(i for i in document["incidents"] if i["id"] == PAYMENTS.split("/")[1])
    assert [sorted(u["translations"]) for u in payments["updates"]] == [[], [], [], ["de"]]


def test_the_sitemap_lists_every_page_in_every_language(demo_site: Path) -> None:
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    pages = _pages(demo_site)
    # (The report page is not in the sitemap in any language: it was not before either.)
    pages = [p for p in pages if not p.endswith("report/index.html")]
    for page in pages:
        url = "https://status.acme.example/" + page.removesuffix("index.html")
        assert f"<loc>{url}</loc>" in sitemap, page
    assert sitemap.count("<loc>") == len(pages)


def test_a_site_in_one_language_gets_nothing_new(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = build_cli(REPO_ROOT / "tests" / "golden" / "repo", out)
    assert done.returncode == 0, done.stderr
    pages = list(out.rglob("*.html"))
    assert pages and not any(b"hreflang" in p.read_bytes() for p in pages)
    assert not any(b'class="languages"' in p.read_bytes() for p in pages)
    document = json.loads((out / "api/statuspress.json").read_text(encoding="utf-8"))
    assert "languages" not in document["site"]
    assert all("translations" not in i for i in document["incidents"])
