"""Text fitting's shortcuts give the answers of measuring every line the long way.

`Words.count` compares whole font units with a bound (`most_units`) instead of
converting each candidate line to points, skips a cell's lines once it fits on
one line, and keeps a word that fits a line of its own whole without adding its
characters; `column_widths` fills each column's lines from the first width at
which a cell stops wrapping. The references below are the plain forms, step for
step; every answer must be the same, floats bit for bit.
"""

from __future__ import annotations

import random

from buyin_cli.render.pptx.textfit import measure
from buyin_cli.render.pptx.textfit.body import Para, para_height, para_lines, para_size, space_before
from buyin_cli.render.pptx.textfit.fonts import (
    ARIAL,
    SAFETY,
    UNKNOWN_WIDTH,
    WIDEST,
    most_units,
    points,
    text_width,
    units,
)
from buyin_cli.render.pptx.textfit.measure import Box, Words, _fits, line_height, measured, words
from buyin_cli.render.pptx.textfit.table import _SLACK, CELL_MARGIN_X, column_widths

PIECES = ["a", "Wg", "Qualitätssicherung", "1.234\u00a0€", "", "n/a", "x" * 40, "漢字", "—", "Δ7",
          "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "i", "20\u00a0%", "Überstunden", "Ward\t3A"]

SHORT = ["n/a", "1\n2\n3", "Q1\nQ2", "a b\nc", "12\u00a0%", "", "Lead\nTime\nSaved\nEach week"]


def _text(rng: random.Random) -> str:
    parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 14))]
    return "".join(p + rng.choice([" ", " ", " ", "  ", "\n", " \n"]) for p in parts).strip(" ") if (
        rng.random() < 0.9) else " ".join(parts)


def reference_count(w: Words, width: float, size: float) -> int:
    """`count` as it was: every candidate line converted to points."""
    count, space, advances = 0, w.space, w.advances
    for hard_line in w.lines:
        length, used = 0, 0
        for word, wide in hard_line:
            candidate = used + space + wide if length else wide
            if candidate * size / 1000 * SAFETY <= width:
                length, used = (length + 1 + len(word) if length else len(word)), candidate
                continue
            if length:
                count += 1
            length, used = 0, 0
            for ch in word:
                more = advances.get(ch, UNKNOWN_WIDTH)
                if length and (used + more) * size / 1000 * SAFETY > width:
                    count += 1
                    length, used = 0, 0
                length, used = length + 1, used + more
        count += 1
    return count


def reference_widths(columns, rows, width, size, font=WIDEST, bold_last=False):
    """`column_widths` as it was: every cell counted at every width of its column."""
    cells = [[c] for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            cells[i].append(cell)
    last = len(rows) if bold_last else -1

    def bold(n):
        return n in (0, last)

    def measure_(text, n):
        return text_width(text, size, bold(n), font) + 2 * CELL_MARGIN_X + _SLACK

    natural = [max(measure_(c, n) for n, c in enumerate(col)) for col in cells]
    if sum(natural) <= width:
        return [w * width / sum(natural) for w in natural]
    least = [max(measure_(word, n) for n, c in enumerate(col) for word in words(c) or [""]) for col in cells]
    slices = 32
    step = (width - sum(least)) / slices
    if step <= 0:
        return [w * width / sum(least) for w in least]
    lines = []
    for col, low, high in zip(cells, least, natural):
        most = min(slices, int((high - low) / step) + 1)
        cell_words = [Words(c, bold(n), font) for n, c in enumerate(col)]
        lines.append([[reference_count(w, low + k * step - 2 * CELL_MARGIN_X, size) for w in cell_words]
                      for k in range(most + 1)])
    given = [0] * len(cells)
    while sum(given) < slices:
        rows_now = [max(lines[i][given[i]][r] for i in range(len(cells))) for r in range(len(cells[0]))]
        best = None
        for i in range(len(cells)):
            others = [max([lines[j][given[j]][r] for j in range(len(cells)) if j != i] or [0])
                      for r in range(len(rows_now))]
            for k in range(1, min(slices - sum(given), len(lines[i]) - 1 - given[i]) + 1):
                saved = sum(rows_now) - sum(map(max, others, lines[i][given[i] + k]))
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


def test_most_units_is_the_bound_of_the_float_comparison():
    rng = random.Random(7)
    cases = [(rng.uniform(-5, 900), rng.choice([6, 7.5, 10, 11, 12, 13.5, 18, 24, 40, 72])) for _ in range(300)]
    cases += [(0.0, 12), (-1.0, 12), (points(5000, 12), 12), (points(5000, 12) - 1e-9, 12)]
    for width, size in cases:
        most = most_units(width, size)
        assert most is not None and most >= -1
        assert most == -1 or points(most, size) <= width
        assert points(most + 1, size) > width
        for u in range(max(most - 3, 0), most + 4):
            assert (u <= most) == (points(u, size) <= width)


def test_most_units_declines_sizes_and_widths_with_no_bound():
    for width, size in [(100.0, 0), (100.0, -3), (float("inf"), 12), (float("nan"), 12),
                        (100.0, float("nan")), (1e300, 1e-300)]:
        assert most_units(width, size) is None


def test_count_is_the_plain_count_and_the_wrapped_lines():
    rng = random.Random(11)
    for _ in range(400):
        text = _text(rng)
        font = rng.choice([WIDEST, ARIAL])
        w = Words(text, rng.random() < 0.3, font)
        size = rng.choice([7, 9, 10.5, 12, 14, 18, 24])
        for width in [rng.uniform(-2, 500) for _ in range(6)] + [0.0, float("inf")]:
            expected = reference_count(w, width, size)
            assert w.count(width, size) == expected, (text, width, size)
            assert len(w.wrap(width, size)) == expected, (text, width, size)


def test_column_widths_are_the_plain_ones_bit_for_bit():
    rng = random.Random(3)
    for n in range(120):
        ncols, nrows = rng.randint(1, 5), rng.randint(1, 8)
        columns = [_text(rng)[:30] or "h" for _ in range(ncols)]
        rows = [[_text(rng) if rng.random() < 0.6 else rng.choice(SHORT) for _ in range(ncols)]
                for _ in range(nrows)]
        size = rng.choice([10, 12, 14, 18, 24])
        width = rng.uniform(150, 900)
        font = rng.choice([WIDEST, ARIAL])
        bold_last = rng.random() < 0.3
        measure._KEPT.clear()  # the kept measures must give what fresh ones give
        expected = reference_widths(columns, rows, width, size, font, bold_last)
        assert column_widths(columns, rows, width, size, font, bold_last) == expected, n
        assert column_widths(columns, rows, width, size, font, bold_last) == expected, n  # kept


def test_a_cells_measures_are_its_texts():
    for text in ["", "a b", "Qualitätssicherung\n1.234\u00a0€  x", "Ward\t3A", " lead"]:
        w = measured(text, True, ARIAL)
        assert w.total == sum(ARIAL[True].get(ch, UNKNOWN_WIDTH) for ch in text)
        assert w.longest == max((sum(ARIAL[True].get(ch, UNKNOWN_WIDTH) for ch in word)
                                 for word in words(text)), default=0)


def reference_wrap(w: Words, width: float, size: float, max_lines: int | None = None) -> list[str]:
    """`Words.wrap` as it was: a word that starts a line is added character by character."""
    lines: list[str] = []
    for hard_line in w.lines:
        line, used = "", 0
        for word, wide in hard_line:
            if max_lines is not None and len(lines) > max_lines:
                return lines
            candidate = used + w.space + wide if line else wide
            if points(candidate, size) <= width:
                line, used = (f"{line} {word}" if line else word), candidate
                continue
            if line:
                lines.append(line)
            line, used = "", 0
            for ch in word:
                more = w.advances.get(ch, UNKNOWN_WIDTH)
                if line and points(used + more, size) > width:
                    lines.append(line)
                    if max_lines is not None and len(lines) > max_lines:
                        return lines
                    line, used = "", 0
                line, used = line + ch, used + more
        lines.append(line)
    return lines


def reference_fits(text, box, size, bold, max_lines=None):
    """`_fits` as it was: every word measured, and a wrap that stops past the lines that can fit."""
    if any(points(units(word, WIDEST[bold]), size) > box.width for word in words(text)):
        return False
    most = int(box.height // line_height(size)) + 1
    if max_lines is not None:
        most = min(most, max_lines + 1)
    lines = len(reference_wrap(Words(text, bold), box.width, size, most))
    return lines * line_height(size) <= box.height and (max_lines is None or lines <= max_lines)


def test_wrap_and_fitting_a_box_are_as_before():
    rng = random.Random(5)
    for _ in range(500):
        text, bold = _text(rng), rng.random() < 0.3
        w = Words(text, bold)
        size = rng.choice([8, 10, 12, 14, 18, 20, 24, 28, 32, 40])
        box = Box(rng.uniform(20, 700), rng.uniform(5, 400))
        max_lines = rng.choice([None, None, 1, 2, 3])
        for width in (box.width, rng.uniform(-2, 300)):
            assert w.wrap(width, size) == reference_wrap(w, width, size), (text, width, size)
            assert w.wrap(width, size, 2) == reference_wrap(w, width, size, 2), (text, width, size)
        assert _fits(text, box, size, bold, max_lines) == reference_fits(text, box, size, bold, max_lines)


def test_a_paragraphs_height_counts_its_wrapped_lines():
    rng = random.Random(9)
    for _ in range(300):
        para = Para(_text(rng), level=rng.randint(0, 3), bold=rng.random() < 0.3)
        box, indents = Box(rng.uniform(40, 700), 300.0), (0.0, 18.0, 36.0)
        size = rng.choice([12, 16, 20, 24, 28])
        psize = para_size(para, size, 10)
        expected = space_before(psize, para.level) + len(para_lines(para, box, indents, size, 10)) * line_height(psize)
        assert para_height(para, box, indents, size, 10) == expected
