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


def lint_text(text: str, context: TextContext) -> list[Finding]:
    """Every language finding in one customer-facing text, in order of position."""
    subject = Text(text, context)
    found = [
        Finding(rule.id, hit.start, rule.message_for(hit))
        for rule in RULES
        for hit in rule.find(subject)
    ]
    return sorted(found, key=lambda f: (f.start, f.rule))
