"""``components/<id>.md`` -> Component."""

from __future__ import annotations

from pathlib import Path

from statuspress.diagnostics import Diagnostic
from statuspress.fields import Fields
from statuspress.layout import COMPONENTS_DIR
from statuspress.load.reading import check_id, listing, markdown_files, read, source_of
from statuspress.model import Audience, Component, Show

COMPONENT_KEYS = frozenset({"name", "group", "order", "start_date", "show", "audience", "showcase"})


def load_components(root: Path, diagnostics: list[Diagnostic]) -> tuple[Component, ...]:
    components = []
    for entry in markdown_files(listing(root / COMPONENTS_DIR)):
        component_id = entry.name.removesuffix(".md")
        rel = f"{COMPONENTS_DIR}/{entry.name}"
        if not check_id(rel, component_id, "component", diagnostics):
            continue
        doc = read(root, entry.path, diagnostics, rel, symlink=entry.is_symlink())
        if doc is None:
            continue
        f = Fields(doc.path, doc.front_matter, COMPONENT_KEYS, "a component")
        name = f.text("name", required=True, example="Checkout")
        component = Component(
            id=component_id,
            name=name or component_id,
            source=source_of(doc, f),
            group=f.text("group"),
            order=f.integer("order"),
            start_date=f.date("start_date"),
            show=f.choice("show", Show, default=Show.ALWAYS) or Show.ALWAYS,
            description=doc.body.strip(),
            audience=f.choice("audience", Audience, default=Audience.PUBLIC) or Audience.PUBLIC,
            showcase=f.flag("showcase", default=True),
        )
        diagnostics.extend(f.diagnostics)
        if f.ok:
            components.append(component)
    return tuple(components)


def component_sort_key(component: Component) -> tuple[int, str, str]:
    """SPEC: components sort by ``order``, then name."""
    order = component.order if component.order is not None else 1_000_000
    return (order, component.name.lower(), component.id)
