"""The standard-library workbook reader agrees with openpyxl cell for cell, or leaves the workbook to it."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from buyin_cli.load.plainbook import Outside, PlainBook
from datafile_helpers import lms_workbook

EXAMPLE = Path(__file__).parent.parent / "examples" / "northwind-one-meeting-later" / "data"


def _openpyxl(raw: bytes) -> dict[str, list[list[tuple[Any, int, int, str]]]]:
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True,
                                  keep_vba=False, keep_links=False)
    try:
        return {name: [[(c.value, c.row, c.column, c.number_format) for c in row
                        if getattr(c, "value", None) is not None]
                       for row in book[name].iter_rows(max_col=256)] for name in book.sheetnames}
    finally:
        book.close()


def _plain(raw: bytes) -> dict[str, list[list[tuple[Any, int, int, str]]]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        book = PlainBook(archive)
        return {name: [[tuple(c) for c in row] for row in book.rows(name, 256)]
                for name in book.sheetnames}


def _without_empty_rows(sheets: dict) -> dict:
    return {name: [row for row in rows if row] for name, rows in sheets.items()}


def _every_kind(path: Path) -> Path:
    """Text, whole and decimal numbers, booleans, formulas, percents and dates in many formats."""
    def extra(ws: Any, book: Any) -> None:
        ws.write(0, 4, "  spaced  ")
        ws.write(1, 4, 0.125, book.add_format({"num_format": "0.0%"}))
        ws.write(2, 4, 7, book.add_format({"num_format": "0%"}))
        ws.write(3, 4, True)
        ws.write_formula(4, 4, "=B2+C2", None, 42)
        ws.write_formula(5, 4, '="a"&"b"', None, "ab")
        ws.write(6, 4, 1e21)
        ws.write(7, 4, -3.5)
        for col, fmt in enumerate(["d mmm yyyy", "yyyy-mm", "mm-dd-yy", "[$-409]mmmm yy",
                                   '"Q"q yyyy', "m/d/yy h:mm", "dd/mm/yyyy"], start=5):
            ws.write_datetime(1, col, datetime.datetime(2025, 3, 14, 15, 30), book.add_format(
                {"num_format": fmt}))
        ws.write_datetime(2, 5, datetime.datetime(1900, 1, 20), book.add_format({"num_format": "d mmm yyyy"}))
        ws.write_rich_string(9, 0, "rich ", book.add_format({"bold": True}), "text")
        ws.write(300, 1, "far down")
        ws.write(10, 300, "beyond column 256")
    return lms_workbook(path, extra=extra)


def _time_of_day(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("S").write_datetime(0, 0, datetime.datetime(1899, 12, 31, 8, 0),
                                           book.add_format({"num_format": "hh:mm"}))
    book.close()
    return path


def _duration(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("S").write(0, 0, 1.5, book.add_format({"num_format": "[h]:mm:ss"}))
    book.close()
    return path


def test_the_example_workbook_is_read_plainly_and_as_openpyxl_reads_it():
    raw = (EXAMPLE / "lms-safe-hands.xlsx").read_bytes()
    assert _without_empty_rows(_plain(raw)) == _without_empty_rows(_openpyxl(raw))


@pytest.mark.parametrize("make", [lms_workbook, _every_kind])
def test_plain_workbooks_are_read_as_openpyxl_reads_them(tmp_path, make):
    raw = make(tmp_path / "w.xlsx").read_bytes()
    plain = _without_empty_rows(_plain(raw))
    assert plain == _without_empty_rows(_openpyxl(raw))
    assert any(isinstance(c[0], datetime.datetime) for rows in plain.values() for row in rows
               for c in row)


@pytest.mark.parametrize("make", [_time_of_day, _duration])
def test_times_and_durations_are_left_to_openpyxl(tmp_path, make):
    raw = make(tmp_path / "w.xlsx").read_bytes()
    with pytest.raises(Outside):
        _plain(raw)


def _rewritten(raw: bytes, part: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, change(data) if name == part else data)
    return out.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
          b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')


@pytest.mark.parametrize(("part", "change"), [
    ("xl/sharedStrings.xml", lambda d: LAUGHS + d[d.index(b"<sst"):].replace(b"Month", b"&b;")),
    ("xl/workbook.xml", lambda d: d.replace(b'encoding="UTF-8"', b'encoding="UTF-16"')),
    ("xl/sharedStrings.xml", lambda d: d.replace(b"Month", b"M\xe9nth")),
    ("xl/worksheets/sheet2.xml", lambda d: d.replace(b'<dimension ref="A1:C4"/>', b"")),
    ("xl/worksheets/sheet2.xml", lambda d: d.replace(b'<row r="3"', b'<row r="2"')),
    ("xl/workbook.xml", lambda d: d.replace(b"<workbookPr", b'<workbookPr date1904="1"')),
])
def test_entities_odd_encodings_and_irregular_sheets_are_left_to_openpyxl(tmp_path, part, change):
    raw = _rewritten(lms_workbook(tmp_path / "w.xlsx").read_bytes(), part, change)
    with pytest.raises(Outside):
        _plain(raw)
