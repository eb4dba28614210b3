"""Conservative text measurement: how wide a line is, how lines wrap, what fits in a box.

Widths come from tables of advances (in thousandths of an em); tables rather
than the system's fonts keep the output the same on every machine. Text frames
are measured in DejaVu Sans, the widest common sans-serif: LibreOffice falls
back to it when Arial and its metric twin are missing, and text measured with it
fits in Arial too. Tables are measured in the template's own font when its
advances are known (Arial, which LibreOffice renders with its metric twin): a
cell grows to fit its text, and the widest font would leave most rows a line
too tall.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

LINE_SPACING = 1.2  # line height as a multiple of the font size, single spacing
SAFETY = 1.03  # widen every measure a little: renderers differ in kerning and hinting
UNKNOWN_WIDTH = 1000  # a character outside the table counts as a full em (CJK, emoji)

_CHARS = "".join(map(chr, [*range(32, 127), *range(160, 173), *range(174, 256)])) + (
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122\u2265\u2264\u00d7\u2212\u2192"
)
_REGULAR = (
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637,
    637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 685,
    687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695,
    635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550,
    635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393,
    634, 592, 818, 592, 592, 525, 637, 337, 637, 838, 318, 401, 637, 637, 637, 637, 337,
    500, 500, 1000, 472, 612, 838, 1000, 500, 500, 838, 401, 401, 500, 637, 637, 318, 500,
    401, 472, 612, 970, 970, 970, 531, 685, 685, 685, 685, 685, 685, 975, 699, 632, 632,
    632, 632, 295, 295, 295, 295, 775, 749, 788, 788, 788, 788, 788, 838, 788, 732, 732,
    732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 616, 616, 616, 616,
    278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634,
    592, 635, 592, 500, 1000, 318, 318, 519, 519, 590, 1000, 637, 1000, 838, 838, 838, 838,
    838,
)

_BOLD = (
    349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581, 1000, 774,
    763, 734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771,
    721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 500, 500, 675, 716, 593,
    716, 679, 436, 716, 712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479,
    712, 652, 924, 646, 652, 583, 712, 366, 712, 838, 349, 457, 696, 696, 637, 696, 366,
    500, 500, 1000, 564, 646, 838, 1000, 500, 500, 838, 438, 438, 500, 736, 637, 380, 500,
    438, 564, 646, 1036, 1036, 1036, 581, 774, 774, 774, 774, 774, 774, 1085, 734, 684, 684,
    684, 684, 373, 373, 373, 373, 838, 837, 851, 851, 851, 851, 851, 838, 851, 813, 813,
    813, 813, 725, 738, 720, 675, 675, 675, 675, 675, 675, 1048, 593, 679, 679, 679, 679,
    343, 343, 343, 343, 688, 712, 688, 688, 688, 688, 688, 838, 688, 712, 712, 712, 712,
    652, 716, 652, 500, 1000, 380, 380, 658, 658, 640, 1000, 696, 1000, 838, 838, 838, 838,
    838,
)

_ARIAL_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778,
    722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556,
    500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278, 333, 556, 556, 556, 556,
    260, 556, 333, 737, 370, 556, 584, 737, 552, 400, 549, 333, 333, 333, 576, 537, 278,
    333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722,
    667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778,
    722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556,
    556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556,
    556, 556, 500, 556, 500, 556, 1000, 222, 222, 333, 333, 350, 1000, 556, 1000, 549,
    549, 584, 584, 1000,
)

_ARIAL_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722,
    722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722,
    667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556,
    611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333,
    611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 278, 333, 556, 556, 556, 556, 280,
    556, 333, 737, 370, 556, 584, 737, 552, 400, 549, 333, 333, 333, 576, 556, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667,
    667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722,
    722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556,
    556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611,
    611, 556, 611, 556, 556, 1000, 278, 278, 500, 500, 350, 1000, 556, 1000, 549, 549,
    584, 584, 1000,
)

Font = dict[bool, dict[str, int]]  # advances by boldness, then by character
WIDEST: Font = {False: dict(zip(_CHARS, _REGULAR)), True: dict(zip(_CHARS, _BOLD))}
ARIAL: Font = {False: dict(zip(_CHARS, _ARIAL_REGULAR)), True: dict(zip(_CHARS, _ARIAL_BOLD))}
_ARIAL_NAMES = {"arial", "helvetica", "liberation sans", "arimo"}


def font_for(typeface: str | None) -> Font:
    """The advances to measure `typeface` with: Arial's for Arial and its metric twins, else the widest."""
    return ARIAL if (typeface or "").strip().lower() in _ARIAL_NAMES else WIDEST


def text_width(text: str, size: float, bold: bool = False, font: Font = WIDEST) -> float:
    """Width of `text` on one line, in points, at `size` points."""
    table = font[bold]
    return sum(table.get(ch, UNKNOWN_WIDTH) for ch in text) * size / 1000 * SAFETY


# Wrapped lines by (text, width, size, bold, font): fitting a table wraps each cell at many
# widths and sizes, and `buyin watch` renders the same cells again on every save. The font
# is kept with its lines, so an id reused by another dict can never return its lines.
_WRAPPED: dict[tuple, tuple[Font, tuple[str, ...]]] = {}
_WRAPPED_LIMIT = 200_000


def wrap(text: str, width: float, size: float, bold: bool = False, font: Font = WIDEST) -> list[str]:
    """Break `text` into lines no wider than `width` points, at spaces where possible."""
    key = (text, width, size, bold, id(font))
    hit = _WRAPPED.get(key)
    if hit is None or hit[0] is not font:
        if len(_WRAPPED) >= _WRAPPED_LIMIT:
            _WRAPPED.clear()
        hit = _WRAPPED[key] = (font, tuple(_wrap(text, width, size, bold, font)))
    return list(hit[1])


def _wrap(text: str, width: float, size: float, bold: bool, font: Font) -> list[str]:
    lines: list[str] = []
    for hard_line in text.split("\n"):
        line = ""
        for word in hard_line.split(" "):
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold, font) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            # A word wider than the line breaks between characters, as renderers do.
            for ch in word:
                if line and text_width(line + ch, size, bold, font) > width:
                    lines.append(line)
                    line = ""
                line += ch
        lines.append(line)
    return lines


def line_height(size: float) -> float:
    """Height of one line of text at `size` points."""
    return size * LINE_SPACING


@dataclass(frozen=True)
class Box:
    """The inside of a text frame (insets already taken off), in points."""

    width: float
    height: float


def fit_size(text: str, box: Box, start: float, floor: float, bold: bool = False) -> float | None:
    """The largest size from `start` down to `floor` (1 pt steps) at which `text` fits `box`."""
    size = start
    while size >= floor:
        if len(wrap(text, box.width, size, bold)) * line_height(size) <= box.height:
            return size
        size -= 1
    return None


def fit_or_shorten(text: str, box: Box, start: float, floor: float,
                   bold: bool = False) -> tuple[str, float]:
    """`text` at the largest size that fits `box`; when even `floor` is too large, the
    text cut at a word (or, for one endless word, a character) and ended with "…"."""
    size = fit_size(text, box, start, floor, bold)
    if size is not None:
        return text, size

    def fits(candidate: str) -> bool:
        return len(wrap(candidate, box.width, floor, bold)) * line_height(floor) <= box.height

    words = text.split()
    while len(words) > 1:
        words.pop()
        shortened = " ".join(words).rstrip(" ,;:·–—-") + "…"
        if fits(shortened):
            return shortened, floor
    word = words[0] if words else ""
    while word:
        word = word[:-1]
        if fits(word + "…"):
            return word + "…", floor
    return "…", floor


@dataclass(frozen=True)
class Para:
    """One bullet as the fitter sees it; `bullet` is false for the tail of a split bullet."""

    text: str
    level: int = 0
    bold: bool = False
    bullet: bool = True
    link: str | None = None


def level_size(size: float, level: int, floor: float) -> float:
    """Sub-levels step down 2 pt each, twice at most, never below `floor`."""
    return max(floor, size - 2 * min(level, 2))


def space_before(size: float, level: int) -> float:
    """Gap above a paragraph, in points: more above a top-level bullet than a sub-point."""
    return round(size * (0.4 if level == 0 else 0.2))


def para_lines(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> list[str]:
    """The wrapped lines of one paragraph at body size `size`."""
    indent = indents[min(para.level, len(indents) - 1)]
    return wrap(para.text, box.width - indent, level_size(size, para.level, floor), para.bold)


def para_height(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> float:
    """Height of one paragraph including the gap above it."""
    psize = level_size(size, para.level, floor)
    lines = para_lines(para, box, indents, size, floor)
    return space_before(psize, para.level) + len(lines) * line_height(psize)


def fits(paras: list[Para], box: Box, indents: tuple[float, ...], size: float, floor: float) -> bool:
    """Whether `paras` fit `box` at body size `size`."""
    return sum(para_height(p, box, indents, size, floor) for p in paras) <= box.height


def fit_body(paras: list[Para], box: Box, indents: tuple[float, ...], start: float, floor: float,
             split_size: float) -> tuple[float, list[list[Para]]]:
    """The size and the pages for a bullet list.

    Shrink from `start` to `floor`; if the list still does not fit, split it into
    pages at `split_size` (a comfortable size), as evenly as the bullets allow.
    """
    size = start
    while size >= floor:
        if fits(paras, box, indents, size, floor):
            return size, [paras]
        size -= 1
    size = split_size
    pieces = [piece for p in paras for piece in _split_tall(p, box, indents, size, floor)]
    heights = [para_height(p, box, indents, size, floor) for p in pieces]
    pages = _balanced(heights, box.height)
    out, i = [], 0
    for count in pages:
        out.append(pieces[i:i + count])
        i += count
    return size, out


def _split_tall(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> list[Para]:
    """A paragraph taller than a whole box, cut at line breaks into pieces that fit."""
    if para_height(para, box, indents, size, floor) <= box.height:
        return [para]
    psize = level_size(size, para.level, floor)
    per_page = max(1, int((box.height - space_before(psize, para.level)) // line_height(psize)))
    lines = para_lines(para, box, indents, size, floor)
    chunks = [" ".join(lines[i:i + per_page]) for i in range(0, len(lines), per_page)]
    return [replace(para, text=chunk, bullet=para.bullet and i == 0) for i, chunk in enumerate(chunks)]


def _balanced(heights: list[float], capacity: float) -> list[int]:
    """As few pages as greedy packing needs, with their heights as even as possible."""
    pages = _pack(heights, capacity)
    low, high = max(max(heights), sum(heights) / len(pages)), capacity
    while high - low > 0.5:
        mid = (low + high) / 2
        if len(_pack(heights, mid)) <= len(pages):
            high = mid
        else:
            low = mid
    return _pack(heights, high)


def _pack(heights: list[float], capacity: float) -> list[int]:
    """Greedy packing: how many consecutive items go on each page."""
    pages: list[int] = []
    used = count = 0
    for h in heights:
        if count and used + h > capacity:
            pages.append(count)
            used = count = 0
        used += h
        count += 1
    if count:
        pages.append(count)
    return pages


# Tables ------------------------------------------------------------------

CELL_MARGIN_X = 5.0  # points, left and right inside a cell
CELL_MARGIN_Y = 3.0  # points, top and bottom
_SLACK = 0.5  # points on each column, so a word that just fits is not wrapped by rounding


def column_widths(columns: list[str], rows: list[list[str]], width: float, size: float,
                  font: Font = WIDEST) -> list[float]:
    """Share `width` among the columns so the table is as short as it can be.

    Each column gets at least its longest word. The rest is dealt out in slices, each
    time to the column that saves the most lines per slice; what no column can use is
    shared in proportion, so every cell keeps the lines it was measured with.
    """
    cells = [[c] for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            cells[i].append(cell)

    def measure(text: str, n: int) -> float:  # n == 0 is the header, set in bold
        return text_width(text, size, n == 0, font) + 2 * CELL_MARGIN_X + _SLACK

    natural = [max(measure(c, n) for n, c in enumerate(col)) for col in cells]
    if sum(natural) <= width:  # every cell on one line
        return [w * width / sum(natural) for w in natural]
    least = [max(measure(word, n) for n, c in enumerate(col) for word in c.split() or [""]) for col in cells]
    slices = 32
    step = (width - sum(least)) / slices
    if step <= 0:  # some word is wider than its share: it will break between characters
        return [w * width / sum(least) for w in least]
    # lines[i][k][r]: lines of row r's cell in column i when that column has k extra slices
    lines = []
    for col, low, high in zip(cells, least, natural):
        most = min(slices, int((high - low) / step) + 1)
        lines.append([[_lines(c, low + k * step, size, n == 0, font) for n, c in enumerate(col)]
                      for k in range(most + 1)])
    given = [0] * len(cells)
    while sum(given) < slices:
        rows_now = [max(lines[i][given[i]][r] for i in range(len(cells))) for r in range(len(cells[0]))]
        best: tuple[float, int, int] | None = None
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


def _whole_words(columns: list[str], rows: list[list[str]], widths: list[float], size: float,
                 font: Font) -> bool:
    """Whether every word of every cell fits its column's width on a line of its own."""
    return all(text_width(word, size, n == 0, font) <= w - 2 * CELL_MARGIN_X
               for n, row in enumerate([columns, *rows]) for cell, w in zip(row, widths) for word in cell.split())


def _lines(cell: str, width: float, size: float, bold: bool, font: Font) -> int:
    return len(wrap(cell, width - 2 * CELL_MARGIN_X, size, bold, font))


def row_height(cells: list[str], widths: list[float], size: float, bold: bool = False,
               font: Font = WIDEST) -> float:
    """Height of a table row whose cells wrap to their column widths."""
    lines = max(_lines(c, w, size, bold, font) for c, w in zip(cells, widths))
    return lines * line_height(size) + 2 * CELL_MARGIN_Y


def fit_table(columns: list[str], rows: list[list[str]], box: Box, start: float, floor: float,
              font: Font = WIDEST) -> tuple[float, list[float], list[list[int]]]:
    """Size, column widths and pages (row indexes) for a table; the header repeats on each page.

    The largest size from `start` down to `floor` at which the table fits on one page;
    a longer table takes as few pages as `floor` allows, at the largest size that keeps
    that many, with pages as even as possible.
    """
    best: tuple[tuple[bool, int, float], float, list[float], list[int]] | None = None
    size = start
    while size >= floor:
        widths = column_widths(columns, rows, box.width, size, font)
        whole = _whole_words(columns, rows, widths, size, font)
        header = row_height(columns, widths, size, True, font)
        heights = [row_height(r, widths, size, False, font) for r in rows]
        if whole and header + sum(heights) <= box.height:
            return size, widths, [list(range(len(rows)))]
        counts = _balanced(heights, box.height - header)
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
