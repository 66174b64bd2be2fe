"""The instants a clock time read from a text can mean: the zone it names (or each of the
site's), and the day it names or, without one, the day that puts it nearest the moment
the text speaks of."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo

from statuspress.rules.language.timeread import Clock


def clock_instants(
    clock: Clock,
    reference: datetime,
    default_zones: tuple[tzinfo, ...],
    written: datetime | None = None,
) -> list[datetime]:
    """The instants ``clock`` can mean, one per zone it may be in (its own, or else each of
    ``default_zones``). Without a written date, the day is the one that puts the time
    nearest ``reference`` (the later on a tie). Days written relative to the text ("today",
    "tomorrow", a weekday: its next day on or after) count from ``written``, when the
    text was written (``reference`` when not given)."""
    zones = (clock.zone,) if clock.zone is not None else default_zones
    return [_instant(clock, reference, written or reference, zone) for zone in zones]


def _instant(clock: Clock, reference: datetime, written: datetime, zone: tzinfo) -> datetime:
    local_reference = reference.astimezone(zone)
    day = clock.day
    if day is not None and day.month is not None and day.day is not None:
        candidates = [day.year] if day.year else [local_reference.year + d for d in (-1, 0, 1)]
        dates = [d for y in candidates if (d := _date(y, day.month, day.day)) is not None]
        if not dates:
            dates = [local_reference.date()]
        return _nearest([_at(d, clock, zone) for d in dates], reference)
    base = written.astimezone(zone).date()
    if day is not None and day.weekday is not None:
        return _at(base + timedelta(days=(day.weekday - base.weekday()) % 7), clock, zone)
    if day is not None and day.offset is not None:
        return _at(base + timedelta(days=day.offset), clock, zone)
    # The same wall time on the reference's day, moved a day when that is nearer.
    instant = _at(local_reference.date(), clock, zone)
    if instant - reference > _HALF_DAY:
        return _at(local_reference.date() - _DAY, clock, zone)
    if reference - instant >= _HALF_DAY:
        return _at(local_reference.date() + _DAY, clock, zone)
    return instant


_DAY = timedelta(days=1)
_HALF_DAY = timedelta(hours=12)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _at(day: date, clock: Clock, zone: tzinfo) -> datetime:
    local = datetime(day.year, day.month, day.day, clock.hour, clock.minute, tzinfo=zone)
    # A wall time that does not exist (skipped when clocks go forward) is read as the
    # instant it would have been an hour before the change, as zoneinfo does.
    return local.astimezone(timezone.utc)


def _nearest(instants: list[datetime], reference: datetime) -> datetime:
    return min(instants, key=lambda t: (abs(t - reference), -t.timestamp()))
