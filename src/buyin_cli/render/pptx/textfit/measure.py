"""Lines and boxes: how text wraps, how tall it stands, and the size at which it fits a box."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from buyin_cli.render.pptx.textfit.fonts import WIDEST, Font, points, units

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
        if _fits(text, box, size, bold):
            return size
        size -= 1
    return None


def _fits(text: str, box: Box, size: float, bold: bool) -> bool:
    """Whether `text` wrapped at `size` stands no taller than `box`."""
    most = int(box.height // line_height(size)) + 1  # wrapping further cannot make it fit
    return len(wrap(text, box.width, size, bold, max_lines=most)) * line_height(size) <= box.height


def fit_or_shorten(text: str, box: Box, start: float, floor: float,
                   bold: bool = False) -> tuple[str, float]:
    """`text` at the largest size that fits `box`; when even `floor` is too large, the
    text cut at a word (or, for one endless word, a character) and ended with "…"."""
    size = fit_size(text, box, start, floor, bold)
    if size is not None:
        return text, size

    def fits(candidate: str) -> bool:
        return _fits(candidate, box, floor, bold)

    # Greedy wrapping never takes back a line, so no cut longer than the first prefix
    # that overflows can fit: the search starts there, not at the end of an endless text.
    words = text.split()
    overflow = _first_overflow(len(words), lambda n: " ".join(words[:n]), fits)
    # A cut drops the punctuation-only words before it ("a - -" ends "a…"), so it may
    # keep fewer words than it cuts at: those past the overflow are cuts worth trying.
    while overflow < len(words) and not words[overflow].strip(_TRAILING):
        overflow += 1
    del words[overflow + 1:]
    while len(words) > 1:
        words.pop()
        shortened = " ".join(words).rstrip(_TRAILING) + "…"
        if fits(shortened):
            return shortened, floor
    word = words[0] if words else ""
    word = word[:_first_overflow(len(word), lambda n: word[:n], fits) + 1]
    while word:
        word = word[:-1]
        if fits(word + "…"):
            return word + "…", floor
    return "…", floor


_TRAILING = " ,;:·–—-"  # what a cut text does not end with before its "…"


def _first_overflow(count: int, prefix: Callable[[int], str], fits: Callable[[str], bool]) -> int:
    """The fewest of `count` parts whose `prefix` does not fit (`count` when all of them fit).

    A prefix stands at least as tall as a shorter one, so a binary search finds it.
    """
    low, high = 0, count
    if fits(prefix(count)):
        return count
    while low < high:  # prefix(high) does not fit
        mid = (low + high) // 2
        if fits(prefix(mid)):
            low = mid + 1
        else:
            high = mid
    return high


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
