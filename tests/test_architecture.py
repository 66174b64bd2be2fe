"""The shape of the code (docs/architecture.md): every import runs down the stages, never
back up, and the rebuild accelerator is imported by build.py alone."""

from __future__ import annotations

import ast
from pathlib import Path

from testsupport import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "statuspress"

#: Each unit (a module, or a package taken whole) and its floor: a unit may import only
#: units on lower floors (and itself).
FLOORS: dict[str, int] = {
    "layout": 0,
    "paths": 0,
    "assets": 0,
    "markdown": 0,
    "diagnostics": 0,
    "git": 0,
    "parallel": 0,
    "messages": 1,
    "timefmt": 2,
    "errors": 1,
    "source": 1,
    "write": 2,
    "fields": 2,
    "templates": 2,
    "config": 3,
    "model": 4,
    "load": 5,
    "audience": 5,
    "transitions": 5,
    "timeline": 5,
    "rules": 6,
    "check": 7,
    "metrics": 7,
    "views": 8,
    "render": 9,
    "schedule": 9,
    "incremental": 10,
    "notify": 10,
    "build": 11,
    "commands": 12,
    "cli": 13,
    "__main__": 14,
    "__init__": 0,
}


def unit_of(module: str) -> str:
    """``statuspress.views.frame`` -> ``views``."""
    return module.split(".")[1] if "." in module else "__init__"


def imports() -> dict[str, set[str]]:
    """statuspress module -> the statuspress modules it imports (anywhere in the file)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "statuspress":  # modules only, not __version__
                    targets.update(
                        f"statuspress.{a.name}"
                        for a in node.names
                        if (PACKAGE / f"{a.name}.py").exists() or (PACKAGE / a.name).is_dir()
                    )
                elif node.module.startswith("statuspress."):
                    targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("statuspress."))
        found[name] = targets
    return found


def test_every_unit_has_a_floor() -> None:
    units = {unit_of(module) for module in imports()}
    assert units <= set(FLOORS), units - set(FLOORS)


def test_every_import_runs_down_the_stages() -> None:
    upward = []
    for module, targets in imports().items():
        here = unit_of(module)
        for target in targets:
            there = unit_of(target)
            if there != here and FLOORS[there] >= FLOORS[here]:
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_the_accelerator_is_imported_by_build_alone() -> None:
    users = {
        module
        for module, targets in imports().items()
        if unit_of(module) != "incremental" and any(unit_of(t) == "incremental" for t in targets)
    }
    assert users == {"statuspress.build"}


def test_no_source_file_is_larger_than_a_reader_can_hold() -> None:
    large = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert large == {}


def test_the_checkout_has_the_layout_the_project_card_names() -> None:
    expected = {
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "incidents",
        "components",
        "site_templates",
        "src",
        "tests",
        "docs",
        "benchmarks",
        "scripts",
        ".github",
    }
    present = {p.name for p in Path(REPO_ROOT).iterdir()}
    assert expected <= present
