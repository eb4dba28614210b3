"""A CSV export read into a Table with the standard library: its dialect sniffed, as spreadsheets write it.

A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped; the separator is
sniffed from the text and checked against the header row, which an export
writes without decimal commas: Excel in a German or French locale writes
`Monat;Vorfälle` and `2025-01;12,5`. A semicolon- or tab-separated file's numbers
take a decimal comma where a column does not show its mark (table.py).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from buyin_cli.errors import Location, Problem
from buyin_cli.load.files import control_problem, line_col
from buyin_cli.load.table import MAX_ROWS, Cell, Table, TableProblem, too_many_rows
from buyin_cli.words import CONTROL

_SEPARATORS = ",;\t"
_SAMPLE = 64 * 1024


def read_csv(file: Path, raw: bytes) -> Table:
    """The rows of a CSV file's bytes; raises TableProblem with the first thing wrong."""
    text = _decoded(file, raw)
    dialect = _dialect(file, text)
    table = Table(file, None, [], [], "," if dialect.delimiter in ";\t" else ".")
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    line = 1  # where the next record starts
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(field.strip() for field in record):
                continue  # a blank line, or a row of empty fields
            cells = [Cell(value, start, col) for col, value in enumerate(record, 1)]
            if not table.headers:
                table.headers = cells
                continue
            if len(table.rows) >= MAX_ROWS:
                raise table.fail(start, 1, "E105", too_many_rows())
            table.rows.append(cells)
    except csv.Error as exc:
        raise table.fail(reader.line_num, 1, "E406",
                         f"not readable as CSV here ({exc}); export the report again as CSV") \
            from None
    return table


def _decoded(file: Path, raw: bytes) -> str:
    """The text: UTF-8 when it is UTF-8, else Windows-1252, which Excel's plain "CSV" writes
    on a Western European Windows (a German header 'Vorfälle' is byte 0xE4 there)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            line, col = line_col(raw[: exc.start].decode("utf-8", "replace"))
            raise TableProblem(Problem(Location(file, line, col), "E102",
                                       f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; export "
                                       "the file as CSV UTF-8")) from None
    bad = CONTROL.search(text)
    if bad:
        line, col = line_col(text[: bad.start()])
        raise TableProblem(control_problem(Location(file, line, col), bad.group()))
    return text


def _dialect(file: Path, text: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's dialect as csv.Sniffer reads it, its separator the one the header row uses.

    The sniffer weighs every line alike, so `2025-01;12,5` can make it choose the comma;
    the header row has no numbers to mislead it.
    """
    sample = text[:_SAMPLE]
    header = next((line for line in sample.splitlines() if line.strip()), "")
    if not header:
        raise TableProblem(Problem(Location(file), "E404", "the file is empty; export the "
                                   "report again, with its header row and its rows"))
    hint = re.fullmatch(r"sep=(.)", header.strip())
    if hint and hint.group(1) in _SEPARATORS:  # Excel's line naming the separator
        named = hint.group(1)

        class Hinted(csv.excel):
            delimiter = named
        return Hinted
    in_header = [sep for sep in ";\t," if sep in header]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_SEPARATORS)
    except csv.Error:
        dialect = csv.excel
    if in_header and dialect.delimiter not in in_header:
        class Separated(csv.excel):
            delimiter = in_header[0]
        return Separated
    if not in_header:
        raise TableProblem(Problem(Location(file), "E406",
                                   "its header row has one column, so it is not a table; export "
                                   "the period and the numbers as columns separated by commas "
                                   "or semicolons"))
    return dialect
