"""The pull-request job summary: the customer's view of a change (`check --base REF
--summary FILE`), so the reviewer approves what customers will get.

The summary is a list of sections, each made by its own function from one ``Review``:
the verdict, the page's headline before → after, one section per incident or maintenance
the change touches (``summary_cards``), the pages that change in the preview, and the
findings about other files. A section that does not fit GitHub's limit is left out with
a note, never cut in the middle. It speaks the site's (default) language: every word from
the message catalogue (the findings' own messages, like the command line's, are English).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from statuspress import paths
from statuspress.build import render_site
from statuspress.commands.review import Review, incident_folder, prepare_review
from statuspress.commands.summary_cards import Cards, findings_list
from statuspress.diagnostics import Diagnostic
from statuspress.errors import ContentError
from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import ComponentStatus, StatusSite
from statuspress.timeline import indicator_label

__all__ = ["SUMMARY_LIMIT", "append_summary", "pr_summary", "summary_sections"]

#: GitHub accepts at most 1 MiB of summary per step; the rest is kept for what other steps add.
SUMMARY_LIMIT = 1_000_000
#: The name the status-check workflow gives the preview it uploads.
PREVIEW_ARTIFACT = "status-site-preview"

Section = Callable[[Review], str]


def nothing_touched(messages: Catalogue) -> str:
    """The section in place of the incidents when the change touches none."""
    return messages.gettext("No incident or maintenance is added or changed.") + "\n"


def pr_summary(
    root: Path,
    site: StatusSite,
    base: str,
    diagnostics: tuple[Diagnostic, ...],
    now: datetime,
) -> str:
    """The Markdown summary of the change of ``root`` against ``base``: the review, then
    the messages each notification channel would send, fitted together in GitHub's limit."""
    review = prepare_review(root, site, base, diagnostics, now)
    return fit([*summary_sections(review), notifications(review)], messages=review.messages)


def append_summary(
    path: Path,
    root: Path,
    site: StatusSite,
    base: str,
    diagnostics: tuple[Diagnostic, ...],
    now: datetime,
) -> None:
    """Add the summary to the end of the file at ``path`` (GitHub's step summary collects
    what every command of a step appends); made whole before the file is opened."""
    summary = pr_summary(root, site, base, diagnostics, now)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(summary)


def notifications(review: Review) -> str:
    """The messages each notification channel would send once the change is merged, as
    they will read (empty when statuspress.yaml configures no channel): the last section,
    whole or left out like the others."""
    from statuspress.notify.preview import preview_markdown

    lines = preview_markdown(review.root, review.after, review.changed, review.now, review.messages)
    return "\n".join(lines) + "\n" if lines else ""


def summary_sections(review: Review) -> list[str]:
    """Every section of the summary, in reading order."""
    cards = Cards(review)
    incidents = [block for i in review.touched for block in cards.section(i)]
    return [
        verdict(review),
        headline(review),
        *(incidents or [nothing_touched(review.messages)]),
        changed_pages(review),
        other_findings(review),
    ]


def fit(sections: list[str], limit: int = SUMMARY_LIMIT, messages: Catalogue = ENGLISH) -> str:
    """The sections that fit in ``limit`` bytes, each whole or left out, in their order,
    and a note saying how many were left out."""
    # Translators: at the end of the pull-request summary when it was too long for GitHub.
    said = messages.gettext(
        "%(count)s part(s) of this review did not fit in GitHub's summary limit; the job log "
        "lists every finding, and the preview shows every page."
    )
    note = "> [!NOTE]\n> " + said.replace("%(count)s", "{}") + "\n"
    room = limit - len(note.encode()) - 20
    kept, size, left_out = [], 0, 0
    for section in (s.strip("\n") for s in sections):
        if not section:
            continue
        length = len(section.encode()) + 2  # and the blank line between sections
        if size + length > room:
            left_out += 1
            continue
        kept.append(section)
        size += length
    if left_out:
        kept.append(note.format(left_out).strip("\n"))
    return "\n\n".join(kept) + "\n"


# -- the sections ----------------------------------------------------------------------


def verdict(review: Review) -> str:
    messages = review.messages
    errors = sum(1 for d in review.diagnostics if d.is_error)
    warnings = len(review.diagnostics) - errors
    # Translators: the heading of the pull-request summary (GitHub's job summary).
    lines = ["## " + messages.gettext("Status page review"), ""]
    problems = messages.ngettext(
        "%(count)s problem must be fixed", "%(count)s problems must be fixed", errors
    ) % {"count": errors}
    points = messages.ngettext(
        "%(count)s point needs a second look", "%(count)s points need a second look", warnings
    ) % {"count": warnings}
    if errors and warnings:
        said = messages.gettext("**%(problems)s** before this can be merged, and %(points)s.")
        lines.append("❌ " + said % {"problems": problems, "points": points})
    elif errors:
        said = messages.gettext("**%(problems)s** before this can be merged.")
        lines.append("❌ " + said % {"problems": problems})
    elif warnings:
        said = messages.gettext("No blocking problem; %(points)s.")
        lines.append("⚠️ " + said % {"points": points})
    else:
        lines.append("✅ " + messages.gettext("No problems found."))
    lines += [
        "",
        messages.gettext(
            "Below is what customers will read once this is merged; every finding is shown "
            "next to the text it is about."
        ),
        "",
    ]
    return "\n".join(lines) + "\n"


def headline(review: Review) -> str:
    messages = review.messages
    before, after = review.headline(review.before), review.headline(review.after)
    was, will = indicator_label(before, messages), indicator_label(after, messages)
    lines = ["### " + messages.gettext("The page's headline"), ""]
    if before == after:
        lines.append(messages.gettext("Stays **%(headline)s**.") % {"headline": will})
    else:
        said = messages.gettext("Changes from **%(was)s** to **%(will)s**.")
        lines.append(said % {"was": was, "will": will})
    lines.append("")
    lines += _component_changes(review)
    return "\n".join(lines) + "\n"


def _component_changes(review: Review) -> list[str]:
    from statuspress.audience import public_view
    from statuspress.timeline import build_timeline

    messages = review.messages
    views = [public_view(site) for site in (review.before, review.after)]
    now = [build_timeline(v, review.now).current for v in views]
    names = {c.id: c.name for v in views for c in v.components}
    ok = ComponentStatus.OPERATIONAL
    rows = [
        (names[key], now[0].get(key, ok), now[1].get(key, ok))
        for key in sorted(names, key=lambda k: names[k])
        if now[0].get(key, ok) is not now[1].get(key, ok)
    ]
    if not rows:
        return []
    # Translators: the columns of the summary's table of components whose status changes.
    head = [
        messages.gettext("Component"),
        messages.gettext("Now"),
        messages.gettext("After this change"),
    ]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    lines += [
        f"| {name} | {old.describe(messages)} | **{new.describe(messages)}** |"
        for name, old, new in rows
    ]
    return [*lines, ""]


def changed_pages(review: Review) -> str:
    """The pages of the built site that this change alters, as named in the preview."""
    messages = review.messages
    lines = ["### " + messages.gettext("Pages this changes"), ""]
    try:
        before = render_site(review.before, review.now, root=review.root)
        after = render_site(review.after, review.now, root=review.root)
    except ContentError as exc:  # the repository's templates are broken
        found = "; ".join(f"{d.path}:{d.line}: {d.message}" for d in exc.diagnostics[:3])
        said = messages.gettext("The site cannot be built to compare: %(error)s (%(where)s).")
        return "\n".join([*lines, said % {"error": exc, "where": found}, ""])
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    # Not the pages at API ids (incidents/<id>.html): they only send readers on.
    pages = [p for p in changed if p.endswith("index.html") or p == paths.NOT_FOUND]
    if not changed:
        return "\n".join([*lines, messages.gettext("No page of the site changes."), ""]) + "\n"
    said = messages.gettext(
        "The preview (the `%(artifact)s` artifact of this run) holds the whole site; open "
        "these pages in it:"
    )
    lines += [said % {"artifact": PREVIEW_ARTIFACT}, ""]
    titles = {i.id: i.title for i in (*review.before.incidents, *review.after.incidents)}
    components = {c.id: c.name for c in (*review.before.components, *review.after.components)}
    for page in sorted(pages, key=_page_order):
        lines.append(f"- {_page_name(page, titles, components, messages)}: `{page}`")
    others = sum(1 for p in changed if p.endswith(_READ_BY_TOOLS) or p.startswith("api/"))
    if others:
        # Translators: the last item of the list of pages a change alters.
        said = messages.ngettext(
            "and %(count)s feed, calendar, badge or API file",
            "and %(count)s feed, calendar, badge or API files",
            others,
        )
        lines.append("- " + said % {"count": others})
    return "\n".join([*lines, ""]) + "\n"


#: Outputs customers read through a tool (feed readers, calendars, widgets, API clients);
#: the rest (the sitemap, the host's headers, the site digest) is for machines only.
_READ_BY_TOOLS = (".rss", ".atom", ".ics", ".svg")


def _page_order(page: str) -> tuple[int, str]:
    kinds = ("index.html", "incidents/", "components/", "history/")
    rank = next((n for n, k in enumerate(kinds) if page.startswith(k)), len(kinds))
    return rank, page


def _page_name(
    page: str, titles: dict[str, str], components: dict[str, str], messages: Catalogue
) -> str:
    parts = paths.page_url(page).strip("/").split("/")
    # Translators: the names of the site's pages in the summary's list of changed pages.
    if page == paths.INDEX:
        return messages.gettext("Home page")
    if parts[0] == "incidents" and len(parts) == 2:
        return f"“{titles.get(parts[1], parts[1])}”"
    if parts[0] == "components" and len(parts) == 2:
        name = components.get(parts[1], parts[1])
        return messages.gettext("Component “%(name)s”") % {"name": name}
    if parts[0] == "history":
        history = messages.gettext("History")
        if len(parts) > 1:
            # Translators: a page's name and the month it shows ("History, 2026-11").
            return messages.gettext("%(page)s, %(month)s") % {"page": history, "month": parts[1]}
        return history
    if parts[0] == "report":
        return messages.gettext("Reliability report")
    if page == paths.NOT_FOUND:
        return messages.gettext("“Page not found” page")
    return messages.gettext("Page")


def other_findings(review: Review) -> str:
    """Findings about files outside the incidents shown above: settings, components, and
    errors in other incidents (they fail the check too)."""
    shown = {f"incidents/{i}/" for i in review.touched}
    rest = [
        d
        for d in review.diagnostics
        if not any(d.path.startswith(folder) for folder in shown)
        and (incident_folder(d.path) is None or d.is_error)
    ]
    if not rest:
        return ""
    messages = review.messages
    lines = ["### " + messages.gettext("Other findings"), ""]
    for path in sorted({d.path for d in rest}):
        found = findings_list((d for d in rest if d.path == path), messages)
        lines += [messages.gettext("In `%(path)s`:") % {"path": path}, "", *found]
    return "\n".join(lines) + "\n"
