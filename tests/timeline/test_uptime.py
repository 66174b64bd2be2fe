"""The uptime formula, on hand-computed cases: a major outage counts fully, a partial
outage 30%, degraded performance and maintenance not at all; overlaps count once at the
worst status; tracking starts at start_date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from statuspress.config import Settings
from statuspress.model import (
    Component,
    ComponentStatus,
    Incident,
    Kind,
    Source,
    StatusSite,
    Update,
    UpdateStatus,
    worst,
)
from statuspress.timeline import build_timeline, component_uptime, format_percent

UTC = timezone.utc
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
API = Component("api", "API", Source("components/api.md"))


def incident(
    incident_id: str,
    start: datetime,
    hours: float,
    status: ComponentStatus,
    kind: Kind = Kind.INCIDENT,
) -> Incident:
    end = start + timedelta(hours=hours)
    if kind is Kind.MAINTENANCE:
        updates = (
            Update("a", incident_id, start, UpdateStatus.IN_PROGRESS, "x", Source("a"), end),
            Update("b", incident_id, end, UpdateStatus.COMPLETED, "x", Source("b")),
        )
    else:
        updates = (Update("b", incident_id, end, UpdateStatus.RESOLVED, "x", Source("b")),)
    return Incident(
        incident_id,
        incident_id,
        kind,
        start,
        {"api": status},
        Source("i"),
        updates,
        severity="sev2",
    )


def uptime(  # type: ignore[no-untyped-def]
    *incidents: Incident, component: Component = API, days: int = 90, now: datetime = NOW
):
    site = StatusSite(Settings(), (component,), tuple(sorted(incidents, key=lambda i: i.started)))
    return component_uptime(build_timeline(site, now), component, UTC, days)


def test_no_incident_is_100_percent() -> None:
    result = uptime()
    assert result.percent == 100.0 and format_percent(result.percent) == "100.00%"
    assert len(result.days) == 90 and result.days[-1].day == date(2026, 11, 30)


def test_major_counts_fully_and_partial_counts_thirty_percent() -> None:
    result = uptime(
        incident("major", datetime(2026, 11, 10, 8, tzinfo=UTC), 1, ComponentStatus.MAJOR_OUTAGE),
        incident(
            "partial", datetime(2026, 11, 12, 8, tzinfo=UTC), 2, ComponentStatus.PARTIAL_OUTAGE
        ),
        incident(
            "degraded",
            datetime(2026, 11, 14, 8, tzinfo=UTC),
            5,
            ComponentStatus.DEGRADED_PERFORMANCE,
        ),
        incident(
            "maintenance",
            datetime(2026, 11, 16, 8, tzinfo=UTC),
            3,
            ComponentStatus.UNDER_MAINTENANCE,
            Kind.MAINTENANCE,
        ),
    )
    tracked = timedelta(days=90)  # the 90 whole days, today included
    assert result.downtime == timedelta(hours=1) + 0.3 * timedelta(hours=2)
    assert result.percent == 100 * (1 - timedelta(hours=1.6) / tracked)
    assert format_percent(result.percent) == "99.92%"  # 99.9253…, rounded down
    by_day = {d.day: d for d in result.days}
    assert by_day[date(2026, 11, 10)].status is ComponentStatus.MAJOR_OUTAGE
    assert by_day[date(2026, 11, 14)].downtime == timedelta(0)
    assert by_day[date(2026, 11, 14)].impacted == timedelta(hours=5)
    assert by_day[date(2026, 11, 16)].status is ComponentStatus.UNDER_MAINTENANCE


def test_overlapping_incidents_count_once_at_the_worst_status() -> None:
    result = uptime(
        incident("a", datetime(2026, 11, 10, 8, tzinfo=UTC), 2, ComponentStatus.PARTIAL_OUTAGE),
        incident("b", datetime(2026, 11, 10, 9, tzinfo=UTC), 2, ComponentStatus.MAJOR_OUTAGE),
    )
    # 08-09 partial (0.3 h), 09-11 major (2 h): 2.3 h, not 0.6 + 2.
    assert result.downtime == timedelta(hours=2.3)


def test_an_outage_across_midnight_is_split_between_the_days() -> None:
    result = uptime(
        incident("night", datetime(2026, 11, 20, 23, tzinfo=UTC), 2, ComponentStatus.MAJOR_OUTAGE)
    )
    by_day = {d.day: d for d in result.days}
    assert by_day[date(2026, 11, 20)].downtime == timedelta(hours=1)
    assert by_day[date(2026, 11, 21)].downtime == timedelta(hours=1)


def test_tracking_starts_at_the_component_start_date() -> None:
    young = Component("api", "API", Source("components/api.md"), start_date=date(2026, 11, 29))
    result = uptime(
        incident("x", datetime(2026, 11, 30, 0, tzinfo=UTC), 3.6, ComponentStatus.MAJOR_OUTAGE),
        component=young,
    )
    assert [d.tracked for d in result.days[-3:]] == [False, True, True]
    assert result.percent == 100 * (1 - 3.6 / 48)  # 48 h tracked: 29 Nov 00:00 to 1 Dec 00:00
    assert format_percent(result.percent) == "92.50%"


def test_a_tiny_outage_never_shows_as_100_percent() -> None:
    result = uptime(
        incident("blip", datetime(2026, 11, 10, 8, tzinfo=UTC), 0.01, ComponentStatus.MAJOR_OUTAGE)
    )
    assert result.percent is not None and result.percent < 100
    assert format_percent(result.percent) == "99.99%"


segment_starts = st.integers(0, 200).map(lambda h: NOW - timedelta(hours=h))


@given(
    st.lists(
        st.tuples(segment_starts, st.integers(1, 80), st.sampled_from(list(ComponentStatus))),
        max_size=25,
    ),
    st.lists(st.integers(0, 210), min_size=1, max_size=10),
)
def test_status_at_is_the_worst_segment_running_then(
    spans: list[tuple[datetime, int, ComponentStatus]], queries: list[int]
) -> None:
    """The indexed look-up agrees with the definition: the worst status among the
    component's segments with start <= t < end, whatever overlaps and long segments."""
    incidents = [
        incident(f"i{n:02d}", start, hours, status)
        if hours < 75
        else replace(incident(f"i{n:02d}", start, hours, status), updates=())  # still open
        for n, (start, hours, status) in enumerate(spans)
    ]
    site = StatusSite(Settings(), (API,), tuple(sorted(incidents, key=lambda i: (i.started, i.id))))
    timeline = build_timeline(site, NOW)
    for hours_back in queries:
        when = NOW - timedelta(hours=hours_back)
        expected = worst(
            s.statuses["api"]
            for s in timeline.by_component["api"]
            if s.start <= when and (s.end is None or when < s.end)
        )
        assert timeline.status_at("api", when) is expected
        changes = [
            t
            for s in timeline.by_component["api"]
            for t in (s.start, s.end)
            if t is not None and t <= when
        ]
        assert timeline.last_change("api", when) == max(changes, default=None)
    for when in {t for s in timeline.by_component["api"] for t in (s.start, s.end) if t}:
        changes = [
            t for s in timeline.by_component["api"] for t in (s.start, s.end) if t and t <= when
        ]
        assert timeline.last_change("api", when) == max(changes)  # at a change exactly
    assert timeline.current == {"api": timeline.status_at("api", NOW)}


@given(
    st.lists(
        st.tuples(segment_starts, st.integers(1, 80), st.sampled_from(list(ComponentStatus))),
        max_size=20,
    ),
    st.integers(0, 60).map(lambda d: (NOW - timedelta(days=d)).date()),
)
def test_uptime_days_agree_with_the_definition(
    spans: list[tuple[datetime, int, ComponentStatus]], start_date: date
) -> None:
    """Each day's impacted time is the time within the day (and after start_date) when
    any segment ran, and its status the worst seen, whatever the overlaps."""
    incidents = [
        incident(f"i{n:02d}", start, hours, status)
        if hours < 75
        else replace(incident(f"i{n:02d}", start, hours, status), updates=())
        for n, (start, hours, status) in enumerate(spans)
    ]
    site = StatusSite(Settings(), (API,), tuple(sorted(incidents, key=lambda i: (i.started, i.id))))
    timeline = build_timeline(site, NOW)
    component = replace(API, start_date=start_date)
    result = component_uptime(timeline, component, UTC, 10)
    tracked_from = datetime.combine(start_date, datetime.min.time(), tzinfo=UTC)
    for day in result.days:
        midnight = datetime.combine(day.day, datetime.min.time(), tzinfo=UTC)
        begin = max(midnight, tracked_from)
        end = min(midnight + timedelta(days=1), NOW)
        minutes = [
            begin + timedelta(minutes=m)
            for m in range(0, max(0, int((end - begin).total_seconds() // 60)))
        ]
        running = [
            [
                s
                for s in timeline.by_component.get("api", ())
                if s.start <= t and (s.end is None or t < s.end)
            ]
            for t in minutes
        ]
        assert day.impacted == timedelta(minutes=sum(1 for r in running if r))
        assert day.status is worst(s.statuses["api"] for r in running for s in r)


def test_the_percentage_does_not_move_with_the_clock_within_a_day() -> None:
    """A scheduled publish must find nothing to deploy when nothing happened: the figure
    changes with events and at midnight, not minute by minute."""
    # On the oldest day of the window: it leaves the window at the next midnight.
    outage = incident("x", datetime(2026, 9, 2, 8, tzinfo=UTC), 2, ComponentStatus.MAJOR_OUTAGE)
    morning = uptime(outage, now=datetime(2026, 11, 30, 6, tzinfo=UTC))
    evening = uptime(outage, now=datetime(2026, 11, 30, 23, 59, tzinfo=UTC))
    next_day = uptime(outage, now=datetime(2026, 12, 1, 0, 1, tzinfo=UTC))
    assert morning.percent == evening.percent
    assert morning.percent is not None and morning.percent < 100
    assert next_day.percent == 100
