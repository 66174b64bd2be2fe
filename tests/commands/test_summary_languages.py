"""The job summary on a site in several languages: each language's text of a changed
update side by side, a missing or outdated translation marked."""

from __future__ import annotations

from pathlib import Path

from statuspress.commands.summary_languages import side_by_side
from statuspress.model import Source, Translation, Update, UpdateStatus, content_digest
from testsupport import NOW, git, make_repo, run

HEADER = "---\ntitle: Slow API\nseverity: sev3\nstarted: 2026-11-17T09:00:00Z\ncomponents:\n  checkout: degraded_performance\n---\n"
BODY = "Checkout is slow. Next update by 10:10 UTC."
FIRST = f"---\nat: 2026-11-17T09:10:00Z\nstatus: investigating\nnext_update: 2026-11-17T10:10:00Z\n---\n{BODY}\n"


def test_a_new_translation_shows_its_update_in_every_language_side_by_side(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path)
    (root / "statuspress.yaml").write_text("title: Example\nlanguages: [en, de, fr]\n")
    folder = root / "incidents/2026-11-17-slow"
    folder.mkdir(parents=True)
    (folder / "incident.md").write_text(HEADER)
    (folder / "a.md").write_text(FIRST)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "publish")
    (folder / "a.de.md").write_text(
        f"---\ntranslates: {content_digest(BODY)}\n---\n"
        "Der Checkout ist langsam. | Nächste Meldung bis 10:10 UTC.\n"
    )
    summary = tmp_path / "summary.md"
    code, out = run(
        root, "check", "--base", "HEAD", "--now", "2026-11-17T12:00:00Z", "--summary", str(summary)
    )
    assert code == 0, out
    text = summary.read_text()
    assert "| English (`en`) | Deutsch (`de`) | Français (`fr`) |" in text
    assert (
        f"| {BODY} | Der Checkout ist langsam. \\| Nächste Meldung bis 10:10 UTC. "
        "| *not translated yet* |"
    ) in text


def test_a_translation_of_an_older_original_is_marked() -> None:
    source = Source("incidents/x/a.de.md")
    old = Translation("de", "Alt.", source, translates=content_digest("Before."))
    update = Update(
        "a", "x", NOW, UpdateStatus.INVESTIGATING, "After.\nSecond line.", Source("a.md"),
        translations={"de": old},
    )  # fmt: skip
    lines = side_by_side(update, "en", ("de",))
    assert lines[-1] == "| After.<br>Second line. | **⚠ made from an older original** Alt. |"
    assert side_by_side(update, "en", ()) == []
