"""Tables: column widths that keep the table short, row heights, and the size and pages that fit."""

from __future__ import annotations

from buyin_cli.render.pptx.textfit.fonts import WIDEST, Font, most_units, points, text_width
from buyin_cli.render.pptx.textfit.measure import Box, balanced, line_height, measured, words

CELL_MARGIN_X = 5.0  # points, left and right inside a cell
CELL_MARGIN_Y = 3.0  # points, top and bottom
_SLACK = 0.5  # points on each column, so a word that just fits is not wrapped by rounding


def column_widths(columns: list[str], rows: list[list[str]], width: float, size: float,
                  font: Font = WIDEST, bold_last: bool = False) -> list[float]:
    """Share `width` among the columns so the table is as short as it can be.

    Each column gets at least its longest word. The rest is dealt out in slices, each
    time to the column that saves the most lines per slice; what no column can use is
    shared in proportion, so every cell keeps the lines it was measured with.
    """
    cells = [[c] for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            cells[i].append(cell)

    last = len(rows) if bold_last else -1

    def bold(n: int) -> bool:  # the header, and a total row, are set in bold
        return n in (0, last)

    def measure(wide: int) -> float:  # `text_width` of a text `wide` units wide, plus the margins
        return points(wide, size) + 2 * CELL_MARGIN_X + _SLACK

    # Each cell measured once, kept across the sizes tried; widths grow with units, so a
    # column's widest cell (or word) is the one with the most units.
    measures = [[measured(c, bold(n), font) for n, c in enumerate(col)] for col in cells]
    natural = [measure(max(w.total for w in col)) for col in measures]
    if sum(natural) <= width:  # every cell on one line
        return [w * width / sum(natural) for w in natural]
    least = [measure(max(w.longest for w in col)) for col in measures]
    slices = 32
    step = (width - sum(least)) / slices
    if step <= 0:  # some word is wider than its share: it will break between characters
        return [w * width / sum(least) for w in least]
    # lines[i][k][r]: lines of row r's cell in column i when that column has k extra slices
    lines = []
    for cell_words, low, high in zip(measures, least, natural):
        most = min(slices, int((high - low) / step) + 1)
        inside = [low + k * step - 2 * CELL_MARGIN_X for k in range(most + 1)]  # growing with k
        limits = [most_units(room, size) for room in inside]
        counts = []
        for w in cell_words:
            mine: list[int] = []
            for room, limit in zip(inside, limits):
                if limit is None:
                    mine.append(w.count(room, size))
                elif w.whole <= limit:  # no line breaks here, nor in the wider rooms after it
                    mine += [len(w.lines)] * (len(inside) - len(mine))
                    break
                else:
                    mine.append(w.count_within(limit))
            counts.append(mine)
        lines.append([list(at_k) for at_k in zip(*counts)])
    given = [0] * len(cells)
    nothing = [0] * len(cells[0])  # the other columns' lines when there is no other column
    while sum(given) < slices:
        now = [lines[i][given[i]] for i in range(len(cells))]  # each column's lines per row
        total = sum(map(max, *now)) if len(now) > 1 else sum(now[0])  # the rows' lines now
        best: tuple[float, int, int] | None = None
        for i in range(len(cells)):
            rest = now[:i] + now[i + 1:]
            others = list(map(max, *rest)) if len(rest) > 1 else rest[0] if rest else nothing
            for k in range(1, min(slices - sum(given), len(lines[i]) - 1 - given[i]) + 1):
                saved = total - sum(map(max, others, lines[i][given[i] + k]))
                if saved > 0:
                    key = (-saved / k, k, i)
                    best = key if best is None or key < best else best
                    break
        if best is None:
            break
        given[best[2]] += best[1]
    widths = [low + k * step for low, k in zip(least, given)]
    need = [max(0.0, high - w) for high, w in zip(natural, widths)]
    share = need if sum(need) else widths
    spare = width - sum(widths)
    return [w + spare * s / sum(share) for w, s in zip(widths, share)]


def _whole_words(columns: list[str], rows: list[list[str]], widths: list[float], size: float,
                 font: Font, bold_last: bool = False) -> bool:
    """Whether every word of every cell fits its column's width on a line of its own."""
    last = len(rows) if bold_last else -1
    return all(text_width(word, size, n in (0, last), font) <= w - 2 * CELL_MARGIN_X
               for n, row in enumerate([columns, *rows]) for cell, w in zip(row, widths) for word in words(cell))


def _lines(cell: str, width: float, size: float, bold: bool, font: Font) -> int:
    return measured(cell, bold, font).count(width - 2 * CELL_MARGIN_X, size)


def row_height(cells: list[str], widths: list[float], size: float, bold: bool = False,
               font: Font = WIDEST) -> float:
    """Height of a table row whose cells wrap to their column widths."""
    lines = max(_lines(c, w, size, bold, font) for c, w in zip(cells, widths))
    return lines * line_height(size) + 2 * CELL_MARGIN_Y


def fit_table(columns: list[str], rows: list[list[str]], box: Box, start: float, floor: float,
              font: Font = WIDEST, bold_last: bool = False,
              reserve: float = 0.0) -> tuple[float, list[float], list[list[int]]]:
    """Size, column widths and pages (row indexes) for a table; the header repeats on each page.

    The largest size from `start` down to `floor` at which the table fits on one page;
    a longer table takes as few pages as `floor` allows, at the largest size that keeps
    that many, with pages as even as possible. With `bold_last`, the last row (a
    total) is measured in bold, as it is set. `reserve`: the points the last page keeps under
    its rows (a footnote said there only).
    """
    best: tuple[tuple[bool, int, float], float, list[float], list[int]] | None = None
    size = start
    while size >= floor:
        widths = column_widths(columns, rows, box.width, size, font, bold_last)
        whole = _whole_words(columns, rows, widths, size, font, bold_last)
        header = row_height(columns, widths, size, True, font)
        heights = [row_height(r, widths, size, bold_last and n == len(rows) - 1, font)
                   for n, r in enumerate(rows)]
        if whole and header + sum(heights) + reserve <= box.height:
            return size, widths, [list(range(len(rows)))]
        # The reserve stands under the last row, on its page.
        counts = balanced(heights[:-1] + [heights[-1] + reserve], box.height - header)
        # Words kept whole first, then fewer pages, then the larger size.
        key = (not whole, len(counts), -size if whole else size)
        if best is None or key < best[0]:
            best = (key, size, widths, counts)
        size -= 1
    assert best is not None, "start must not be below floor"
    _, size, widths, counts = best
    out, i = [], 0
    for count in counts:
        out.append(list(range(i, i + count)))
        i += count
    return size, widths, out
