"""The parse floor: the least work any build of a status repository must do.

    python benchmarks/floor.py REPO

Reads every Markdown file under REPO/components and REPO/incidents, loads its front matter
with libyaml's C loader and renders its body with markdown-it-py's CommonMark preset, in
one fresh interpreter, and prints how many files it read. benchmarks/run.py times this
program next to statuspress on the same repository, so its figures can be read as
multiples of this floor ("× floor"), which compare across machines where seconds do not.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

FOLDERS = ("components", "incidents")


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter, body); a file without a leading ``---`` line is all body."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---", 3)
    if end == -1:
        return text[4:], ""
    # The closing fence's own line ends after "---"; the body starts on the next line.
    newline = text.find("\n", end + 4)
    body = "" if newline == -1 else text[newline + 1 :]
    return text[4 : end + 1], body


def markdown_files(repo: Path) -> list[Path]:
    """Every ``.md`` file a build reads, sorted so every run visits them in one order."""
    return sorted(path for folder in FOLDERS for path in (repo / folder).rglob("*.md"))


def parse_all(repo: Path) -> int:
    """Load and render every file; return how many there were."""
    # CSafeLoader is what a fast build would use; a missing libyaml must not go unnoticed,
    # since the pure-Python loader is several times slower and would lower the floor's bar.
    if not yaml.__with_libyaml__:
        raise SystemExit("PyYAML was built without libyaml: the floor needs yaml.CSafeLoader")
    renderer = MarkdownIt("commonmark")
    files = markdown_files(repo)
    for path in files:
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        yaml.load(front, Loader=yaml.CSafeLoader)
        renderer.render(body)
    return len(files)


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit(f"usage: python {Path(__file__).name} REPO")
    print(f"{parse_all(Path(argv[0]))} files")


if __name__ == "__main__":
    main(sys.argv[1:])
