"""**translations** rules: a translation says what its original says.

A translation carries only a body (and, for a header, a title), so times, statuses and
components can never disagree. What can: its text. These rules compare it with the
original's:

- ``translations/outdated``: the original changed after the translation was made (its
  ``translates:`` digest is no longer the original's), the erratum case;
- ``translations/unanchored``: a translation that does not say which text it translates;
- ``translations/next-update``: the original states the time of its ``next_update`` and
  the translation states no time that means it (each read in its own language, by the
  language rules' time readers: "09:45 UTC", "10:45 Uhr MEZ" and "18時45分（日本時間）"
  are one instant);
- ``translations/times``: clock times that differ, both in their digits and in the
  instants they mean (a translation may give a time in its readers' zone);
- ``translations/numbers``: numbers that differ;
- ``translations/missing`` (``overdue_translations``, run by ``check_site`` because it
  reads the clock): a public update of an open incident still untranslated once its
  severity's ``translations_within`` has passed.

The words of a translation are linted like any customer text, and a translation of an
update like the update (its next-update and fix-time promises read in its language; the
English-only rules skip it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime

from statuspress.diagnostics import Diagnostic, Level
from statuspress.fields import format_duration
from statuspress.model import (
    Audience,
    Incident,
    Kind,
    StatusSite,
    Translation,
    Update,
    content_digest,
)
from statuspress.rules.language import TextContext, lint_text, update_context
from statuspress.rules.language.promises import clock_meanings, time_stated
from statuspress.rules.language.text import Text

#: Clock times as the shipped languages write them, compared digit for digit between an
#: original and its translation (``translations/times``): 12:45, 12.45, 12h45, 12 h 45,
#: 12時45分.
CLOCK = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])\s?(?:[:.]|h\s?|時)([0-5]\d)分?(?![\d.,:])")
#: Numbers: digits, with any grouping or decimal sign between them.
NUMBER = re.compile("\\d+(?:[.,\u202f\u00a0'\u2019]\\d+)*")


def header_digest(incident: Incident) -> str:
    """The digest a header translation records: its title and summary together."""
    return content_digest(f"{incident.title}\n{incident.summary}")


def translation_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """Every translation of every incident held to its original (nothing for a site in
    one language: there are no translations to look at)."""
    del now
    if not site.settings.extra_languages:
        return
    for incident in site.incidents:
        for translation in incident.translations.values():
            yield from _anchored(translation, header_digest(incident))
            title_at = translation.source.at("title")
            yield from _words(
                site, translation, translation.title or "", (title_at.line, title_at.col + 7)
            )
            yield from _words(site, translation, translation.body)
        for update in incident.updates:
            context = update_context(incident, update, TextContext(settings=site.settings))
            for translation in update.translations.values():
                yield from _anchored(translation, content_digest(update.body))
                agreement = list(_agrees(site, update, translation, context))
                yield from agreement
                # A lost promise is reported once, as the translation's own finding.
                lost = any(d.rule == "translations/next-update" for d in agreement)
                found = _words(site, translation, translation.body, context=context)
                yield from (d for d in found if not (lost and d.rule == "language/next-update"))


def _diag(translation: Translation, key: str | None, rule: str, message: str) -> Diagnostic:
    level = Level.WARNING if rule in _WARNINGS else Level.ERROR
    if key is None:
        pos = translation.source.body_line
        return Diagnostic(translation.source.path, pos, 1, level, rule, message)
    return translation.source.diagnostic(key, level, rule, message)


_WARNINGS = frozenset({"translations/unanchored", "translations/numbers", "translations/missing"})


def _anchored(translation: Translation, digest: str) -> Iterator[Diagnostic]:
    original = translation.source.path.rsplit("/", 1)[-1]
    original = original.removesuffix(f".{translation.language}.md") + ".md"
    if translation.translates is None:
        yield _diag(
            translation,
            None,
            "translations/unanchored",
            f"this translation does not say which text of {original} it translates; add "
            f"'translates: {digest}' to its front matter once it matches the original",
        )
    elif translation.translates != digest:
        yield _diag(
            translation,
            "translates",
            "translations/outdated",
            f"{original} changed after this translation was made; translate the change, then "
            f"set 'translates: {digest}'",
        )


def _clocks(text: str) -> Counter[tuple[int, int]]:
    return Counter((int(m[1]), int(m[2])) for m in CLOCK.finditer(text))


def _numbers(text: str) -> Counter[str]:
    without_clocks = CLOCK.sub(" ", text)
    return Counter(re.sub(r"\D", "", m[0]) for m in NUMBER.finditer(without_clocks))


def _agrees(
    site: StatusSite, update: Update, translation: Translation, context: TextContext
) -> Iterator[Diagnostic]:
    original, translated = _clocks(update.body), _clocks(translation.body)
    promised = _promised(site, update, context)
    if promised is not None and _states(translation.body, context, translation.language):
        promised = None
    if promised is not None:
        yield _diag(
            translation,
            None,
            "translations/next-update",
            f"the original promises the next update by {promised}, which this translation "
            "does not say; write the same time",
        )
    elif original != translated and not _same_instants(site, update, translation, context):
        yield _diag(
            translation,
            None,
            "translations/times",
            f"the original states the times {_clock_list(original)} and this translation "
            f"{_clock_list(translated)}; write the same times as the original",
        )
    numbers, their = _numbers(update.body), _numbers(translation.body)
    if numbers != their:
        yield _diag(
            translation,
            None,
            "translations/numbers",
            f"the original states the numbers {_list(numbers)} and this translation "
            f"{_list(their)}; check that the translation says the same",
        )


def _promised(site: StatusSite, update: Update, context: TextContext) -> str | None:
    """The words in which the original states its ``next_update`` time (read in the site's
    language), or None when it states none or promises no next update."""
    if update.next_update is None or update.is_final:
        return None
    text = Text(update.body, context, site.settings.language)
    mention = time_stated(text, update.next_update)
    return None if mention is None else update.body[mention.start : mention.end]


def _same_instants(
    site: StatusSite, update: Update, translation: Translation, context: TextContext
) -> bool:
    """Whether the clock times of the original and the translation, each read in its own
    language, pair off as the same instants ("09:38 UTC" and "10:38 Uhr MEZ")."""
    ours = clock_meanings(Text(update.body, context, site.settings.language))
    left = clock_meanings(Text(translation.body, context, translation.language))
    if len(ours) != len(left):
        return False
    for meanings in ours:
        match = next((theirs for theirs in left if theirs & meanings), None)
        if match is None:
            return False
        left.remove(match)
    return True


def _states(body: str, context: TextContext, language: str) -> bool:
    """Whether a translation states the update's ``next_update`` time, read in its language."""
    assert context.next_update is not None
    return time_stated(Text(body, context, language), context.next_update) is not None


def _clock_list(clocks: Counter[tuple[int, int]]) -> str:
    return ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(clocks.elements())) or "none"


def _list(numbers: Counter[str]) -> str:
    return ", ".join(sorted(numbers.elements(), key=lambda n: (len(n), n))) or "none"


def _words(
    site: StatusSite,
    translation: Translation,
    text: str,
    at: tuple[int, int] | None = None,
    context: TextContext | None = None,
) -> Iterator[Diagnostic]:
    """The language rules on a translation's text, which starts at ``at`` (line, column;
    default: the body's first line), in ``context`` (an update's, for its translations).
    The text's own language decides which rules apply: the promise rules read it with its
    language's phrasebook, the English-only rules skip it."""
    if not text:
        return
    context = context or TextContext(settings=site.settings)
    source = translation.source
    first_line, first_col = at or (source.body_line, 1)
    for finding in lint_text(text, context, translation.language):
        newlines = text.count("\n", 0, finding.start)
        col = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
        line = first_line + newlines
        if not newlines:
            col += first_col - 1
        yield Diagnostic(source.path, line, col, finding.level, finding.rule, finding.message)


def overdue_translations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """``translations/missing``: public updates without a translation into one of the
    site's other languages once their severity's ``translations_within`` has passed."""
    languages = site.settings.extra_languages
    if not languages:
        return
    for incident in site.incidents:
        # While customers wait: a closed incident's gaps show on its pages as "not yet
        # translated", and history is not rewritten to fill them.
        if not incident.is_open or incident.audience is not Audience.PUBLIC:
            continue
        if incident.kind is not Kind.INCIDENT:
            continue
        if incident.severity is None:
            continue
        within = site.settings.severity(incident.severity).translations_within
        if within is None:
            continue
        for update in incident.updates:
            if update.audience is not Audience.PUBLIC or update.at + within > now:
                continue
            missing = [lang for lang in languages if lang not in update.translations]
            if missing:
                yield update.source.diagnostic(
                    "at",
                    Level.WARNING,
                    "translations/missing",
                    f"{incident.severity} updates are translated within "
                    f"{format_duration(within)}; this one has no {', '.join(missing)} translation "
                    f"yet: add {_name(update, missing[0])} ('statuspress new update "
                    f"{incident.id} --lang {missing[0]} --of {update.id}' scaffolds it)",
                )


def _name(update: Update, language: str) -> str:
    return update.source.path.removesuffix(".md") + f".{language}.md"
