"""The "Reliability & communication" page (``report/index.html``, opt-in with
``report_page: true``): monthly figures as tables and small inline SVG bar charts, drawn at
build time, each chart with a text equivalent (the table beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from html import escape as html_escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from statuspress import paths
from statuspress.messages import ENGLISH, Catalogue
from statuspress.render import Files, RenderContext
from statuspress.templates import render_template
from statuspress.timefmt import duration_words, number, percent

if TYPE_CHECKING:
    from statuspress.metrics import Aggregate
from statuspress.views.history import month_label

#: The page shows the last twelve months that had incidents: its size stays bounded.
MONTHS_SHOWN = 12


@dataclass(frozen=True)
class MonthRow:
    label: str
    incidents: int
    first_update: str
    promises_kept: str
    resolve: str
    impact: str
    met_cadence: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: Markup


def bar_chart(
    chart_id: str,
    title: str,
    labels: list[str],
    values: list[float],
    value_text: str,
    messages: Catalogue = ENGLISH,
) -> Chart:
    """A small horizontal bar chart as inline SVG (no script, no external request).
    ``value_text`` writes a bar's value (a ``%(value)s`` sentence, such as ``%(value)s min``)."""
    width, bar, gap, label_w = 560, 18, 8, 130
    height = len(values) * (bar + gap) + gap
    top = max(values, default=0) or 1
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html_escape(title, quote=False)}</title>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=False)):
        y = gap + index * (bar + gap)
        length = (width - label_w - 80) * value / top
        parts.append(
            f'<text x="0" y="{y + 13}" class="chart-label">{html_escape(label, quote=False)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar}" rx="2" class="chart-bar"/>'
        )
        parts.append(
            f'<text x="{label_w + length + 6:.1f}" y="{y + 13}" class="chart-value">{html_escape(value_text % {"value": number(value, messages, 1)}, quote=False)}</text>'
        )
    parts.append("</svg>")
    return Chart(chart_id, title, Markup("".join(parts)))


def _words(value: timedelta | None, messages: Catalogue) -> str:
    return "—" if value is None else duration_words(value, messages)


def _row(a: Aggregate, messages: Catalogue, label: str | None = None) -> MonthRow:
    return MonthRow(
        label=label or month_label(a.key, messages),
        incidents=a.incidents,
        first_update=_words(a.median_time_to_first_update, messages),
        promises_kept="—"
        if a.promises_kept_pct is None
        else percent(a.promises_kept_pct, messages),
        resolve=_words(a.median_time_to_resolve, messages),
        impact=_words(a.median_customer_impact, messages),
        met_cadence="—" if a.met_cadence_pct is None else percent(a.met_cadence_pct, messages),
    )


def render(context: RenderContext) -> Files:
    if not context.site.settings.report_page:
        return {}
    report = context.report
    messages = context.frame.messages
    months = list(report.by_month)[-MONTHS_SHOWN:]
    labels = [month_label(a.key, messages) for a in months]
    first = [
        round((a.median_time_to_first_update or timedelta(0)).total_seconds() / 60, 1)
        for a in months
    ]
    kept = [round(a.promises_kept_pct or 0, 1) for a in months]
    charts = [
        bar_chart(
            "chart-first-update",
            messages.gettext("Median time to the first public update, by month (minutes)"),
            labels,
            first,
            # Translators: a bar's value on the chart of minutes ("12 min").
            messages.gettext("%(value)s min"),
            messages,
        ),
        bar_chart(
            "chart-promises",
            messages.gettext("Promised updates that came on time, by month (percent)"),
            labels,
            kept,
            # Translators: a bar's value on the chart of percentages ("80 %").
            messages.gettext("%(value)s %%"),
            messages,
        ),
    ]
    # Translators: the title of the report page, which the site's navigation calls
    # "Reliability": how reliable the service was, and how well incidents were communicated.
    title = messages.gettext("Reliability & communication")
    meta = context.frame.meta(paths.REPORT_PAGE, title, context.last_updated)
    html = render_template(
        context.templates,
        context.root,
        "report.html",
        {
            "page": meta,
            "rows": [_row(a, messages) for a in reversed(months)],
            # Translators: the last row of the report's table: every month together.
            "overall": _row(report.overall, messages, messages.gettext("All months")),
            "charts": charts,
        },
    )
    return {paths.REPORT_PAGE: html.encode("utf-8")}
