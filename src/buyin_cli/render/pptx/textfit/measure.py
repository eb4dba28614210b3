"""Lines and boxes: how text wraps, how tall it stands, and the size at which it fits a box."""

from __future__ import annotations

import re
from collections.abc import Sequence

from buyin_cli.records import dataclass
from buyin_cli.render.pptx.textfit.fonts import UNKNOWN_WIDTH, WIDEST, Font, most_units, points, units

LINE_SPACING = 1.2  # line height as a multiple of the font size, single spacing
_BREAKS = re.compile(r"[ \t\n]+")


def words(text: str) -> list[str]:
    """The words a line may break between: a no-break space (1.234\u00a0€, 20\u00a0%) keeps
    its neighbours together, as every renderer does."""
    return [w for w in _BREAKS.split(text) if w]


def wrap(text: str, width: float, size: float, bold: bool = False, font: Font = WIDEST,
         max_lines: int | None = None) -> list[str]:
    """Break `text` into lines no wider than `width` points, at spaces where possible.

    With `max_lines`, wrapping stops once there are more lines than that, which is all
    a caller asking "does it fit?" needs of an endless text.
    """
    return Words(text, bold, font).wrap(width, size, max_lines)


class Words:
    """A text's words, each measured once in font units, to wrap at any width and size.

    A line's width is the exact sum of its words' and spaces' units, so wrapping adds
    whole numbers rather than measuring every candidate line again, and is linear in
    the text.
    """

    def __init__(self, text: str, bold: bool = False, font: Font = WIDEST):
        self.advances = font[bold]
        self.space = units(" ", self.advances)
        self.lines = [[(word, units(word, self.advances)) for word in hard_line.split(" ")]
                      for hard_line in text.split("\n")]
        # The units the widest hard line reaches when no word breaks, as `count` adds them.
        # A line's candidates only grow, so at a width this fits every line stays whole.
        self.whole = 0
        for hard_line in self.lines:
            length, used = 0, 0
            for word, wide in hard_line:
                used = used + self.space + wide if length else wide
                length = length + 1 + len(word) if length else len(word)
            self.whole = max(self.whole, used)
        # Its longest word (broken at spaces, tabs and newlines, as `words` breaks) in units.
        self.longest = max((units(word, self.advances) for word in words(text)), default=0)
        self.total = units(text, self.advances)  # the whole text on one line

    def wrap(self, width: float, size: float, max_lines: int | None = None) -> list[str]:
        """The lines no wider than `width` points at `size` points, broken at spaces where possible."""
        lines: list[str] = []
        for hard_line in self.lines:
            line, used = "", 0
            for word, wide in hard_line:
                if max_lines is not None and len(lines) > max_lines:
                    return lines
                candidate = used + self.space + wide if line else wide
                if points(candidate, size) <= width:
                    line, used = (f"{line} {word}" if line else word), candidate
                    continue
                if line:
                    lines.append(line)
                if points(wide, size) <= width:  # whole on a line of its own
                    line, used = word, wide
                    continue
                line, used = "", 0
                # A word wider than the line breaks between characters, as renderers do.
                for ch in word:
                    more = units(ch, self.advances)
                    if line and points(used + more, size) > width:
                        lines.append(line)
                        if max_lines is not None and len(lines) > max_lines:
                            return lines
                        line, used = "", 0
                    line, used = line + ch, used + more
            lines.append(line)
        return lines

    def count(self, width: float, size: float) -> int:
        """How many lines `wrap(width, size)` gives, without making them: table fitting asks
        this of every cell at every width it tries. Kept step for step with `wrap`."""
        # A line fits when its units are at most `limit`: the same answer as `points(x, size)
        # <= width`, as a comparison of whole numbers, since this loop runs for every cell of
        # a table at every width and size tried.
        limit = most_units(width, size)
        return len(self.wrap(width, size)) if limit is None else self.count_within(limit)

    def count_within(self, limit: int) -> int:
        """`count` at the width and size whose `most_units` is `limit`."""
        if self.whole <= limit:  # no candidate is wider than this
            return len(self.lines)
        count, space, advances = 0, self.space, self.advances
        for hard_line in self.lines:
            started, used = False, 0  # whether the line has a character yet, and its units
            for word, wide in hard_line:
                candidate = used + space + wide if started else wide
                if candidate <= limit:
                    started, used = started or word != "", candidate
                    continue
                if started:
                    count += 1
                if wide <= limit:  # whole on a line of its own: every sum of its first
                    started, used = word != "", wide  # characters fits too
                    continue
                started, used = False, 0
                for ch in word:
                    more = advances.get(ch, UNKNOWN_WIDTH)
                    if started and used + more > limit:
                        count += 1
                        used = 0
                    started, used = True, used + more
            count += 1
        return count


_KEPT: dict[tuple[str, bool, int], tuple[Font, Words]] = {}
_KEEP_AT_MOST = 20_000  # cells; a long `watch` session starts afresh past that


def measured(text: str, bold: bool = False, font: Font = WIDEST) -> Words:
    """`Words(text, bold, font)`, kept: table fitting measures the same cells at every width
    and size it tries, and a deck's tables share many cells ("n/a", figures, names)."""
    key = (text, bold, id(font))
    kept = _KEPT.get(key)
    if kept is not None and kept[0] is font:  # the font is kept with it, so its id is not reused
        return kept[1]
    if len(_KEPT) >= _KEEP_AT_MOST:
        _KEPT.clear()
    words = Words(text, bold, font)
    _KEPT[key] = (font, words)
    return words


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """The width (points) of `text`'s widest word at `size`: the narrowest line that breaks none."""
    return points(measured(text, bold).longest, size)


def line_height(size: float) -> float:
    """Height of one line of text at `size` points."""
    return size * LINE_SPACING


@dataclass(frozen=True)
class Box:
    """The inside of a text frame (insets already taken off), in points."""

    width: float
    height: float


def fit_size(text: str, box: Box, start: float, floor: float, bold: bool = False,
             max_lines: int | None = None) -> float | None:
    """The largest size from `start` down to `floor` (1 pt steps) at which `text` fits `box`
    (in at most `max_lines` lines, when given)."""
    size = start
    while size >= floor:
        if _fits(text, box, size, bold, max_lines):
            return size
        size -= 1
    return None


def _fits(text: str, box: Box, size: float, bold: bool, max_lines: int | None = None) -> bool:
    """Whether `text` wrapped at `size` stands no taller than `box` nor longer than `max_lines`,
    with no word broken inside ("Transportschäde / n"): each word must fit the width alone."""
    measures = measured(text, bold)
    if points(measures.longest, size) > box.width:  # its widest word is the longest in units
        return False
    # Every count past `most` lines fails both tests below, so the whole count answers as
    # the count of a wrap that stops past `most` lines would.
    most = int(box.height // line_height(size)) + 1
    if max_lines is not None:
        most = min(most, max_lines + 1)
    lines = measures.count(box.width, size)
    return lines <= most and lines * line_height(size) <= box.height and (
        max_lines is None or lines <= max_lines)


def fit_first(forms: Sequence[str], box: Box, start: float, floor: float,
              bold: bool = False, max_lines: int | None = None) -> tuple[str, float]:
    """The first of `forms` (the fullest first) that fits `box` (in at most `max_lines`
    lines, when given), at the largest size from `start` down to `floor` at which it fits.

    When none fits even at `floor`, the last form, whole, at `floor`: a text that does
    not fit is said by a shorter form or wraps past its box, but is never cut, since a
    cut sentence can say something false ("…on Wards 3A").
    """
    for form in forms:
        size = fit_size(form, box, start, floor, bold, max_lines)
        if size is not None:
            return form, size
    return forms[-1], floor


def lines_at(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines `text` takes at `size` in a box `width` points wide."""
    return measured(text, bold).count(width, size)


def balanced(heights: list[float], capacity: float) -> list[int]:
    """As few pages as greedy packing needs, with their heights as even as possible."""
    pages = pack(heights, capacity)
    low, high = max(max(heights), sum(heights) / len(pages)), capacity
    while high - low > 0.5:
        mid = (low + high) / 2
        if len(pack(heights, mid)) <= len(pages):
            high = mid
        else:
            low = mid
    return pack(heights, high)


def pack(heights: list[float], capacity: float) -> list[int]:
    """Greedy packing: how many consecutive items go on each page."""
    pages: list[int] = []
    used, count = 0.0, 0
    for h in heights:
        if count and used + h > capacity:
            pages.append(count)
            used = count = 0
        used += h
        count += 1
    if count:
        pages.append(count)
    return pages
