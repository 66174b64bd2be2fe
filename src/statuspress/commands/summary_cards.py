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
from statuspress.model import Audience, ComponentStatus, Incident, Update
from statuspress.rules.front_matter import read_front_matter
from statuspress.timefmt import local_and_utc
from statuspress.timeline import review_published

#: The moment before an update: what a component's status was when it was posted.
_TICK = timedelta(microseconds=1)
MUST_FIX = "❌ **Must fix**"
TO_REVIEW = "⚠️ **Please review**"


def findings_list(diagnostics: Iterable[Diagnostic], what: str = "") -> list[str]:
    """The findings as a list a reviewer reads: level in words, where, what to do; the
    rule's id last, for whoever fixes it."""
    lines = []
    for d in diagnostics:
        level = MUST_FIX if d.is_error else TO_REVIEW
        where = f"{what} line {d.line}" if what else f"line {d.line}"
        lines.append(f"- {level} ({where.strip()}): {d.message} `{d.rule}`")
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
        self.settings = review.after.settings
        names = {c.id: c.name for c in (*review.before.components, *review.after.components)}
        self.names = names

    def when(self, value: datetime | None) -> str:
        return local_and_utc(value, self.settings.timezone) if value else "—"

    def severity(self, incident: Incident) -> str:
        if incident.severity is None:
            return "—"
        try:
            return self.settings.severity(incident.severity).label
        except KeyError:
            return incident.severity

    def components(self, statuses: Mapping[str, ComponentStatus]) -> str:
        return ", ".join(f"{self.names.get(k, k)}: {v.label}" for k, v in statuses.items())

    # -- one incident --------------------------------------------------------------------
    def section(self, incident_id: str) -> list[str]:
        """The incident's part of the summary, in blocks (the card, each update, the
        postmortem, the rest) so that a long one is shortened block by block."""
        review = self.review
        before, after = review.incident_before(incident_id), review.incident_after(incident_id)
        shown = after or before
        kind = "maintenance" if shown and shown.is_maintenance else "incident"
        title = shown.title if shown else incident_id
        folder = f"{layout.INCIDENTS_DIR}/{incident_id}/"
        present = (review.root / folder).is_dir()
        state = "New" if before is None else ("Changed" if present else "Removed")
        lines = [f"### {state} {kind}: {cell(title)}", ""]
        header = folder + layout.INCIDENT_FILE
        used = {header}
        if after is None and present:
            lines += [
                f"This {kind} cannot be shown as customers would see it until the problems "
                "below are fixed.",
                "",
            ]
        elif after is not None:
            lines += self.card(after)
        if before is not None and after is not None:
            lines += self.header_changes(before, after)
        lines += findings_list(review.findings(header), "incident.md,")
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
            lines += [f"Other findings in this {kind}:", ""]
            for path in sorted({d.path for d in rest}):
                lines += findings_list(review.findings(path), path.rsplit("/", 1)[-1] + ",")
        blocks.append([*lines, f"<sub>Files: `{folder}`</sub>", ""])
        return ["\n".join(block) + "\n" for block in blocks]

    def card(self, incident: Incident) -> list[str]:
        rows = [("Title", incident.title), ("Status", incident.status.label)]
        if incident.is_maintenance:
            window = f"{self.when(incident.scheduled_start)} to {self.when(incident.scheduled_end)}"
            rows.append(("Window", window))
        else:
            rows.append(("Severity", self.severity(incident)))
            rows.append(("Started", self.when(incident.started)))
        affected = self.components(incident.components) or "no component"
        rows.append(("Affected components", affected))
        if incident.audience is Audience.INTERNAL:
            rows.append(("Audience", "internal: not on the public page"))
        lines = ["| On the page | As customers will see it |", "|---|---|"]
        lines += [f"| {name} | {cell(value)} |" for name, value in rows]
        lines.append("")
        if incident.summary:
            lines += ["Summary shown above the timeline:", "", *quote(incident.summary)]
        return lines

    def header_changes(self, before: Incident, after: Incident) -> list[str]:
        rows = []
        pairs = [
            ("Title", before.title, after.title),
            ("Kind", before.kind.value, after.kind.value),
            ("Severity", self.severity(before), self.severity(after)),
            ("Started", self.when(before.started), self.when(after.started)),
            ("Components", self.components(before.components), self.components(after.components)),
            ("Window start", self.when(before.scheduled_start), self.when(after.scheduled_start)),
            ("Window end", self.when(before.scheduled_end), self.when(after.scheduled_end)),
            ("Audience", before.audience.value, after.audience.value),
        ]
        rows = [(name, old, new) for name, old, new in pairs if old != new]
        lines: list[str] = []
        if rows:
            lines += [
                "Changed since it was published:",
                "",
                "| What | Customers saw | After this change |",
                "|---|---|---|",
            ]
            lines += [f"| {name} | {cell(old)} | {cell(new)} |" for name, old, new in rows]
            lines.append("")
        if before.summary != after.summary:
            lines += [
                "The summary's wording changes:",
                "",
                *wording_diff(before.summary, after.summary),
            ]
        return lines

    # -- one update ----------------------------------------------------------------------
    def update(self, incident: Incident, update: Update) -> list[str]:
        review = self.review
        path = update.source.path
        old_text = review.published.text(path)
        label = "New update" if old_text is None else "Corrected update"
        audience = ""
        if update.audience is Audience.INTERNAL or incident.audience is Audience.INTERNAL:
            audience = " (internal: not shown to customers)"
        lines = [
            f"#### {label}: {update.status.label}, posted {self.when(update.at)}{audience}",
            "",
            *quote(update.body),
        ]
        settings = review.after.settings
        lines += side_by_side(update, settings.language, settings.extra_languages)
        if update.components:
            lines += [f"Components: {self.component_changes(update)}", ""]
        if update.scheduled_start or update.scheduled_end:
            start = self.when(update.scheduled_start or incident.scheduled_start)
            end = self.when(update.scheduled_end or incident.scheduled_end)
            lines += [f"Moves the window to **{start} to {end}**", ""]
        if update.next_update and not update.is_final:
            lines += [f"Next update promised by **{self.when(update.next_update)}**", ""]
        if update.erratum:
            said = (
                f"Corrected on {self.when(update.corrected)}:"
                if update.corrected
                else "Correction:"
            )
            lines += [f"**{said}** {update.erratum}", ""]
        if old_text is not None:
            old = read_front_matter(old_text, path)
            if old is not None and old.body != update.body:
                lines += ["The wording changes (the original stays in git):", ""]
                lines += wording_diff(old.body, update.body)
        lines += findings_list(review.findings(path))
        return lines

    def component_changes(self, update: Update) -> str:
        timeline = self.review.timeline_after
        parts = []
        for key, status in update.components.items():
            was = timeline.status_at(key, update.at - _TICK)
            change = status.label if was is status else f"{was.label} → {status.label}"
            parts.append(f"{self.names.get(key, key)}: {change}")
        return ", ".join(parts)

    # -- the postmortem ------------------------------------------------------------------
    def postmortem(self, incident: Incident) -> list[str]:
        published = review_published(incident, self.review.now)
        if published is not None:
            state = f"published {self.when(published)}"
        elif incident.postmortem_published is not None:
            state = f"to be published {self.when(incident.postmortem_published)}"
        else:
            state = "not dated: add 'published:' to postmortem.md to publish it"
        lines = [f"#### Incident review, {state}", ""]
        if published is not None or incident.postmortem_published is not None:
            lines += [
                "Once published, feed readers get it as a new item, and the API shows the "
                "incident as “postmortem”.",
                "",
            ]
        if incident.postmortem:
            lines += quote(incident.postmortem)
        if incident.postmortem_url:
            lines += [f"Full review: <{incident.postmortem_url}>", ""]
        folder = incident.source.path.rsplit("/", 1)[0]
        lines += findings_list(self.review.findings(f"{folder}/{layout.POSTMORTEM_FILE}"))
        return lines


def _review_changed(before: Incident | None, after: Incident) -> bool:
    if before is None:
        return after.postmortem is not None or after.postmortem_url is not None
    return (before.postmortem, before.postmortem_url, before.postmortem_published) != (
        after.postmortem,
        after.postmortem_url,
        after.postmortem_published,
    )
