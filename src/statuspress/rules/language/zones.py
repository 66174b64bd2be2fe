"""The time-zone words people write after a clock time, and the zones they mean.

An abbreviation names a place, not an offset: writers put "EST" or "PST" on a July update
as often as "EDT"/"PDT", so every abbreviation maps to the daylight-saving-aware IANA zone
of its region, and the offset comes from that zone on the day in question. Where an
abbreviation is ambiguous the choice is written here: IST is India (not Ireland or
Israel), CST is US Central (not China), BST is British Summer Time.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Upper-case abbreviations, matched only as written (so "west", "art" or "et" in a
#: sentence are words, not zones). UTC and GMT are also matched in lower case.
ABBREVIATIONS: dict[str, str] = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC", "UT": "UTC",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "BRT": "America/Sao_Paulo",
    "BST": "Europe/London", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow", "SAST": "Africa/Johannesburg", "GST": "Asia/Dubai",
    "IST": "Asia/Kolkata", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "PHT": "Asia/Manila",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AWST": "Australia/Perth", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
}  # fmt: skip

#: Zone names written out ("Pacific Time", "Eastern", "US/Pacific"), lower-cased.
SPELLED: dict[str, str] = {
    "pacific": "America/Los_Angeles", "eastern": "America/New_York",
    "central": "America/Chicago", "mountain": "America/Denver",
    "uk": "Europe/London", "london": "Europe/London", "british": "Europe/London",
    "central european": "Europe/Berlin", "paris": "Europe/Paris", "berlin": "Europe/Berlin",
    "india": "Asia/Kolkata", "indian": "Asia/Kolkata", "japan": "Asia/Tokyo",
    "tokyo": "Asia/Tokyo", "korea": "Asia/Seoul", "korean": "Asia/Seoul",
    "singapore": "Asia/Singapore", "sydney": "Australia/Sydney",
    "australian eastern": "Australia/Sydney",
}  # fmt: skip

_ABBREVIATION = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_SPELLED = "|".join(sorted((re.escape(s) for s in SPELLED), key=len, reverse=True))
#: One zone written after a clock time: an offset from UTC, an abbreviation, an IANA name
#: ("Europe/Berlin", "US/Pacific") or a spelled name followed by "time" (except the four
#: US names, which are written alone as often: "10:00 Pacific").
ZONE = (
    r"(?P<zone>(?i:utc|gmt)(?P<offset>[+\-\u2212]\d{1,2}(?::?\d{2})?)?(?![\w+-])"
    rf"|(?:{_ABBREVIATION})(?![\w+-])"
    r"|[A-Z][A-Za-z]+(?:_[A-Z][a-z]+)*/[A-Z][A-Za-z]+(?:_[A-Z][A-Za-z]+)*"
    rf"|(?i:(?:{_SPELLED})(?:\s(?:standard|daylight|summer))?\stime)"
    r"|(?:Pacific|Eastern|Central|Mountain)(?![\w-]))"
)
_OFFSET = re.compile(r"([+\-\u2212])(\d{1,2})(?::?(\d{2}))?")


@lru_cache(maxsize=128)
def zone_of(written: str) -> tzinfo | None:
    """The zone a written zone word means, or None when it is not one."""
    compact = written.strip()
    upper = compact.upper()
    if upper.startswith(("UTC", "GMT")) and len(upper) > 3:
        m = _OFFSET.fullmatch(compact[3:])
        if m is None:
            return None
        sign = -1 if m.group(1) in "-\u2212" else 1
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    if compact in ABBREVIATIONS:
        return _iana(ABBREVIATIONS[compact])
    if upper in ("UTC", "GMT"):
        return timezone.utc
    if "/" in compact:
        return _iana(compact)
    words = compact.lower().split()
    while words and words[-1] in ("time", "standard", "daylight", "summer"):
        words.pop()
    name = SPELLED.get(" ".join(words))
    return _iana(name) if name else None


def _iana(name: str) -> tzinfo | None:
    if name == "UTC":
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
