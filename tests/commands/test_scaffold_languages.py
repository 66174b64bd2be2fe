"""``statuspress new`` on a site in another language: the components are listed the way
that language lists words, the maintenance window is written in it, and the update it
scaffolds keeps its next-update promise as that language's reader reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from statuspress.check import check_repository
from statuspress.fields import parse_timestamp
from testsupport import make_repo, run

NOW = "2026-11-17T09:15:00Z"
#: How each language lists "Checkout" and "API".
LISTED = {
    "en": "Checkout and API",
    "de": "Checkout und API",
    "fr": "Checkout et API",
    "es": "Checkout y API",
    "ja": "Checkout、API",
}


def _site(tmp_path: Path, language: str) -> Path:
    root = make_repo(tmp_path)
    (root / "components/api.md").write_text("---\nname: API\n---\n")
    (root / "statuspress.yaml").write_text(f"title: Example Status\nlanguage: {language}\n")
    return root


@pytest.mark.parametrize("language", sorted(LISTED))
def test_new_incident_lists_its_components_in_the_sites_language(
    tmp_path: Path, language: str
) -> None:
    root = _site(tmp_path, language)
    code, out = run(
        root, "new", "incident", "Checkout slow", "--severity", "sev2",
        "--component", "checkout=degraded_performance", "--component", "api=degraded_performance",
        "--now", NOW,
    )  # fmt: skip
    assert code == 0, out
    update = root / "incidents/2026-11-17-checkout-slow/20261117T0915Z-investigating.md"
    text = update.read_text(encoding="utf-8")
    assert LISTED[language] in text
    assert " and " not in text or language == "en"
    # The scaffold promises the next update in words its language's reader understands:
    # only the placeholders are left to fill in.
    result = check_repository(root, parse_timestamp(NOW))  # type: ignore[arg-type]
    assert {d.rule for d in result.diagnostics} == {"language/placeholder"}, result.diagnostics


def test_a_maintenance_window_is_written_in_the_sites_language(tmp_path: Path) -> None:
    root = _site(tmp_path, "de")
    code, out = run(
        root, "new", "incident", "Datenbank", "--maintenance",
        "--component", "checkout=under_maintenance",
        "--start", "2026-11-20T02:00:00Z", "--end", "2026-11-20T03:00:00Z", "--now", NOW,
    )  # fmt: skip
    assert code == 0, out
    update = root / "incidents/2026-11-17-datenbank/20261117T0915Z-scheduled.md"
    text = update.read_text(encoding="utf-8")
    assert "20. November 2026 von 02:00 UTC bis 03:00 UTC" in text, text
