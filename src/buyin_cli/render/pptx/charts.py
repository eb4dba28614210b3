"""Native PowerPoint charts: an outline's Chart drawn editable, the way a finance reader trusts it.

- The series the title talks about is in the accent colour, the rest grey, a target dashed (docs/deck.md).
- Bars start at zero, and so does a line of two points (a before and after: a comparison, as
  bars are); a longer line's axis shows every value and the target, noise not magnified,
  and starts no higher than half its top, so no change looks more than twice its size.
- Values are labelled on the bars, in a short form ("£41.0m") when a bar is too narrow for
  the full one; lines as chartlines.py labels them; a legend naming each series whenever
  there are several, above the plot and never over it (chartfit.py measures what fits).
- A negative reads with the text's minus (−£4,000, locales.py); below zero, a bar's label
  stands under it and the category names at the foot of the plot, off the zero line.
- The source line goes under the chart, in its own box.

Where the chart goes is layout.py's decision; this module draws it in the box it is given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_LINE, MSO_THEME_COLOR
from pptx.util import Pt

from buyin_cli.render.outline import Chart
from buyin_cli.render.pptx import chartfit, chartlines, oxml, textxml
from buyin_cli.render.pptx.chartdata import chart_data, upside_down
from buyin_cli.render.pptx.locales import locale_prefix, localised, minus_signs, true_minus

CHART_FONT, CHART_LABEL_FONT = 14, 12
EMU_PER_PT = 12700
SOURCE_HEIGHT_PT = 0.32 * 72  # one line of 12 pt under a chart
SOURCE_HEIGHT = SOURCE_HEIGHT_PT * EMU_PER_PT
GREY, DARK, RULE = chartlines.GREY, chartlines.DARK, RGBColor(0xD9, 0xD9, 0xD9)
_KINDS = {"column": XL_CHART_TYPE.COLUMN_CLUSTERED, "clustered_column": XL_CHART_TYPE.COLUMN_CLUSTERED,
          "bar": XL_CHART_TYPE.BAR_CLUSTERED, "clustered_bar": XL_CHART_TYPE.BAR_CLUSTERED,
          "line": XL_CHART_TYPE.LINE_MARKERS, "doughnut": XL_CHART_TYPE.DOUGHNUT}


def chart_boxes(box: tuple[int, int, int, int], count: int,
                gap: int = int(0.3 * 72 * 12700)) -> list[tuple[int, int, int, int]]:
    """`count` charts in `box`: side by side when the box is wide, else one above the other."""
    x, y, w, h = box
    if count <= 1:
        return [box]
    if w >= 1.4 * h:
        each = (w - gap * (count - 1)) // count
        return [(x + n * (each + gap), y, each, h) for n in range(count)]
    each = (h - gap * (count - 1)) // count
    return [(x, y + n * (each + gap), w, each) for n in range(count)]


def add_chart(slide: Any, box: tuple[int, int, int, int], spec: Chart,
              language: str | None = None) -> None:
    """A native, editable chart of `spec` filling `box` (EMU), its source line under it."""
    x, y, w, h = box
    if spec.source:
        h -= int(SOURCE_HEIGHT)
        _source_line(slide, (x, y + h, w, int(SOURCE_HEIGHT)), spec.source)
    number_format = localised(_as_read(spec.number_format, spec) if spec.number_format else _number_format(spec),
                              language)
    roles = [s.role or ("focus" if n == 0 else "context") for n, s in enumerate(spec.series)]
    if spec.kind in ("bar", "clustered_bar"):
        spec, roles = upside_down(spec), roles[::-1]
    data = chart_data(spec.categories, true_minus(number_format))
    for series in spec.series:
        data.add_series(series.name, [meant(v) for v in series.values])
    chart = slide.shapes.add_chart(_KINDS[spec.kind], x, y, w, h, data).chart
    chart.font.size = Pt(CHART_FONT)
    chart.has_title = spec.title is not None
    if spec.title is not None:
        chart.chart_title.text_frame.text = unbroken_ranges(spec.title)
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_FONT)
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    if spec.kind == "doughnut":
        _doughnut(chart, number_format)
        minus_signs(chart._chartSpace)
        return
    line = spec.kind == "line"
    width = w / EMU_PER_PT
    # Two lines (a pilot and its comparison group) are told apart by name, not by colour alone.
    legend = len(spec.series) > 1
    chart.has_legend = legend
    if legend:  # above the plot, never over it: the plot gives up the rows the names take
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(CHART_LABEL_FONT)
    plot = chart.plots[0]
    low, high, step = value_range(spec)
    ticks = _tick_format(number_format, step)
    labels, all_labelled = number_format, True
    if spec.kind in ("column", "clustered_column"):
        labels, ticks, all_labelled = chartfit.bar_formats(
            [v for s in spec.series for v in s.values], len(spec.categories), len(spec.series),
            number_format, ticks, (low, high, step), width, language)
    elif spec.kind in ("bar", "clustered_bar"):
        ticks = chartfit.across_format(spec.categories, number_format, ticks, (low, high, step), width, language)
    if line:
        share = chartlines.plot_box(spec, width, h / EMU_PER_PT, False)[3]  # of the frame: the plot's height
        chartlines.draw_lines(plot, spec, roles, number_format, share * h / EMU_PER_PT / max(high - low, 1e-9))
    else:
        _bars(plot, roles, labels, len(spec.series), all_labelled)
    turned = False
    if spec.kind not in ("bar", "clustered_bar"):  # a bar chart's categories stand one under another
        room = width * chartlines.PLOT["w"] if line and spec.marks else chartfit.plot_width(
            width, chartfit.widest([low, high], ticks))
        turned = chartfit.labels_turned(spec.categories, room)
    _axes(chart, spec, ticks, turned)
    minus_signs(chart._chartSpace)
    if line and spec.marks:
        chartlines.draw_marks(slide, chart, (x, y, w, h), spec, turned)


def _bars(plot: Any, roles: Sequence[str], number_format: str, count: int, all_labelled: bool) -> None:
    """Bars in their colours, each labelled with its value (only the focus, when the bars are
    too narrow for every label)."""
    plot.gap_width = 60
    plot.overlap = -10 if count > 1 else 0
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = number_format, False
    labels.font.size = Pt(CHART_LABEL_FONT)
    labels.show_value = True
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    oxml.unwrapped_labels(labels)
    for series, role in zip(plot.series, roles):
        series.format.fill.solid()
        if role == "focus":
            series.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        elif role == "expected":  # what would have happened anyway: an outline, not a result
            series.format.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            series.format.line.color.rgb, series.format.line.dash_style = DARK, MSO_LINE.DASH
            series.format.line.width = Pt(1.25)
        else:
            series.format.fill.fore_color.rgb = DARK if role == "target" else GREY
        series.invert_if_negative = False
        if not all_labelled and role != "focus":
            series.data_labels.show_value = False


RANGE = re.compile(r"(?<=\d)([–—-])(?=\d)")


def unbroken_ranges(text: str) -> str:
    """A range ("0–100") held together after its dash, not wrapped as "points (0– / 100)"."""
    return RANGE.sub("\\1\u2060", text)


def _tick_format(number_format: str, step: float) -> str:
    """The value axis's labels show as many decimals as its step has, never rounding a tick."""
    if "%" in number_format or '"' in number_format:
        return chartfit.percent_ticks(number_format, step)
    decimals = 0 if float(step).is_integer() else len(f"{step:.10g}".split(".")[1])
    return locale_prefix(number_format) + "#,##0" + ("." + "0" * decimals if decimals else "")


MEANT = 12  # significant figures: more than any reading has, fewer than float arithmetic's noise


def meant(value: float | None) -> float | None:
    """`value` as it was meant, without the noise of the arithmetic that made it: 179816.00000000017
    is 179816, and a reader editing the chart in PowerPoint sees 179816."""
    return None if value is None else float(f"{value:.{MEANT}g}")


def decimals(value: float) -> int:
    """The decimals `value` is written with, as meant: 4.15 has 2, 4.0 has 0."""
    text = f"{meant(value):.{MEANT}g}"
    return 0 if "e" in text or "." not in text else len(text.split(".")[1])


def _number_format(spec: Chart) -> str:
    """Whole numbers with thousands separators, or as many decimals as the values have (at most
    two): a comparison group's 4.15 is labelled "4.15", not "4.2", as the notes say it."""
    places = _places(spec)
    return "#,##0" + ("." + "0" * places if places else "")


def _places(spec: Chart) -> int:
    """The decimals the chart's values are written with, at most two."""
    return min(2, max((decimals(v) for s in spec.series for v in s.values if v is not None), default=0))


def _as_read(number_format: str, spec: Chart) -> str:
    """Readings keep their decimals in a whole-number format the template gives: a line's (an
    average receipt of £6.38 → £6.71 is not "£6 → £7") and a share's on bars (65.5%, not 66%);
    bars of money totals stay whole."""
    places = _places(spec)
    if (spec.kind != "line" and "%" not in number_format) or not places or "#,##0." in number_format:
        return number_format
    return number_format.replace("#,##0", "#,##0." + "0" * places)


def _axes(chart: Any, spec: Chart, ticks: str, turned: bool) -> None:
    """The value axis's range, step and tick format; the category labels level, or turned."""
    values, categories = chart.value_axis, chart.category_axis
    low, high, step = value_range(spec)
    values.minimum_scale, values.maximum_scale = low, high
    values.major_unit = step
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RULE
    values.format.line.fill.background()
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = ticks, False
    values.tick_labels.font.size = Pt(CHART_LABEL_FONT)
    categories.tick_labels.font.size = Pt(CHART_LABEL_FONT)
    # Level category names wrap under their bars; turned on their side they would take
    # the plot's height on a narrow (4:3) half slide. Only a word wider than its slot,
    # which would break mid-way, turns them 45°.
    oxml.level_category_labels(categories, -45 if turned else 0)
    categories.format.line.color.rgb = GREY
    if low < 0:  # under the plot, not on the zero line, where they ran into a negative bar and its label
        categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW


BEFORE_AFTER = 2  # points: a line this short compares, as bars do, and starts at zero
HONEST = 0.5  # of its top: the highest a line's value axis may start (a change shown at most twice its size)


def value_range(spec: Chart) -> tuple[float, float, float]:
    """The value axis (lowest, highest, step): from zero for bars and for a before-and-after line
    (two points of positive values: 7.2% → 5.9% on 0–8%, not 4–8%, where the fall looked
    twice its size beside its neighbour's columns from zero); for longer lines, every value and
    the target, padded.

    A line's range is at least a fifth of the largest magnitude wide, so that a
    wobble between 2.1 and 2.2 reads as the near-flat line it is, and a line of
    positive values starts at half its top or lower (HONEST), so that no change looks
    more than twice its size. Counts step by whole numbers.
    """
    values = [v for s in spec.series for v in s.values if v is not None] or [0.0]
    whole = all(float(v).is_integer() for v in values)
    low, high = min(values), max(values)
    if spec.kind != "line" or (len(spec.categories) <= BEFORE_AFTER and low >= 0):
        low, high = min(0.0, low), max(0.0, high)
        pad = (high - low or 1.0) * 0.12
        bottom = low - pad if low < 0 else 0.0
    else:
        span = max(high - low, 0.2 * max(abs(low), abs(high)), 1e-9)
        pad = span * 0.15
        bottom = low - pad
        if low >= 0:
            bottom = max(0.0, bottom)
    if spec.axis_min is not None:
        bottom = spec.axis_min
    step = _nice_step((high + pad - bottom) / 5, whole)
    bottom = math.floor(bottom / step + 1e-9) * step
    top = math.ceil((high + pad) / step - 1e-9) * step
    if spec.axis_max is not None:
        top = spec.axis_max
    elif spec.ceiling is not None and high <= spec.ceiling < top:
        top = spec.ceiling  # a percentage's axis stops at 100%, whatever the padding wanted
    if spec.axis_min is None and low >= 0 and bottom > top * HONEST:
        # A line's axis cut off past half its top shows a change at more than twice its size:
        # it reaches down to half its top at least (on-time 76% → 95% on 50–100, not 70–100).
        step = _nice_step((top - top * HONEST) / 5, whole)
        top = min(math.ceil(top / step - 1e-9) * step, max(spec.ceiling or math.inf, high))
        bottom = math.floor(top * HONEST / step + 1e-9) * step
    return bottom, top, step


def _nice_step(raw: float, whole: bool = False) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `raw`; for counts a whole number, and
    no 2.5 (ticks of 0, 3, 5, 8 would be rounded labels of 0, 2.5, 5, 7.5)."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    multiples = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(m * power for m in multiples if m * power >= raw - 1e-12)
    return max(step, 1.0) if whole else step


def _doughnut(chart: Any, number_format: str) -> None:
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = number_format, False
    labels.font.size = Pt(CHART_LABEL_FONT)
    labels.show_value = True
    # Labels sit on the segments, whatever their colour: give them a white ground.
    oxml.white_label_ground(labels)


def _source_line(slide: Any, box: tuple[int, int, int, int], text: str) -> None:
    paragraph = textxml.textbox(slide, box, (int(Pt(7.2)), int(Pt(7.2)), int(Pt(2)), int(Pt(2))), fitted=False)
    textxml.paragraph_props(paragraph, "l")
    textxml.styled_run(paragraph, text, CHART_LABEL_FONT, rgb=str(DARK))
