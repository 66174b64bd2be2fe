"""**language** rules: the words customers read, checked the way a linter checks code.

Errors are text customers must never see (internal hostnames, addresses, region codes,
stack traces, secrets, connection strings, template placeholders, internal component
names). Warnings are words that need a second look (jargon, internal identifiers, "fixed"
before the end, a promised fix time, a next-update promise without a time or with the
wrong one, filler). Only public text is checked; ``internal:`` notes and internal updates
are free.

The one entry point for a text is::

    lint_text(text: str, context: TextContext, language: str | None = None) -> list[Finding]

``language`` is the BCP 47 tag of the language the text is written in (``"en"``, ``"de"``,
``"fr"``, ``"es"``, ``"ja"``, ``"pt-BR"``); None means the site's ``language`` setting. A
translation of an update is linted by passing its own tag and the update's context. The
promise rules (eta, next-update) read English and every language with a phrasebook
(``phrasebook/``: de, fr, es, ja), whose times ``localread.py`` reads; the English-only
rules (``ENGLISH_ONLY``: fixed-wording, vague) skip any text that is not English by its
tag or by its words and script; ``skipped_rules(text, context, language)`` says which were
skipped. The other rules (hosts, addresses, secrets, jargon, identifiers) apply in every
language.

The rules live in ``errors.py`` and ``warnings.py`` (one ``Rule`` each: id, level, message,
finder); the finders of the warnings by subject in ``jargon.py``, ``identifiers.py``,
``promises.py`` (with the time reader ``timeread.py`` and its zones ``zones.py``) and
``filler.py``; ``lint_text`` is in ``engine.py``; this module applies them to a site.
Every rule runs in time linear in its text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from statuspress.diagnostics import Diagnostic
from statuspress.model import Audience, Incident, Kind, Source, StatusSite, Update
from statuspress.rules.language.engine import (
    ENGLISH_ONLY,
    ERRORS,
    RULES,
    WORDING,
    Finding,
    lint_text,
    skipped_rules,
)
from statuspress.rules.language.jargon import JARGON_TERMS
from statuspress.rules.language.text import TextContext, is_english

__all__ = [
    "ENGLISH_ONLY",
    "ERRORS",
    "JARGON_TERMS",
    "RULES",
    "WORDING",
    "Finding",
    "TextContext",
    "component_language_violations",
    "incident_language_violations",
    "is_english",
    "language_violations",
    "lint_text",
    "skipped_rules",
]


def _diagnostics(
    path: str, text: str, context: TextContext, first_line: int, first_col: int = 1
) -> Iterator[Diagnostic]:
    """The findings in ``text`` as diagnostics, ``text`` starting at the given line and
    column of ``path``."""
    # Findings come in order of offset, so lines are counted once from the last finding on
    # rather than from the start of the text for each.
    line, line_start, counted = 0, 0, 0
    for finding in lint_text(text, context):
        offset = finding.start
        newlines = text.count("\n", counted, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted, offset) + 1
        counted = offset
        if line == 0:
            at_line, at_col = first_line, first_col + offset
        else:
            at_line, at_col = first_line + line, offset - line_start + 1
        yield Diagnostic(path, at_line, at_col, finding.level, finding.rule, finding.message)


def _field_position(source: Source, key: str) -> tuple[int, int]:
    pos = source.at(key)
    return pos.line, pos.col + len(key) + 2


def update_context(incident: Incident, update: Update, base: TextContext) -> TextContext:
    """What the language rules know of an update's body (and of its translations'):
    ``base``, the site's, with the update's own time, promise and status."""
    return replace(
        base,
        is_update_body=True,
        final=update.is_final,
        maintenance=incident.kind is Kind.MAINTENANCE,
        at=update.at,
        next_update=update.next_update,
        eta_approved=update.eta_approved_by is not None,
    )


def _update_texts(incident: Incident, update: Update, base: TextContext) -> Iterator[Diagnostic]:
    source = update.source
    context = update_context(incident, update, base)
    yield from _diagnostics(source.path, update.body, context, source.body_line)
    if update.erratum:
        line, col = _field_position(source, "erratum")
        yield from _diagnostics(source.path, update.erratum, base, line, col)


def _document_texts(
    source: Source, key: str, value: str, body: str, base: TextContext
) -> Iterator[Diagnostic]:
    """A header's one-line text (a name or title) and its Markdown body."""
    line, col = _field_position(source, key)
    yield from _diagnostics(source.path, value, base, line, col)
    if body:
        yield from _diagnostics(source.path, body, base, source.body_line)


def _base_context(site: StatusSite) -> TextContext:
    """The context every text of the site shares: its settings, its internal component
    names (never to appear) and its public ones with their descriptions (its vocabulary)."""
    internal_names = tuple(c.name for c in site.components if c.audience is Audience.INTERNAL)
    public = [c for c in site.components if c.audience is not Audience.INTERNAL]
    return TextContext(
        settings=site.settings,
        internal_component_names=internal_names,
        vocabulary=tuple(t for c in public for t in (c.name, c.description) if t),
        component_names=tuple(c.name for c in public),
    )


def component_language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """The words of the public components' names and descriptions."""
    del now
    base = _base_context(site)
    for component in site.components:
        if component.audience is not Audience.INTERNAL:
            yield from _document_texts(
                component.source, "name", component.name, component.description, base
            )


def incident_language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """The words of every public incident title, summary and update, each on its own."""
    del now
    base = _base_context(site)
    for incident in site.incidents:  # (the command's one parallel step is above, in check)
        if incident.audience is Audience.INTERNAL:
            continue
        yield from _document_texts(incident.source, "title", incident.title, incident.summary, base)
        for update in incident.updates:
            if update.audience is Audience.PUBLIC:
                yield from _update_texts(incident, update, base)


def language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    yield from component_language_violations(site, now)
    yield from incident_language_violations(site, now)
