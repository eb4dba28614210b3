"""Data files read as exports write them: both CSV dialects, workbooks, and every bad file located at its cell."""

from __future__ import annotations

import zipfile

import pytest

from buyin_cli.load.strategy import load_strategy
from buyin_cli.load.table import decimal_evidence, read_number
from datafile_helpers import ERRORS, FROM_FILES, MONTHS, UPTAKE, english_csv, european_csv, lms_workbook, with_lists


def history(loaded) -> list[tuple[str, float]]:
    return [(r.period, r.value) for r in loaded.strategy.metrics[0].history]


@pytest.fixture
def exports(workdir, write):
    write("data/errors.csv", european_csv())
    lms_workbook(workdir / "data" / "lms.xlsx")
    return write("s.yaml", FROM_FILES)


def test_semicolons_decimal_commas_and_a_byte_order_mark(exports):
    loaded = load_strategy(exports)
    assert history(loaded) == list(zip(MONTHS, ERRORS))


def test_commas_and_decimal_points(write):
    write("data/errors.csv", english_csv())
    s = write("s.yaml", with_lists("{file: data/errors.csv, period: Month, value: Errors}"))
    assert history(load_strategy(s)) == list(zip(MONTHS, ERRORS))


def test_tracking_from_a_workbook_with_months_as_dates(exports):
    tracking = load_strategy(exports).strategy.initiatives[0].tracking
    assert [(t.period, t.enrolled, t.completed) for t in tracking] == UPTAKE


def test_each_reading_is_located_at_its_cell(exports):
    sources = load_strategy(exports).sources
    assert str(sources.at(("metrics", 0, "history", 2, "value"))) == "data/errors.csv:4:2"
    assert str(sources.at(("initiatives", 0, "tracking", 1, "completed"))) == \
        "data/lms.xlsx:Completions!C3"
    assert str(sources.tables[("metrics", 0, "history")]) == "data/errors.csv, rows 2–13"


@pytest.mark.parametrize("written, expected", [
    ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1 234,5", 1234.5), ("1'234.5", 1234.5),
    ("-12,5", -12.5), ("12,5 %", 12.5), ("0,125", 0.125), ("1.234.567", 1234567.0)])
def test_numbers_as_exports_write_them(written, expected):
    assert read_number(written, decimal_evidence(written) or ".") == expected


@pytest.mark.parametrize("written, decimal, expected", [
    ("1.234", ",", 1234.0), ("1.234", ".", 1.234), ("12.34", ",", None), ("1,2,3", ".", None),
    ("n/a", ".", None), ("12abc", ".", None)])
def test_a_number_without_its_decimal_mark_follows_the_file(written, decimal, expected):
    assert read_number(written, decimal) == expected


def test_an_ambiguous_column_in_a_semicolon_file_reads_points_as_grouping(write):
    write("data/e.csv", "Monat;Fehler\n2025-01;1.234\n2025-02;1.300\n")
    s = write("s.yaml", with_lists("{file: data/e.csv, period: Monat, value: Fehler}"))
    assert history(load_strategy(s)) == [("2025-01", 1234.0), ("2025-02", 1300.0)]


def test_a_column_that_shows_its_decimal_mark_reads_every_cell_so(write):
    write("data/e.csv", "Monat;Fehler\n2025-01;1.234\n2025-02;1.5\n")
    s = write("s.yaml", with_lists("{file: data/e.csv, period: Monat, value: Fehler}"))
    assert history(load_strategy(s)) == [("2025-01", 1.234), ("2025-02", 1.5)]


def test_formulas_are_their_cached_values_never_evaluated(workdir, write):
    def formulas(ws, book):
        # Excel would compute 2; the file says 5, and 5 is what the export reported.
        ws.write_formula(3, 2, "=1+1", None, 5)
    lms_workbook(workdir / "data" / "lms.xlsx", extra=formulas)
    write("data/errors.csv", european_csv())
    tracking = load_strategy(write("s.yaml", FROM_FILES)).strategy.initiatives[0].tracking
    assert tracking[2].completed == 5


def test_percent_cells_of_a_workbook_read_as_percentages(workdir, write):
    def percents(ws, book):
        pct = book.add_format({"num_format": "0.0%"})
        ws.write_row(0, 3, ["Rate"])
        for r in range(1, 4):
            ws.write_number(r, 3, 0.125 * r, pct)
    lms_workbook(workdir / "data" / "w.xlsx", extra=percents)
    s = write("s.yaml", with_lists("{file: data/w.xlsx, sheet: Completions, period: Month, "
                                   "value: Rate}"))
    assert history(load_strategy(s)) == [("2025-10", 12.5), ("2025-11", 25.0), ("2025-12", 37.5)]


def test_openpyxl_is_imported_only_for_a_workbook(write):
    import subprocess
    import sys
    write("data/errors.csv", english_csv())
    write("s.yaml", with_lists("{file: data/errors.csv, period: Month, value: Errors}"))
    script = ("import sys\nfrom pathlib import Path\nfrom buyin_cli.load.strategy import "
              "load_strategy\nload_strategy(Path('s.yaml'))\nprint('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "False"


def test_a_zip_part_is_never_written(exports):
    # Reading leaves the folder as it was: no unpacked parts, no lock files.
    before = sorted(p.name for p in exports.parent.rglob("*"))
    load_strategy(exports)
    assert sorted(p.name for p in exports.parent.rglob("*")) == before
    assert zipfile.is_zipfile(exports.parent / "data" / "lms.xlsx")


def test_an_export_with_a_title_its_filters_and_excels_separator_line(write):
    write("data/e.csv", "sep=;\nSafety incidents, all sites\nFilter: 2025\n\n"
                        "Monat;Vorfälle\n2025-01;4\n2025-02;3\n")
    s = write("s.yaml", with_lists("{file: data/e.csv, period: Monat, value: Vorfälle}"))
    loaded = load_strategy(s)
    assert history(loaded) == [("2025-01", 4.0), ("2025-02", 3.0)]
    assert str(loaded.sources.at(("metrics", 0, "history", 1, "value"))) == "data/e.csv:7:2"


def test_excels_plain_csv_on_a_western_windows(write):
    write("data/e.csv", "Monat;Vorfälle\r\n2025-01;4,5\r\n".encode("cp1252"))
    s = write("s.yaml", with_lists("{file: data/e.csv, period: Monat, value: Vorfälle}"))
    assert history(load_strategy(s)) == [("2025-01", 4.5)]
