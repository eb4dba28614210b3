"""No word is broken in the middle: every word of every text frame fits its frame's usable width.

A renderer breaks a word wider than its line between characters ("Wiedervorsprac / hen"),
which reads as two words. Each word is measured as the renderer's text fitting measures it
(textfit's advances, at the size and weight each character is set), against the width its
frame leaves a line: the shape's width less its insets and its paragraph's indent, a table
cell's column less its margins, a chart's title its share of the frame.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Emu

from buyin_cli.render.pptx import chartfit, oxml, textfit
from buyin_cli.render.pptx.chartlines import TITLE_FONT, TITLE_ROOM
from buyin_cli.render.pptx.tables import table_font

A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DEFAULT_SIZE = 18.0  # points: a run that sets no size, as PowerPoint's default body reads
_BREAK = re.compile(r"[ \t\n\u000b]+")  # where a line may break: a no-break space keeps its words together
SKIPPED = (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
SPLIT = re.compile(r"\S [→/] \S")  # a figure's change ("3.0 → 1.8") a renderer may break inside


def _words(runs: list[tuple[str, float, bool]], font: textfit.Font) -> list[tuple[str, float]]:
    """A paragraph's unbreakable pieces, each with its width in points, its characters measured at
    their run's size: words, and a compound's parts after a hyphen ("Online-", "Terminvergabe"),
    where a renderer may break it."""
    chars = [(ch, textfit.text_width(ch, size, bold, font)) for text, size, bold in runs for ch in text]
    out: list[tuple[str, float]] = []
    word, width = "", 0.0
    for n, (ch, wide) in enumerate(chars):
        if _BREAK.fullmatch(ch):
            if word:
                out.append((word, width))
            word, width = "", 0.0
            continue
        word, width = word + ch, width + wide
        after = chars[n + 1][0] if n + 1 < len(chars) else ""
        if ch == "-" and len(word) > 1 and word[-2].isalpha() and after.isalpha():
            out.append((word, width))
            word, width = "", 0.0
    if word:
        out.append((word, width))
    return out


def _runs(paragraph: Any, default: float) -> list[tuple[str, float, bool]]:
    return [(run.text, run.font.size.pt if run.font.size is not None else default, bool(run.font.bold))
            for run in paragraph.runs]


def _indent(prs: Any, shape: Any, level: int) -> float:
    """The left margin (pt) a placeholder's paragraph at `level` sits at, as the layout and master give it."""
    if not shape.is_placeholder:
        return 0.0
    try:
        base = shape._base_placeholder
    except (AttributeError, KeyError):
        return 0.0
    if base is None:
        return 0.0
    margins = oxml.level_margins(prs, base._element, level + 1)
    return max(margins) / 12700 if margins else 0.0


def _frame_words(prs: Any, shape: Any) -> list[tuple[str, float, float]]:
    """(word, width, room) for each word of a shape's text frame that may wrap."""
    frame = shape.text_frame
    body = frame._txBody.find(f"{A_NS}bodyPr")
    if body is not None and body.get("wrap") == "none":
        return []  # on one line by design: nothing breaks
    room = Emu(shape.width).pt - Emu(frame.margin_left).pt - Emu(frame.margin_right).pt
    found = []
    for paragraph in frame.paragraphs:
        pr = paragraph._p.pPr
        own = pr.get("marL") if pr is not None else None
        indent = int(own) / 12700 if own is not None else _indent(prs, shape, paragraph.level)
        found += [(w, width, room - indent) for w, width in _words(_runs(paragraph, DEFAULT_SIZE), textfit.WIDEST)]
    return found


def _table_words(shape: Any, font: textfit.Font) -> list[tuple[str, float, float]]:
    """(word, width, room) for each word of a table's cells, measured in the table's font."""
    found = []
    columns = [Emu(c.width).pt for c in shape.table.columns]
    for row in shape.table.rows:
        for column, cell in zip(columns, row.cells):
            room = column - Emu(cell.margin_left).pt - Emu(cell.margin_right).pt
            for paragraph in cell.text_frame.paragraphs:
                found += [(w, width, room) for w, width in _words(_runs(paragraph, DEFAULT_SIZE), font)]
    return found


def _chart_title_words(shape: Any) -> list[tuple[str, float, float]]:
    chart = shape.chart
    if not chart.has_title or not chart.chart_title.has_text_frame:
        return []
    room = TITLE_ROOM * Emu(shape.width).pt - 2 * chartfit.FRAME_PAD
    text = chart.chart_title.text_frame.text
    return [(w, width, room) for w, width in _words([(text, TITLE_FONT, True)], textfit.WIDEST)]


def broken_words(path: Path) -> list[str]:
    """Each word wider than the line its frame leaves it, by slide: a renderer breaks it mid-word;
    and a figure's change in a chain's box with a space it may break at ("−1.2 (3.0 → / 1.8)")."""
    prs = Presentation(str(path))
    font = table_font(prs)
    found = []
    for i, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.is_placeholder and shape.placeholder_format.type in SKIPPED:
                continue
            words: list[tuple[str, float, float]] = []
            if shape.has_text_frame:
                words = _frame_words(prs, shape)
            elif getattr(shape, "has_table", False):
                words = _table_words(shape, font)
            elif getattr(shape, "has_chart", False):
                words = _chart_title_words(shape)
            found += [f"slide {i}: {word!r} is {width:.0f} pt wide, its line {room:.0f} pt"
                      for word, width, room in words if width > room + 0.01]
            if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and shape.has_text_frame:  # a chain's box
                found += [f"slide {i}: {m.group()!r} may break inside its box"
                          for m in SPLIT.finditer(shape.text_frame.text)]
    return found
