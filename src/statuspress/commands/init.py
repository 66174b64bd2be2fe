"""`statuspress init DIR`: a new status repository from the init template."""

from __future__ import annotations

import shutil
from pathlib import Path

from statuspress.errors import UsageError
from statuspress.layout import COMPONENTS_DIR, INCIDENTS_DIR

INIT_TEMPLATE = Path(__file__).resolve().parent.parent / "init_template"


def init_repository(directory: Path) -> list[Path]:
    """A new status repository: settings, one component, workflows, a README for the team."""
    if directory.exists() and any(directory.iterdir()):
        raise UsageError(f"{directory} is not empty; 'init' only creates a new repository")
    created = []
    for source in sorted(INIT_TEMPLATE.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(INIT_TEMPLATE)
        # Package data cannot ship dot-files reliably: "dot-github" becomes ".github".
        target = directory.joinpath(
            *[p.replace("dot-", ".", 1) if p.startswith("dot-") else p for p in relative.parts]
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        created.append(target)
    (directory / COMPONENTS_DIR).mkdir(exist_ok=True)
    (directory / INCIDENTS_DIR).mkdir(exist_ok=True)
    return created
