"""**language** of the site's own texts: the title and description in ``statuspress.yaml``
are on every page and in every feed, so they are held to the same language rules as a
component's description (the rules about live updates do not apply)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic
from statuspress.layout import SETTINGS_FILE
from statuspress.model import Audience, Component
from statuspress.rules.language import TextContext, lint_text

#: The settings customers read as text.
SITE_TEXTS = ("title", "description")


def site_text_violations(
    settings: Settings,
    components: tuple[Component, ...],
    positions: Mapping[str, tuple[int, int]],
) -> Iterator[Diagnostic]:
    """The language findings in the site's title and description, at their place in
    ``statuspress.yaml`` (``positions``: setting -> line and column of its value)."""
    internal = tuple(c.name for c in components if c.audience is Audience.INTERNAL)
    context = TextContext(settings=settings, internal_component_names=internal)
    for name in SITE_TEXTS:
        text = getattr(settings, name)
        if not text or name not in positions:
            continue
        line, col = positions[name]
        for finding in lint_text(text, context):
            before = text[: finding.start]
            if "\n" in text:
                # A block of several lines starts on the line after its '|' or '>'; its
                # indentation is not in the text, so the finding points at the line.
                at_line, at_col = line + 1 + before.count("\n"), 1
            else:
                at_line, at_col = line, col + finding.start
            yield Diagnostic(
                SETTINGS_FILE,
                at_line,
                at_col,
                finding.level,
                finding.rule,
                f"{finding.message} (the site's {name} is on every page)",
            )
