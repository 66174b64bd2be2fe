"""Renderer stub: filled in by the issue that owns this output."""

from __future__ import annotations

from statuspress.render import Files, RenderContext


def render(context: RenderContext) -> Files:
    del context
    return {}
