"""Native PowerPoint tables: an outline's Table filled into an editable table, row heights as planned.

The look is the cells' own, not a table style's, so it is the same on every
template and renderer: a bold header over a rule, thin rules between rows, no
fills, numbers right-aligned as the outline says, and a total row in bold under
a rule. Which rows go on which slide, and where the table sits, is deck.py's
decision; this module fills the table it is told to draw.
"""

from __future__ import annotations

from typing import Any

from pptx.util import Pt

from buyin_cli.render.outline import Table
from buyin_cli.render.pptx import oxml, textfit, textxml


def table_font(prs: Any) -> textfit.Font:
    """The advances for the theme's body font, which table cells use."""
    return textfit.font_for(oxml.theme_body_font(prs))


HEADER_RULE, ROW_RULE = (1.0, "595959"), (0.5, "D9D9D9")
TEXT, DIM = "262626", "404040"


def body_rows(spec: Table) -> list[list[str]]:
    """The rows a table fits and pages: its rows, then its total row."""
    return spec.rows + ([spec.total] if spec.total is not None else [])


def add_table(slide: Any, left: int, top: int, width: float, spec: Table, rows: list[int],
              size: float, fitted: list[float], font: textfit.Font, least: int = 0) -> None:
    """A native table of `spec`'s header and `rows`, `width` points wide at (`left`, `top`) in EMU.

    `rows` index body_rows(spec); `size` and `fitted` (column widths) come from
    textfit.fit_table, which planned the rows that fit on this slide. A table shorter
    than `least` (EMU) has its rows made taller alike, their text in the middle. The table's
    XML is written directly (textxml.py): what python-pptx's `add_table` and cell proxies wrote.
    """
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
    emu_heights = [int(Pt(h * stretch)) for h in heights]
    w = int(Pt(width))
    emu_widths: list[int] = [int(Pt(v)) for v in widths]
    emu_widths[-1] = w - sum(emu_widths[:-1])  # exact total: no sliver past the box
    tbl = textxml.table_frame(slide, left, top, w, sum(emu_heights), oxml.NO_STYLE, emu_widths)
    last = len(cells) - 1
    end_size, run_size = str(int(size * 100)), textxml.centipoints(size)
    for r, (values, kind, height) in enumerate(zip(cells, kinds, emu_heights)):
        tr = textxml.sub(tbl, textxml.A_TR, {"h": str(height)})
        top_rule = HEADER_RULE if kind == "total" else None
        bottom_rule = HEADER_RULE if kind == "header" else None if r == last else ROW_RULE
        colour = DIM if kind == "header" else TEXT
        for c, value in enumerate(values):
            paragraph = textxml.table_cell(tr, _ALIGN[aligns[c]], _MARGINS, (None, None, top_rule, bottom_rule),
                                           middle=stretch > 1)
            # An empty cell's height comes from its end-of-paragraph size, else the default 18 pt.
            if value:
                textxml.colour_run(paragraph, value, run_size, colour, bold=kind != "row")
            textxml.sub(paragraph, textxml.A_END, {"sz": end_size})


_ALIGN = {"left": "l", "center": "ctr", "right": "r"}  # as PP_ALIGN writes them
_MARGINS = tuple(str(int(Pt(m))) for m in (textfit.CELL_MARGIN_X, textfit.CELL_MARGIN_X,
                                            textfit.CELL_MARGIN_Y, textfit.CELL_MARGIN_Y))
