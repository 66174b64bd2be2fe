"""One text being linted: what the rules know about it besides its words, and what several
rules derive from it (computed once per text, in time linear in its length)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property

from statuspress.config import Settings
from statuspress.rules.language.patterns import ENGLISH, OTHER_LANGUAGE, TOKEN
from statuspress.rules.language.phrasebook import Phrasebook, phrasebook_for
from statuspress.rules.language.timeread import Mention, read_times

#: Where a sentence ends: ".", "!" or "?" before a space or the end (so "10.30", "v4.2"
#: and "a.m." inside a sentence do not end it), a Japanese full stop, a blank line, or the
#: line break before a list item. A single line break does not: Markdown bodies are
#: wrapped mid-sentence. (Each alternative starts with its own character, so the search
#: skips every other one.)
_SENTENCE_END = re.compile(
    r"\.(?<![ap]\.m\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?=\s|$)|!(?=\s|$)|\?(?=\s|$)"
    r"|[\u3002\uff01\uff1f]|\n[ \t]*+\n|\n(?=[ \t]*+(?:[-*+]|\d+[.)])\s)"
)
#: Letters of scripts other than Latin: CJK, kana, Hangul, Cyrillic, Greek, Arabic,
#: Hebrew, Thai, Devanagari. A text with many of them is not English, whatever its site.
_OTHER_SCRIPT = (
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]"
)


@cache
def _other_script() -> re.Pattern[str]:
    """Compiled on first use: most texts are ASCII and never need it."""
    return re.compile(_OTHER_SCRIPT)


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class TextContext:
    """What a rule needs to know about one text besides its words.

    ``at`` is when the update was posted and ``next_update`` when it promises the next;
    ``vocabulary`` is the site's own words (its public components' names and
    descriptions), which the jargon and identifier rules accept; ``component_names`` are
    the public components' names, which name what an update is about.
    """

    settings: Settings = field(default_factory=Settings)
    is_update_body: bool = False
    final: bool = False
    maintenance: bool = False
    at: datetime | None = None
    next_update: datetime | None = None
    eta_approved: bool = False
    internal_component_names: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    component_names: tuple[str, ...] = ()


#: Every byte that is not an ASCII word character (``\\w``), as a space.
_ASCII_GAPS = bytes(c if re.match(r"\w", chr(c), re.ASCII) else 32 for c in range(256))


def words_of(lowered: str) -> list[str]:
    """``TOKEN.findall(lowered)``: the words of a lowered text. In ASCII text the same
    words are found by turning every other character into a space and splitting, at a
    fraction of the cost."""
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_GAPS).decode("ascii").split()
    return TOKEN.findall(lowered)


def is_english(text: str, tokens: Sequence[str] | None = None) -> bool:
    """A rough check: English prose is written in Latin letters and full of English
    function words; other languages have their own script or their own function words."""
    if not text.isascii() and _other_script().search(text):
        other_script = len(_other_script().findall(text))
        if other_script >= len(_LATIN.findall(text)) / 4:
            return False
    words = tokens if tokens is not None else TOKEN.findall(text.lower())
    english = sum(map(ENGLISH.__contains__, words))
    other = sum(map(OTHER_LANGUAGE.__contains__, words))
    return english >= other


def written_in(book: Phrasebook, text: str, tokens: Sequence[str]) -> bool:
    """Whether ``text`` is in ``book``'s language rather than English: mostly in its script,
    or with at least as many of its function words as English ones (a text with neither,
    such as "Nächste Meldung: 9.45 Uhr UTC.", goes by its tag)."""
    if book.script is not None:
        return len(book.script.findall(text)) >= len(_LATIN.findall(text)) / 4
    own = sum(map(book.function_words.__contains__, tokens))
    return own >= sum(map(ENGLISH.__contains__, tokens))


def primary_language(tag: str) -> str:
    """The primary subtag of a BCP 47 language tag: ``en`` for ``en-GB``."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


class Text:
    """A text with its lowered form, its words, its sentences and its times, each worked
    out once. ``language`` is the BCP 47 tag of the language it is written in."""

    def __init__(self, raw: str, context: TextContext, language: str) -> None:
        self.raw = raw
        self.context = context
        self.settings = context.settings
        self.language = language
        self.lowered = raw.lower()
        self.tokens: list[str] = words_of(self.lowered)
        self.words = frozenset(self.tokens)
        #: what a rule works out once for several rules that share it (by the rule's id)
        self.memo: dict[str, object] = {}

    @cached_property
    def english(self) -> bool:
        """Whether the English-only rules apply: English by its tag and by its words."""
        return primary_language(self.language) == "en" and is_english(self.raw, self.tokens)

    @cached_property
    def phrasebook(self) -> Phrasebook | None:
        """The phrasebook the promise rules read this text with when it is not English: its
        tag's language's, if one ships and the text is written in it (by its words or
        script); None for English and for every other text."""
        if self.english:
            return None
        book = phrasebook_for(primary_language(self.language))
        return book if book is not None and written_in(book, self.raw, self.tokens) else None

    @property
    def is_open_update(self) -> bool:
        """An update body that is not the final one: a fix is still to come."""
        return self.context.is_update_body and not self.context.final

    @cached_property
    def times(self) -> list[Mention]:
        """Every clock time and delay written in the text, in order, read in its language."""
        book = self.phrasebook
        if book is None:
            return read_times(self.raw, self.words)
        # Imported only when a text in another language is read: English sites never load it.
        from statuspress.rules.language.localread import read_local_times

        return read_local_times(self.raw, book.times)

    @cached_property
    def _ends(self) -> list[int]:
        return [m.end() for m in _SENTENCE_END.finditer(self.raw)]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The (start, end) of every sentence with words in it."""
        spans, start = [], 0
        for end in [*self._ends, len(self.raw)]:
            if self.raw[start:end].strip():
                spans.append((start, end))
            start = end
        return spans

    def sentence_around(self, offset: int) -> tuple[int, int]:
        """The bounds of the sentence holding ``offset``."""
        ends = self._ends
        i = bisect.bisect_right(ends, offset)
        return (ends[i - 1] if i else 0, ends[i] if i < len(ends) else len(self.raw))
