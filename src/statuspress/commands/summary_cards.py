"""The part of the pull-request summary about one incident or maintenance: its card as the
page will show it, what changed on it since it was published, each new or corrected update
as customers will read it, its postmortem, and every finding next to the text it is about.

GitHub renders the job summary as GitHub-flavoured Markdown: update texts are quoted as
written (so their Markdown renders), the rest is tables and short lines."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from statuspress import layout
from statuspress.commands.review import Review
from statuspress.commands.summary_languages import side_by_side, translation_paths
from statuspress.diagnostics import Diagnostic
from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Audience, ComponentStatus, Incident, Update
from statuspress.rules.front_matter import read_front_matter
from statuspress.timefmt import local_and_utc, word_list
from statuspress.timeline import review_published

#: The moment before an update: what a component's status was when it was posted.
_TICK = timedelta(microseconds=1)


def findings_list(
    diagnostics: Iterable[Diagnostic], messages: Catalogue = ENGLISH, what: str = ""
) -> list[str]:
    """The findings as a list a reviewer reads: level in words, where, what to do; the
    rule's id last, for whoever fixes it."""
    # Translators: the two levels of a finding in the pull-request summary.
    must_fix = "❌ **" + messages.gettext("Must fix") + "**"
    to_review = "⚠️ **" + messages.gettext("Please review") + "**"
    lines = []
    for d in diagnostics:
        level = must_fix if d.is_error else to_review
        # Translators: where a finding is, in the pull-request summary ("line 6").
        where = messages.gettext("line %(line)s") % {"line": d.line}
        where = f"{what} {where}" if what else where
        lines.append(f"- {level} ({where}): {d.message} `{d.rule}`")
    return [*lines, ""] if lines else []


def quote(markdown: str) -> list[str]:
    """Markdown as a block quote, rendered as written."""
    return [f"> {line}" if line.strip() else ">" for line in markdown.splitlines()] + [""]


def cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table."""
    return " ".join(text.split()).replace("|", "\\|") or "—"


def fenced(language: str, text: str) -> list[str]:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", *text.splitlines(), fence, ""]


def wording_diff(old: str, new: str) -> list[str]:
    """The lines of the wording that changed, as a ``diff`` block (GitHub colours it)."""
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1))
    return fenced("diff", "\n".join(lines[2:])) if lines else []


class Cards:
    """The summary's sections about incidents, for one review."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.messages = review.messages
        self.settings = review.after.settings
        names = {c.id: c.name for c in (*review.before.components, *review.after.components)}
        self.names = names

    def when(self, value: datetime | None) -> str:
        return local_and_utc(value, self.settings.timezone, self.messages) if value else "—"

    def severity(self, incident: Incident) -> str:
        if incident.severity is None:
            return "—"
        try:
            return self.settings.severity(incident.severity).label
        except KeyError:
            return incident.severity

    def components(self, statuses: Mapping[str, ComponentStatus]) -> str:
        said = self.messages.gettext("%(component)s: %(status)s")
        return word_list(
            [
                said % {"component": self.names.get(k, k), "status": v.describe(self.messages)}
                for k, v in statuses.items()
            ],
            self.messages,
            conjunction=False,
        )

    # -- one incident --------------------------------------------------------------------
    def section(self, incident_id: str) -> list[str]:
        """The incident's part of the summary, in blocks (the card, each update, the
        postmortem, the rest) so that a long one is shortened block by block."""
        review, messages = self.review, self.messages
        before, after = review.incident_before(incident_id), review.incident_after(incident_id)
        shown = after or before
        maintenance = bool(shown and shown.is_maintenance)
        title = shown.title if shown else incident_id
        folder = f"{layout.INCIDENTS_DIR}/{incident_id}/"
        present = (review.root / folder).is_dir()
        state = "new" if before is None else ("changed" if present else "removed")
        lines = ["### " + _heading(messages, state, maintenance) % {"title": cell(title)}, ""]
        header = folder + layout.INCIDENT_FILE
        used = {header}
        if after is None and present:
            lines += [_cannot_show(messages, maintenance), ""]
        elif after is not None:
            lines += self.card(after)
        if before is not None and after is not None:
            lines += self.header_changes(before, after)
        lines += findings_list(review.findings(header), messages, "incident.md,")
        blocks = [lines]
        if after is not None:
            for update in after.updates:
                if (
                    update.source.path in review.changed
                    or translation_paths(update) & review.changed
                ):
                    blocks.append(self.update(after, update))
                    used.add(update.source.path)
            postmortem = folder + layout.POSTMORTEM_FILE
            if postmortem in review.changed or _review_changed(before, after):
                blocks.append(self.postmortem(after))
                used.add(postmortem)
        rest = [d for d in review.diagnostics if d.path.startswith(folder) and d.path not in used]
        lines = []
        if rest:
            if maintenance:
                lines += [messages.gettext("Other findings in this maintenance:"), ""]
            else:
                lines += [messages.gettext("Other findings in this incident:"), ""]
            for path in sorted({d.path for d in rest}):
                name = path.rsplit("/", 1)[-1] + ","
                lines += findings_list(review.findings(path), messages, name)
        files = messages.gettext("Files: %(folder)s") % {"folder": f"`{folder}`"}
        blocks.append([*lines, f"<sub>{files}</sub>", ""])
        return ["\n".join(block) + "\n" for block in blocks]

    def card(self, incident: Incident) -> list[str]:
        messages = self.messages
        # Translators: the rows of an incident's card in the pull-request summary.
        rows = [
            (messages.gettext("Title"), incident.title),
            (messages.gettext("Status"), incident.status.describe(messages)),
        ]
        if incident.is_maintenance:
            window = self.window(incident.scheduled_start, incident.scheduled_end)
            rows.append((messages.gettext("Window"), window))
        else:
            rows.append((messages.gettext("Severity"), self.severity(incident)))
            rows.append((messages.gettext("Started"), self.when(incident.started)))
        affected = self.components(incident.components) or messages.gettext("no component")
        rows.append((messages.gettext("Affected components"), affected))
        if incident.audience is Audience.INTERNAL:
            internal = messages.gettext("internal: not on the public page")
            rows.append((messages.gettext("Audience"), internal))
        head = [messages.gettext("On the page"), messages.gettext("As customers will see it")]
        lines = [f"| {head[0]} | {head[1]} |", "|---|---|"]
        lines += [f"| {name} | {cell(value)} |" for name, value in rows]
        lines.append("")
        if incident.summary:
            said = messages.gettext("Summary shown above the timeline:")
            lines += [said, "", *quote(incident.summary)]
        return lines

    def window(self, start: datetime | None, end: datetime | None) -> str:
        # Translators: a maintenance window in the pull-request summary.
        said = self.messages.gettext("%(start)s to %(end)s")
        return said % {"start": self.when(start), "end": self.when(end)}

    def header_changes(self, before: Incident, after: Incident) -> list[str]:
        messages = self.messages
        # Translators: what can change in an incident's header, in the pull-request summary.
        pairs = [
            (messages.gettext("Title"), before.title, after.title),
            (messages.gettext("Kind"), before.kind.value, after.kind.value),
            (messages.gettext("Severity"), self.severity(before), self.severity(after)),
            (messages.gettext("Started"), self.when(before.started), self.when(after.started)),
            (
                messages.gettext("Components"),
                self.components(before.components),
                self.components(after.components),
            ),
            (
                messages.gettext("Window start"),
                self.when(before.scheduled_start),
                self.when(after.scheduled_start),
            ),
            (
                messages.gettext("Window end"),
                self.when(before.scheduled_end),
                self.when(after.scheduled_end),
            ),
            (messages.gettext("Audience"), before.audience.value, after.audience.value),
        ]
        rows = [(name, old, new) for name, old, new in pairs if old != new]
        lines: list[str] = []
        if rows:
            head = [
                messages.gettext("What"),
                messages.gettext("Customers saw"),
                messages.gettext("After this change"),
            ]
            lines += [
                messages.gettext("Changed since it was published:"),
                "",
                "| " + " | ".join(head) + " |",
                "|---|---|---|",
            ]
            lines += [f"| {name} | {cell(old)} | {cell(new)} |" for name, old, new in rows]
            lines.append("")
        if before.summary != after.summary:
            lines += [
                messages.gettext("The summary's wording changes:"),
                "",
                *wording_diff(before.summary, after.summary),
            ]
        return lines

    # -- one update ----------------------------------------------------------------------
    def update(self, incident: Incident, update: Update) -> list[str]:
        review, messages = self.review, self.messages
        path = update.source.path
        old_text = review.published.text(path)
        values = {"status": update.status.describe(messages), "time": self.when(update.at)}
        # Translators: the heading of an update in the pull-request summary.
        if old_text is None:
            heading = messages.gettext("New update: %(status)s, posted %(time)s") % values
        else:
            heading = messages.gettext("Corrected update: %(status)s, posted %(time)s") % values
        if update.audience is Audience.INTERNAL or incident.audience is Audience.INTERNAL:
            heading += " " + messages.gettext("(internal: not shown to customers)")
        lines = [f"#### {heading}", "", *quote(update.body)]
        settings = review.after.settings
        lines += side_by_side(update, settings.language, settings.extra_languages, messages)
        if update.components:
            said = messages.gettext("Components: %(components)s")
            lines += [said % {"components": self.component_changes(update)}, ""]
        if update.scheduled_start or update.scheduled_end:
            window = self.window(
                update.scheduled_start or incident.scheduled_start,
                update.scheduled_end or incident.scheduled_end,
            )
            said = messages.gettext("Moves the window to **%(window)s**")
            lines += [said % {"window": window}, ""]
        if update.next_update and not update.is_final:
            said = messages.gettext("Next update promised by **%(time)s**")
            lines += [said % {"time": self.when(update.next_update)}, ""]
        if update.erratum:
            correction = (
                messages.gettext("Corrected on %(time)s:") % {"time": self.when(update.corrected)}
                if update.corrected
                else messages.gettext("Correction:")
            )
            lines += [f"**{correction}** {update.erratum}", ""]
        if old_text is not None:
            old = read_front_matter(old_text, path)
            if old is not None and old.body != update.body:
                lines += [messages.gettext("The wording changes (the original stays in git):"), ""]
                lines += wording_diff(old.body, update.body)
        lines += findings_list(review.findings(path), messages)
        return lines

    def component_changes(self, update: Update) -> str:
        timeline = self.review.timeline_after
        parts = []
        for key, status in update.components.items():
            was = timeline.status_at(key, update.at - _TICK)
            now = status.describe(self.messages)
            change = now if was is status else f"{was.describe(self.messages)} → {now}"
            parts.append(f"{self.names.get(key, key)}: {change}")
        return word_list(parts, self.messages, conjunction=False)

    # -- the postmortem ------------------------------------------------------------------
    def postmortem(self, incident: Incident) -> list[str]:
        messages = self.messages
        published = review_published(incident, self.review.now)
        # Translators: the heading of an incident review (postmortem) in the summary.
        if published is not None:
            said = messages.gettext("Incident review, published %(time)s")
            heading = said % {"time": self.when(published)}
        elif incident.postmortem_published is not None:
            said = messages.gettext("Incident review, to be published %(time)s")
            heading = said % {"time": self.when(incident.postmortem_published)}
        else:
            heading = messages.gettext(
                "Incident review, not dated: add 'published:' to postmortem.md to publish it"
            )
        lines = [f"#### {heading}", ""]
        if published is not None or incident.postmortem_published is not None:
            lines += [
                messages.gettext(
                    "Once published, feed readers get it as a new item, and the API shows the "
                    "incident as “postmortem”."
                ),
                "",
            ]
        if incident.postmortem:
            lines += quote(incident.postmortem)
        if incident.postmortem_url:
            said = messages.gettext("Full review: %(url)s")
            lines += [said % {"url": f"<{incident.postmortem_url}>"}, ""]
        folder = incident.source.path.rsplit("/", 1)[0]
        found = self.review.findings(f"{folder}/{layout.POSTMORTEM_FILE}")
        lines += findings_list(found, messages)
        return lines


def _heading(messages: Catalogue, state: str, maintenance: bool) -> str:
    """The heading of an incident's section: "New incident: %(title)s" and the like."""
    # Translators: the heading of an incident's section in the pull-request summary.
    if maintenance:
        return {
            "new": messages.gettext("New maintenance: %(title)s"),
            "changed": messages.gettext("Changed maintenance: %(title)s"),
            "removed": messages.gettext("Removed maintenance: %(title)s"),
        }[state]
    return {
        "new": messages.gettext("New incident: %(title)s"),
        "changed": messages.gettext("Changed incident: %(title)s"),
        "removed": messages.gettext("Removed incident: %(title)s"),
    }[state]


def _cannot_show(messages: Catalogue, maintenance: bool) -> str:
    if maintenance:
        return messages.gettext(
            "This maintenance cannot be shown as customers would see it until the problems "
            "below are fixed."
        )
    return messages.gettext(
        "This incident cannot be shown as customers would see it until the problems below "
        "are fixed."
    )


def _review_changed(before: Incident | None, after: Incident) -> bool:
    if before is None:
        return after.postmortem is not None or after.postmortem_url is not None
    return (before.postmortem, before.postmortem_url, before.postmortem_published) != (
        after.postmortem,
        after.postmortem_url,
        after.postmortem_published,
    )
