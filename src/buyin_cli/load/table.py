"""A data file's rows as read, before they become readings: its header, its cells and where each one is.

csvfile.py and workbook.py make a Table; datafiles.py takes the columns a
strategy names from it. Numbers are read here, as people and exports write
them: `1234.5`, `1,234.5`, `1.234,5`, `1 234,5`, `12,5 %`. Whether a comma or a
point is the decimal mark is decided per column, by the cells that say so
(`12,5`, `1.234,5`); a column none of whose cells says so (`1.234`) follows the
file's convention (a decimal comma in a semicolon-separated CSV), so no number
is read one way in one row and another way in the next.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from buyin_cli.errors import Location, Problem
from buyin_cli.records import dataclass

MAX_ROWS = 10_000  # ten thousand readings is decades of days: an export of a whole system is not one


class TableProblem(Exception):
    """A data file cannot be used; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Cell:
    """One cell: its value as read (a CSV's text; a workbook's typed value) and where it is."""

    value: Any
    row: int
    col: int
    percent: bool = False  # a workbook cell formatted as a percentage: 0.125 shows as 12.5%
    month: bool = False  # a workbook date formatted without its day: a month


@dataclass
class Table:
    """A data file's header cells and rows, row 1 being the header row."""

    file: Path
    sheet: str | None
    headers: list[Cell]
    rows: list[list[Cell]]
    decimal: str  # the file's decimal mark where a column does not say: '.' or ','

    def at(self, row: int, col: int) -> Location:
        return Location(self.file, row, col, self.sheet)

    def fail(self, row: int, col: int, code: str, message: str) -> TableProblem:
        return TableProblem(Problem(self.at(row, col), code, message))


def too_many_rows() -> str:
    return (f"the file has more than {MAX_ROWS:,} rows; a data file may have at most "
            f"{MAX_ROWS:,} (export one row a period, over the years the strategy looks at)")


# A number: digits with an optional sign, decimal part, group marks and percent sign.
_SHAPE = re.compile(r"[+\-−]?[0-9][0-9.,]*%?|[+\-−]?[.,][0-9]+%?")
_SPACES = re.compile(r"[\s\u00a0\u202f'’]")  # group marks of fr, pl, ch: 1 234, 1'234


def decimal_evidence(text: str) -> str | None:
    """The decimal mark a written number shows, or None when it could be either ('1.234')."""
    digits = _SPACES.sub("", text).rstrip("%")
    points, commas = digits.count("."), digits.count(",")
    if points and commas:
        return "." if digits.rfind(".") > digits.rfind(",") else ","
    mark = "." if points else "," if commas else None
    if mark is None:
        return None
    if digits.count(mark) > 1:  # a group mark repeats: '1,234,567'
        return "," if mark == "." else "."
    whole, _, part = digits.lstrip("+-−").partition(mark)
    if len(part) != 3 or not whole or whole == "0" or len(whole) > 3:
        return mark  # '12,5', '0,125', '1234.567' cannot be grouping
    return None


def read_number(text: str, decimal: str) -> float | None:
    """The number `text` writes with `decimal` as its decimal mark; None when it is no number."""
    digits = _SPACES.sub("", text)
    if not _SHAPE.fullmatch(digits):
        return None
    digits = digits.rstrip("%").replace("−", "-")
    group = "," if decimal == "." else "."
    whole, _, part = digits.partition(decimal)
    if group in part or decimal in part:
        return None
    if group in whole:
        # Grouping in threes only: '1.234' with a decimal comma is 1234, '12.34' is no number.
        if not re.fullmatch(r"[+-]?[0-9]{1,3}(" + re.escape(group) + r"[0-9]{3})+", whole):
            return None
        whole = whole.replace(group, "")
    try:
        return float(f"{whole}.{part}" if part else whole)
    except ValueError:
        return None


def column_decimal(table: Table, cells: list[Cell], header: str) -> str:
    """The decimal mark of one column's text cells: what they show, else the file's.

    A cell that shows the other mark than the column's first showing cell is a problem
    at that cell: the column would mean two things.
    """
    found: tuple[str, Cell] | None = None
    for cell in cells:
        if not isinstance(cell.value, str):
            continue
        mark = decimal_evidence(cell.value.strip())
        if mark is None or read_number(cell.value.strip(), mark) is None:
            continue
        if found is None:
            found = (mark, cell)
        elif mark != found[0]:
            first = found[1]
            raise table.fail(cell.row, cell.col, "E401",
                             f"'{cell.value.strip()}' in column {header} writes its decimal mark "
                             f"as '{mark}', but row {first.row} wrote "
                             f"'{first.value.strip()}' with '{found[0]}'; write every number "
                             "of a column one way")
    return found[0] if found else table.decimal
