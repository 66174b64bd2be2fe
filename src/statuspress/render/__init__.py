"""Renderers: pure functions from the model to ``{relative output path: bytes}``.

Each output family has one module; ``build`` calls them all with one RenderContext.
"""

from __future__ import annotations

from statuspress.views.context import RenderContext

#: Output path -> the file's bytes.
Files = dict[str, bytes]

__all__ = ["Files", "RenderContext"]
