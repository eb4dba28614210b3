"""A line chart's lines, their labels and the events marked on a trend (charts.py draws the rest).

- Each line in its colour: the focus in the accent, a target dashed, what was expected
  anyway (a trend's projection) grey and dashed with hollow points, the rest grey.
- Every line is labelled at the same points: its last value (with its name, where the
  outline gives one), and on a before-and-after line its first value too. At each labelled
  point the highest line's label sits above it, the lowest's below and any between to the
  side, turn about, so close lines' labels never overlap; lines whose labels there read the
  same (a projection from where the pilot began, or values closer than the labels show)
  share one label.
- A trend's events (a pilot, a launch) are vertical rules on the time axis, labelled above
  a plot whose place is fixed: under the title and the legend (placed too, so the labels
  know where it ends), above the category labels, as many lines as each takes; never on
  the lines, their labels or the legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_LABEL_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR
from pptx.oxml.ns import qn
from pptx.util import Pt

from buyin_cli.render.outline import Chart
from buyin_cli.render.pptx import chartfit, oxml, textxml
from buyin_cli.render.pptx.textfit import lines_at
from buyin_cli.render.pptx.textfit.fonts import text_width

LABEL_FONT, TITLE_FONT = 12, 14
GREY, DARK = RGBColor(0xA6, 0xA6, 0xA6), RGBColor(0x59, 0x59, 0x59)
# The plot's inner area, as fractions of the chart frame, when marks must line up with it: the
# least room above and below it, grown when the title, legend or category labels need more.
PLOT = {"x": 0.09, "w": 0.86, "y_titled": 0.2, "y": 0.1, "bottom": 0.14, "legend": 0.1}


def draw_lines(plot: Any, spec: Chart, roles: Sequence[str], number_format: str,
               scale: float | None = None) -> None:
    """Each line in its colour, labelled at its last value (and a before-and-after line at
    its first), with its name where the outline gives one (`scale`: the plot's points per
    unit of value, where its labels go apart)."""
    for series, role in zip(plot.series, roles):
        series.smooth = False
        line = series.format.line
        line.width = Pt(3 if role == "focus" else 2)
        if role == "focus":
            line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            series.marker.format.line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
        elif role == "expected":  # what would have happened anyway: a hollow point on a dashed line
            line.color.rgb = GREY
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            series.marker.format.line.color.rgb = GREY
        else:
            line.color.rgb = DARK if role == "target" else GREY
            series.marker.style = XL_MARKER_STYLE.NONE
        if role in ("target", "expected"):
            line.dash_style = MSO_LINE.DASH
    for point, where in labelled_points(spec, number_format, scale).items():
        for n, position in where.items():
            _label(plot.series[n], spec.series[n].end_label if point == _last(spec.series[n].values) else None,
                   point, position, roles[n] == "focus", number_format)


def _last(values: Sequence[float | None]) -> int | None:
    return max((n for n, v in enumerate(values) if v is not None), default=None)


def labelled_points(spec: Chart, number_format: str = "#,##0.00",
                    scale: float | None = None) -> dict[int, dict[int, XL_LABEL_POSITION]]:
    """For each labelled category, each series labelled there and where its label sits: the
    highest value's above, the lowest's below, any between to the side (`_beside`). Lines
    whose labels there would read the same (they meet, or differ by less than the labels show)
    share one label: the first's. `scale`: the plot's points per unit of value, where known."""
    wanted: dict[int, list[int]] = {}
    for n, series in enumerate(spec.series):
        points = {_last(series.values)}
        if len(spec.categories) == 2 and series.values and series.values[0] is not None:
            points.add(0)  # a before-and-after line says where it began
        for point in points - {None}:
            wanted.setdefault(point, []).append(n)  # type: ignore[arg-type]
    out: dict[int, dict[int, XL_LABEL_POSITION]] = {}
    for point, members in wanted.items():
        said: dict[str, int] = {}
        for n in members:
            said.setdefault(reads(spec, n, point, number_format), n)
        ranked = sorted(said.values(), key=lambda n: -(spec.series[n].values[point] or 0.0))
        out[point] = {ranked[0]: XL_LABEL_POSITION.ABOVE}
        if len(ranked) > 1:
            out[point][ranked[-1]] = XL_LABEL_POSITION.BELOW
        heights = [-(spec.series[n].values[point] or 0.0) * (scale or 0.0) for n in ranked]
        out[point].update(zip(ranked[1:-1], _beside(heights, point == 0, scale is not None)))
    return out


LABEL_GAP = 3.0  # points between a point and its label above or below it


def _beside(heights: Sequence[float], first: bool, measured: bool) -> list[XL_LABEL_POSITION]:
    """The sides of the labels between the highest and the lowest, given every label's point
    (`heights`, points down the plot, the highest first): the outer side (after the last point,
    before the first) unless a label there, or the highest's or lowest's, is drawn where it
    would be, then the inner; unmeasured, turn about."""
    outer, inner = (XL_LABEL_POSITION.LEFT, XL_LABEL_POSITION.RIGHT) if first else (
        XL_LABEL_POSITION.RIGHT, XL_LABEL_POSITION.LEFT)
    if not measured:
        return [(outer, inner)[n % 2] for n in range(len(heights) - 2)]
    line = chartfit.LINE
    top, bottom = heights[0], heights[-1]
    ends = [(top - LABEL_GAP - line, top - LABEL_GAP), (bottom + LABEL_GAP, bottom + LABEL_GAP + line)]
    taken: dict[XL_LABEL_POSITION, list[tuple[float, float]]] = {outer: [], inner: []}
    sides = []
    for y in heights[1:-1]:
        span = (y - line / 2, y + line / 2)
        side = next((s for s in (outer, inner) if not any(a < span[1] and span[0] < b for a, b in taken[s] + ends)),
                    outer)
        taken[side].append(span)
        sides.append(side)
    return sides


def reads(spec: Chart, n: int, point: int, number_format: str) -> str:
    """What the `n`th line's label at `point` reads: its name at its end, where it has one, else
    its value as the chart writes it."""
    series = spec.series[n]
    if series.end_label and point == _last(series.values):
        return series.end_label
    return chartfit.rendered(series.values[point] or 0.0, number_format)


def _label(series: Any, text: str | None, point: int, position: XL_LABEL_POSITION, bold: bool,
           number_format: str) -> None:
    label = series.points[point].data_label
    label.font.size = Pt(LABEL_FONT)
    label.font.bold = bold
    if text:
        label.has_text_frame = True
        label.text_frame.text = text
        for run in label.text_frame.paragraphs[0].runs:
            run.font.size = Pt(LABEL_FONT)
            run.font.bold = bold
    else:
        labels = series.data_labels
        labels.number_format, labels.number_format_is_linked = number_format, False
        labels.show_value = False
        label.show_value = True
    label.position = position


MARK_LINE = 15  # points: one line of a mark's label
TITLE_ROOM = 0.8  # of the frame's width: the most a chart's title takes before it wraps
LEGEND_ROOM = 0.7  # of the plot's width: the most a legend's row is counted to take


def _mark_lines(label: str, room: float) -> int:
    """The lines a mark's label takes: one while it fits the plot's width, else wrapped across it."""
    if text_width(label, LABEL_FONT) + 4 <= room:
        return 1
    return lines_at(label, room - 4, LABEL_FONT)


def _tag(n: int, spec: Chart) -> str:
    """What tells the `n`th mark's label and rule apart from the others', when there are several."""
    return f"{n + 1}  " if len(spec.marks or []) > 1 else ""


def _rows(spec: Chart, width: float) -> tuple[float, float, float]:
    """Where the rows above a marked plot start (points from the frame's top): the legend, the
    marks' labels, and the plot; one under the other, so a label never runs into the legend."""
    legend = 8.0
    if spec.title:
        room = TITLE_ROOM * width - 2 * chartfit.FRAME_PAD
        legend += lines_at(spec.title, room, TITLE_FONT, bold=True) * TITLE_FONT * 1.25 + 4
    marks = legend
    if len(spec.series) > 1:
        # A renderer clips the entries a placed legend has no room for, and wraps a long name
        # sooner than measured: its rows are counted at a narrower width than it is given.
        marks += chartfit.legend_rows([s.name for s in spec.series], LEGEND_ROOM * width * PLOT["w"]) \
            * chartfit.LINE + 6
    labels = sum(_mark_lines(_tag(n, spec) + m.label, width * PLOT["w"]) for n, m in enumerate(spec.marks or []))
    return legend, marks, marks + max(labels * MARK_LINE, chartfit.LINE) + 4


def plot_box(spec: Chart, width: float, height: float, turned: bool) -> tuple[float, float, float, float]:
    """The plot's inner area (x, y, w, h) as fractions of a frame `width` × `height` points."""
    top = PLOT["y_titled"] if spec.title else PLOT["y"]
    if len(spec.series) > 1:
        top += PLOT["legend"]
    top = max(top, _rows(spec, width)[2] / height)
    plot_w = width * PLOT["w"]
    labels = chartfit.category_height(spec.categories, plot_w, turned)
    bottom = max(PLOT["bottom"], (labels + 12) / height)
    return PLOT["x"], top, PLOT["w"], max(1 - top - bottom, 0.05)


def _unstyled(connector: Any) -> None:
    """A connector without the theme's line style, whose effect casts a shadow that reads as a
    second line (its colour and width are its own)."""
    style = connector._element.find(qn("p:style"))
    if style is not None:
        connector._element.remove(style)


def draw_marks(slide: Any, chart: Any, box: tuple[int, int, int, int], spec: Chart, turned: bool) -> None:
    """Each event as a vertical rule at its place on the time axis, labelled above the plot: under
    the legend, which is placed where the labels expect it, clear of the lines and their labels."""
    x, y, w, h = box
    left_share, top, width_share, height = plot_box(spec, w / 12700, h / 12700, turned)
    oxml.fix_plot_area(chart, left_share, top, width_share, height)
    legend_at, marks_at, _ = _rows(spec, w / 12700)
    if chart.has_legend:
        oxml.place_legend(chart, left_share, legend_at * 12700 / h, width_share, (marks_at - legend_at) * 12700 / h)
    count = len(spec.categories)
    between = oxml.categories_between_ticks(chart.value_axis)

    def at(position: float) -> int:
        share = (position + 0.5) / count if between else position / max(count - 1, 1)
        return x + int(w * (left_share + width_share * min(max(share, 0.0), 1.0)))

    plot_top, plot_bottom = y + int(h * top), y + int(h * (top + height))
    plot_left, plot_width = x + int(w * left_share), int(w * width_share)
    below = y + int(marks_at * 12700)  # each label under the one before it, the last just above the plot
    for n, mark in enumerate(spec.marks or []):
        # Several marks are numbered: the number starts its label and tops its rule, and each
        # span sits a little lower than the one before, so overlapping periods read apart.
        tag, drop = _tag(n, spec), int((3 + 6 * n) * 12700) if len(spec.marks or []) > 1 else 0
        left = at(mark.start)
        rule = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, left, plot_top + drop, left, plot_bottom)
        rule.line.color.rgb, rule.line.width, rule.line.dash_style = DARK, Pt(1.25), MSO_LINE.DASH
        _unstyled(rule)
        right = at(mark.end) if mark.end is not None else left
        if right > left:
            span = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, left, plot_top + drop, right, plot_top + drop)
            span.line.color.rgb = DARK
            span.line.width = Pt(1.25)
            _unstyled(span)
        if tag:
            where = (left + int(3 * 12700), plot_top + drop + int(2 * 12700), int(14 * 12700), int(MARK_LINE * 12700))
            number = textxml.textbox(slide, where, (0, 0, 0, 0), wrap=False, fitted=False)
            textxml.styled_run(number, tag.strip(), LABEL_FONT, bold=True, rgb=str(DARK))
        # The first of its forms that fits the plot's width on one line, else the last.
        short = mark.short_label or []
        forms = [mark.label] + ([short] if isinstance(short, str) else list(short))
        words = next((f for f in forms if (text_width(tag + f, LABEL_FONT) + 4) * 12700 <= plot_width), forms[-1])
        # As wide as its words, kept inside the chart: near the right edge it ends at the edge;
        # wider than the plot, it wraps across the plot's width.
        label_w = min(max(right - left, int((text_width(tag + words, LABEL_FONT) + 4) * 12700)), plot_width)
        start = min(left + int(2 * 12700), max(plot_left, x + w - label_w))
        lines = _mark_lines(tag + words, plot_width / 12700)
        label = textxml.textbox(slide, (start, below, label_w, int(lines * MARK_LINE * 12700)), (0, 0, 0, 0),
                                wrap=lines > 1, fitted=False)
        if tag:
            textxml.styled_run(label, tag, LABEL_FONT, bold=True, rgb=str(DARK))
        textxml.styled_run(label, words, LABEL_FONT, rgb=str(DARK))
        below += int(lines * MARK_LINE * 12700)
