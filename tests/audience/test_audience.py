"""One source, two audiences: nothing internal ever reaches a public build, in any file."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statuspress.audience import public_view
from statuspress.build import render_site
from statuspress.load import load_site
from statuspress.model import Audience

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)
MARKERS = {
    "internal incident title": "ZQMARKERTITLE",
    "internal incident body": "ZQMARKERSUMMARY",
    "internal update body": "ZQMARKERUPDATE",
    "internal note": "ZQMARKERNOTE",
    "internal component name": "ZQMARKERCOMPONENT",
    "internal component description": "ZQMARKERCOMPDESC",
    "internal update on a public incident": "ZQMARKERMIXED",
}


def marked_repository(root: Path, marker_text: dict[str, str]) -> Path:
    m = marker_text
    files = {
        "components/web.md": "---\nname: Website\n---\nThe website.\n",
        "components/secret.md": f"---\nname: Worker {m['internal component name']}\naudience: internal\n---\n{m['internal component description']}\n",
        "incidents/2026-11-17-public/incident.md": "---\ntitle: Website slow\nseverity: sev3\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  web: degraded_performance\n  secret: major_outage\n---\n",
        "incidents/2026-11-17-public/a.md": f"---\nat: 2026-11-17T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:10:00Z\ninternal: |\n  {m['internal note']}\n---\nThe website is slow. Next update by 10:10 UTC.\n",
        "incidents/2026-11-17-public/b.md": f"---\nat: 2026-11-17T09:20:00Z\nstatus: identified\nnext_update: 2026-11-17T10:10:00Z\naudience: internal\ncomponents:\n  secret: partial_outage\n---\n{m['internal update on a public incident']}\n",
        "incidents/2026-11-17-public/c.md": "---\nat: 2026-11-17T09:40:00Z\nstatus: resolved\n---\nThe website is fast again.\n",
        "incidents/2026-11-16-hidden/incident.md": f"---\ntitle: Hidden {m['internal incident title']}\nseverity: sev2\nstarted: 2026-11-16T09:00:00Z\naudience: internal\ncomponents:\n  secret: major_outage\n---\n{m['internal incident body']}\n",
        "incidents/2026-11-16-hidden/a.md": f"---\nat: 2026-11-16T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-16T10:10:00Z\n---\n{m['internal update body']}\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def outputs(root: Path, audience: Audience) -> dict[str, bytes]:
    loaded = load_site(root)
    assert not [d for d in loaded.diagnostics if d.is_error], loaded.diagnostics
    return render_site(loaded.site, NOW, audience, root=root)


def test_no_internal_marker_appears_in_any_public_file(tmp_path: Path) -> None:
    root = marked_repository(tmp_path, MARKERS)
    public = outputs(root, Audience.PUBLIC)
    internal = outputs(root, Audience.INTERNAL)
    assert len(public) > 20 and "api/v2/summary.json" in public and "maintenance.ics" in public
    for path, data in public.items():
        for where, marker in MARKERS.items():
            assert marker.encode() not in data, f"{where} leaked into {path}"
    everything = b"".join(internal.values())
    for where, marker in MARKERS.items():
        assert marker.encode() in everything, f"the internal build lost the {where}"


def test_public_view_drops_internal_incidents_updates_components_and_notes(tmp_path: Path) -> None:
    site = public_view(load_site(marked_repository(tmp_path, MARKERS)).site)
    assert [c.id for c in site.components] == ["web"]
    assert [i.id for i in site.incidents] == ["2026-11-17-public"]
    incident = site.incidents[0]
    assert [u.id for u in incident.updates] == ["a", "c"]
    assert all(u.internal is None for u in incident.updates)
    assert dict(incident.components) == {"web": incident.components["web"]}


marker_strategy = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=12, max_size=16).map(
    lambda s: "ZQ" + s
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(marker_strategy, min_size=len(MARKERS), max_size=len(MARKERS), unique=True))
def test_random_internal_text_never_reaches_the_public_build(
    tmp_path_factory, markers: list[str]
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("leak")
    chosen = dict(zip(MARKERS, markers, strict=False))
    public = outputs(marked_repository(root, chosen), Audience.PUBLIC)
    blob = b"".join(public.values())
    for marker in markers:
        assert marker.encode() not in blob
