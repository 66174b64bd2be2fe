"""Snapshots of checked incidents (the incident store's format): what is restored equals what
was loaded, and anything else is refused with SnapshotError, never another exception."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuspress.diagnostics import Diagnostic, Level
from statuspress.incremental.snapshot import (
    SnapshotError,
    decode,
    decode_diagnostics,
    encode,
    encode_diagnostics,
)
from statuspress.load import load_site

EVERYTHING = {
    "components/api.md": "---\nname: API\n---\n",
    "components/db.md": "---\nname: Database\naudience: internal\n---\n",
    "incidents/2026-11-01-full/incident.md": (
        "---\ntitle: Errors\nseverity: sev2\nstarted: 2026-11-01T10:00:00+01:00\n"
        "components:\n  api: partial_outage\n  db: major_outage\n"
        "accept:\n  language/jargon: Dana\n---\nA summary with **Markdown**.\n"
    ),
    "incidents/2026-11-01-full/a.md": (
        "---\nat: 2026-11-01T10:10:00+01:00\nstatus: investigating\n"
        "next_update: 2026-11-01T10:40:00+01:00\ninternal: paged the database team\n---\n"
        "Some requests fail. We will post the next update by 10:40 CET.\n"
    ),
    "incidents/2026-11-01-full/b.md": (
        "---\nat: 2026-11-01T10:40:00Z\nstatus: resolved\naudience: internal\n"
        "components:\n  api: operational\n---\nDone.\n"
    ),
    "incidents/2026-11-01-full/c.md": (
        "---\nat: 2026-11-01T11:00:00Z\nstatus: resolved\nerratum: the start was 10:00\n---\n"
        "Fixed.\n"
    ),
    "incidents/2026-11-01-full/postmortem.md": (
        "---\npublished: 2026-11-03T09:00:00Z\n---\nWhat happened.\n"
    ),
    "incidents/2026-11-20-window/incident.md": (
        "---\ntitle: Upgrade\nkind: maintenance\nstarted: 2026-11-20T01:00:00Z\n"
        "scheduled_start: 2026-11-20T01:00:00Z\nscheduled_end: 2026-11-20T03:00:00Z\n"
        "components:\n  api: under_maintenance\n---\n"
    ),
}


def test_every_loaded_incident_is_restored_equal(
    write_repo: Callable[[dict[str, str]], Path], demo_root: Path
) -> None:
    for root in (write_repo(EVERYTHING), demo_root):
        incidents = load_site(root).site.incidents
        assert incidents
        for incident in incidents:
            assert decode(encode(incident)) == incident
    full = next(i for i in load_site(write_repo(EVERYTHING)).site.incidents if i.postmortem)
    restored = decode(encode(full))
    assert restored.started.utcoffset() == full.started.utcoffset()  # the zone is kept too
    assert [u.source.keys for u in restored.updates] == [u.source.keys for u in full.updates]


def test_diagnostics_are_restored_equal() -> None:
    found = [
        Diagnostic("incidents/x/a.md", 3, 5, Level.WARNING, "language/jargon", "say it plainly"),
        Diagnostic("incidents/x/b.md", 1, 1, Level.ERROR, "lifecycle/order", "make it later"),
    ]
    assert decode_diagnostics(encode_diagnostics(found)) == found


values = st.recursive(
    st.none() | st.integers() | st.text(max_size=5) | st.binary(max_size=4),
    lambda inner: st.lists(inner, max_size=18).map(tuple),
    max_leaves=40,
)


@given(values)
def test_anything_else_is_refused_cleanly(value: object) -> None:
    for restore in (decode, decode_diagnostics):
        with contextlib.suppress(SnapshotError):
            restore(value)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> object:
    root = tmp_path_factory.mktemp("repo")
    for name, text in EVERYTHING.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return encode(next(i for i in load_site(root).site.incidents if i.postmortem))


@given(data=st.data())
def test_a_damaged_snapshot_is_refused_cleanly(snapshot: object, data: st.DataObject) -> None:
    """One value anywhere in a real snapshot replaced by another: SnapshotError or an
    incident, never another exception."""

    def damage(value: object) -> object:
        if isinstance(value, tuple) and value and data.draw(st.booleans()):
            index = data.draw(st.integers(0, len(value) - 1))
            return (*value[:index], damage(value[index]), *value[index + 1 :])
        return data.draw(values)

    with contextlib.suppress(SnapshotError):
        decode(damage(snapshot))


def test_a_restored_incident_is_a_plain_frozen_incident(
    write_repo: Callable[[dict[str, str]], Path],
) -> None:
    from dataclasses import FrozenInstanceError

    from statuspress.model import Incident

    for incident in load_site(write_repo(EVERYTHING)).site.incidents:
        restored = decode(encode(incident))
        assert type(restored) is Incident
        with pytest.raises(FrozenInstanceError):
            restored.title = "changed"  # type: ignore[misc]
        assert hash(restored.id) == hash(incident.id)
