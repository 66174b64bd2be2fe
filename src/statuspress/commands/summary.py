"""The pull-request job summary: every update a change adds or edits, shown as customers
will read it, so the reviewer approves the real message (`check --base REF --summary FILE`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from statuspress.diagnostics import Diagnostic
from statuspress.git import git, prefix
from statuspress.model import StatusSite
from statuspress.timefmt import local_and_utc

#: GitHub accepts at most 1 MiB of summary per step.
SUMMARY_LIMIT = 1_000_000


def changed_paths(root: Path, base: str) -> set[str]:
    """Repository-relative paths that differ from ``base`` (committed, staged, or untracked)."""
    top = prefix(root)
    names = git(root, "diff", "-z", "--name-only", base, "--", ".").split("\0")
    names += git(
        root, "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", "."
    ).split("\0")
    return {n[len(top) :] for n in names if n and n.startswith(top)}


def pr_summary(root: Path, site: StatusSite, base: str, diagnostics: tuple[Diagnostic, ...]) -> str:
    changed = changed_paths(root, base)
    zone = site.settings.timezone
    lines = ["## Status page changes", ""]
    errors = [d for d in diagnostics if d.is_error]
    warnings = [d for d in diagnostics if not d.is_error]
    verdict = "❌" if errors else ("⚠️" if warnings else "✅")
    lines.append(
        f"{verdict} `statuspress check`: {len(errors)} error(s), {len(warnings)} warning(s)"
    )
    lines.append("")
    for d in diagnostics:
        lines.append(f"- `{d.path}:{d.line}` **{d.level.value}** `{d.rule}`: {d.message}")
    shown = 0
    for incident in site.incidents:
        for update in incident.updates:
            if update.source.path not in changed:
                continue
            shown += 1
            audience = (
                " (internal: not shown to customers)" if update.audience.value == "internal" else ""
            )
            lines += ["", f"### {incident.title} — {update.status.label}{audience}", ""]
            lines.append(f"Posted {local_and_utc(update.at, zone)} · `{update.source.path}`")
            if update.next_update and not update.is_final:
                lines.append(
                    f"Next update promised by **{local_and_utc(update.next_update, zone)}**"
                )
            lines.append("")
            lines += [f"> {line}" if line else ">" for line in update.body.splitlines()]
            if update.erratum:
                lines += ["", f"**Correction shown to customers:** {update.erratum}"]
    if not shown:
        lines += ["", "No update files were added or changed."]
    text = "\n".join(lines) + "\n"
    if len(text.encode()) > SUMMARY_LIMIT:
        text = (
            text.encode()[: SUMMARY_LIMIT - 200].decode(errors="ignore")
            + "\n\n…(cut: see the job log)\n"
        )
    return text


# -- notifications (issue 16): one section of its own, after the review above ----------


def notification_summary(root: Path, site: StatusSite, base: str, now: datetime) -> str:
    """The messages each notification channel would send once the change is merged, as
    they will read (empty when statuspress.yaml configures no channel)."""
    from statuspress.notify.preview import preview_markdown

    lines = preview_markdown(root, site, changed_paths(root, base), now)
    text = "\n".join(lines) + "\n" if lines else ""
    if len(text.encode()) > SUMMARY_LIMIT // 4:
        text = text.encode()[: SUMMARY_LIMIT // 4].decode(errors="ignore") + "\n\n…(cut)\n"
    return text
