"""Strategies whose history and tracking come from data files, and the exports themselves, made in the test."""

from __future__ import annotations

import datetime
from pathlib import Path

import xlsxwriter

from conftest import VALID_YAML, replace_line

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]
ERRORS = [42.0, 41.5, 43.25, 40.0, 39.5, 38.0, 36.75, 35.0, 34.5, 33.0, 31.25, 30.0]
UPTAKE = [("2025-10", 30, 12), ("2025-11", 64, 40), ("2025-12", 96, 77)]

HISTORY_LINE = "    value_per_unit: 30"
COSTS_LINE = "      - {item: Build the guide, amount: 6000, kind: one-off}"


def with_lists(history: str | None = None, tracking: str | None = None) -> str:
    """VALID_YAML with a metric history and a roll-out tracking, as given (YAML text of a value)."""
    text = VALID_YAML
    if history is not None:
        text = replace_line(text, HISTORY_LINE, f"{HISTORY_LINE}\n    history: {history}")
    if tracking is not None:
        text = replace_line(text, COSTS_LINE, f"{COSTS_LINE}\n    tracking: {tracking}")
    return text


def hand_written() -> str:
    """The twin with the same readings typed in by hand."""
    history = "[" + ", ".join(f"{{period: '{p}', value: {v}}}" for p, v in zip(MONTHS, ERRORS)) + "]"
    tracking = "[" + ", ".join(f"{{period: '{p}', enrolled: {e}, completed: {c}}}"
                               for p, e, c in UPTAKE) + "]"
    return with_lists(history, tracking)


def european_csv() -> bytes:
    """Excel's 'CSV UTF-8' in a German locale: a byte-order mark, ';' and decimal commas."""
    rows = ["Monat;Fehler;Bemerkung"] + [f"{p};{str(v).replace('.', ',')};" for p, v in
                                          zip(MONTHS, ERRORS)]
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def english_csv() -> bytes:
    """A comma-separated export with decimal points and a quoted thousands separator."""
    rows = ["Month,Errors,Comment"] + [f"{p},{v},ok" for p, v in zip(MONTHS, ERRORS)]
    return ("\n".join(rows) + "\n").encode("utf-8")


def lms_workbook(path: Path, sheet: str = "Completions", rows=UPTAKE, *, dates: bool = True,
                 extra=None) -> Path:
    """An LMS export: a title-free sheet with a header row, months as dates, counts as numbers.

    `extra(sheet, formats)` may write more cells. Another sheet comes first, so `sheet` is
    found by name.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Notes").write(0, 0, "Exported from the LMS")
    ws = book.add_worksheet(sheet)
    month = book.add_format({"num_format": "mmm yyyy"})
    ws.write_row(0, 0, ["Month", "Enrolled", "Completed"])
    for r, (period, enrolled, completed) in enumerate(rows, start=1):
        if dates:
            year, mon = (int(x) for x in period.split("-"))
            ws.write_datetime(r, 0, datetime.datetime(year, mon, 1), month)
        else:
            ws.write(r, 0, period)
        ws.write(r, 1, enrolled)
        ws.write(r, 2, completed)
    if extra:
        extra(ws, book)
    book.close()
    return path


FROM_FILES = with_lists("{file: data/errors.csv, period: Monat, value: Fehler}",
                        "{file: data/lms.xlsx, sheet: Completions, period: Month, "
                        "enrolled: Enrolled, completed: Completed}")
