"""A chart's data for python-pptx, its categories placed in linear time.

python-pptx finds a category's position by counting the categories before it,
and it asks for every category's position when it writes the chart and its
workbook: quadratic, so a line chart of 20,000 readings took minutes. buyin's
categories are one flat level, so each position is known when it is added.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from buyin_cli.render.outline import Chart
from buyin_cli.render.pptx import xlsx_later
from buyin_cli.render.pptx.chartbook import chart_workbook

xlsx_later.stand_in()  # python-pptx's chart data imports XlsxWriter, which chartbook.py mostly spares

from pptx.chart.data import Categories, CategoryChartData  # noqa: E402


class _FlatCategories(Categories):
    """Categories of one level, each knowing its position."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # python-pptx ships no types
        self._positions: dict[int, int] = {}

    def add_category(self, label: Any) -> Any:
        category = super().add_category(label)  # type: ignore[no-untyped-call]
        self._positions[id(category)] = len(self._positions)
        return category

    def index(self, category: Any) -> int:  # type: ignore[override]  # python-pptx's, not Sequence's
        return self._positions[id(category)]


class _ChartData(CategoryChartData):
    """python-pptx's chart data, its workbook written by chartbook.py where it can be."""

    @property
    def xlsx_blob(self) -> bytes:
        categories = self.categories
        blob = chart_workbook([c.label for c in categories],
                              [(s.name, s.values, s.number_format) for s in self],
                              categories.number_format) if categories.depth == 1 else None
        if blob is None:
            blob = super().xlsx_blob
        return blob


def chart_data(categories: Sequence[str], number_format: str) -> CategoryChartData:
    """Chart data with `categories` and no series yet."""
    data = _ChartData(number_format=number_format)  # type: ignore[no-untyped-call]  # python-pptx ships no types
    flat = _FlatCategories()
    for label in categories:
        flat.add_category(label)
    data._categories = flat  # the attribute python-pptx's own setter fills
    return data


def upside_down(spec: Chart) -> Chart:
    """A bar chart's data in the order it is drawn, from the bottom up: its last category first,
    and in each its last series first, so the first stands on top, as it is read.

    Its axis is not reversed instead: LibreOffice lists a bar chart's legend from the bottom
    bar up whatever the axis, so on a reversed axis the legend named the series in the
    opposite order to the bars."""
    return spec.model_copy(update={
        "categories": spec.categories[::-1],
        "series": [s.model_copy(update={"values": s.values[::-1]}) for s in spec.series[::-1]]})
