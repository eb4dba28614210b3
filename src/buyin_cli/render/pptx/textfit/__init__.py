"""Conservative text measurement: how wide a line is, how lines wrap, what fits in a box.

fonts.py holds the advances; measure.py wraps lines and fits text to a box;
body.py fits bullet lists and table.py tables, splitting them across slides
when they are too long for one.
"""

from buyin_cli.render.pptx.textfit.body import Para, fit_body, fit_whole, level_size, para_size, space_before
from buyin_cli.render.pptx.textfit.fonts import ARIAL, WIDEST, Font, font_for, text_width
from buyin_cli.render.pptx.textfit.measure import (
    Box,
    fit_first,
    fit_size,
    line_height,
    lines_at,
    longest_word,
    wrap,
)
from buyin_cli.render.pptx.textfit.table import CELL_MARGIN_X, CELL_MARGIN_Y, column_widths, fit_table, row_height

__all__ = [
           "ARIAL",
           "CELL_MARGIN_X",
           "CELL_MARGIN_Y",
           "WIDEST",
           "Box",
           "Font",
           "Para",
           "column_widths",
           "fit_body",
           "fit_first",
           "fit_size",
           "fit_table",
           "fit_whole",
           "font_for",
           "level_size",
           "line_height",
           "lines_at",
           "longest_word",
           "para_size",
           "row_height",
           "space_before",
           "text_width",
           "wrap",
]
