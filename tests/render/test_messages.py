"""The message catalogue: every word the outputs add comes from it, and its msgids can be
extracted.

Pseudo-localisation proves the first: the demo site is rendered with a catalogue that
wraps every message as ``⟦…⟧``; then every visible text of every page, feed, calendar
and badge must be inside the brackets, or be the repository's own content (titles,
bodies, names), or be numbers and punctuation. An English word left as a literal in a
template or a renderer stands outside the brackets and fails the test.
"""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from statuspress import build, paths
from statuspress.load import load_site
from statuspress.markdown import render_markdown
from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Audience, ComponentStatus, StatusSite, UpdateStatus
from statuspress.templates import BUILTIN_TEMPLATES, make_environment
from statuspress.timefmt import cldr_locale, duration_words, language_name, local_and_utc
from testsupport import DEMO_NOW, REPO_ROOT

OPEN, CLOSE = "⟦", "⟧"
SOURCE = REPO_ROOT / "src" / "statuspress"
#: The names a msgid is looked up with, in Python and in templates.
LOOKUPS = {"gettext": 0, "_": 0, "ngettext": 0, "pgettext": 1, "npgettext": 1}
#: Attributes people read (tooltips, screen readers, search results).
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
LETTER = re.compile(r"[^\W\d_]")


class PseudoTranslations:
    """A language in which every message reads ``⟦message⟧``, placeholders kept."""

    def gettext(self, message: str, /) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return self.gettext(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str, /) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int, /) -> str:
        return self.ngettext(singular, plural, n)


PSEUDO = Catalogue(PseudoTranslations())


# -- the check -----------------------------------------------------------------------------


def untranslated(pieces: Iterable[str], content: Iterable[str]) -> list[str]:
    """The words of ``pieces`` (consecutive texts, in reading order) that stand outside
    every ``⟦…⟧`` and are not part of ``content`` (the repository's own text): what a
    translation would leave in English. Numbers and punctuation are never words."""
    known = sorted({c.strip() for c in content if c.strip()}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, known)) or "(?!)"
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    found = []
    depth = 0
    for piece in pieces:
        outside = []
        for char in piece:
            if char == OPEN:
                depth += 1
            elif char == CLOSE:
                depth -= 1
            elif depth == 0:
                outside.append(char)
        rest = "".join(outside)
        if LETTER.search(rest):
            rest = pattern.sub(" ", rest)
        if LETTER.search(rest):
            found.append(" ".join(rest.split()))
    assert depth == 0, "unbalanced ⟦…⟧"
    return found


def reading_order(node: lxml.html.HtmlElement) -> Iterator[str]:
    """Text nodes under ``node`` in reading order: its text, each child's, each tail."""
    if isinstance(node.tag, str) and node.tag not in ("script", "style") and node.text:
        yield node.text
    for child in node:
        yield from reading_order(child)
        if child.tail:
            yield child.tail


def page_findings(data: bytes, content: Iterable[str]) -> list[str]:
    """Untranslated words of an HTML page: its text and the attributes people read."""
    document = lxml.html.document_fromstring(data.decode("utf-8"))
    known = list(content)
    found = untranslated(reading_order(document), known)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        values = [element.get(name) for name in READ_ATTRIBUTES]
        if element.tag == "meta" and element.get("name") == "description":
            values.append(element.get("content"))
        for value in values:
            if value:
                found += [f"{element.tag}@: {w}" for w in untranslated([value], known)]
    return found


def content_of(site: StatusSite) -> list[str]:
    """The repository's own text, as written and as its Markdown renders (text nodes)."""
    settings = site.settings
    texts = [settings.title, settings.description or ""]
    texts += [s.label for s in settings.severities]
    markdown: list[str] = []
    for component in site.components:
        texts += [component.id, component.name, component.group or ""]
        markdown.append(component.description)
    for incident in site.incidents:
        texts += [incident.id, incident.title]
        markdown += [incident.summary, incident.postmortem or ""]
        for update in incident.updates:
            markdown += [update.body, update.erratum or "", update.internal or ""]
    for text in markdown:
        texts.append(text)
        if text.strip():
            fragment = lxml.html.fragment_fromstring(render_markdown(text), create_parent="div")
            texts += list(reading_order(fragment))
    return texts


# -- the pseudo-localised demo site --------------------------------------------------------


@pytest.fixture(scope="module", params=[Audience.PUBLIC, Audience.INTERNAL], ids=str)
def pseudo_site(request: pytest.FixtureRequest) -> tuple[dict[str, bytes], list[str]]:
    """The demo site rendered with the pseudo catalogue, and its content's text."""
    loaded = load_site(REPO_ROOT)
    assert not [d for d in loaded.diagnostics if d.is_error]
    site = loaded.site
    context = build.derive(site, DEMO_NOW, request.param, site.settings.base_url, REPO_ROOT)
    files = build.render(replace(context, messages=PSEUDO))
    # The other languages' pages speak their real catalogues (tests/render/test_languages.py).
    others = tuple(f"{language}/" for language in site.settings.extra_languages)
    return {path: bytes(data) for path, data in files.items() if not path.startswith(others)}, [
        *content_of(context.site),
        *cldr_words(PSEUDO.language),
        *(language_name(language) for language in site.settings.site_languages),
    ]


def cldr_words(language: str) -> list[str]:
    """The words dates are written with in ``language``: CLDR's, not the catalogue's."""
    months = cldr_locale(language).months["format"]
    return [*months["wide"].values(), *months["abbreviated"].values()]


def test_every_word_of_every_page_comes_from_the_catalogue(
    pseudo_site: tuple[dict[str, bytes], list[str]],
) -> None:
    files, content = pseudo_site
    pages = [p for p in files if p.endswith(".html")]
    assert paths.REPORT_PAGE in pages and paths.NOT_FOUND in pages
    assert len(pages) > 10
    found = {page: page_findings(files[page], content) for page in pages}
    assert {page: words for page, words in found.items() if words} == {}


def test_the_pseudo_catalogue_reaches_every_page(
    pseudo_site: tuple[dict[str, bytes], list[str]],
) -> None:
    """Guards the test above, which a page with no words at all would pass: each page
    has the catalogue's words in it."""
    files, _ = pseudo_site
    for page in (p for p in files if p.endswith(".html")):
        # The page at an incident's API id has no navigation, but its one sentence.
        word = "Subscribe" if b'http-equiv="refresh"' not in files[page] else "This incident"
        assert f"{OPEN}{word}".encode() in files[page], page


def test_feed_titles_and_items_come_from_the_catalogue(
    pseudo_site: tuple[dict[str, bytes], list[str]],
) -> None:
    files, content = pseudo_site
    feeds = [p for p in files if p.endswith((".atom", ".rss", ".xml")) and "feed" in p]
    assert paths.FEED_ATOM in feeds and paths.FEED_RSS in feeds
    read = {"title", "subtitle", "description", "content", "summary"}
    found = []
    for feed in feeds:
        for element in lxml.etree.fromstring(files[feed]).iter():
            name = lxml.etree.QName(element).localname if isinstance(element.tag, str) else ""
            if name not in read or not element.text:
                continue
            if name in ("content", "description") and "<" in element.text:
                document = lxml.html.fragment_fromstring(element.text, create_parent="div")
                pieces = list(reading_order(document))
            else:
                pieces = [element.text]
            found += [f"{feed} {name}: {w}" for w in untranslated(pieces, content)]
    assert found == []
    assert f"{OPEN}Next update by".encode() in files[paths.FEED_ATOM]


def calendar_values(data: bytes, names: set[str]) -> Iterator[tuple[str, str]]:
    """(property, unescaped value) of the calendar's ``names`` properties."""
    text = data.decode("utf-8").replace("\r\n ", "")
    for line in text.split("\r\n"):
        name, _, value = line.partition(":")
        if name in names:
            value = re.sub(r"\\([\\;,])", r"\1", value.replace("\\n", "\n"))
            yield name, value


def test_calendar_names_and_descriptions_come_from_the_catalogue(
    pseudo_site: tuple[dict[str, bytes], list[str]],
) -> None:
    files, content = pseudo_site
    values = list(
        calendar_values(files[paths.MAINTENANCE_ICS], {"X-WR-CALNAME", "SUMMARY", "DESCRIPTION"})
    )
    assert any(name == "DESCRIPTION" and f"{OPEN}Affects:" in v for name, v in values)
    found = []
    for name, value in values:
        without_urls = re.sub(r"https?://\S+", " ", value)
        # A description is content written as Markdown: its lines are content.
        lines = without_urls.split("\n")
        found += [f"{name}: {w}" for w in untranslated(lines, [*content, *content_lines(content)])]
    assert found == []


def content_lines(content: Iterable[str]) -> Iterator[str]:
    for text in content:
        yield from text.split("\n")


def test_the_badge_speaks_the_catalogue(pseudo_site: tuple[dict[str, bytes], list[str]]) -> None:
    files, content = pseudo_site
    endpoint = json.loads(files[paths.BADGE_JSON])
    assert untranslated([endpoint["label"], endpoint["message"]], content) == []
    svg = lxml.etree.fromstring(files[paths.BADGE_SVG])
    texts = [t for t in svg.itertext() if t.strip()]
    assert texts and untranslated(texts, content) == []


def test_the_statuspage_api_keeps_its_english_machine_values(
    pseudo_site: tuple[dict[str, bytes], list[str]],
) -> None:
    files, _ = pseudo_site
    for path in ("api/v2/summary.json", "api/v2/status.json", "api/statuspress.json"):
        if path in files:
            assert OPEN.encode() not in files[path], path
    summary = json.loads(files["api/v2/summary.json"])
    assert summary["status"]["description"] in {
        "All Systems Operational",
        "Minor Service Outage",
        "Partial System Outage",
        "Major System Outage",
        "Service Under Maintenance",
    }


# -- the check itself can fail -------------------------------------------------------------


def test_the_check_finds_a_word_left_in_english() -> None:
    page = "<html><body><p>⟦Next update by <time>⟦24 ⟦Nov⟧ 2026⟧</time>⟧</p><p>Subscribe</p>"
    assert page_findings(page.encode(), []) == ["Subscribe"]
    assert untranslated(["⟦Affects: API⟧ JSON API"], ["API"]) == ["JSON"]
    assert untranslated(["Acme Status · ⟦History⟧ (3)"], ["Acme Status"]) == []
    tooltip = '<html><body><li title="23 Sep: no data"></li></body></html>'
    assert page_findings(tooltip.encode(), []) == ["li@: 23 Sep: no data"]


def test_a_template_override_says_its_words_through_the_catalogue(tmp_path: Path) -> None:
    overrides = tmp_path / "site_templates"
    overrides.mkdir()
    (overrides / "index.html").write_text(
        '{% extends "default:index.html" %}{% block content %}'
        '<p>{{ _("Components") }}, {% trans n=2 %}{{ n }} things{% endtrans %}</p>'
        "{% endblock %}",
        encoding="utf-8",
    )
    template = make_environment(tmp_path, PSEUDO).get_template("index.html")
    rendered = "".join(template.blocks["content"](template.new_context({})))
    assert rendered == "<p>⟦Components⟧, ⟦2 things⟧</p>"


def test_english_is_the_identity() -> None:
    assert ENGLISH.gettext("Major outage") == "Major outage"
    assert ENGLISH.ngettext("%(count)s day", "%(count)s days", 1) == "%(count)s day"
    assert ENGLISH.ngettext("%(count)s day", "%(count)s days", 2) == "%(count)s days"
    assert ENGLISH.pgettext("abbreviated month", "May") == "May"
    assert ComponentStatus.MAJOR_OUTAGE.label == "Major outage"
    assert UpdateStatus.IN_PROGRESS.describe(PSEUDO) == "⟦In progress⟧"
    assert duration_words(timedelta(hours=1, minutes=5)) == "1 h 05 min"
    assert duration_words(timedelta(hours=1, minutes=5), PSEUDO) == "⟦1 h 05 min⟧"
    moment = DEMO_NOW.replace(hour=13, minute=5)
    assert local_and_utc(moment, "Europe/Berlin") == "24 Nov 2026, 14:05 CET (13:05 UTC)"
    assert local_and_utc(moment.replace(month=9, day=3), "UTC") == "3 Sept 2026, 13:05 UTC"


# -- extraction ----------------------------------------------------------------------------


#: How many of a lookup's first arguments are its context and msgid(s).
TEXT_ARGUMENTS = {"gettext": 1, "_": 1, "ngettext": 2, "pgettext": 2, "npgettext": 3}
Lookup = tuple[str, int, str, tuple[str | None, ...]]


def lookups_in(source: str, name: str) -> Iterator[Lookup]:
    """(file, line, function, text arguments) of every catalogue lookup in Python
    ``source``; an argument that is not a string literal is None."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        function = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if function not in TEXT_ARGUMENTS:
            continue
        args = node.args[: TEXT_ARGUMENTS[function]]
        texts = tuple(
            a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
            for a in args
        )
        yield name, node.lineno, function, texts


def python_lookups() -> Iterator[Lookup]:
    """Every lookup in the package (messages.py, which implements them, and templates.py,
    which hands the templates' lookups to the catalogue, aside)."""
    for path in sorted(SOURCE.rglob("*.py")):
        if path in (SOURCE / "messages.py", SOURCE / "templates.py"):
            continue
        rel = path.relative_to(REPO_ROOT).as_posix()
        yield from lookups_in(path.read_text(encoding="utf-8"), rel)


def template_lookups() -> Iterator[Lookup]:
    """Every lookup in the built-in theme, as Jinja's extractor sees it (``{% trans %}``
    blocks included)."""
    env = make_environment(REPO_ROOT)
    for path in sorted(BUILTIN_TEMPLATES.glob("*.html")):
        source = path.read_text(encoding="utf-8")
        for line, function, message in env.extract_translations(source):  # type: ignore[attr-defined]
            args = message if isinstance(message, tuple) else (message,)
            yield path.name, line, function, tuple(args[: TEXT_ARGUMENTS[function]])


def not_extractable(lookups: Iterable[Lookup]) -> list[str]:
    """The lookups whose context or msgid is not a literal (an extractor cannot list it)."""
    return [
        f"{file}:{line} {function}"
        for file, line, function, texts in lookups
        if len(texts) < TEXT_ARGUMENTS[function] or None in texts
    ]


def all_msgids() -> set[tuple[str | None, str]]:
    """(context, msgid) of every message, plural forms included: what an extraction of
    the catalogue would list."""
    found: set[tuple[str | None, str]] = set()
    for _, _, function, texts in [*python_lookups(), *template_lookups()]:
        strings = [t for t in texts if t is not None]
        context = strings.pop(0) if function in ("pgettext", "npgettext") else None
        found.update((context, s) for s in strings)
    return found


def test_every_python_msgid_is_a_literal_string() -> None:
    lookups = list(python_lookups())
    assert len(lookups) > 60
    assert not_extractable(lookups) == []


def test_every_template_msgid_is_a_literal_string() -> None:
    lookups = list(template_lookups())
    assert len(lookups) > 40
    assert not_extractable(lookups) == []


def test_a_msgid_that_is_not_a_literal_is_found() -> None:
    source = 'm.gettext(f"Hi {x}")\n_("fine")\nm.pgettext(ctx, "a")\nngettext("a", "b", n)\n'
    assert not_extractable(lookups_in(source, "x.py")) == ["x.py:1 gettext", "x.py:3 pgettext"]


def normalised(msgid: str) -> str:
    """A msgid without case, markup, placeholders' names or punctuation."""
    text = re.sub(r"<[^>]*>", "", msgid)
    return re.sub(r"[\W_]+", "", text).casefold()


#: Near-duplicates that are meant (say why when adding one).
INTENDED_NEAR_DUPLICATES: set[frozenset[str]] = {
    # The badge's left label is lower case, as badges write it; the pull-request summary's
    # "Status" heads a row of a table.
    frozenset({"status", "Status"}),
}


def test_no_two_msgids_differ_only_in_case_or_punctuation() -> None:
    assert normalised("Next update by %(time)s") == normalised("next update by %(time)s.")
    assert normalised("Updates") != normalised("Update")
    groups: dict[str, set[str]] = defaultdict(set)
    for _, msgid in all_msgids():
        groups[normalised(msgid)].add(msgid)
    near = [ids for ids in groups.values() if len(ids) > 1]
    assert [ids for ids in near if frozenset(ids) not in INTENDED_NEAR_DUPLICATES] == []


def test_the_catalogue_lists_every_message() -> None:
    msgids = all_msgids()
    assert len(msgids) > 100
    for expected in (
        (None, "Major outage"),
        (None, "All Systems Operational"),
        ("incident fact", "Started"),
        ("incident fact", "Resolved"),
        (None, "Next update by %(time)s"),
        (None, "%(count)s days ago"),
    ):
        assert expected in msgids
    # Every msgid formats with named placeholders only (gettext style, reorderable).
    for _, msgid in msgids:
        assert not re.search(r"%[^(%]", msgid), msgid


def test_a_template_label_is_formatted_like_any_message(tmp_path: Path) -> None:
    """Looked up once per environment, a label still reads "%%" as "%" and escapes what
    fills a placeholder, as Jinja's newstyle gettext does."""
    (tmp_path / "site_templates").mkdir()
    (tmp_path / "site_templates" / "t.html").write_text(
        '{{ _("50%% done") }}|{{ _("50%% done") }}|{{ _("Hi %(name)s", name="<b>") }}|'
        "{% trans n=2 %}{{ n }} day{% pluralize %}{{ n }} days{% endtrans %}|"
        '{{ pgettext("month", "May") }}|{{ "2026-11-24T12:00:00Z" | time_tag("<noon>") }}'
    )
    env = make_environment(tmp_path)
    assert env.get_template("t.html").render() == (
        "50% done|50% done|Hi &lt;b&gt;|2 days|May|"
        '<time datetime="2026-11-24T12:00:00Z">&lt;noon&gt;</time>'
    )
