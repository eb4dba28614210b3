"""`buyin roi`'s tables and lines drawn as rich draws them, without rich's layout machinery.

At 10k records `roi` prints about 4,500 pilot tables, and rich laying each out
(measuring every cell, wrapping every text, padding every segment) was four times
the rest of the command. Output without colour (a pipe, a file, a CI log) is
plain text, so where a table's layout is simple, its lines are worked out here:
rich's column widths when nothing has to shrink to fit, its word wrapping
(`divide_line`, rich's own), its padding and its SIMPLE_HEAD rule. Anything
else (colour, an ASCII-only terminal, a table wider than the terminal, a word
wider than its column, tabs, wide or zero-width characters) is left to rich,
which draws it as before. tests/test_terminal_plain.py compares both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich import box
from rich._ratio import ratio_reduce
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from buyin_cli.words import printable


def _plain_output(console: Console, options: ConsoleOptions) -> bool:
    """Whether what is drawn is plain text: no colour codes, and rich's own box characters."""
    return console.color_system is None and not options.ascii_only and not options.legacy_windows


def simple(text: str) -> bool:
    """Text whose width is its length, on one line, without tabs."""
    return "\n" not in text and "\t" not in text and (text.isascii() or cell_len(text) == len(text))


class PlainLines:
    """Texts, each drawn on its own line when it fits; as rich draws them otherwise."""

    def __init__(self, *texts: Text):
        self.texts = texts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = _plain_output(console, options)
        for text in self.texts:
            words = text.plain
            if plain and simple(words) and len(words) <= options.max_width and text.end == "\n":
                yield Segment(words)
                yield Segment.line()
            else:
                yield text


class PlainTable:
    """A table of text cells under a SIMPLE_HEAD rule, as `tables.new_table()` makes them."""

    def __init__(self) -> None:
        self.columns: list[tuple[str, dict[str, Any]]] = []
        self.rows: list[tuple[str, ...]] = []
        self._drawn: dict[int, list[str] | None] = {}  # lines() by width, until a cell is added

    def add_column(self, header: str, **options: Any) -> None:
        """A column; `options` are rich's: justify, no_wrap, max_width (others go to rich)."""
        self.columns.append((printable(header), options))
        self._drawn.clear()

    def add_row(self, *cells: str) -> None:
        """A row of cells, written as they are (never read as markup)."""
        self.rows.append(tuple(printable(cell) for cell in cells))
        self._drawn.clear()

    def texts(self) -> list[str]:
        """Every header and cell, as drawn."""
        return [header for header, _ in self.columns] + [cell for row in self.rows for cell in row]

    def rich_table(self) -> Table:
        """The same table for rich to draw."""
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for header, options in self.columns:
            table.add_column(Text(header), **options)
        for row in self.rows:
            table.add_row(*(Text(cell) for cell in row))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.lines(options.max_width) if _plain_output(console, options) else None
        if lines is None:
            yield self.rich_table()
            return
        for line in lines:
            yield Segment(line)
            yield Segment.line()

    def lines(self, max_width: int) -> list[str] | None:
        """The table's lines at this width, or None where rich's layout is not this simple one
        (drawn once a width: a split table asks whether it fits, then prints the same lines)."""
        if max_width not in self._drawn:
            self._drawn[max_width] = self._lines(max_width)
        return self._drawn[max_width]

    def _lines(self, max_width: int) -> list[str] | None:
        count = len(self.columns)
        known = {"justify", "no_wrap", "max_width"}
        if not count or any(set(o) - known for _, o in self.columns) or any(
                len(row) != count for row in self.rows):
            return None
        inner = max_width - (count - 1)  # a space between columns; no edges
        lefts = [0 if i == 0 else 1 for i in range(count)]
        rights = [0 if i == count - 1 else 1 for i in range(count)]
        texts = [[header, *(row[i] for row in self.rows)]
                 for i, (header, _) in enumerate(self.columns)]
        if not all(simple(t) for column in texts for t in column):
            return None
        pads = [left + right for left, right in zip(lefts, rights)]
        limits = [options.get("max_width") for _, options in self.columns]
        widths = [_measure(texts[i], pads[i], inner, limits[i]) or 1 for i in range(count)]
        if sum(widths) > inner:  # rich shrinks the columns that may wrap, widest first
            widths = Table._collapse_widths(
                widths, [not options.get("no_wrap") for _, options in self.columns], inner)
            if sum(widths) > inner:
                widths = ratio_reduce(sum(widths) - inner, [1] * count, widths, widths)
            widths = [_measure(texts[i], pads[i], widths[i], limits[i]) for i in range(count)]
        if any(w - pad < 1 for w, pad in zip(widths, pads)):
            return None
        cells = []
        for i, (_, options) in enumerate(self.columns):
            width = widths[i] - lefts[i] - rights[i]
            drawn = [_cell(t, width, options.get("justify", "left"), bool(options.get("no_wrap")))
                     for t in texts[i]]
            if any(d is None for d in drawn):
                return None
            cells.append([[" " * lefts[i] + line + " " * rights[i] for line in d]  # type: ignore[union-attr]
                          for d in drawn])
        out = list(_row([column[0] for column in cells], widths, bottom=True))
        out.append("─" * (sum(widths) + count - 1))
        for r in range(len(self.rows)):
            out.extend(_row([column[r + 1] for column in cells], widths))
        return out


def _measure(texts: list[str], pad: int, limit: int, most: int | None) -> int:
    """A column's width as rich measures it within `limit`: its widest cell, padded."""
    if limit < 1:
        return 0
    if limit - pad < 1:
        widest = limit
    else:
        widest = max(min(min(len(t), limit) + pad, limit) for t in texts)
    return widest if most is None else min(widest, most + pad)


def _cell(text: str, width: int, justify: str, no_wrap: bool) -> list[str] | None:
    """A cell's lines at its width, as rich's Text.wrap gives them; None where it would crop."""
    from rich._wrap import divide_line

    if justify not in ("left", "right"):
        return None
    if no_wrap or len(text) <= width:
        if len(text) > width:
            return None  # rich crops it, trailing spaces and all, with an ellipsis
        # A text that fits is one line: rich's divide_line finds no break in it, as every
        # word ends within the width (a simple text's width is its length).
        pieces = [text]
    else:
        if any(len(word) > width for word in text.split()):
            return None  # rich would crop it with an ellipsis
        offsets = divide_line(text, width, fold=False)
        pieces = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    lines = []
    for piece in pieces:
        piece = piece.rstrip()
        if len(piece) > width:
            return None
        lines.append(piece.rjust(width) if justify == "right" else piece.ljust(width))
    return lines


def _row(cells: list[list[str]], widths: list[int], bottom: bool = False) -> Iterator[str]:
    """A row's lines: each cell's lines side by side, shorter cells filled with blank lines
    below (above, in the header row, whose cells rich aligns to the bottom)."""
    height = max(len(c) for c in cells)
    if bottom:
        cells = [[" " * w] * (height - len(c)) + c for c, w in zip(cells, widths)]
    for n in range(height):
        yield " ".join(c[n] if n < len(c) else " " * w for c, w in zip(cells, widths))
