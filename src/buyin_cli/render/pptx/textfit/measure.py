"""Lines and boxes: how text wraps, how tall it stands, and the size at which it fits a box."""

from __future__ import annotations

from dataclasses import dataclass

from buyin_cli.render.pptx.textfit.fonts import WIDEST, Font, points, units

LINE_SPACING = 1.2  # line height as a multiple of the font size, single spacing


def wrap(text: str, width: float, size: float, bold: bool = False, font: Font = WIDEST) -> list[str]:
    """Break `text` into lines no wider than `width` points, at spaces where possible."""
    return Words(text, bold, font).wrap(width, size)


class Words:
    """A text's words, each measured once in font units, to wrap at any width and size.

    A line's width is the exact sum of its words' and spaces' units, so wrapping
    adds whole numbers rather than measuring every candidate line again.
    """

    def __init__(self, text: str, bold: bool = False, font: Font = WIDEST):
        self.advances = font[bold]
        self.space = units(" ", self.advances)
        self.lines = [[(word, units(word, self.advances)) for word in hard_line.split(" ")]
                      for hard_line in text.split("\n")]

    def wrap(self, width: float, size: float) -> list[str]:
        """The lines no wider than `width` points at `size` points, broken at spaces where possible."""
        lines: list[str] = []
        for hard_line in self.lines:
            line, used = "", 0
            for word, wide in hard_line:
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
