"""The figures as a workbook plan: every figure a formula over input cells, with its cached value.

`workbook_plan` lays out what render/xlsx.py writes for `buyin roi --format xlsx`:
Inputs (every number the figures are made from, with the file and line it was
written on), then Metrics, Pilots, Roll-out, Years and Sensitivity, whose cells
are formulas over the inputs and over each other, following docs/figures.md.
Each formula's cached value is the figure compute.py gives, so the workbook reads
right before any recalculation, and a finance reader who changes a headcount sees
every figure follow. An undefined figure is the text "n/a", as the formula gives.

The structure is fixed when the workbook is written: which pilot's result counts
for a metric (the latest), how many years an initiative looks ahead, and whether a
metric is better higher or lower. `Plan.where` names the cell of each input and
figure, for tests and tools. Pure: no I/O, no XlsxWriter.
"""

from __future__ import annotations

from buyin_cli.figures.compute import Figures
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.workbook.cells import NA, Book, Cell, Plan, Sheet
from buyin_cli.present.workbook.horizon import sensitivity_sheet, years_sheet
from buyin_cli.present.workbook.inputs import inputs_sheet
from buyin_cli.present.workbook.sheets import metrics_sheet, pilots_sheet, rollout_sheet

__all__ = ["NA", "Cell", "Plan", "Sheet", "workbook_plan"]


def workbook_plan(loaded: LoadedStrategy, figures: Figures) -> Plan:
    """Every input and figure of `figures` (of `loaded`), as sheets of cells."""
    book = Book(loaded, figures)
    # In this order: each sheet refers to cells of the sheets before it.
    sheets = [inputs_sheet(book), metrics_sheet(book), pilots_sheet(book), rollout_sheet(book),
              years_sheet(book), sensitivity_sheet(book)]
    return Plan(sheets, book.where, book.formats, book.names)
