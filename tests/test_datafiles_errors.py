"""Every way a data file can be wrong is one located line: the file, the row and the column (a workbook's cell)."""

from __future__ import annotations

import io
import os
import re
import zipfile

import pytest

from buyin_cli.load.files import MAX_FILE_BYTES
from buyin_cli.load.table import MAX_ROWS
from buyin_cli.load.workbook import MAX_UNPACKED
from datafile_helpers import MONTHS, UPTAKE, lms_workbook, with_lists

INCIDENTS = "{file: data/incidents.csv, period: Month, value: Incidents}"
LMS = "{file: data/lms.xlsx, sheet: Completions, period: Month, enrolled: Enrolled, completed: Completed}"


def incidents(cells: dict[int, str] | None = None, header: str = "Month,Incidents") -> str:
    """Twelve monthly rows (rows 2–13 of the file), `cells` replacing a row's value by its row."""
    rows = [header] + [f"{p},{(cells or {}).get(r, str(40 - r))}" for r, p in
                       enumerate(MONTHS, start=2)]
    return "\n".join(rows) + "\n"


def check(run, write, csv: str | bytes | None = None, yaml: str | None = None):
    if csv is not None:
        write("data/incidents.csv", csv)
    write("s.yaml", yaml or with_lists(INCIDENTS))
    result = run("check", "s.yaml")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return [line for line in result.lines if re.search(r": E\d{3} ", line)]


def test_a_cell_that_is_not_a_number(run, write):
    csv = incidents() + "2026-01,n/a\n"  # row 14
    assert check(run, write, csv) == [
        "data/incidents.csv:14:2: E401 'n/a' in column Incidents is not a number; write a "
        "number such as 12.5"]


def test_an_empty_cell(run, write):
    assert check(run, write, incidents({7: ""})) == [
        "data/incidents.csv:7:2: E401 empty cell in column Incidents; every row needs a "
        "number, such as 12.5"]


def test_a_row_without_its_period(run, write):
    assert check(run, write, incidents() + ",12\n") == [
        "data/incidents.csv:14:1: E401 no period in column Month; every row needs its period, "
        "such as 2025-07"]


def test_a_missing_column_lists_the_headers_there_are(run, write):
    assert check(run, write, incidents(header="Month,Incidents reported")) == [
        "data/incidents.csv:1:1: E402 no column 'Incidents' (did you mean 'Incidents "
        "reported'?); its columns are: Month, Incidents reported"]


def test_periods_out_of_order(run, write):
    csv = incidents().replace("2025-03,", "2025-xx,").replace("2025-04,", "2025-03,")
    assert check(run, write, csv.replace("2025-xx,", "2025-04,")) == [
        "data/incidents.csv:5:1: E403 period '2025-03' comes after '2025-04' (row 4) but is "
        "earlier; sort the export by Month, oldest first"]


def test_a_period_twice(run, write):
    assert check(run, write, incidents() + "2025-06,3\n") == [
        "data/incidents.csv:14:1: E403 period '2025-06' is also in row 7; keep one row per period"]


@pytest.mark.parametrize("content, line", [
    ("", "data/incidents.csv:1:1: E404 the file is empty; export the report again, with its "
         "header row and its rows"),
    ("\ufeff\n\n", "data/incidents.csv:1:1: E404 the file is empty; export the report again, "
                   "with its header row and its rows"),
    ("Month,Incidents\n", "data/incidents.csv:1:1: E404 the file has a header row and no rows; "
                          "export the report again with its rows")])
def test_an_empty_file(run, write, content, line):
    assert check(run, write, content) == [line]


def test_a_sheet_the_workbook_does_not_have(run, write, workdir):
    lms_workbook(workdir / "data" / "lms.xlsx")
    yaml = with_lists(tracking=LMS.replace("Completions", "Uptake"))
    line = next(n for n, text in enumerate(yaml.splitlines(), 1) if "Uptake" in text)
    col = yaml.splitlines()[line - 1].index("Uptake") + 1
    assert check(run, write, yaml=yaml) == [
        f"s.yaml:{line}:{col}: E405 initiatives[0].tracking.sheet: data/lms.xlsx has no sheet "
        "'Uptake'; its sheets are: Notes, Completions"]


def test_a_workbook_cell_is_named_as_a_spreadsheet_names_it(run, write, workdir):
    rows: list[tuple[str, int, int | str]] = [*UPTAKE, *((f"2026-{m:02d}", 100 + m, 80) for m in range(1, 11))]
    rows[12] = ("2026-10", 120, "n/a")  # the 13th reading: row 14 of the sheet
    lms_workbook(workdir / "data" / "lms.xlsx", rows=rows)
    assert check(run, write, yaml=with_lists(tracking=LMS)) == [
        "data/lms.xlsx:Completions!C14: E401 'n/a' in column Completed is not a number; write "
        "a number such as 12"]


def test_a_fraction_where_a_count_belongs(run, write, workdir):
    lms_workbook(workdir / "data" / "lms.xlsx", rows=[("2025-10", 30, 12.5)])
    assert check(run, write, yaml=with_lists(tracking=LMS)) == [
        "data/lms.xlsx:Completions!C2: E401 '12.5' in column Completed is not a whole number; "
        "write a count such as 12"]


def test_more_completed_than_enrolled_is_located_at_the_cell(run, write, workdir):
    lms_workbook(workdir / "data" / "lms.xlsx", rows=[("2025-10", 30, 12), ("2025-11", 40, 41)])
    [line] = check(run, write, yaml=with_lists(tracking=LMS))
    assert line.startswith("data/lms.xlsx:Completions!C3: E304 ")


def test_a_reading_beyond_a_trillion_is_located_at_its_cell(run, write):
    [line] = check(run, write, incidents({9: "2000000000000"}))
    assert line.startswith("data/incidents.csv:9:2: E204 ")


def test_decimal_marks_that_contradict_each_other(run, write):
    assert check(run, write, incidents({3: '"12,5"', 6: "12.5"})) == [
        "data/incidents.csv:6:2: E401 '12.5' in column Incidents writes its decimal mark as "
        "'.', but row 3 wrote '12,5' with ','; write every number of a column one way"]


def test_not_utf8(run, write):
    assert check(run, write, incidents().encode("utf-8") + b"2026-01,\x81\n") == [
        "data/incidents.csv:14:9: E102 byte 0x81 is not valid UTF-8; export the file as CSV UTF-8"]


def test_a_control_character(run, write):
    assert check(run, write, incidents({4: "1\x1b[2J"})) == [
        "data/incidents.csv:4:10: E103 control character U+001B in the text; remove it (it "
        "would corrupt the deck)"]


def test_a_file_outside_the_strategy_folder(run, write, workdir):
    write("outside.csv", incidents())
    (workdir / "inner").mkdir()
    yaml = with_lists(INCIDENTS.replace("data/incidents.csv", "../outside.csv"))
    write("inner/s.yaml", yaml)
    result = run("check", "inner")
    assert [e.split(": E001 ")[1] for e in result.errors] == [
        "the data file is outside the strategy's folder; buyin reads only the strategy's own "
        "files (copy it in)"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_data_file_is_never_read_through_a_link(run, write, workdir, linked):
    write("real/incidents.csv", incidents())
    if linked == "file":
        (workdir / "data").mkdir()
        os.symlink(workdir / "real" / "incidents.csv", workdir / "data" / "incidents.csv")
    else:
        os.symlink(workdir / "real", workdir / "data")
    [line] = check(run, write)
    name = "data/incidents.csv" if linked == "file" else "data"
    assert line.endswith(f"E001 {name} is a link; buyin reads data files only as files of the "
                         "strategy's folder (copy the file in)")


def test_a_missing_data_file(run, write):
    [line] = check(run, write)
    assert line.startswith("s.yaml:20:")
    assert line.endswith("E001 no such data file: data/incidents.csv; name a file relative to "
                         "the YAML file that names it")


def test_a_file_over_the_size_cap(run, write):
    big = incidents() + "#" * MAX_FILE_BYTES
    assert check(run, write, big) == [
        f"data/incidents.csv:1:1: E105 file is {len(big):,} bytes; a data file may be at most "
        f"{MAX_FILE_BYTES:,} bytes"]


def test_a_file_over_the_row_cap(run, write):
    rows = ["Day,Incidents"] + [f"{n},1" for n in range(MAX_ROWS + 1)]
    assert check(run, write, "\n".join(rows) + "\n",
                 with_lists(INCIDENTS.replace("Month", "Day"))) == [
        f"data/incidents.csv:{MAX_ROWS + 2}:1: E105 the file has more than {MAX_ROWS:,} rows; "
        f"a data file may have at most {MAX_ROWS:,} (export one row a period, over the years "
        "the strategy looks at)"]


@pytest.mark.parametrize("suffix", [".xlsm", ".xls", ".txt"])
def test_only_csv_and_plain_workbooks_are_named(run, write, suffix):
    [line] = check(run, write, yaml=with_lists(INCIDENTS.replace(".csv", suffix)))
    assert line.startswith("s.yaml:20:") and " E204 metrics[0].history.file: " in line


def _zip(parts: dict[str, bytes | int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, b"\0" * content if isinstance(content, int) else content)
    return out.getvalue()


@pytest.mark.parametrize("content, why", [
    (b"Month,Enrolled\n", "not an .xlsx workbook (no zip of workbook parts); save it from the "
                          "spreadsheet as Excel Workbook (.xlsx)"),
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/vbaProject.bin": b"Attribute VB_Name"}),
     "the workbook carries macros; buyin never opens one: save it as a plain Excel Workbook "
     "(.xlsx) or export CSV"),
    (_zip({"[Content_Types].xml": b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"}),
     "the workbook carries macros; buyin never opens one: save it as a plain Excel Workbook "
     "(.xlsx) or export CSV"),
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": MAX_UNPACKED}),
     f"the workbook unpacks to {MAX_UNPACKED + 8:,} bytes in 2 parts; a data file may unpack "
     f"to at most {MAX_UNPACKED:,} bytes in 1,000 parts"),
    (_zip({"[Content_Types].xml": b"<Types/>"}),
     "not a workbook that can be read: a part of it is missing or broken; save it again from "
     "the spreadsheet as Excel Workbook (.xlsx)")])
def test_workbooks_that_are_refused_before_they_are_read(run, write, content, why):
    write("data/lms.xlsx", content)
    assert check(run, write, yaml=with_lists(tracking=LMS)) == [f"data/lms.xlsx:1:1: E406 {why}"]


def test_a_mistyped_key_of_the_data_file(run, write):
    [line] = check(run, write, yaml=with_lists(INCIDENTS.replace("value:", "valu:")))
    assert line.endswith("E201 metrics[0].history.valu: unknown key (did you mean 'value'?)")


def test_a_sheet_for_a_csv(run, write):
    [line] = check(run, write, incidents(), with_lists(INCIDENTS[:-1] + ", sheet: Data}"))
    assert line.endswith("E204 metrics[0].history.sheet: a CSV file has no sheets; remove 'sheet'")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_an_earlier_revision_is_refused_a_linked_data_file_too(run, write, workdir):
    from git_repo import commit, init

    init(workdir)
    write("real.csv", incidents())
    (workdir / "s").mkdir()
    os.symlink("../real.csv", workdir / "s" / "incidents.csv")
    write("s/s.yaml", with_lists(INCIDENTS.replace("data/incidents.csv", "incidents.csv")))
    commit(workdir, "linked")
    result = run("diff", "s", "--since", "HEAD", "--until", "HEAD")
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in result.lines if " E001 " in line] == [
        "E001 s/incidents.csv is a link, or no file, in HEAD; buyin reads data files only as "
        "files of the strategy's folder"]


def test_readings_in_all_are_bounded_however_often_a_file_is_named(run, write, valid_data):
    from buyin_cli.load.datafiles import MAX_READINGS
    from conftest import dump

    rows = ["Day,Incidents"] + [f"{n},1" for n in range(MAX_ROWS)]
    write("data/incidents.csv", "\n".join(rows) + "\n")
    metric = valid_data["metrics"][0]
    copies = MAX_READINGS // MAX_ROWS + 1
    valid_data["metrics"] = [{**metric, "id": f"m{n}", "history": {
        "file": "data/incidents.csv", "period": "Day", "value": "Incidents"}}
        for n in range(copies)] + [metric]
    write("s.yaml", dump(valid_data))
    result = run("check", "s.yaml")
    assert result.exit_code == 1
    [line] = [line for line in result.lines if " E105 " in line]
    assert line.endswith(f"E105 the data files give more than {MAX_READINGS:,} readings in "
                         "all; name one file per list, with its own rows")


def test_a_totals_row_is_not_read_as_a_period(run, write):
    assert check(run, write, incidents() + "Total,246\n") == [
        "data/incidents.csv:14:1: E401 'Total' in column Month is no period like those above "
        "it ('2025-12'); delete the export's totals or notes rows, or write every period the "
        "same way"]


def test_a_workbook_cell_for_tools_and_ci(run, write, workdir):
    import json

    lms_workbook(workdir / "data" / "lms.xlsx", rows=[("2025-10", 30, "n/a")])
    write("s.yaml", with_lists(tracking=LMS))
    [problem] = json.loads(run("check", "s.yaml", "--format", "json").stdout)["problems"]
    assert {k: problem[k] for k in ("file", "sheet", "line", "col", "end_col", "code")} == {
        "file": "data/lms.xlsx", "sheet": "Completions", "line": 2, "col": 3, "end_col": 3,
        "code": "E401"}
    github = run("check", "s.yaml", "--format", "github").lines
    assert github[0].startswith("::error file=data/lms.xlsx,line=2,col=3,")
    assert github[0].endswith("::E401 'n/a' in column Completed is not a number; write a number "
                              "such as 12")


def test_a_workbook_whose_xml_expands_entities_is_refused(run, write, workdir):
    """'Billion laughs' in a part: ten entities of ten would make a gigabyte of text."""
    lms_workbook(workdir / "ok.xlsx")
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
              + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
              + "]>")
    out = io.BytesIO()
    with zipfile.ZipFile(workdir / "ok.xlsx") as source, zipfile.ZipFile(out, "w") as bomb:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/sharedStrings.xml":
                data = re.sub(rb"<\?xml[^>]*\?>", laughs.encode(), data)
                data = data.replace(b"Enrolled", b"&lol9;")
            bomb.writestr(name, data)
    write("data/lms.xlsx", out.getvalue())
    [line] = check(run, write, yaml=with_lists(tracking=LMS))
    assert line.startswith("data/lms.xlsx:1:1: E406 ")
