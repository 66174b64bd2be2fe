"""``badge.svg`` (overall status) and ``api/badge.json`` (shields.io endpoint format)."""

from __future__ import annotations

import json
from html import escape as html_escape

from statuspress import paths
from statuspress.render import Files, RenderContext
from statuspress.timeline import indicator_label, overall_indicator

#: Colours with white text at WCAG AA contrast.
COLOURS = {
    "none": "#1a7f37",
    "minor": "#9a6700",
    "major": "#bc4c00",
    "critical": "#cf222e",
    "maintenance": "#0969da",
}
SHIELDS_COLOURS = {
    "none": "brightgreen",
    "minor": "yellow",
    "major": "orange",
    "critical": "red",
    "maintenance": "blue",
}


def _text_width(text: str) -> int:
    # Verdana 11px averages about 6.5 px a character: close enough for a badge.
    return int(len(text) * 6.5) + 10


def render(context: RenderContext) -> Files:
    messages = context.frame.messages
    indicator = overall_indicator(context.site, context.timeline)
    description = indicator_label(indicator, messages)
    # A badge speaks in lower case (shields.io's style); lowering the translated headline
    # keeps one msgid per indicator rather than a lower-case twin of each.
    message = description.lower()
    # Translators: the left half of the status badge ("status | all systems operational").
    label = messages.gettext("status")
    endpoint = {
        "schemaVersion": 1,
        "label": label,
        "message": message,
        "color": SHIELDS_COLOURS[indicator],
    }
    left, right = _text_width(label), _text_width(message)
    width = left + right
    # Translators: the badge's accessible title: the site's title and its headline.
    title_text = messages.gettext("%(site)s: %(status)s") % {
        "site": context.site.settings.title,
        "status": description,
    }
    title = html_escape(title_text, quote=False)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{title}">\n'
        f"<title>{title}</title>\n"
        f'<rect width="{left}" height="20" rx="3" fill="#555"/>\n'
        f'<rect x="{left}" width="{right}" height="20" rx="3" fill="{COLOURS[indicator]}"/>\n'
        f'<rect x="{left}" width="4" height="20" fill="{COLOURS[indicator]}"/>\n'
        '<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" '
        'text-anchor="middle">\n'
        f'<text x="{left / 2:.1f}" y="14">{html_escape(label, quote=False)}</text>\n'
        f'<text x="{left + right / 2:.1f}" y="14">{html_escape(message, quote=False)}</text>\n'
        "</g>\n</svg>\n"
    )
    return {
        paths.BADGE_JSON: (json.dumps(endpoint, indent=2) + "\n").encode("utf-8"),
        paths.BADGE_SVG: svg.encode("utf-8"),
    }
