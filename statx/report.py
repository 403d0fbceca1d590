"""Write one self-contained HTML page that shows where every figure came from.

An analyst who publishes a figure must be able to point at its sentence.  The page holds,
per document, the text with each figure in a `<mark>` (hover: metric, value, unit,
qualifier, rule), a table of its figures, and across documents a small bar chart per
metric, a panel per unit.  It is one file with inline CSS and inline SVG: no script, no font, no
URL, so it opens offline, in a mail attachment, years later.  The same input gives the same
bytes (no timestamp), so reports can be diffed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from statx.display import figure_note
from statx.records import Record
from statx.view import layout

__all__ = ["ReportDoc", "render_report"]

_CHART_MAX_BARS = 60  # per unit panel: the chart stays small, the table has every figure
_BAR_WIDTH = 10
_BAR_GAP = 2
_GROUP_GAP = 8
_PLOT_HEIGHT = 80
_TOP = 6
_AXIS_WIDTH = 40
_PANEL_GAP = 14
_PALETTE_SIZE = 8

_CSS = """
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #ffffff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink); background: var(--bg);
  font: 15px/1.7 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; border-bottom: 1px solid var(--line);
  padding-bottom: .25rem; }
.meta, .note { color: var(--muted); font-size: .875rem; margin: 0 0 .75rem; }
nav ol { padding-left: 1.5rem; margin: .5rem 0; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft);
  border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: .5rem 0 1rem; }
mark { background: #fff0a8; color: inherit; border-radius: 3px; padding: 0 1px;
  box-shadow: 0 0 0 1px #e3c000; }
mark.other { background: #d8f0ff; box-shadow: 0 0 0 1px #7cc4f4; }
mark:hover, mark:target { background: #ffcf33; }
mark.other:hover, mark.other:target { background: #9fd8ff; }
sup.ref { font-size: .65rem; margin-left: 1px; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff8c5; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
figure.chart figcaption { font-size: .875rem; margin-bottom: .25rem; }
svg text { font-size: 10px; fill: var(--muted); }
svg .axis { stroke: var(--line); }
svg text.unit { fill: var(--ink); font-size: 11px; }
svg rect:hover { opacity: .7; }
.c0 { fill: #4e79a7; } .c1 { fill: #f28e2b; } .c2 { fill: #59a14f; } .c3 { fill: #e15759; }
.c4 { fill: #76b7b2; } .c5 { fill: #edc948; } .c6 { fill: #b07aa1; } .c7 { fill: #9c755f; }
.problems { color: #cf222e; }
"""


@dataclass(frozen=True, slots=True)
class ReportDoc:
    """One document of a report: its text exactly as read and the figures extracted from it."""

    doc: str
    text: str
    records: Sequence[Record]
    origin: str = ""
    title: str | None = None
    date: str | None = None


@dataclass(slots=True)
class _Chart:
    metric: str
    name: str
    # unit -> (document number, figure number, record), in document order
    panels: dict[str, list[tuple[int, int, Record]]] = field(default_factory=dict)


def render_report(docs: Sequence[ReportDoc], *, problems: Sequence[str] = (), version: str = "") -> str:
    """Render the report page.

    Args:
        docs: the documents in the order to show them.
        problems: inputs that could not be read, one line each, listed at the top so a
            reader knows the report is incomplete.
        version: the statx version, named in the page's generator line.

    Returns:
        The whole HTML page.
    """
    n_figures = sum(len(d.records) for d in docs)
    parts = [
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="statx {escape(version)}">\n',
        f"<title>statx report: {_count(len(docs), 'document')}, {_count(n_figures, 'figure')}</title>\n",
        f"<style>{_CSS}</style>\n</head>\n<body>\n<header>\n<h1>statx report</h1>\n",
        f'<p class="meta">{_count(len(docs), "document")} · {_count(n_figures, "figure")} · '
        f"every highlighted figure is the exact text its record points at; hover it for what statx read, "
        f"click its number for its row.</p>\n",
    ]
    if problems:
        parts.append('<p class="problems">Not in this report (could not be read):</p>\n<ul class="problems">')
        parts += [f"<li>{escape(p)}</li>" for p in problems]
        parts.append("</ul>\n")
    parts.append("<nav><ol>\n")
    for i, d in enumerate(docs, 1):
        parts.append(
            f'<li><a href="#d{i}">{escape(_heading(d))}</a> '
            f'<span class="note">({_count(len(d.records), "figure")})</span></li>\n'
        )
    parts.append("</ol></nav>\n</header>\n")
    parts.append(_charts_section(docs))
    for i, d in enumerate(docs, 1):
        parts.append(_document_section(i, d))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _heading(d: ReportDoc) -> str:
    return f"{d.title} ({d.doc})" if d.title else d.doc


def _tooltip(rec: Record) -> str:
    lines = [
        f"metric: {rec.metric} ({rec.metric_name})" if rec.metric_name else f"metric: {rec.metric}",
        f"value: {rec.value}",
        f"unit: {rec.unit}",
        f"qualifier: {rec.qualifier}",
        f"rule: {rec.rule}",
    ]
    if rec.label:
        lines.append(f"label: {rec.label}")
    if rec.change:
        lines.append(f"change: {rec.change}" + (f" ({rec.basis})" if rec.basis else ""))
    if rec.parent:
        lines.append(f"part of: {rec.parent}")
    lines.append(f"source[{rec.start}:{rec.end}]")
    return "\n".join(lines)


def _document_section(i: int, d: ReportDoc) -> str:
    numbers = {id(rec): n for n, rec in enumerate(d.records, 1)}
    meta = " · ".join(escape(x) for x in (d.doc, d.date, d.origin, _count(len(d.records), "figure")) if x)
    out = [
        f'<section class="doc" id="d{i}">\n<h2>{i}. {escape(d.title or d.doc)}</h2>\n',
        f'<p class="meta">{meta}</p>\n<div class="text">',
    ]
    for piece in layout(d.text, d.records):
        rec = piece.record
        if rec is None:
            out.append(escape(piece.text))
            continue
        n = numbers[id(rec)]
        css = "fig other" if rec.metric == "other" else "fig"
        out.append(
            f'<mark id="m{i}-{n}" class="{css}" title="{escape(_tooltip(rec))}" '
            f'data-metric="{escape(rec.metric)}" data-start="{rec.start}" data-end="{rec.end}">'
            f'{escape(piece.text)}</mark><sup class="ref"><a href="#f{i}-{n}">{n}</a></sup>'
        )
    out.append("</div>\n")
    out.append(_figure_table(i, d.records) if d.records else '<p class="note">No figures found.</p>\n')
    out.append("</section>\n")
    return "".join(out)


_COLUMNS = [
    "#",
    "text",
    "value",
    "unit",
    "qualifier",
    "metric",
    "label",
    "change",
    "parent",
    "rule",
    "offsets",
]


def _figure_table(i: int, records: Sequence[Record]) -> str:
    out = ['<table class="figures">\n<thead><tr>']
    out += [f"<th>{c}</th>" for c in _COLUMNS]
    out.append("</tr></thead>\n<tbody>\n")
    for n, rec in enumerate(records, 1):
        change = f"{rec.change} ({rec.basis})" if rec.change and rec.basis else rec.change or ""
        cells = [
            f'<td class="num"><a href="#m{i}-{n}">{n}</a></td>',
            f"<td>{escape(rec.text)}</td>",
            f'<td class="num">{rec.value}</td>',
            f"<td>{escape(rec.unit)}</td>",
            f"<td>{escape(rec.qualifier)}</td>",
            f'<td title="{escape(rec.metric_name)}">{escape(rec.metric)}</td>',
            f"<td>{escape(rec.label)}</td>",
            f"<td>{escape(change)}</td>",
            f"<td>{escape(rec.parent or '')}</td>",
            f"<td>{escape(rec.rule)}</td>",
            f'<td class="num">{rec.start}–{rec.end}</td>',
        ]
        out.append(f'<tr id="f{i}-{n}">{"".join(cells)}</tr>\n')
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _charts_section(docs: Sequence[ReportDoc]) -> str:
    charts: dict[str, _Chart] = {}
    for i, d in enumerate(docs, 1):
        for n, rec in enumerate(d.records, 1):
            chart = charts.setdefault(rec.metric, _Chart(rec.metric, rec.metric_name))
            chart.panels.setdefault(rec.unit, []).append((i, n, rec))
    if not charts:
        return ""
    ordered = sorted(charts.values(), key=lambda c: (c.metric == "other", c.metric))  # `other` last
    out = ['<section id="charts">\n<h2>Figures by metric</h2>\n']
    out.append(
        '<p class="note">One chart per metric, a panel per unit, one bar per figure, grouped and coloured '
        "by document (the numbers below the bars); hover a bar for the figure, click it for its row.</p>\n"
    )
    out.append('<div class="charts">\n')
    out += [_chart(c) for c in ordered]
    out.append("</div>\n</section>\n")
    return "".join(out)


def _chart(chart: _Chart) -> str:
    """One inline SVG for a metric: a panel per unit, each scaled to its own largest value."""
    x = 0
    body: list[str] = []
    shown = total = 0
    for unit, bars in chart.panels.items():
        panel, x = _panel(unit, bars[:_CHART_MAX_BARS], x)
        body.append(panel)
        shown += min(len(bars), _CHART_MAX_BARS)
        total += len(bars)
    width, height = max(120, x), _TOP + _PLOT_HEIGHT + 34
    name = chart.name if chart.name and chart.name != chart.metric else ""
    caption = " · ".join(p for p in (chart.metric, name, _count(total, "figure")) if p)
    if shown < total:
        caption += f" (first {_CHART_MAX_BARS} per unit shown)"
    return (
        f'<figure class="chart" data-metric="{escape(chart.metric)}">'
        f"<figcaption>{escape(caption)}</figcaption>"
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(caption)}">{"".join(body)}</svg></figure>\n'
    )


def _panel(unit: str, bars: Sequence[tuple[int, int, Record]], x0: int) -> tuple[str, int]:
    """Draw one unit's bars from `x0`, grouped by document, on an axis up to the largest value.

    Returns:
        The SVG elements and the x where the next panel may start.
    """
    top = max((float(rec.value) for _, _, rec in bars), default=0.0)
    scale = _PLOT_HEIGHT / top if top > 0 else 0.0
    base = _TOP + _PLOT_HEIGHT
    left = x0 + _AXIS_WIDTH
    x = left + 4
    out: list[str] = []
    labels: list[tuple[float, int]] = []
    previous, group_start = None, x
    for doc_n, fig_n, rec in bars:
        if previous is not None and doc_n != previous:
            labels.append(((group_start + x - _BAR_GAP) / 2, previous))
            x += _GROUP_GAP
            group_start = x
        previous = doc_n
        h = max(1.0, float(rec.value) * scale)
        tip = f"{doc_n}. {rec.doc}: {rec.text} = {figure_note(rec)}"
        out.append(
            f'<a href="#f{doc_n}-{fig_n}"><rect class="c{(doc_n - 1) % _PALETTE_SIZE}" x="{x}" '
            f'y="{base - h:.1f}" width="{_BAR_WIDTH}" height="{h:.1f}">'
            f"<title>{escape(tip)}</title></rect></a>"
        )
        x += _BAR_WIDTH + _BAR_GAP
    if previous is not None:
        labels.append(((group_start + x - _BAR_GAP) / 2, previous))
    end = max(x + 4, left + 40)
    axis = [
        f'<line class="axis" x1="{left}" y1="{base}" x2="{end}" y2="{base}"/>',
        f'<line class="axis" x1="{left}" y1="{_TOP}" x2="{left}" y2="{base}"/>',
        f'<text x="{left - 3}" y="{_TOP + 8}" text-anchor="end">{escape(_short(top))}</text>',
        f'<text x="{left - 3}" y="{base}" text-anchor="end">0</text>',
        f'<text class="unit" x="{(left + end) / 2:.1f}" y="{base + 28}" text-anchor="middle">'
        f"{escape(unit)}</text>",
    ]
    axis += [f'<text x="{cx:.1f}" y="{base + 13}" text-anchor="middle">{n}</text>' for cx, n in labels]
    return "".join(axis) + "".join(out), end + _PANEL_GAP


def _count(n: int, noun: str) -> str:
    """`1 figure`, `2 figures`.

    >>> _count(1, "figure"), _count(0, "document")
    ('1 figure', '0 documents')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _short(value: float) -> str:
    """A compact axis label in the units Chinese readers use.

    >>> _short(253000000), _short(17000), _short(93.03), _short(0)
    ('2.53亿', '1.7万', '93.03', '0')
    """
    for size, word in ((100_000_000, "亿"), (10_000, "万")):
        if value >= size:
            return f"{Decimal(str(round(value / size, 2))).normalize():f}{word}"
    return f"{Decimal(str(round(value, 2))).normalize():f}"
