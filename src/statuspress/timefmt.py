"""Times, dates, durations and numbers for people, in the build's language.

Dates and numbers come from CLDR through Babel, in the language of the catalogue the
build chose (English unless told otherwise), never from the process locale: the same
content gives the same bytes on any machine. English dates are written day, month, year
(CLDR's world English, ``en-001``), as the site always wrote them; a site that wants
another English sets ``language: en-US``. Durations are catalogue messages ("1 h 20 min"):
CLDR has no pattern for a duration of several units. Lists of words are joined with the
language's CLDR list patterns (``word_list``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from statuspress.messages import ENGLISH, Catalogue

if TYPE_CHECKING:
    from babel import Locale

#: The CLDR locale a bare ``en`` formats with: day-month-year, 24-hour clock.
ENGLISH_CLDR = "en_001"


@lru_cache(maxsize=32)
def cldr_locale(language: str) -> Locale:
    """The Babel locale of a language tag (``de``, ``de-AT``); an unknown tag formats as
    English (the settings reader has already reported it)."""
    from babel import Locale, UnknownLocaleError

    tag = language.replace("-", "_")
    if tag.lower() == "en":
        tag = ENGLISH_CLDR
    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(ENGLISH_CLDR)


def month_label(year: int, month: int, messages: Catalogue = ENGLISH) -> str:
    """A month of a year as a heading says it: ``November 2026``, ``2026年11月``."""
    return _format(date(year, month, 1), "month", messages.language)


def short_date(value: date, messages: Catalogue = ENGLISH) -> str:
    """``24 Nov 2026`` (``24.11.2026``, ``2026/11/24``): the value's own calendar day."""
    return _format(_day(value), "medium", messages.language)


def long_date(value: date, messages: Catalogue = ENGLISH) -> str:
    """``24 November 2026`` (``24. November 2026``)."""
    return _format(_day(value), "long", messages.language)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@lru_cache(maxsize=4096)
def _format(day: date, form: str, language: str) -> str:
    """One date in one of CLDR's forms (a site shows the same days on every page)."""
    from babel.dates import format_date, format_skeleton

    locale = cldr_locale(language)
    if form == "month":
        return format_skeleton("yMMMM", day, locale=locale)
    return format_date(day, form, locale=locale)


def number(value: float, messages: Catalogue = ENGLISH, decimals: int = 0) -> str:
    """``value`` with the language's decimal sign and grouping, at most ``decimals``
    decimals and no trailing zeros: ``1,234.5``, ``1.234,5``, ``80``."""
    return _number(value, decimals, messages.language)


@lru_cache(maxsize=1024)
def _number(value: float, decimals: int, language: str) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, pattern, locale=cldr_locale(language))


def percent(value: float, messages: Catalogue = ENGLISH, decimals: int = 0) -> str:
    """``value`` (0 to 100) as the language writes a percentage: ``99.95%``, ``99,95 %``."""
    return _percent(value, decimals, messages.language)


@lru_cache(maxsize=1024)
def _percent(value: float, decimals: int, language: str) -> str:
    from babel.numbers import format_percent

    locale = cldr_locale(language)
    # The language's own percent pattern (its spacing and sign), with fixed decimals.
    pattern = locale.percent_formats[None].pattern
    fixed = pattern.replace("#,##0", "#,##0" + ("." + "0" * decimals if decimals else ""), 1)
    return format_percent(value / 100, fixed, locale=locale, decimal_quantization=True)


def word_list(
    items: Sequence[str], messages: Catalogue = ENGLISH, *, conjunction: bool = True
) -> str:
    """``items`` as the language lists words: with its "and" ("Checkout, API and Webhooks",
    "Checkout, API und Webhooks", "Checkout、API、Webhooks") or, without ``conjunction``,
    with its list separator alone ("Checkout, API", "Checkout、API")."""
    if not items:
        return ""
    from babel.lists import format_list

    locale = cldr_locale(messages.language)
    if conjunction:
        return format_list(list(items), locale=locale)
    middle = locale.list_patterns["standard"]["middle"]
    joined = items[0]
    for item in items[1:]:
        joined = middle.format(joined, item)
    return joined


@lru_cache(maxsize=32)
def language_name(language: str) -> str:
    """The language's name for itself, as a language switch lists it: ``Deutsch``."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return language
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def clock(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def local_and_utc(value: datetime, zone_name: str, messages: Catalogue = ENGLISH) -> str:
    """``23 Sep 2026, 15:05 CEST (13:05 UTC)``; just UTC when the site zone is UTC."""
    utc = value.astimezone(timezone.utc)
    local = value.astimezone(zone(zone_name))
    if local.utcoffset() == timedelta(0) and zone_name in ("UTC", "Etc/UTC"):
        # Translators: a date and a 24-hour time in UTC: "23 Sep 2026, 13:05 UTC".
        return messages.gettext("%(date)s, %(time)s UTC") % {
            "date": short_date(utc, messages),
            "time": clock(utc),
        }
    # Translators: a date and time in the site's time zone, then the same time in UTC:
    # "23 Sep 2026, 15:05 CEST (13:05 UTC)"; %(zone)s is the zone's abbreviation.
    return messages.gettext("%(date)s, %(time)s %(zone)s (%(utc_time)s UTC)") % {
        "date": short_date(local, messages),
        "time": clock(local),
        "zone": local.tzname(),
        "utc_time": clock(utc),
    }


def iso(value: datetime) -> str:
    """Machine-readable UTC, for ``<time datetime>``: ``2026-09-23T13:05:00Z``."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_clock_on_date(value: datetime) -> str:
    """``10:45 UTC on 2026-11-17``: a time in diagnostics and terminal output."""
    utc = value.astimezone(timezone.utc)
    return f"{clock(utc)} UTC on {utc.year:04d}-{utc.month:02d}-{utc.day:02d}"


def duration_words(value: timedelta, messages: Catalogue = ENGLISH) -> str:
    """``1 h 20 min``, ``45 min``, ``2 d 3 h``, ``under a minute``."""
    minutes = int(value.total_seconds() // 60)
    if minutes < 1:
        # Translators: how long something lasted, when it was less than one minute.
        return messages.gettext("under a minute")
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    # Translators (the durations below): "d", "h" and "min" are the abbreviations of day,
    # hour and minute, the same for any number; %(minutes)s there has two digits ("05").
    if days and hours:
        return messages.gettext("%(days)s d %(hours)s h") % {
            "days": number(days, messages),
            "hours": hours,
        }
    if days:
        return messages.gettext("%(days)s d") % {"days": number(days, messages)}
    if hours and minutes:
        return messages.gettext("%(hours)s h %(minutes)s min") % {
            "hours": hours,
            "minutes": f"{minutes:02d}",
        }
    if hours:
        return messages.gettext("%(hours)s h") % {"hours": hours}
    return messages.gettext("%(minutes)s min") % {"minutes": minutes}
