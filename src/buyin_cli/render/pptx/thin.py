"""A layout that suits a slide's size: white space is allowed, a half-empty slide is not.

Whatever the strategy, some slides hold little: one initiative's business case is a
table of one row, two asks are two short bullets. By rule, not by example:
- a table of one row, alone on its slide, is read down as pairs: each column's header
  beside its value, the first pair as the header row;
- a table alone on its slide is set larger, up to TABLE_GROWN, while it keeps within
  TABLE_FILL of its box, and its rows are made taller alike to fill that much;
- a short text alone on its slide, or alone under its big numbers, is a statement: set
  larger, up to STATEMENT, and centred in its box; a statement of one point (the showcase's
  line over its link) stands without a bullet, as on a section header.
"Short" is under THIN of the box at the size the slide would otherwise have, or at BODY where that
is larger than a statement's (python-pptx's 4:3 body at 32 pt made one bullet and a link half its box,
and so not short, on a half-empty slide); on a slide the
room decides on (`fill`: the asks again), under STATEMENT_FILL: the close is never half empty.
"""

from __future__ import annotations

import dataclasses

from buyin_cli.render.outline import Slide
from buyin_cli.render.outline.model import Table
from buyin_cli.render.pptx.textfit import Box, Font, Para, fit_table, row_height
from buyin_cli.render.pptx.textfit.body import para_height

THIN = 0.5  # of the box: less than this is a half-empty slide
STATEMENT, TABLE_GROWN = 28, 24  # points: the most a statement's text and a short table grow to
BODY = 20  # points: the body size (docs/deck.md: 16-20 pt) a text is measured at to tell whether it is short
STATEMENT_FILL = 0.75  # of the box: a statement grows no further than this
# Of the box: a table alone on its slide grows its type while it stays within this, and its rows
# grow taller alike until it fills this much (a numbers table of three rows is not 40% white).
TABLE_FILL = 0.8


def alone(spec: Slide) -> bool:
    """Whether the slide's text or table is all it shows (no chart, callouts or flow)."""
    return not spec.all_charts and not spec.callouts and not spec.flow and (
        spec.table is None or (not spec.body and spec.link is None))


def short_of(spec: Slide) -> float:
    """The share of its box under which the slide's list is a statement."""
    return STATEMENT_FILL if spec.fill else THIN


def under_numbers(spec: Slide) -> bool:
    """Whether the slide's list stands alone under its big numbers (the asks again): short,
    it is a statement there too, in the room the numbers leave."""
    return bool(spec.callouts) and not spec.all_charts and not spec.flow and spec.table is None


def suited(spec: Slide) -> Slide:
    """The slide, with a one-row table alone on it read down as header–value pairs."""
    table = spec.table
    if table is None or not alone(spec) or len(table.rows) != 1 or table.total is not None or len(
            table.columns) < 3:
        return spec
    align = table.align or ["left"] * len(table.columns)
    right = sum(a == "right" for a in align[1:]) * 2 > len(align) - 1
    pairs = Table(columns=[table.columns[0], table.rows[0][0]],
                  rows=[[head, cell] for head, cell in zip(table.columns[1:], table.rows[0][1:])],
                  align=["left", "right" if right else "left"])
    return spec.model_copy(update={"table": pairs})


def unbulleted(paras: list[Para]) -> list[Para]:
    """A statement's paragraphs: one point stands without its bullet (a list of one is no list)."""
    if sum(p.bullet for p in paras) != 1:
        return paras
    return [dataclasses.replace(p, bullet=False) for p in paras]


def statement_size(paras: list[Para], box: Box, indents: tuple[float, ...], size: float,
                   floor: float, short: float = THIN) -> float | None:
    """The size of a short text set as a statement (its own, when that is larger), or None
    when the text is not short: `short` of the box or more."""
    def height(at: float) -> float:
        return sum(para_height(p, box, indents, at, floor) for p in paras)

    if not paras or height(BODY if size > STATEMENT else size) >= short * box.height:
        return None
    return next((float(at) for at in range(STATEMENT, int(size), -1)
                 if height(at) <= STATEMENT_FILL * box.height), float(size))


def table_start(columns: list[str], rows: list[list[str]], box: Box, start: float, floor: float,
                font: Font, bold_last: bool) -> float:
    """The size to start fitting a table alone on its slide from: the largest up to
    TABLE_GROWN at which it stays on one page within TABLE_FILL of the box, else `start`."""
    room = Box(box.width, TABLE_FILL * box.height)
    size, widths, pages = fit_table(columns, rows, room, TABLE_GROWN, min(start, TABLE_GROWN), font,
                                    bold_last)
    height = row_height(columns, widths, size, True, font) + sum(
        row_height(row, widths, size, bold_last and n == len(rows) - 1, font)
        for n, row in enumerate(rows))
    return size if len(pages) == 1 and height <= room.height and size > start else start
