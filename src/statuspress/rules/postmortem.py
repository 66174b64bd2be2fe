"""**postmortem** language: which of the language rules hold for an incident review.

A postmortem is written after the fact and for a reader who wants the cause, so it may
name causes, components, technical terms and regions, speak of a fix, and promise no
next update. What it still must never show is what the language rules' errors guard
against: internal hostnames and URLs, IP addresses, secrets and connection strings,
stack traces, internal component names and template placeholders. This module only
selects; the language package finds (``lint_text``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from statuspress.diagnostics import Diagnostic
from statuspress.model import Audience, Incident, StatusSite
from statuspress.rules.language import Finding, TextContext, lint_text

#: The language rules a postmortem is held to (every other one is about live updates).
POSTMORTEM_RULES = frozenset(
    {
        "language/placeholder",
        "language/internal-host",
        "language/internal-url",
        "language/ip-address",
        "language/stack-trace",
        "language/secret",
        "language/connection-string",
        "language/internal-component",
    }
)


def postmortem_findings(text: str, context: TextContext) -> list[Finding]:
    """The findings of the postmortem rules in ``text``, in order of position."""
    return [f for f in lint_text(text, context) if f.rule in POSTMORTEM_RULES]


def postmortem_language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """The words of each public incident's ``postmortem.md``."""
    del now
    internal_names = tuple(c.name for c in site.components if c.audience is Audience.INTERNAL)
    context = TextContext(settings=site.settings, internal_component_names=internal_names)
    for incident in site.incidents:
        if incident.audience is Audience.PUBLIC:
            yield from _review(incident, context)


def _review(incident: Incident, context: TextContext) -> Iterator[Diagnostic]:
    source = incident.postmortem_source
    text = incident.postmortem
    if source is None or not text:
        return
    for finding in postmortem_findings(text, context):
        before = text[: finding.start]
        line = source.body_line + before.count("\n")
        col = finding.start - (before.rfind("\n") + 1) + 1
        message = f"{finding.message} (the incident review is public)"
        yield Diagnostic(source.path, line, col, finding.level, finding.rule, message)
