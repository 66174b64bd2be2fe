"""``build --incremental`` on a site in several languages: a translation added, changed or
outdated, and the site's languages changed, rebuild to a plain build's bytes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from statuspress.build import build
from statuspress.model import content_digest
from testsupport import digest, settle

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)
BODY = "Some requests fail. Next update by 10:40 UTC."
FILES = {
    "statuspress.yaml": "title: Acme\nlanguages: [en, de]\n",
    "components/api.md": "---\nname: API\n---\n",
    "incidents/2026-11-24-open/incident.md": (
        "---\ntitle: Errors on the API\nseverity: sev3\nstarted: 2026-11-24T10:00:00Z\n"
        "components:\n  api: partial_outage\n---\n"
    ),
    "incidents/2026-11-24-open/a.md": (
        "---\nat: 2026-11-24T10:10:00Z\nstatus: investigating\n"
        f"next_update: 2026-11-24T10:40:00Z\n---\n{BODY}\n"
    ),
}
GERMAN = "incidents/2026-11-24-open/a.de.md"


def _same_as_plain(repo: Path, tmp_path: Path, name: str) -> dict[str, str]:
    settle(repo)
    build(repo, tmp_path / f"{name}-incremental", NOW, incremental=True)
    build(repo, tmp_path / f"{name}-plain", NOW)
    rebuilt, plain = digest(tmp_path / f"{name}-incremental"), digest(tmp_path / f"{name}-plain")
    assert rebuilt == plain, name
    return plain


def test_every_language_rebuilds_to_a_plain_builds_bytes(
    write_repo: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    repo = write_repo(FILES)
    first = _same_as_plain(repo, tmp_path, "first")
    assert "de/incidents/2026-11-24-open/index.html" in first
    (repo / GERMAN).write_text(
        f"---\ntranslates: {content_digest(BODY)}\n---\nEinige Anfragen schlagen fehl. "
        "Nächste Meldung bis 10:40 UTC.\n"
    )
    translated = _same_as_plain(repo, tmp_path, "translated")
    page = "de/incidents/2026-11-24-open/index.html"
    assert translated[page] != first[page]
    # Only the German page changes with the German text; the English one keeps its bytes.
    assert (
        translated["incidents/2026-11-24-open/index.html"]
        == first["incidents/2026-11-24-open/index.html"]
    )
    (repo / "statuspress.yaml").write_text("title: Acme\nlanguages: [en, de, fr]\n")
    three = _same_as_plain(repo, tmp_path, "three")
    assert "fr/index.html" in three
    (repo / "statuspress.yaml").write_text("title: Acme\n")
    (repo / GERMAN).unlink()
    one = _same_as_plain(repo, tmp_path, "one")
    assert not any(path.startswith(("de/", "fr/")) for path in one)
