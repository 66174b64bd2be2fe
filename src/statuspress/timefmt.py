"""Locale-independent formatting of times and durations for people.

strftime's month names follow the process locale, which would make builds differ from
machine to machine; these tables do not.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def short_date(value: date) -> str:
    """``23 Sep 2026`` in the value's own offset."""
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def long_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def clock(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def local_and_utc(value: datetime, zone_name: str) -> str:
    """``23 Sep 2026, 15:05 CEST (13:05 UTC)``; just UTC when the site zone is UTC."""
    utc = value.astimezone(timezone.utc)
    local = value.astimezone(zone(zone_name))
    if local.utcoffset() == timedelta(0) and zone_name in ("UTC", "Etc/UTC"):
        return f"{short_date(utc)}, {clock(utc)} UTC"
    return f"{short_date(local)}, {clock(local)} {local.tzname()} ({clock(utc)} UTC)"


def iso(value: datetime) -> str:
    """Machine-readable UTC, for ``<time datetime>``: ``2026-09-23T13:05:00Z``."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_clock_on_date(value: datetime) -> str:
    """``10:45 UTC on 2026-11-17``: a time in diagnostics and terminal output."""
    utc = value.astimezone(timezone.utc)
    return f"{clock(utc)} UTC on {utc.year:04d}-{utc.month:02d}-{utc.day:02d}"


def duration_words(value: timedelta) -> str:
    """``1 h 20 min``, ``45 min``, ``2 d 3 h``, ``under a minute``."""
    minutes = int(value.total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    return f"{minutes} min"
