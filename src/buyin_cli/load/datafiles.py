"""Lists read from data files: a metric's history and a roll-out's tracking, from a CSV or .xlsx export.

Before a strategy is validated, each `history` or `tracking` that names a data
file (models/datafile.py) is replaced by the readings of its rows, and each
reading's values are recorded in the source map at the cell they came from. So
every later check, figure and output treats them exactly as a list written by
hand, and a problem in a reading (more completed than enrolled) is located at
its cell. Where each list came from is kept too (SourceMap.tables), for the
outputs that name it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from buyin_cli.errors import Location, Problem
from buyin_cli.load.csvfile import read_csv
from buyin_cli.load.files import MAX_TOTAL_BYTES
from buyin_cli.load.models import DataFile, HistoryFile, TrackingFile
from buyin_cli.load.phrasing import problem_for
from buyin_cli.load.sourcemap import Path_, Source, SourceMap, TableSource
from buyin_cli.load.table import Cell, Table, TableProblem, column_decimal, read_number
from buyin_cli.words import CONTROL, clip, dotted

# (the YAML file that names it, the name as written, where it is written) → (its name, its bytes)
DataReader = Callable[[Path, str, Location], "tuple[Path, bytes] | Problem"]

PREAMBLE = 20  # rows above the header row an export may have: a title, its filters
MAX_READINGS = 100_000  # in all the data files of a strategy, as its YAML's values

# Where a data file may stand in for a list, and which of its fields are counts.
FORMS: dict[tuple[str, str], tuple[type[DataFile], frozenset[str]]] = {
    ("metrics", "history"): (HistoryFile, frozenset()),
    ("initiatives", "tracking"): (TrackingFile, frozenset({"enrolled", "completed"})),
}

# ISO period labels, which sort by their text when written alike (periods.py places them).
_ISO_SHAPES = tuple(re.compile(p) for p in (r"\d{4}", r"\d{4}-Q[1-4]", r"\d{4}-\d{2}",
                                            r"\d{4}-W\d{2}", r"\d{4}-\d{2}-\d{2}"))


def read_data_files(data: dict[str, Any], sources: SourceMap, reader: DataReader | None,
                    problems: list[Problem]) -> None:
    """Put in `data` the readings of every data file it names; problems are recorded, the list left empty."""
    if reader is not None:
        reader = _bounded(reader)
    budget = [MAX_READINGS]
    for (section, key), (model, counts) in FORMS.items():
        items = data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or isinstance(item.get(key, []), list):
                continue
            path = (section, i, key)
            if isinstance(item[key], dict):
                item[key] = _readings(path, item[key], model, counts, sources, reader, problems)
                budget[0] -= len(item[key])
                if budget[0] < 0:
                    item[key] = []
                    problems.append(Problem(sources.at(path + ("file",)), "E105", f"the data "
                                            f"files give more than {MAX_READINGS:,} readings in "
                                            "all; name one file per list, with its own rows"))
                    return
                continue
            item[key] = []
            problems.append(Problem(sources.at(path), "E203", f"{dotted(path)}: expected a list "
                                    "of readings, or a data file such as {file: data/export.csv, "
                                    f"period: Month, {', '.join(_fields(model)[1:])}: …}}"))


def _bounded(reader: DataReader) -> DataReader:
    """`reader`, reading each file once however many lists name it, and MAX_TOTAL_BYTES in all
    (as a strategy's YAML files): a thousand lists naming one 1 MB export cost 1 MB."""
    read: dict[tuple[Path, str], tuple[Path, bytes] | Problem] = {}
    total = [0]

    def once(named_by: Path, written: str, where: Location) -> tuple[Path, bytes] | Problem:
        key = (named_by.parent, posixpath.normpath(written.replace("\\", "/")))
        if key not in read:
            got = reader(named_by, written, where)
            if not isinstance(got, Problem):
                total[0] += len(got[1])
                if total[0] > MAX_TOTAL_BYTES:
                    got = Problem(where, "E105", f"the data files total more than "
                                  f"{MAX_TOTAL_BYTES:,} bytes; a strategy's files may total "
                                  f"at most {MAX_TOTAL_BYTES:,} bytes")
            read[key] = got
        return read[key]
    return once


def _fields(model: type[DataFile]) -> list[str]:
    return [name for name in model.model_fields if name not in ("file", "sheet")]


def _readings(path: Path_, written: dict[str, Any], model: type[DataFile], counts: frozenset[str],
              sources: SourceMap, reader: DataReader | None, problems: list[Problem]
              ) -> list[dict[str, Any]]:
    try:
        ref = model.model_validate(written)
    except ValidationError as exc:
        problems.extend(_reference_problem(path, error, model, sources)
                        for error in _without_typo_echoes(exc.errors(include_url=False), model))
        return []
    if ref.sheet is not None and not ref.file.lower().endswith(".xlsx"):
        problems.append(Problem(sources.at(path + ("sheet",)), "E204",
                                f"{dotted(path)}.sheet: a CSV file has no sheets; remove 'sheet'"))
        return []
    named_by = sources.at(path).file
    got = reader(named_by, ref.file, sources.at(path + ("file",))) if reader else Problem(
        sources.at(path + ("file",)), "E001", "data files are read only from a strategy's folder")
    if isinstance(got, Problem):
        problems.append(got)
        return []
    file, raw = got
    try:
        if ref.file.lower().endswith(".csv"):
            table = read_csv(file, raw)
        else:
            from buyin_cli.load.workbook import MissingSheet, read_workbook
            try:
                table = read_workbook(file, raw, ref.sheet)
            except MissingSheet as exc:
                problems.append(Problem(sources.at(path + ("sheet",)), "E405",
                                        f"{dotted(path)}.sheet: {clip(ref.file)} has no sheet "
                                        f"'{clip(str(ref.sheet))}'; its sheets are: "
                                        f"{', '.join(clip(n) for n in exc.names)}"))
                return []
        return _rows(path, ref, counts, table, sources)
    except TableProblem as exc:
        problems.append(exc.problem)
        return []


def _without_typo_echoes(errors: list[ErrorDetails], model: type[DataFile]) -> list[ErrorDetails]:
    """Drop 'missing value' when 'valu' is reported as the unknown key that means it."""
    meant = {close for e in errors if e["type"] == "extra_forbidden"
             for close in difflib.get_close_matches(str(e["loc"][-1]), list(model.model_fields),
                                                    n=1, cutoff=0.6)}
    return [e for e in errors if not (e["type"] == "missing" and e["loc"][-1] in meant)]


def _reference_problem(path: Path_, error: ErrorDetails, model: type[DataFile],
                       sources: SourceMap) -> Problem:
    """A problem of the data file's mapping itself, phrased as the loader phrases any other."""
    loc = path + tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close
                else "expected one of: " + ", ".join(model.model_fields))
        return Problem(sources.key_at(loc), "E201", f"{dotted(loc)}: unknown key ({hint})")
    if error["type"] == "missing":
        field = model.model_fields[str(loc[-1])]
        return Problem(sources.at(path), "E202", f"{dotted(path)}: missing required key "
                       f"'{loc[-1]}' ({(field.description or '').rstrip('.')})")
    return problem_for(cast(ErrorDetails, {**error, "loc": loc}), sources)


def _rows(path: Path_, ref: DataFile, counts: frozenset[str], table: Table,
          sources: SourceMap) -> list[dict[str, Any]]:
    if not table.headers:
        raise TableProblem(Problem(table.at(1, 1), "E404", "the file is empty; export the report "
                                   "again, with its header row and its rows"))
    _skip_preamble(table, ref.period)
    header_row = table.headers[0].row
    if not table.rows:
        raise table.fail(header_row, 1, "E404", "the file has a header row and no rows; export "
                         "the report again with its rows")
    columns = {field: _column(table, header) for field, header in ref.columns().items()}
    decimals = {field: column_decimal(table, [c for row in table.rows for c in row
                                              if c.col == col], ref.columns()[field])
                for field, col in columns.items() if field != "period"}
    readings: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for j, row in enumerate(table.rows):
        cells = {c.col: c for c in row}
        at = path + (j,)
        sources.entries[at] = Source(table.file, (row[0].row, row[0].col), sheet=table.sheet)
        reading: dict[str, Any] = {}
        for field, header in ref.columns().items():
            cell = cells.get(columns[field]) or Cell(None, row[0].row, columns[field])
            if field == "period":
                reading[field] = _period(table, cell, header, seen, readings)
            else:
                reading[field] = _number(table, cell, header, decimals[field], field in counts)
            sources.entries[at + (field,)] = Source(
                table.file, (cell.row, cell.col), raw=str(cell.value), quoted=True,
                sheet=table.sheet)
        readings.append(reading)
    sources.tables[path] = TableSource(posixpath.normpath(ref.file.replace("\\", "/")),
                                       table.sheet, table.rows[0][0].row, table.rows[-1][0].row)
    return readings


def _skip_preamble(table: Table, period: str) -> None:
    """Start the table at its header row: the first with the period's header, in the first
    PREAMBLE rows. Exports often open with a title, the filters used, or Excel's 'sep=;'."""
    wanted = period.strip().casefold()
    rows = [table.headers, *table.rows[:PREAMBLE]]
    for n, row in enumerate(rows):
        if any(isinstance(c.value, str) and c.value.strip().casefold() == wanted for c in row):
            if n:
                table.headers, table.rows = table.rows[n - 1], table.rows[n:]
            return


def _column(table: Table, header: str) -> int:
    names = {str(c.value).strip(): c.col for c in table.headers}
    if header.strip() in names:
        return names[header.strip()]
    folded = {name.casefold(): col for name, col in names.items()}
    if header.strip().casefold() in folded:
        return folded[header.strip().casefold()]
    close = difflib.get_close_matches(header, list(names), n=1, cutoff=0.6)
    hint = f" (did you mean '{clip(close[0])}'?)" if close else ""
    raise table.fail(table.headers[0].row, table.headers[0].col, "E402",
                     f"no column '{clip(header)}'{hint}; its columns are: "
                     f"{', '.join(clip(n) for n in names)}")


def _period(table: Table, cell: Cell, header: str, seen: dict[str, int],
            readings: list[dict[str, Any]]) -> str:
    value = cell.value
    if isinstance(value, date):
        label = value.strftime("%Y-%m") if cell.month else value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        label = str(int(value))
    else:
        label = "" if value is None or isinstance(value, bool) else str(value).strip()
    if not label:
        raise table.fail(cell.row, cell.col, "E401", f"no period in column {clip(header)}; "
                         "every row needs its period, such as 2025-07")
    bad = CONTROL.search(label)
    if bad:
        raise table.fail(cell.row, cell.col, "E103", f"control character U+{ord(bad.group()):04X}"
                         " in the text; remove it (it would corrupt the deck)")
    if label in seen:
        raise table.fail(cell.row, cell.col, "E403", f"period '{clip(label)}' is also in row "
                         f"{seen[label]}; keep one row per period")
    if readings:
        before = readings[-1]["period"]
        shape = next((s for s in _ISO_SHAPES if s.fullmatch(label)), None)
        if shape is None and all(any(s.fullmatch(r["period"]) for s in _ISO_SHAPES)
                                 for r in readings):
            # After dated rows, 'Total' or 'Average' is the export's summary, not a period.
            raise table.fail(cell.row, cell.col, "E401", f"'{clip(label)}' in column "
                             f"{clip(header)} is no period like those above it ('{before}'); "
                             "delete the export's totals or notes rows, or write every period "
                             "the same way")
        if shape is not None and shape.fullmatch(before) and label < before:
            raise table.fail(cell.row, cell.col, "E403", f"period '{label}' comes after "
                             f"'{before}' (row {seen[before]}) but is earlier; sort the export "
                             f"by {clip(header)}, oldest first")
    seen[label] = cell.row
    return label


def _number(table: Table, cell: Cell, header: str, decimal: str, whole: bool) -> float | int:
    value = cell.value
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value) * (100 if cell.percent else 1)
    elif isinstance(value, str) and value.strip():
        number = read_number(value.strip(), decimal)
    example = "12" if whole else "12" + decimal + "5"
    if value is None or (isinstance(value, str) and not value.strip()):
        raise table.fail(cell.row, cell.col, "E401", f"empty cell in column {clip(header)}; "
                         f"every row needs a number, such as {example}")
    shown = str(value).strip() if not isinstance(value, date) else value.isoformat()
    if number is None:
        raise table.fail(cell.row, cell.col, "E401", f"'{clip(shown)}' in column {clip(header)} "
                         f"is not a number; write a number such as {example}")
    if whole:
        if not number.is_integer():
            raise table.fail(cell.row, cell.col, "E401", f"'{clip(shown)}' in column "
                             f"{clip(header)} is not a whole number; write a count such as 12")
        return int(number)
    return number
