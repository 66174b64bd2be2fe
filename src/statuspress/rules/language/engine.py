"""Applying the language rules to one text: ``lint_text`` is a pure function, so the corpus
tests can measure precision and recall message by message."""

from __future__ import annotations

from dataclasses import dataclass

from statuspress.diagnostics import Level
from statuspress.rules.language import errors, warnings
from statuspress.rules.language.rule import Rule
from statuspress.rules.language.text import Text, TextContext

#: Every language rule, in the order their findings are listed when they share an offset.
RULES: tuple[Rule, ...] = errors.RULES + warnings.RULES
ERRORS = frozenset(rule.id for rule in RULES if rule.level is Level.ERROR)
ENGLISH_ONLY = frozenset(warnings.ENGLISH_ONLY)
#: The rules that read wording: the English-only ones and the promise rules, which read
#: English and the languages with a phrasebook.
WORDING = ENGLISH_ONLY | frozenset(warnings.PROMISE_RULES)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    start: int  # offset in the text
    message: str

    @property
    def level(self) -> Level:
        return Level.ERROR if self.rule in ERRORS else Level.WARNING


#: A rule reports at most this many findings in one text, then one more that says so: a
#: reviewer fixes the first ones and looks again, and a pasted log of a megabyte does not
#: bury the page (or the linter) under a hundred thousand copies of one message.
MAX_FINDINGS_PER_RULE = 20


def lint_text(text: str, context: TextContext, language: str | None = None) -> list[Finding]:
    """The language findings in one customer-facing text, in order of position (at most
    ``MAX_FINDINGS_PER_RULE`` of a rule, and a last one saying there are more).

    ``language`` is the BCP 47 tag of the language ``text`` is written in (``en``,
    ``de``, ``ja``, ``pt-BR``); by default the site's ``language``. The rules in
    ``ENGLISH_ONLY`` read only English, the promise rules English and the languages with
    a phrasebook (``skipped_rules`` says which did not run)."""
    subject = Text(text, context, language or context.settings.language)
    found = []
    for rule in RULES:
        for count, hit in enumerate(rule.find(subject)):
            if count == MAX_FINDINGS_PER_RULE:
                found.append(Finding(rule.id, hit.start, _more(rule.message_for(hit))))
                break
            found.append(Finding(rule.id, hit.start, rule.message_for(hit)))
    return sorted(found, key=lambda f: (f.start, f.rule))


def skipped_rules(text: str, context: TextContext, language: str | None = None) -> frozenset[str]:
    """The rules ``lint_text`` did not apply to ``text`` because of its language (by its
    tag, and by its words and script): none for English, ``ENGLISH_ONLY`` for a language
    with a phrasebook (German, French, Spanish, Japanese), all of ``WORDING`` for any
    other."""
    subject = Text(text, context, language or context.settings.language)
    if subject.english:
        return frozenset()
    return ENGLISH_ONLY if subject.phrasebook is not None else WORDING


def _more(message: str) -> str:
    return (
        f"{message} (and more of the same from here on: only the first "
        f"{MAX_FINDINGS_PER_RULE} of a rule are listed in one text; fix them and check again)"
    )
