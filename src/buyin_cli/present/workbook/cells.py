"""The workbook's cells: a literal or a formula with its cached value, sheets of them, and the book that names them."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from buyin_cli.figures.compute import Figures
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.numbers import Formatter
from buyin_cli.records import dataclass
from buyin_cli.words import finite

Style = Literal["title", "header", "label", "source", "money", "rate", "number", "count",
                "pct", "share", "ratio", "months"]
NA = "n/a"
NOT_PRICED = "not priced"  # a return with no benefit in money: not a loss of all it cost

Value = float | int | str | None
Key = tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """One cell: a literal `value`, or a `formula` whose cached result is `value`."""

    value: Value
    formula: str | None = None
    style: Style = "label"


@dataclass
class Sheet:
    name: str
    widths: tuple[int, ...]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    row: int = 0  # the next row to fill

    def line(self, *cells: Cell | None) -> int:
        """Fill the next row with `cells` (None leaves a cell empty); its row index."""
        for col, cell in enumerate(cells):
            if cell is not None:
                self.cells[(self.row, col)] = cell
        self.row += 1
        return self.row - 1

    def ref(self, row: int, col: int) -> str:
        return f"'{self.name}'!${_column(col)}${row + 1}"


@dataclass
class Plan:
    """What render/xlsx.py writes: the sheets in order, each cell's name, the money formats."""

    sheets: list[Sheet]
    where: dict[Key, str]  # e.g. ("initiative", "safe-hands", "roi_pct") → "'Roll-out'!$H$3"
    formats: dict[str, str]  # style → Excel number format, for the money styles
    names: dict[str, str] = field(default_factory=dict)  # defined name → an input's cell


class Book:
    """The strategy and its figures being laid out, and the cell of each input and figure so far."""

    def __init__(self, loaded: LoadedStrategy, figures: Figures):
        self.strategy, self.sources, self.f = loaded.strategy, loaded.sources, figures
        self.where: dict[Key, str] = {}
        self.names: dict[str, str] = {}  # each input's defined name → its cell
        self.named: dict[Key, str] = {}  # each input's key → its defined name
        money = Formatter(figures.currency, self.strategy.locale).excel_money_format()
        self.formats = {"money": money, "rate": money.replace("#,##0", "#,##0.00", 1)}

    def figure(self, sheet: Sheet, row: int, col: int, key: Key, formula: str,
               value: float | None, style: Style) -> Cell:
        """A figure's cell, named `key`: `formula`, cached as `value` ("n/a" when undefined)."""
        self.where[key] = sheet.ref(row, col)
        return Cell(num(value), formula, style)

    def not_priced(self, sheet: Sheet, row: int, col: int, key: Key) -> Cell:
        """A return's cell, named `key`, where nothing is put in money: "not priced", as the
        deck says it, never the −100% the formula over a benefit of 0 would show."""
        self.where[key] = sheet.ref(row, col)
        return Cell(NOT_PRICED, f'="{NOT_PRICED}"', "share")

    def name(self, key: Key, ref: str) -> None:
        """Give the input `key` at `ref` a defined name, so formulas read as what they use:
        metric_scrap_rework_value_per_unit rather than 'Inputs'!$B$14 (underscores only:
        LibreOffice reads a period as a sheet's separator)."""
        base = "_".join(part.replace("-", "_") for part in key)
        name, n = base, 1
        while name.lower() in self.names:  # defined names ignore case
            n += 1
            name = f"{base}_{n}"
        self.names[name.lower()] = ref
        self.named[key] = name.lower()

    def r(self, *key: str) -> str:
        """How a formula refers to a cell named earlier: an input by its defined name."""
        return self.named.get(key) or self.where[key]


def _column(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def text(value: str, style: Style = "label") -> Cell:
    return Cell(value, None, style)


def headers(*names: str) -> tuple[Cell, ...]:
    return tuple(text(n, "header") for n in names)


def pct(value: float | None) -> float | None:
    """A percentage (× 100, as the figures keep it) as the fraction the workbook formats as %."""
    return None if value is None else value / 100


def num(value: float | None) -> Value:
    value = finite(value)
    return NA if value is None else value


