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


def lint_text(text: str, context: TextContext) -> list[Finding]:
    """The language findings in one customer-facing text, in order of position (at most
    ``MAX_FINDINGS_PER_RULE`` of a rule, and a last one saying there are more)."""
    subject = Text(text, context)
    found = []
    for rule in RULES:
        for count, hit in enumerate(rule.find(subject)):
            if count == MAX_FINDINGS_PER_RULE:
                found.append(Finding(rule.id, hit.start, _more(rule.message_for(hit))))
                break
            found.append(Finding(rule.id, hit.start, rule.message_for(hit)))
    return sorted(found, key=lambda f: (f.start, f.rule))


def _more(message: str) -> str:
    return (
        f"{message} (and more of the same from here on: only the first "
        f"{MAX_FINDINGS_PER_RULE} of a rule are listed in one text; fix them and check again)"
    )
