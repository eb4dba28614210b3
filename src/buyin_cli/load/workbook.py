"""An .xlsx export read into a Table: screened as a zip first, then read plainly or by openpyxl.

A plain export (numbers, text, dates) is read by `plainbook.py` with the standard
library, cell for cell as openpyxl would read it; any other workbook by openpyxl,
imported here alone and only then, as importing it costs more than the rest of
`buyin check`. The file is
screened before either reader sees it: a zip whose parts would expand past
MAX_UNPACKED (a zip bomb) or that carries macros (a vbaProject part, or a
macro-enabled workbook whatever its name) is refused. openpyxl reads it in
read-only mode with `data_only`, so a formula is its value as Excel last saved it,
never evaluated, and links to other workbooks are not kept.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from buyin_cli.errors import Location, Problem
from buyin_cli.load.table import MAX_ROWS, Cell, Table, TableProblem, too_many_rows

MAX_UNPACKED = 32 * 1024 * 1024  # a workbook of MAX_ROWS rows unpacks to a few MB
MAX_PARTS = 1_000
MAX_COLUMNS = 256  # an export's columns; cells further right are not read

_MACROS = re.compile(r"vbaProject|macroEnabled", re.I)


class MissingSheet(Exception):
    """The workbook has no sheet of the name asked for; `names` are those it has."""

    def __init__(self, names: list[str]):
        super().__init__(", ".join(names))
        self.names = names


def read_workbook(file: Path, raw: bytes, sheet: str | None) -> Table:
    """The rows of one sheet (else the first) of an .xlsx file's bytes; raises TableProblem."""
    _screen(file, raw)
    plain = _plain_table(file, raw, sheet)
    if plain is not None:
        return plain
    import openpyxl  # here alone: a strategy without a workbook never pays for it

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it skips: nothing the user can act on.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True,
                                          keep_vba=False, keep_links=False)
            try:
                return _sheet_table(file, list(book.sheetnames),
                                    lambda name: book[name].iter_rows(max_col=MAX_COLUMNS), sheet)
            finally:
                book.close()
    except (TableProblem, MissingSheet):
        raise
    except Exception:  # noqa: BLE001 - any way openpyxl fails on hostile bytes is one answer
        raise _unusable(file, "not a workbook that can be read: a part of it is missing or "
                              "broken; save it again from the spreadsheet as Excel Workbook "
                              "(.xlsx)") from None


def _screen(file: Path, raw: bytes) -> None:
    """Refuse, before any part is unpacked, a workbook that is no zip, too big unpacked, or has macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            types = archive.read("[Content_Types].xml") if len(parts) <= MAX_PARTS and sum(
                p.file_size for p in parts) <= MAX_UNPACKED else b""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        raise _unusable(file, "not an .xlsx workbook (no zip of workbook parts); save it from "
                              "the spreadsheet as Excel Workbook (.xlsx)") from None
    unpacked = sum(p.file_size for p in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise _unusable(file, f"the workbook unpacks to {unpacked:,} bytes in {len(parts):,} "
                              f"parts; a data file may unpack to at most {MAX_UNPACKED:,} bytes "
                              f"in {MAX_PARTS:,} parts")
    if any(_MACROS.search(p.filename) for p in parts) or b"macroEnabled" in types:
        raise _unusable(file, "the workbook carries macros; buyin never opens one: save it as "
                              "a plain Excel Workbook (.xlsx) or export CSV")


def _unusable(file: Path, why: str) -> TableProblem:
    return TableProblem(Problem(Location(file), "E406", why))


def _plain_table(file: Path, raw: bytes, sheet: str | None) -> Table | None:
    """The sheet read without openpyxl, or None if the workbook is not plain enough for that."""
    from buyin_cli.load.plainbook import PlainBook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            book = PlainBook(archive)
            return _sheet_table(file, book.sheetnames,
                                lambda name: book.rows(name, MAX_COLUMNS), sheet)
    except (TableProblem, MissingSheet):
        raise
    except Exception:  # noqa: BLE001 - whatever it does not read, openpyxl reads or refuses
        return None


def _sheet_table(file: Path, names: list[str], rows: Callable[[str], Iterable[Any]],
                 sheet: str | None) -> Table:
    if sheet is not None and sheet not in names:
        raise MissingSheet(names)
    if not names:
        raise TableProblem(Problem(Location(file), "E404", "the workbook has no sheets"))
    name = sheet if sheet is not None else names[0]
    table = Table(file, name, [], [], ".")
    for row in rows(name):
        cells = [_cell(c) for c in row if getattr(c, "value", None) is not None]
        if not cells or all(isinstance(c.value, str) and not c.value.strip() for c in cells):
            continue
        if not table.headers:
            table.headers = cells
            continue
        if len(table.rows) >= MAX_ROWS:
            raise table.fail(cells[0].row, cells[0].col, "E105", too_many_rows())
        table.rows.append(cells)
    return table


def _cell(cell: Any) -> Cell:
    value, fmt = cell.value, str(getattr(cell, "number_format", "") or "")
    if isinstance(value, (datetime, date)):
        day = value.date() if isinstance(value, datetime) else value
        # A date shown without its day ('mmm yyyy', 'yyyy-mm') is the month it names.
        month = "d" not in fmt.lower().replace("[$-", "")
        return Cell(day, cell.row, cell.column, month=month)
    return Cell(value, cell.row, cell.column, percent="%" in fmt)
