"""Fonts as text fitting measures them: advance widths per character, from data, and a line's width.

The advances come from the font files (tools/make_font_metrics.py writes
advances.json) and are kept as data rather than read from the system's fonts,
so the output is the same on every machine. Text frames are measured in DejaVu
Sans, the widest common sans-serif: LibreOffice falls back to it when Arial and
its metric twin are missing, and text measured with it fits in Arial too.
Tables are measured in the template's own font when its advances are known
(Arial, which LibreOffice renders with its metric twin, Liberation Sans): a
cell grows to fit its text, and the widest font would leave most rows a line
too tall. A character Liberation Sans lacks is measured as DejaVu draws it (the
fallback a renderer uses); one neither has counts as a full em (CJK, emoji).
"""

from __future__ import annotations

import json
import math
from itertools import repeat
from pathlib import Path

SAFETY = 1.03  # widen every measure a little: renderers differ in kerning and hinting
UNKNOWN_WIDTH = 1000  # a character in neither table counts as a full em

Font = dict[bool, dict[str, int]]  # advances by boldness, then by character


def _load() -> dict[str, Font]:
    data = json.loads((Path(__file__).parent / "advances.json").read_text(encoding="utf-8"))
    fonts: dict[str, Font] = {}
    for family, weights in data.items():
        fonts[family] = {weight == "bold": {chr(first + i): width for first, widths in runs
                                            for i, width in enumerate(widths)}
                         for weight, runs in weights.items()}
    return fonts


_FONTS = _load()
WIDEST: Font = _FONTS["dejavu-sans"]
ARIAL: Font = {bold: {**WIDEST[bold], **table} for bold, table in _FONTS["liberation-sans"].items()}
_ARIAL_NAMES = {"arial", "helvetica", "liberation sans", "arimo"}


def font_for(typeface: str | None) -> Font:
    """The advances to measure `typeface` with: Arial's for Arial and its metric twins, else the widest."""
    return ARIAL if (typeface or "").strip().lower() in _ARIAL_NAMES else WIDEST


def text_width(text: str, size: float, bold: bool = False, font: Font = WIDEST) -> float:
    """Width of `text` on one line, in points, at `size` points."""
    return points(units(text, font[bold]), size)


def units(text: str, advances: dict[str, int]) -> int:
    """Width of `text` in font units (thousandths of an em): a whole number, so widths add exactly."""
    return sum(map(advances.get, text, repeat(UNKNOWN_WIDTH)))  # advances.get(ch, UNKNOWN_WIDTH)


def points(width: int, size: float) -> float:
    """A width in font units as points at `size` points, widened by SAFETY."""
    return width * size / 1000 * SAFETY


def most_units(width: float, size: float) -> int | None:
    """The most font units a line may have to stay within `width` points at `size` points:
    `points(u, size) <= width` exactly when `u <= most_units(width, size)`, for every whole
    u >= 0 (-1: not even an empty line). A whole-number comparison stands in for the float
    arithmetic this way, with the same answers. None for a size that is not a positive
    number or a width that is not finite, where no such bound need exist.
    """
    if not (size > 0 and math.isfinite(size) and math.isfinite(width)):
        return None
    guess = width * 1000 / size / SAFETY  # within a unit or two of the answer
    if not guess < 2 ** 50:  # past where whole numbers are exact as floats (or not finite)
        return None
    most = max(int(guess), 0)
    while most >= 0 and points(most, size) > width:
        most -= 1
    while points(most + 1, size) <= width:  # `points` never falls as the units grow
        most += 1
    return most
