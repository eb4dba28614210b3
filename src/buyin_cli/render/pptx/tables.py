"""Native PowerPoint tables: an outline's Table filled into an editable table, row heights as planned.

The look is the cells' own, not a table style's, so it is the same on every
template and renderer: a bold header over a rule, thin rules between rows, no
fills, numbers right-aligned as the outline says, and a total row in bold under
a rule. Which rows go on which slide, and where the table sits, is deck.py's
decision; this module fills the table it is told to draw.
"""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Pt

from buyin_cli.render.outline import Table
from buyin_cli.render.pptx import oxml, textfit


def table_font(prs: Any) -> textfit.Font:
    """The advances for the theme's body font, which table cells use."""
    return textfit.font_for(oxml.theme_body_font(prs))


HEADER_RULE, ROW_RULE = (1.0, "595959"), (0.5, "D9D9D9")
TEXT, DIM = RGBColor(0x26, 0x26, 0x26), RGBColor(0x40, 0x40, 0x40)


def body_rows(spec: Table) -> list[list[str]]:
    """The rows a table fits and pages: its rows, then its total row."""
    return spec.rows + ([spec.total] if spec.total is not None else [])


def add_table(slide: Any, left: int, top: int, width: float, spec: Table, rows: list[int],
              size: float, fitted: list[float], font: textfit.Font, least: int = 0) -> None:
    """A native table of `spec`'s header and `rows`, `width` points wide at (`left`, `top`) in EMU.

    `rows` index body_rows(spec); `size` and `fitted` (column widths) come from
    textfit.fit_table, which planned the rows that fit on this slide. A table shorter
    than `least` (EMU) has its rows made taller alike, their text in the middle.
    """
    align = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
    aligns = spec.align or ["left"] * len(spec.columns)
    every = body_rows(spec)
    total = len(spec.rows) if spec.total is not None else None
    cells = [spec.columns] + [every[i] for i in rows]
    kinds = ["header"] + ["total" if i == total else "row" for i in rows]
    # The fitted widths, stretched to this box: every column at least as wide, so no
    # row grows taller than the page was planned with.
    widths = [w * width / sum(fitted) for w in fitted]
    heights = [textfit.row_height(r, widths, size, kind != "row", font) for r, kind in zip(cells, kinds)]
    stretch = max(1.0, least / Pt(sum(heights)))
    emu_heights = [Pt(h * stretch) for h in heights]
    w = Pt(width)
    shape = slide.shapes.add_table(len(cells), len(spec.columns), left, top, w, sum(emu_heights))
    table = shape.table
    table.first_row, table.horz_banding = True, False
    oxml.unstyled(table)
    emu_widths: list[int] = [Pt(v) for v in widths]
    emu_widths[-1] = w - sum(emu_widths[:-1])  # exact total: no sliver past the box
    for column, width in zip(table.columns, emu_widths):
        column.width = width
    for row, height in zip(table.rows, emu_heights):
        row.height = height
    last = len(cells) - 1
    for r, (values, kind) in enumerate(zip(cells, kinds)):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.fill.background()
            cell.margin_left = cell.margin_right = Pt(textfit.CELL_MARGIN_X)
            cell.margin_top = cell.margin_bottom = Pt(textfit.CELL_MARGIN_Y)
            top_rule = HEADER_RULE if kind == "total" else None
            bottom_rule = HEADER_RULE if kind == "header" else None if r == last else ROW_RULE
            oxml.cell_rules(cell, top_rule, bottom_rule)
            if stretch > 1:
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = align[aligns[c]]
            # An empty cell's height comes from its end-of-paragraph size, else the default 18 pt.
            oxml.set_end_size(paragraph, size)
            if not value:
                continue
            run = paragraph.add_run()
            run.text = value
            run.font.size = Pt(size)
            run.font.color.rgb = DIM if kind == "header" else TEXT
            if kind != "row":
                run.font.bold = True
