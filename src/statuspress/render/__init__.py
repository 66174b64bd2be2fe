"""Renderers: pure functions from the model to ``{relative output path: bytes}``.

Each output family has one module; ``build`` calls them all with one RenderContext.
"""

from __future__ import annotations

from statuspress.views.context import RenderContext
from statuspress.write import Content

#: Output path -> the file's bytes (or a view of them: see write.Content).
Files = dict[str, Content]

__all__ = ["Files", "RenderContext"]
