"""A table of figures by column (a pilot's results, the initiatives, the years) that never crops a title.

A terminal too narrow for every column made rich shrink them below their longest word
and crop it with an ellipsis ("Conversat…", "670.400…"): a title or a figure no one can
read. Here the columns after the first (the row labels) are laid out in as many tables,
one under the other, as the width needs, each with the labels again, so that every
column is at least as wide as its longest word (its whole text when it never wraps).
Drawn by plaindraw.py's PlainTable, so rich's output is unchanged wherever it fits.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment

from buyin_cli.present.terminal.plaindraw import PlainTable, simple
from buyin_cli.words import printable

_GAP = 3  # between two columns: the right padding, a space, the left padding


class SplitTable:
    """A PlainTable whose columns after the first go into as many tables as the width needs."""

    def __init__(self) -> None:
        self.columns: list[tuple[str, dict[str, Any]]] = []
        self.rows: list[tuple[str, ...]] = []

    def add_column(self, header: str, **options: Any) -> None:
        """A column; `options` are PlainTable's (rich's): justify, no_wrap, max_width."""
        self.columns.append((header, options))

    def add_row(self, *cells: str) -> None:
        self.rows.append(tuple(cells))

    def parts(self, width: int) -> list[PlainTable]:
        """The tables to draw at `width`: one when every column fits whole, else more."""
        groups: list[list[int]] = []
        tables: list[PlainTable] = []  # the table of each group, as tried: it keeps its drawing
        for i in range(1, len(self.columns)):
            tried = self._table([0, *groups[-1], i]) if groups else None
            if tried is not None and self._fits(tried, [0, *groups[-1], i], width):
                groups[-1].append(i)
                tables[-1] = tried
            else:
                groups.append([i])  # alone, it is as wide as the terminal lets it be
                tables.append(self._table([0, i]))
        return tables or [self._table([0])]

    def _fits(self, table: PlainTable, indices: list[int], width: int) -> bool:
        """Whether these columns (`table`), side by side at `width`, keep every word whole.

        PlainTable draws a table of plain text as rich would, and declines (None) where rich
        would crop; a table it does not draw (wide characters, say) is judged by each column's
        longest word instead, though rich may still shrink one of them below it."""
        if all(simple(t) for t in table.texts()):
            return table.lines(width) is not None
        needs = [_need([self.columns[i][0], *(row[i] for row in self.rows)], self.columns[i][1])
                 for i in indices]
        return sum(needs) + _GAP * (len(needs) - 1) <= width

    def _table(self, indices: list[int]) -> PlainTable:
        table = PlainTable()
        for i in indices:
            header, options = self.columns[i]
            table.add_column(header, **options)
        for row in self.rows:
            table.add_row(*(row[i] for i in indices))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for n, table in enumerate(self.parts(options.max_width)):
            if n:
                yield Segment.line()
            yield table


def _need(texts: list[str], options: dict[str, Any]) -> int:
    """The narrowest a column can be without cropping: its longest word, or its longest text
    when it never wraps; within its max_width, which rich keeps to whatever it holds."""
    texts = [printable(t) for t in texts]
    if options.get("no_wrap"):
        need = max((cell_len(t) for t in texts), default=0)
    else:
        need = max((cell_len(word) for t in texts for word in t.split()), default=0)
    most = options.get("max_width")
    return need if most is None else min(need, most)
