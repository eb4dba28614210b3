"""Lines and boxes: how text wraps, how tall it stands, and the size at which it fits a box."""

from __future__ import annotations

import re
from dataclasses import dataclass

from buyin_cli.render.pptx.textfit.fonts import WIDEST, Font, text_width

LINE_SPACING = 1.2  # line height as a multiple of the font size, single spacing
_BREAKS = re.compile(r"[ \t\n]+")


def words(text: str) -> list[str]:
    """The words a line may break between: a no-break space (1.234\u00a0€, 20\u00a0%) keeps
    its neighbours together, as every renderer does."""
    return [w for w in _BREAKS.split(text) if w]


def wrap(text: str, width: float, size: float, bold: bool = False, font: Font = WIDEST) -> list[str]:
    """Break `text` into lines no wider than `width` points, at spaces where possible."""
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
