"""Locale-independent formatting of times and durations for people.

strftime's month names follow the process locale, which would make builds differ from
machine to machine; these come from the message catalogue, which the build chooses
(English unless told otherwise).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from statuspress.messages import ENGLISH, Catalogue


def month_name(month: int, messages: Catalogue = ENGLISH) -> str:
    """The full name of ``month`` (1-12): ``November``."""
    return _month_names(messages)[month - 1]


@lru_cache(maxsize=8)
def _month_names(messages: Catalogue) -> tuple[str, ...]:
    """The twelve names, looked up once per catalogue (a build formats thousands of dates)."""
    return (
        messages.gettext("January"),
        messages.gettext("February"),
        messages.gettext("March"),
        messages.gettext("April"),
        # Translators: the month (the full name; its abbreviation has its own entry).
        messages.gettext("May"),
        messages.gettext("June"),
        messages.gettext("July"),
        messages.gettext("August"),
        messages.gettext("September"),
        messages.gettext("October"),
        messages.gettext("November"),
        messages.gettext("December"),
    )


def month_abbreviation(month: int, messages: Catalogue = ENGLISH) -> str:
    """The short name of ``month`` (1-12): ``Nov``."""
    return _month_abbreviations(messages)[month - 1]


@lru_cache(maxsize=8)
def _month_abbreviations(messages: Catalogue) -> tuple[str, ...]:
    return (
        messages.pgettext("abbreviated month", "Jan"),
        messages.pgettext("abbreviated month", "Feb"),
        messages.pgettext("abbreviated month", "Mar"),
        messages.pgettext("abbreviated month", "Apr"),
        messages.pgettext("abbreviated month", "May"),
        messages.pgettext("abbreviated month", "Jun"),
        messages.pgettext("abbreviated month", "Jul"),
        messages.pgettext("abbreviated month", "Aug"),
        messages.pgettext("abbreviated month", "Sep"),
        messages.pgettext("abbreviated month", "Oct"),
        messages.pgettext("abbreviated month", "Nov"),
        messages.pgettext("abbreviated month", "Dec"),
    )


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def short_date(value: date, messages: Catalogue = ENGLISH) -> str:
    """``23 Sep 2026`` in the value's own offset."""
    month = month_abbreviation(value.month, messages)
    return _date(value, month, messages)


def long_date(value: date, messages: Catalogue = ENGLISH) -> str:
    """``23 September 2026``."""
    return _date(value, month_name(value.month, messages), messages)


def _date(value: date, month: str, messages: Catalogue) -> str:
    # Translators: a date; reorder the day, the month's name and the year as your language
    # writes them.
    return messages.gettext("%(day)s %(month)s %(year)s") % {
        "day": value.day,
        "month": month,
        "year": value.year,
    }


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
        return messages.gettext("%(days)s d %(hours)s h") % {"days": days, "hours": hours}
    if days:
        return messages.gettext("%(days)s d") % {"days": days}
    if hours and minutes:
        return messages.gettext("%(hours)s h %(minutes)s min") % {
            "hours": hours,
            "minutes": f"{minutes:02d}",
        }
    if hours:
        return messages.gettext("%(hours)s h") % {"hours": hours}
    return messages.gettext("%(minutes)s min") % {"minutes": minutes}
