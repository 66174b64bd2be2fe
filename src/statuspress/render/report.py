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
from statuspress.messages import Catalogue
from statuspress.render import Files, RenderContext
from statuspress.templates import render_template
from statuspress.timefmt import duration_words

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
    html: Markup  # the chart, ready to insert


def bar_chart(
    chart_id: str, title: str, labels: list[str], values: list[float], texts: list[str]
) -> Chart:
    """A small horizontal bar chart: the labels and values are HTML text (they keep the
    page's font size at any width), each bar a scaled SVG rectangle (no script, no inline
    style, no external request). ``texts`` are the values as the table beside the chart
    writes them, so the two never round differently."""
    top = max(values, default=0) or 1
    parts = [
        f'<div class="chart" id="{chart_id}" role="img" '
        f'aria-label="{html_escape(title, quote=True)}">'
    ]
    for label, value, text in zip(labels, values, texts, strict=True):
        parts.append(
            '<div class="chart-row">'
            f'<span class="chart-label">{html_escape(label, quote=False)}</span>'
            '<svg class="chart-track" viewBox="0 0 100 10" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
            f'<rect class="chart-bar" width="{100 * value / top:.1f}" height="10"/></svg>'
            f'<span class="chart-value">{html_escape(text, quote=False)}</span></div>'
        )
    parts.append("</div>")
    return Chart(chart_id, title, Markup("".join(parts)))


def _words(value: timedelta | None, messages: Catalogue) -> str:
    return "—" if value is None else duration_words(value, messages)


def _row(a: Aggregate, messages: Catalogue, label: str | None = None) -> MonthRow:
    return MonthRow(
        label=label or month_label(a.key, messages),
        incidents=a.incidents,
        first_update=_words(a.median_time_to_first_update, messages),
        promises_kept=_percent(a.promises_kept_pct),
        resolve=_words(a.median_time_to_resolve, messages),
        impact=_words(a.median_customer_impact, messages),
        met_cadence=_percent(a.met_cadence_pct),
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def render(context: RenderContext) -> Files:
    if not context.site.settings.report_page:
        return {}
    report = context.report
    messages = context.frame.messages
    months = list(report.by_month)[-MONTHS_SHOWN:]
    labels = [month_label(a.key, messages) for a in months]
    first = [a.median_time_to_first_update for a in months]
    kept = [a.promises_kept_pct for a in months]
    charts = [
        bar_chart(
            "chart-first-update",
            messages.gettext("Median time to the first public update, by month"),
            labels,
            [(value or timedelta(0)).total_seconds() for value in first],
            [_words(value, messages) for value in first],
        ),
        bar_chart(
            "chart-promises",
            messages.gettext("Promised updates that came on time, by month"),
            labels,
            [value or 0.0 for value in kept],
            [_percent(value) for value in kept],
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
