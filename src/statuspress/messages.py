"""The message catalogue: every word the site, its feeds, calendar, badge and report show
to people is looked up here, gettext style.

A msgid is the English text itself, a whole sentence with ``%(name)s`` placeholders
(never fragments glued together), so a translator sees what the reader will see. Code
formats after looking up: ``messages.gettext("History: %(month)s") % {"month": m}``;
templates use Jinja's i18n extension (``{% trans %}``, ``_()``, ``ngettext()``), which
formats the same way. A literal ``%`` in a msgid is written ``%%``.

The catalogue is passed explicitly (it lives in the render context and the frame): no
module here keeps a current language. ``ENGLISH``, the default, is the identity.

Machine values (the Statuspage API's enums and indicator descriptions, JSON keys) are not
messages: clients compare them against fixed English strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
