"""The time reader: a time written in any supported zone and phrasing reads back as the
instant it means (daylight saving included), and what is not a time is not read as one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.rules.language.instants import clock_instants
from statuspress.rules.language.timeread import Clock, Delay, read_times
from statuspress.rules.language.zones import ABBREVIATIONS, zone_of

UTC = timezone.utc
ZONE_WORDS = sorted(ABBREVIATIONS)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def _clock_phrasings(local: datetime) -> list[str]:
    """Ways people write the wall time of ``local`` (without its zone)."""
    hour12 = local.hour % 12 or 12
    ampm = "AM" if local.hour < 12 else "PM"
    forms = [
        f"{local:%H:%M}",
        f"{local:%H%M}",
        f"{hour12}:{local:%M} {ampm}",
        f"{hour12}:{local:%M}{ampm.lower()}",
        f"{hour12}:{local:%M} {ampm[0].lower()}.m.",
    ]
    if local.minute == 0:
        forms.append(f"{hour12} {ampm.lower()}")
        if local.hour == 12:
            forms.append("noon")
    return forms


def _dates(local: datetime) -> list[str]:
    return [
        f"on {local.day} {MONTHS[local.month - 1]} {local.year}",
        f"on {MONTHS[local.month - 1][:3]} {local.day}, {local.year}",
        f"on {local:%Y-%m-%d}",
    ]


instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
).map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=300, deadline=None)
@given(instants, st.sampled_from(ZONE_WORDS), st.data())
def test_a_dated_time_in_any_zone_and_phrasing_reads_back_as_the_same_instant(
    instant: datetime, word: str, data: st.DataObject
) -> None:
    zone = zone_of(word)
    assert zone is not None
    local = instant.astimezone(zone)
    if local.replace(tzinfo=None, fold=0).replace(tzinfo=zone).astimezone(UTC) != instant:
        return  # the second of a repeated wall time: written alone it means the first
    clock = data.draw(st.sampled_from(_clock_phrasings(local)))
    day = data.draw(st.sampled_from(_dates(local)))
    text = f"We will post the next update at {clock} {word} {day}."
    [found] = [m for m in read_times(text) if isinstance(m, Clock)]
    reference = instant + timedelta(days=data.draw(st.integers(-200, 200)))
    assert clock_instants(found, reference, (UTC,)) == [instant], text


@settings(max_examples=200, deadline=None)
@given(instants, st.sampled_from(ZONE_WORDS), st.integers(-11 * 60, 11 * 60))
def test_an_undated_time_is_the_occurrence_nearest_the_reference(
    instant: datetime, word: str, shift_minutes: int
) -> None:
    zone = zone_of(word)
    assert zone is not None
    local = instant.astimezone(zone)
    if local.replace(tzinfo=None, fold=0).replace(tzinfo=zone).astimezone(UTC) != instant:
        return
    [found] = read_times(f"Next update by {local:%H:%M} {word}.")
    assert isinstance(found, Clock)
    reference = instant + timedelta(minutes=shift_minutes)
    assert clock_instants(found, reference, (UTC,)) == [instant]


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # The night clocks go back in New York: 1:30 AM happens twice; written, the first.
        ("at 1:30 AM ET on 2026-11-01", datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        ("at 12:30 AM ET on 2026-11-01", datetime(2026, 11, 1, 4, 30, tzinfo=UTC)),
        ("at 2:30 AM ET on 2026-11-01", datetime(2026, 11, 1, 7, 30, tzinfo=UTC)),
        # The night clocks go forward: 3:30 AM EDT right after 1:59 AM EST.
        ("at 1:30 AM ET on 2026-03-08", datetime(2026, 3, 8, 6, 30, tzinfo=UTC)),
        ("at 3:30 AM ET on 2026-03-08", datetime(2026, 3, 8, 7, 30, tzinfo=UTC)),
        # "EST" written in summer means the time in New York, as people mean it.
        ("at 9:00 AM EST on 2026-07-14", datetime(2026, 7, 14, 13, 0, tzinfo=UTC)),
        ("at 9:00 AM PDT on 2026-12-01", datetime(2026, 12, 1, 17, 0, tzinfo=UTC)),
        ("at noon PT on 2026-11-17", datetime(2026, 11, 17, 20, 0, tzinfo=UTC)),
        ("at midnight UTC on 2026-11-18", datetime(2026, 11, 18, 0, 0, tzinfo=UTC)),
        ("at 2:30 AM CET on 2026-10-25", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("at 9:30 PM AEDT on 2026-11-17", datetime(2026, 11, 17, 10, 30, tzinfo=UTC)),
        ("at 4:00 PM IST on 2026-11-17", datetime(2026, 11, 17, 10, 30, tzinfo=UTC)),
        ("at 10:30 UTC+05:30 on 2026-11-17", datetime(2026, 11, 17, 5, 0, tzinfo=UTC)),
        ("at 10:30 Europe/Berlin on 2026-07-14", datetime(2026, 7, 14, 8, 30, tzinfo=UTC)),
        ("by 2026-11-17T10:30Z", datetime(2026, 11, 17, 10, 30, tzinfo=UTC)),
    ],
)
def test_daylight_saving_edges_and_zone_spellings(text: str, utc: datetime) -> None:
    [found] = read_times(text)
    assert isinstance(found, Clock)
    assert clock_instants(found, utc, (UTC,)) == [utc]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("in two hours", (120, 120)),
        ("within the next 30 minutes", (0, 30)),
        ("in the next 20-30 minutes", (0, 30)),
        ("in 20-30 minutes", (20, 30)),
        ("within the hour", (0, 60)),
        ("in an hour and a half", (90, 90)),
        ("in half an hour", (30, 30)),
        ("every 30 minutes", (30, 30)),
        ("every hour", (60, 60)),
        ("in forty-five minutes", (45, 45)),
        ("within 2 hours", (0, 120)),
    ],
)
def test_relative_delays(text: str, minutes: tuple[int, int]) -> None:
    [found] = read_times(f"We will post another update {text}.")
    assert isinstance(found, Delay) and not found.fuzzy
    assert (found.low, found.high) == (timedelta(minutes=minutes[0]), timedelta(minutes=minutes[1]))


@pytest.mark.parametrize(
    "text",
    [
        "Version 4.2 fixes it.",
        "Invoices from 28 November are affected.",
        "Delays of up to 40 minutes.",
        "We are investigating.",
        "about 1,200 customers on 2 plans",
        "over 2 hours of delays",
        "10.30 percent",
    ],
)
def test_what_is_not_a_time_is_not_read_as_one(text: str) -> None:
    assert read_times(text) == []


def test_a_range_shares_its_zone_and_am_pm() -> None:
    first, second = read_times("between 10 and 11 AM PT")
    assert isinstance(first, Clock) and isinstance(second, Clock)
    assert (first.hour, second.hour) == (10, 11)
    assert first.zone == second.zone == ZoneInfo("America/Los_Angeles")


def test_fuzzy_delays_are_read_but_marked() -> None:
    [found] = read_times("in a few minutes")
    assert isinstance(found, Delay) and found.fuzzy
