"""Property tests: whatever front matter arrives, the loader answers with diagnostics,
never an exception; timestamps round-trip."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.fields import parse_timestamp
from statuspress.load import UPDATE_KEYS, load_site
from testsupport import VALID

KEYS = [*sorted(UPDATE_KEYS), "title", "severity", "started", "components", "nonsense"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "2026-11-17T09:15:00Z",
            "2026-11-17",
            "10:30",
            "yes",
            "investigating",
            "resolved",
            "~",
            "&a",
            "*a",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
front_matter = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), values, max_size=8)


def _check_never_raises(update_text: str, header_text: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, text in VALID.items():
            import textwrap

            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        (root / "incidents/2026-11-17-payments/20261117T0930Z-x.md").write_text(
            update_text, encoding="utf-8"
        )
        if header_text is not None:
            (root / "incidents/2026-11-17-payments/incident.md").write_text(
                header_text, encoding="utf-8"
            )
        result = load_site(root)
        for d in result.diagnostics:
            assert d.line >= 1 and d.col >= 1 and d.message and d.rule


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, st.text(max_size=40))
def test_random_structured_front_matter_gives_diagnostics_not_exceptions(
    fm: dict[object, object], body: str
) -> None:
    text = "---\n" + yaml.safe_dump(fm, allow_unicode=True) + "---\n" + body
    _check_never_raises(text)
    _check_never_raises("---\ntitle: x\n---\n", header_text=text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_random_text_as_a_file_gives_diagnostics_not_exceptions(text: str) -> None:
    _check_never_raises(text)
    _check_never_raises("---\n" + text + "\n---\nBody\n")


@given(
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_timestamps_round_trip_with_their_offset(naive: datetime, minutes: int) -> None:
    value = naive.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=minutes)))
    assert parse_timestamp(value.isoformat()) == value
    assert parse_timestamp(value.isoformat()).utcoffset() == value.utcoffset()  # type: ignore[union-attr]


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)))
def test_a_timestamp_without_offset_is_always_refused(naive: datetime) -> None:
    try:
        parse_timestamp(naive.replace(microsecond=0).isoformat())
    except ValueError as exc:
        assert str(exc) == "naive"
    else:
        raise AssertionError("a naive timestamp was accepted")
