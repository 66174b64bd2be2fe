"""The job summary's view of an update on a site in several languages: each language's
text side by side, so a reviewer compares the translations with the original at a glance.
(A part of its own, beside the summary the rest of `check --summary` writes.)"""

from __future__ import annotations

from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Update, content_digest
from statuspress.timefmt import language_name


def side_by_side(
    update: Update, default: str, languages: tuple[str, ...], messages: Catalogue = ENGLISH
) -> list[str]:
    """Markdown lines: a table with one column per language of the site (the default
    first), its one row each language's text of ``update``; a missing translation says
    so, and one made from an older original is marked. Nothing for a site in one
    language."""
    if not languages:
        return []
    columns = [default, *languages]
    head = [f"{language_name(lang)} (`{lang}`)" for lang in columns]
    cells = [_cell(update.body)]
    digest = content_digest(update.body)
    for language in languages:
        translation = update.translations.get(language)
        if translation is None:
            # Translators: a cell of the summary's table of an update's translations.
            cells.append("*" + messages.gettext("not translated yet") + "*")
        elif translation.translates != digest:
            older = messages.gettext("made from an older original")
            cells.append(f"**⚠ {older}** {_cell(translation.body)}")
        else:
            cells.append(_cell(translation.body))
    return [
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(columns),
        "| " + " | ".join(cells) + " |",
    ]


def _cell(text: str) -> str:
    """Text as one table cell: its lines joined with <br>, its pipes escaped."""
    return "<br>".join(line.replace("|", "\\|") for line in text.strip().splitlines())


def translation_paths(update: Update) -> set[str]:
    """The files of ``update``'s translations (a changed one shows its update too)."""
    return {t.source.path for t in update.translations.values()}
