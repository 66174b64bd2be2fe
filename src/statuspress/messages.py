"""The message catalogue: every word the site, its feeds, calendar, badge and report show
to people is looked up here, gettext style.

A msgid is the English text itself, a whole sentence with ``%(name)s`` placeholders
(never fragments glued together), so a translator sees what the reader will see. Code
formats after looking up: ``messages.gettext("History: %(month)s") % {"month": m}``;
templates use Jinja's i18n extension (``{% trans %}``, ``_()``, ``ngettext()``), which
formats the same way. A literal ``%`` in a msgid is written ``%%``.

The catalogue is passed explicitly (it lives in the render context and the frame): no
module here keeps a current language. ``ENGLISH``, the default, is the identity.

Translations are gettext catalogues managed with Babel (docs/translations.md): the
template ``locale/statuspress.pot`` is extracted from the code and the theme, and each
shipped language has ``locale/<lang>/LC_MESSAGES/statuspress.po``. The ``.po`` file is read
with Babel's reader when a build first needs the language, so an editable install and a
wheel load the same file and there is no compiled ``.mo`` to forget. A message a catalogue
lacks falls back to its English msgid (``check`` reports it: ``i18n/untranslated``).

Machine values (the Statuspage API's enums and indicator descriptions, JSON keys) are not
messages: clients compare them against fixed English strings.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

#: The languages whose catalogues ship with statuspress (English is the msgids themselves).
SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "ja")
#: The catalogues' folder inside the package, in gettext's layout.
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "statuspress"


class Translations(Protocol):
    """What ``gettext.GNUTranslations`` and ``gettext.NullTranslations`` provide."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...

    def npgettext(self, context: str, singular: str, plural: str, n: int, /) -> str: ...


@dataclass(frozen=True)
class Catalogue:
    """A language's messages. Without ``translations`` it is English: every msgid is its
    own translation. Looking up never formats: callers apply ``%`` with their values (Jinja's
    i18n extension calls these methods and formats itself)."""

    translations: Translations | None = None
    #: the language tag (BCP 47, ``de`` or ``de-AT``) its dates and numbers follow
    language: str = "en"

    def gettext(self, message: str) -> str:
        """``message`` in this catalogue's language."""
        if self.translations is None:
            return message
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of ``singular``/``plural`` for the count ``n``."""
        if self.translations is None:
            return singular if n == 1 else plural
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in ``context``: for the same English word meaning two things."""
        if self.translations is None:
            return message
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        if self.translations is None:
            return singular if n == 1 else plural
        return self.translations.npgettext(context, singular, plural, n)


#: The default catalogue: English, the identity (immutable, so safe to share).
ENGLISH = Catalogue()


def base_language(tag: str) -> str:
    """``de`` for ``de-AT``, ``de_AT`` or ``DE``: the catalogue a language tag uses."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def catalogue_path(language: str) -> Path:
    """The shipped ``.po`` file of ``language`` (which may not exist)."""
    return LOCALE_DIR / base_language(language) / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalogue_for(language: str) -> Catalogue:
    """The messages of ``language`` (a tag such as ``de`` or ``fr-CA``): English is the
    identity; a language statuspress does not ship speaks English words with its own
    dates and numbers (``check`` says so: ``i18n/unknown-language``)."""
    base = base_language(language)
    if base == "en" or not catalogue_path(base).is_file():
        return Catalogue(None, language)
    return Catalogue(_translations(base), language)


@cache
def _translations(base: str) -> gettext.GNUTranslations:
    """The shipped catalogue of ``base``, read once per process. Entries without a
    translation (or marked fuzzy) are left out, so gettext falls back to the msgid."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(base).open("rb") as source:
        catalog = read_po(source, locale=base, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def template_msgids() -> frozenset[tuple[str | None, str]]:
    """(context, msgid) of every message of the extracted template ``statuspress.pot``."""
    return _msgids(LOCALE_DIR / f"{DOMAIN}.pot", translated_only=False)


def translated_msgids(language: str) -> frozenset[tuple[str | None, str]]:
    """(context, msgid) of every message the shipped catalogue of ``language`` translates
    (every plural form filled, not fuzzy); empty when statuspress does not ship it."""
    path = catalogue_path(language)
    if base_language(language) == "en":
        return template_msgids()
    if not path.is_file():
        return frozenset()
    return _msgids(path, translated_only=True)


@cache
def _msgids(path: Path, *, translated_only: bool) -> frozenset[tuple[str | None, str]]:
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        catalog = read_po(source, domain=DOMAIN)
    found = set()
    for message in catalog:
        if not message.id:
            continue  # the header
        if translated_only:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        found.add((message.context, msgid))
    return frozenset(found)


def missing_msgids(language: str) -> list[tuple[str | None, str]]:
    """The template's messages the shipped catalogue of ``language`` does not translate,
    sorted (they show in English)."""
    return sorted(template_msgids() - translated_msgids(language), key=lambda m: (m[1], m[0] or ""))
