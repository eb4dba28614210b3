"""Chart workbooks written without XlsxWriter are XlsxWriter's bytes, and the stand-in hands over."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from datetime import datetime

from pptx.chart.data import CategoryChartData

from buyin_cli.render.pptx.chartbook import chart_workbook
from buyin_cli.render.pptx.chartdata import chart_data
from buyin_cli.render.pptx.package import normalize_package

WHEN = datetime(2026, 3, 4, 5, 6, 7)
FORMATS = ["General", "0", "0.0", '#,##0 "€";−#,##0 "€"', '0.0"%"', 'a&b<"c">\'', "#,##0.00"]
WORDS = ["Q1", "Werk Süd", "A & B", "<c>", 'say "x"', "it's", "2026", "1.5", "Ä–Ö", "mid space",
         "a:b", "x=1", "{=x", "€ 5", "ein\u00a0Wort", "naïve", "ﬁ"]


def _xlsxwriter_bytes(data: CategoryChartData) -> bytes:
    """What python-pptx writes with XlsxWriter for `data`, normalised as a deck's workbook is."""
    return normalize_package(CategoryChartData.xlsx_blob.fget(data), WHEN)  # type: ignore[attr-defined]


def _data(categories, series, fmt):
    data = chart_data(categories, fmt)
    for name, values in series:
        data.add_series(name, values)
    return data


def _value(rng: random.Random) -> float | None:
    return rng.choice([None, 0.0, -0.0, 1.0, -1.5, 0.1 + 0.2, 1e-300, 3e20, -123456789.123456789,
                       12345678901234567.0, rng.uniform(-1e6, 1e6), float(rng.randint(-99, 99))])


def test_plain_chart_data_is_written_here_as_xlsxwriter_writes_it():
    rng = random.Random(7)
    for _ in range(150):
        categories = [rng.choice(WORDS) + rng.choice(["", " 2", "x"]) for _ in range(rng.randint(1, 40))]
        series = [(rng.choice(WORDS), [_value(rng) for _ in categories]) for _ in range(rng.randint(1, 4))]
        data = _data(categories, series, rng.choice(FORMATS))
        mine = chart_workbook(categories, [(n, v, data.number_format) for n, v in series], "General")
        assert mine is not None, (categories, series)
        assert normalize_package(data.xlsx_blob, WHEN) == _xlsxwriter_bytes(data), (categories, series)


def test_what_xlsxwriter_writes_otherwise_is_left_to_it():
    plain = ["a", "b"]
    odd_labels = ["", "=1+1", "{=A1}", "http://x.example", "mailto:a@b", "internal:Sheet1!A1", " lead",
                  "trail ", "tab\tin", "a_x0041_b", "<r>rich</r>", "x" * 20000]
    for label in odd_labels:
        for categories, name in ((["a", label], "s"), (plain, label)):
            data = _data(categories, [(name, [1.0, None])], "0.0")
            assert chart_workbook(categories, [(name, [1.0, None], "0.0")], "General") is None, label
            assert normalize_package(data.xlsx_blob, WHEN) == _xlsxwriter_bytes(data), label
    for values in ([1, 2.0], [float("nan"), 1.0], [1.0], [True, 1.0]):
        assert chart_workbook(plain, [("s", values, "0")], "General") is None, values
    assert chart_workbook(plain, [("s", [1.0, 2.0], "0"), ("t", [1.0, 2.0], "0.0")], "General") is None
    assert chart_workbook([], [("s", [], "0")], "General") is None
    assert chart_workbook(plain, [], "General") is None
    # Two series with different formats, through python-pptx and XlsxWriter: the same bytes.
    data = _data(plain, [("s", [1.0, 2.0])], "0")
    data.add_series("t", [3.0, None], number_format="0.00")
    assert normalize_package(data.xlsx_blob, WHEN) == _xlsxwriter_bytes(data)


def test_the_workbook_opens_as_the_same_cells():
    data = _data(["Jan", "Feb & Mar"], [("Cost <€>", [1.5, None]), ("Benefit", [-2.0, 3e20])], "#,##0.0")
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as z:
        assert z.testzip() is None
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert '<c r="B3" s="2"/>' in sheet and "<v>3E+20</v>" in sheet
    assert "<t>Feb &amp; Mar</t>" in strings and "<t>Cost &lt;€&gt;</t>" in strings


STAND_IN = """
import io, json, sys
from buyin_cli.render.pptx import xlsx_later
xlsx_later.stand_in()
import pptx.chart.data  # imports `Workbook` from the stand-in
stood_in = isinstance(sys.modules['xlsxwriter'], xlsx_later._StandIn)
files = [getattr(m, '__file__', None) for m in list(sys.modules.values())]  # a module walk
walked = isinstance(sys.modules['xlsxwriter'], xlsx_later._StandIn)
import xlsxwriter, xlsxwriter.utility  # as roi's workbook writer imports it
cell = xlsxwriter.utility.xl_rowcol_to_cell(2, 1)
book = xlsxwriter.Workbook(io.BytesIO(), {'in_memory': True})
book.add_worksheet().write(0, 0, 'x')
book.close()
real = not isinstance(sys.modules['xlsxwriter'], xlsx_later._StandIn)
print(json.dumps({'stood in': stood_in, 'walked': walked, 'cell': cell, 'real after': real,
                  'version': xlsxwriter.__version__ == sys.modules['xlsxwriter'].__version__}))
"""


def test_the_stand_in_hands_over_to_xlsxwriter():
    done = subprocess.run([sys.executable, "-c", STAND_IN], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found == {"stood in": True, "walked": True, "cell": "B3", "real after": True, "version": True}


def test_no_stand_in_once_xlsxwriter_is_loaded():
    script = ("import sys, xlsxwriter\nfrom buyin_cli.render.pptx import xlsx_later\nxlsx_later.stand_in()\n"
              "print(sys.modules['xlsxwriter'] is xlsxwriter)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr
