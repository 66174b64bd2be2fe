"""Warnings: words that need a second look. Their finders live by subject: jargon and
HTTP statuses in ``jargon.py``, identifier shapes in ``identifiers.py``, the next-update
and fix-time promises in ``promises.py``, filler in ``filler.py``; "fixed" before the end
is here. Two wording rules (fixed-wording, vague) read English only; the promise rules
(eta, next-update) read every language with a phrasebook.

Each rule is one ``Rule`` in ``RULES`` below: id, level, the fix-it message (naming the
words that triggered it and what to write instead) and its finder.
"""

from __future__ import annotations

from collections.abc import Iterator

from statuspress.diagnostics import Level
from statuspress.rules.language import patterns as p
from statuspress.rules.language.filler import vague_words
from statuspress.rules.language.identifiers import identifiers
from statuspress.rules.language.jargon import http_statuses, jargon_terms
from statuspress.rules.language.promises import (
    fix_times,
    next_update_disagrees,
    next_update_missing,
)
from statuspress.rules.language.rule import Hit, Rule
from statuspress.rules.language.text import Text

#: The rules that read English wording only; other languages skip them.
ENGLISH_ONLY = ("language/fixed-wording", "language/vague")
#: The rules that read promises: in English and in every language with a phrasebook
#: (German, French, Spanish, Japanese); a text in any other language skips them.
PROMISE_RULES = ("language/eta", "language/next-update")


def fixed_too_early(text: Text) -> Iterator[Hit]:
    if text.is_open_update and text.english:
        if text.raw.isascii() and text.words.isdisjoint(p.FIXED_WORDS):
            return
        for m in p.FIXED.finditer(text.raw):
            before = text.raw[max(0, m.start() - 40) : m.start()]
            # Most "fixed" words have none of the qualifying words before them at all.
            if not (p.NOT_YET_HINT.search(before) and p.NOT_YET.search(before)):
                yield Hit(m.start(), (m.group(0),))


RULES: tuple[Rule, ...] = (
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' is engineering jargon; say what customers see, such as '{1}'",
        jargon_terms,
    ),
    Rule(
        "language/jargon",
        Level.WARNING,
        "'{0}' is an HTTP status code; say 'some requests fail' instead",
        http_statuses,
    ),
    Rule(
        "language/identifier",
        Level.WARNING,
        "'{0}' looks like {1}; {2}",
        identifiers,
    ),
    Rule(
        "language/fixed-wording",
        Level.WARNING,
        "'{0}' in an update that is not final; say what has changed, such as 'A fix is in "
        "place and we are watching closely', and keep 'resolved' for the final update",
        fixed_too_early,
    ),
    Rule(
        "language/eta",
        Level.WARNING,
        "'{0}' promises when the problem will be fixed; a missed promise costs trust. Say "
        "what you are doing and when the next update comes instead, or add "
        "'eta_approved_by: <name>' if it was approved",
        fix_times,
    ),
    Rule(
        "language/next-update",
        Level.WARNING,
        "{0}say when the next update comes, such as '{1}'",
        next_update_missing,
    ),
    Rule(
        "language/next-update",
        Level.WARNING,
        "'{0}' promises the next update at {1}, {2}; make the text and next_update agree",
        next_update_disagrees,
    ),
    Rule(
        "language/vague",
        Level.WARNING,
        "'{0}' tells customers nothing new; say what they see and who is affected (which "
        "feature, which customers) or what has changed since the last update",
        vague_words,
    ),
)
