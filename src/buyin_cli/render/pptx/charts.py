"""Native PowerPoint charts: an outline's Chart drawn as an editable chart, with labelled values.

Where the chart goes is layout.py's decision; this module only draws it in the
box it is given.
"""

from __future__ import annotations

from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Pt

from buyin_cli.render.outline import Chart
from buyin_cli.render.pptx import oxml

CHART_FONT, CHART_LABEL_FONT = 14, 12


def add_chart(slide: Any, box: tuple[int, int, int, int], spec: Chart) -> None:
    """A native, editable chart of `spec` filling `box` (EMU): labelled values, quiet axes."""
    kinds = {"column": XL_CHART_TYPE.COLUMN_CLUSTERED, "clustered_column": XL_CHART_TYPE.COLUMN_CLUSTERED,
             "bar": XL_CHART_TYPE.BAR_CLUSTERED, "clustered_bar": XL_CHART_TYPE.BAR_CLUSTERED,
             "line": XL_CHART_TYPE.LINE_MARKERS, "doughnut": XL_CHART_TYPE.DOUGHNUT}
    number_format = spec.number_format or "General"
    data = CategoryChartData(number_format=number_format)
    data.categories = spec.categories
    for series in spec.series:
        data.add_series(series.name, series.values)
    chart = slide.shapes.add_chart(kinds[spec.kind], *box, data).chart
    chart.font.size = Pt(CHART_FONT)
    chart.has_title = spec.title is not None
    if spec.title is not None:
        chart.chart_title.text_frame.text = spec.title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_FONT + 2)
    chart.has_legend = len(spec.series) > 1 or spec.kind == "doughnut"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = number_format, False
    labels.font.size = Pt(CHART_LABEL_FONT)
    labels.show_value = True
    if spec.kind == "doughnut":
        # Labels sit on the segments, whatever their colour: give them a white ground.
        oxml.white_label_ground(labels)
        return
    labels.position = XL_LABEL_POSITION.ABOVE if spec.kind == "line" else XL_LABEL_POSITION.OUTSIDE_END
    if spec.kind != "line":
        plot.gap_width = 60
        plot.overlap = -10 if len(spec.series) > 1 else 0
    grey = RGBColor(0xD9, 0xD9, 0xD9)
    values, categories = chart.value_axis, chart.category_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = grey
    values.format.line.fill.background()
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = number_format, False
    values.tick_labels.font.size = Pt(CHART_LABEL_FONT)
    categories.tick_labels.font.size = Pt(CHART_LABEL_FONT)
    # Level category names wrap under their bars; turned on their side they would take
    # the plot's height on a narrow (4:3) half slide.
    oxml.level_category_labels(categories)
    categories.format.line.color.rgb = RGBColor(0xA6, 0xA6, 0xA6)
    if spec.kind in ("bar", "clustered_bar"):
        categories.reverse_order = True  # first category on top, as it is read
        # ... and the value axis crosses at the last category, so it stays at the bottom.
        oxml.cross_at_maximum(values)
