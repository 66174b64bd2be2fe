"""The feeds' selection of the newest updates, which visits incidents newest first and
stops early, picks exactly what sorting every update would."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from statuspress.model import Incident, Kind, Source, Update, UpdateStatus
from statuspress.render.feeds import _by_latest, _first

BASE = datetime(2026, 11, 1, tzinfo=timezone.utc)
NOW = BASE + timedelta(hours=10)

#: few distinct times (ties are the interesting case), some after "now"
times = st.integers(0, 14).map(lambda h: BASE + timedelta(hours=h))


@st.composite
def histories(draw: st.DrawFn) -> list[Incident]:
    incidents = []
    for n in range(draw(st.integers(0, 8))):
        ident = f"i{draw(st.integers(0, 99)):02d}-{n}"
        stamps = sorted(draw(st.lists(times, max_size=5)))
        updates = tuple(
            Update(f"u{k}", ident, at, UpdateStatus.INVESTIGATING, "x", Source(f"u{k}"))
            for k, at in enumerate(stamps)
        )
        incidents.append(Incident(ident, "t", Kind.INCIDENT, BASE, {}, Source("i"), updates))
    return incidents


@given(histories(), st.integers(1, 6), st.data())
def test_the_newest_updates_are_those_a_full_sort_gives(
    incidents: list[Incident], limit: int, data: st.DataObject
) -> None:
    picked = data.draw(st.none() | st.sets(st.integers(0, max(len(incidents) - 1, 0))))
    of = None if picked is None else [incidents[k] for k in sorted(picked) if k < len(incidents)]
    wanted = None if of is None else {i.id for i in of}
    every = [
        (i, u)
        for i in incidents
        for u in i.updates
        if u.at <= NOW and (wanted is None or i.id in wanted)
    ]
    every.sort(key=lambda e: (e[1].at, e[0].id, e[1].id), reverse=True)
    chosen = _first(_by_latest(incidents, NOW), NOW, limit, of)
    assert [(i.id, u.id) for i, u in chosen] == [(i.id, u.id) for i, u in every[:limit]]
