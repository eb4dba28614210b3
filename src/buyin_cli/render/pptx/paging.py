"""How one outline slide breaks into pages: its list and its table fitted, and the area its charts get.

Pure layout arithmetic on the template's boxes (nothing is drawn here): deck.py
then makes one slide per page with what each page holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from buyin_cli.render.outline import Slide
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.layout import (
    EMU_PER_PT,
    GAP,
    Place,
    indents,
    inherited_size,
    inner,
    layout_placeholder,
    table_box,
)
from buyin_cli.render.pptx.tables import body_rows, table_font
from buyin_cli.render.pptx.textfit import Para

BODY_FLOOR, TABLE_START, TABLE_FLOOR = 14, 20, 12
# A continued list reads at 20 pt at most (32 leaves a bullet a slide).
BODY_SPLIT = 20
TABLE_SHARE = 0.5  # of the content area, for a table with a chart under it

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class TableFit:
    """A table's size, column widths and font, and its body rows on each page."""

    size: float
    widths: list[float]
    font: textfit.Font
    pages: list[list[int]]


@dataclass
class Paging:
    """What each page of a slide holds, and at what size."""

    body_size: float
    body_pages: list[list[Para]]
    chart_area: Box  # where the charts go, on the first page
    table: TableFit | None = None

    @property
    def pages(self) -> int:
        return max(len(self.body_pages), len(self.table.pages) if self.table else 1)


def page_slide(prs: Any, layout: Any, places: dict[str, Place], spec: Slide) -> Paging:
    """The list and the table of `spec` fitted to their boxes, page by page."""
    paras = [Para(b.text, b.level, b.bold) for b in spec.body or []]
    if spec.link is not None:
        paras.append(Para(spec.link.text, bullet=False, link=spec.link.url))
    body_pages: list[list[Para]] = [[]]
    body_size = 0.0
    if paras:
        ph = layout_placeholder(layout, places["text"].idx)
        size = inherited_size(prs, ph, "body", 20)
        body_size, body_pages = textfit.fit_body(paras, inner(places["text"].box), indents(prs, ph), size,
                                                 BODY_FLOOR, max(BODY_FLOOR, min(size - 2, BODY_SPLIT)))
    paging = Paging(body_size, body_pages, places.get("visual", places["area"]).box)
    if spec.table is not None:
        charts = spec.all_charts
        t_font = table_font(prs)
        t_box = places["visual"].box
        gap = int(GAP * EMU_PER_PT)
        if charts:  # the table above, the chart under it
            x, y, w, h = t_box
            t_box = (x, y, w, int(h * TABLE_SHARE))
            paging.chart_area = (x, y + t_box[3] + gap, w, h - t_box[3] - gap)
        t_size, t_widths, table_pages = textfit.fit_table(
            spec.table.columns, body_rows(spec.table), table_box(t_box), TABLE_START, TABLE_FLOOR, t_font,
            bold_last=spec.table.total is not None)
        paging.table = TableFit(t_size, t_widths, t_font, table_pages)
        if charts:  # the chart takes what the table's first page leaves
            all_rows = body_rows(spec.table)
            height = textfit.row_height(spec.table.columns, t_widths, t_size, True, t_font) + sum(
                textfit.row_height(all_rows[i], t_widths, t_size, True, t_font) for i in table_pages[0])
            x, y, w, h = places["visual"].box
            top = y + int(height * EMU_PER_PT) + gap
            paging.chart_area = (x, top, w, y + h - top)
    return paging
