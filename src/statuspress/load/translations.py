"""Translation files -> ``Translation``s attached to their originals.

``<update>.<language>.md`` carries an update's body in another language, and
``incident.<language>.md`` the header's title and summary. Front matter: ``translates:``
(the original's content digest the translation was made from; ``statuspress new update
--lang`` writes it) and, for a header, ``title:``. Nothing else: times, statuses and
components come from the original, so they can never disagree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic, Position
from statuspress.fields import Fields
from statuspress.layout import INCIDENT_FILE
from statuspress.load.reading import error, read, source_of
from statuspress.model import Incident, Translation, Update

UPDATE_TRANSLATION_KEYS = frozenset({"translates"})
HEADER_TRANSLATION_KEYS = frozenset({"translates", "title"})

#: (original file name, language) -> the translation read from its file
Found = dict[tuple[str, str], Translation]


def read_translation(
    root: Path,
    entry: os.DirEntry[str],
    rel: str,
    original: str,
    language: str,
    settings: Settings,
    diagnostics: list[Diagnostic],
    files: list[tuple[str, bytes]],
) -> Translation | None:
    """One translation file, or None with its mistakes in ``diagnostics``."""
    doc = read(root, entry.path, diagnostics, rel, symlink=entry.is_symlink())
    if doc is None:
        return None
    files.append((entry.name, doc.digest))
    if language not in settings.extra_languages:
        declared = ", ".join(settings.extra_languages) or "none besides the default"
        diagnostics.append(
            error(
                rel,
                Position(1, 1),
                "translations/undeclared-language",
                f"'{language}' is not one of the site's other languages ({declared}); add it "
                f"to 'languages:' in statuspress.yaml, or rename or remove the file",
            )
        )
        return None
    header = original == INCIDENT_FILE
    keys = HEADER_TRANSLATION_KEYS if header else UPDATE_TRANSLATION_KEYS
    f = Fields(doc.path, doc.front_matter, keys, "a translation")
    translates = f.text("translates")
    title = f.text("title") if header else None
    body = doc.body.strip()
    diagnostics.extend(f.diagnostics)
    if not header and not body:
        diagnostics.append(
            error(
                rel,
                Position(doc.body_line, 1),
                "schema/required",
                "the translation has no text; write the update in "
                f"'{language}' below the closing '---'",
            )
        )
        return None
    if not f.ok:
        return None
    return Translation(language, body, source_of(doc, f), title, translates)


def attach(
    incident: Incident, found: Found, diagnostics: list[Diagnostic], folder: str
) -> Incident:
    """``incident`` with each translation attached to its original; a translation of a
    file that is not there is an error."""
    by_file = {u.source.path.rsplit("/", 1)[-1]: u for u in incident.updates}
    per_update: dict[str, dict[str, Translation]] = {}
    header: dict[str, Translation] = {}
    for (original, language), translation in sorted(found.items()):
        if original == INCIDENT_FILE:
            header[language] = translation
        elif original in by_file:
            per_update.setdefault(original, {})[language] = translation
        else:
            diagnostics.append(
                error(
                    translation.source.path,
                    Position(1, 1),
                    "translations/orphan",
                    f"there is no {folder}/{original} for this translation to translate; "
                    "rename it after its update (<update>.<language>.md) or remove it",
                )
            )
    if not per_update and not header:
        return incident
    updates = tuple(
        _with(u, per_update.get(u.source.path.rsplit("/", 1)[-1], {})) for u in incident.updates
    )
    return replace(incident, updates=updates, translations=header)


def _with(update: Update, translations: Mapping[str, Translation]) -> Update:
    return replace(update, translations=dict(translations)) if translations else update
