"""Screenshots of a built site at phone and desktop widths, for people to look at.

    python tests/render/screenshots.py _site tests/artifacts

Writes <page>-375.png and <page>-1280.png for the index, an incident, a component and
the history page. The browser tests use the same helpers.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from browser import launch_browser, serve_directory

PAGES = {
    "index": "",
    "history": "history/",
}


def pages_of(site: Path) -> dict[str, str]:
    pages = dict(PAGES)
    # Incident folders, not the pages at API ids that send readers on to them.
    incidents = sorted(p for p in (site / "incidents").iterdir() if "-" in p.name)
    components = sorted((site / "components").iterdir())
    if incidents:
        pages["incident"] = f"incidents/{incidents[-2 if len(incidents) > 1 else -1].name}/"
    if components:
        pages["component"] = f"components/{components[0].name}/"
    return pages


def take(site: Path, out: Path, browser: Any = None) -> list[Path]:
    if browser is None:
        with launch_browser() as own:
            return take(site, out, own)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_directory(site) as base:
        for width in (375, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, url in pages_of(site).items():
                page.goto(base + url)
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            page.close()
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
