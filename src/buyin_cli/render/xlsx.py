"""The workbook finance can audit (`buyin roi --format xlsx`): the plan's cells written with XlsxWriter.

XlsxWriter writes formulas together with their cached results, which a
hand-written SpreadsheetML writer would have to get right for every cell type,
and it is the only module that imports it (only `roi --format xlsx` loads it).
The layout and every formula come from present/workbook; this module only
chooses how cells look: inputs in blue, as financial models mark what a reader
may change, figures in black, money in the currency's number format.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import xlsxwriter
import xlsxwriter.utility

from buyin_cli.errors import BuyinError
from buyin_cli.present.workbook import Plan
from buyin_cli.render.atomic import write_atomic
from buyin_cli.render.pptx.package import build_time
from buyin_cli.words import clip, printable

_FORMATS = {"number": "General", "count": "#,##0", "pct": '0.0"%"', "share": "0.0%",
            "ratio": "0.00", "months": "0.0"}
_BLUE = "#1F4E9E"  # inputs
_GREY = "#666666"  # sources


def workbook_bytes(plan: Plan) -> bytes:
    """The .xlsx file of `plan`, the same bytes for the same plan (and SOURCE_DATE_EPOCH)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": "buyin figures", "created": build_time()})
    styles = _styles(book, plan)
    for sheet in plan.sheets:
        ws = book.add_worksheet(sheet.name)
        for col, width in enumerate(sheet.widths):
            ws.set_column(col, col, width)
        ws.freeze_panes(2, 0)
        # Printed, each sheet fits the page's width (as many pages down as it needs), its
        # headings repeated on each page.
        ws.set_landscape()
        ws.set_paper(9)  # A4; Letter readers' printers scale it
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, 1)
        for (row, col), cell in sorted(sheet.cells.items()):
            literal_input = cell.formula is None and cell.style in _NUMERIC
            style = styles[(cell.style, literal_input)]
            if cell.formula is not None:
                ws.write_formula(row, col, cell.formula, style,
                                 cell.value if cell.value is not None else "")
            elif isinstance(cell.value, str):
                _fits(sheet.name, row, col, cell.value)
                ws.write_string(row, col, cell.value, style)
            elif cell.value is not None:
                ws.write_number(row, col, cell.value, style)
    for name, ref in sorted(plan.names.items()):
        book.define_name(name, f"={ref}")
    book.close()
    return out.getvalue()


def write_workbook(plan: Plan, path: Path) -> None:
    """Write `plan` to `path` atomically: the old file or the complete new one, never half."""
    if path.is_dir():
        raise BuyinError(f"{path}: is a folder; --out takes the workbook file to write, "
                         "e.g. --out figures.xlsx")
    if not path.parent.is_dir():
        raise BuyinError(f"{path.parent}: no such folder; create it or write the workbook "
                         "elsewhere")
    try:
        write_atomic(path, workbook_bytes(plan), verify=_opens)
    except OSError as exc:
        raise BuyinError(f"{path}: cannot write the workbook ({exc.strerror})") from None


MAX_CELL_CHARS = 32_767  # Excel's own limit; XlsxWriter would cut the text without a word


def _fits(sheet: str, row: int, col: int, text: str) -> None:
    """Refuse text longer than a cell holds: a cut figure's label would mislead finance."""
    if len(text) > MAX_CELL_CHARS:
        where = xlsxwriter.utility.xl_rowcol_to_cell(row, col)
        raise BuyinError(f"the workbook's sheet '{printable(clip(sheet))}', cell {where}, would "
                         f"hold {len(text):,} characters ('{printable(clip(text))}'), more than "
                         f"the {MAX_CELL_CHARS:,} an Excel cell holds; shorten that text in the "
                         "strategy (nothing was written)")


_NUMERIC = frozenset({"money", "rate", "number", "count", "pct", "share", "ratio", "months"})


def _styles(book: xlsxwriter.Workbook, plan: Plan) -> dict[tuple[str, bool], Any]:
    formats = {**_FORMATS, **plan.formats}
    out: dict[tuple[str, bool], Any] = {}  # xlsxwriter Formats
    for style in ("title", "header", "label", "source", *sorted(_NUMERIC)):
        for is_input in (False, True):
            spec: dict[str, Any] = {}
            if style == "title":
                spec = {"bold": True, "font_size": 12}
            elif style == "header":
                spec = {"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}
            elif style == "source":
                spec = {"font_color": _GREY}
            elif style in formats:
                spec = {"num_format": formats[style]}
            if is_input:
                spec["font_color"] = _BLUE
            out[(style, is_input)] = book.add_format(spec)
    return out


def _opens(path: Path) -> None:
    """A written workbook is a complete zip package with its workbook part."""
    with zipfile.ZipFile(path) as package:
        package.getinfo("xl/workbook.xml")
