"""A flow of steps (a pilot's chain of impact): a row of boxes joined by arrows, the weak step outlined.

Each box is as wide as its words need: a box whose longest word would not fit an
even share of the row ("Wiedervorsprachen" on a 4:3 slide) takes more of it, and
a short one ("Reaction") gives it up, so that no word is broken in the middle and
nothing reads below 12 pt. Where an even row holds every box, it stays even. A figure's
change ("3.0 → 1.8", "4.4 / 5") is one word: it never breaks inside ("−1.2 (3.0 → / 1.8)"),
its bracket going whole to a second line where the box is too narrow for one.
"""

from __future__ import annotations

import re
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from buyin_cli.render.outline.model import Step
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.shapes import EMU_PER_PT, LABEL, SMALL, shared_widths

FAINT, PANEL = RGBColor(0x80, 0x80, 0x80), RGBColor(0xF2, 0xF2, 0xF2)
ARROW = 14  # points: an arrow's length
STEP_GAP = ARROW + 8  # points between two boxes, the arrow in the middle
PAD = 12  # points: a box's insets, left and right
VALUE_START = 20  # points: the figures' size when every box has room for it
HELD = re.compile(r"(?<=\S) ([→/]) (?=\S)")  # "3.0 → 1.8", "4.4 / 5": read as one figure


def held(steps: list[Step]) -> list[Step]:
    """The steps, each figure's change held together by no-break spaces around its arrow or slash."""
    return [s.model_copy(update={"value": HELD.sub("\u00a0\\1\u00a0", s.value)}) for s in steps]


def add_flow(slide: Any, box: tuple[int, int, int, int], steps: list[Step]) -> None:
    """A row of boxes, one per step, joined by arrows: the weak step outlined and marked."""
    steps = held(steps)
    boxes = flow_boxes(box, steps)
    height = box[3] / EMU_PER_PT
    inner = [w / EMU_PER_PT - PAD for _, _, w, _ in boxes]
    value_size = _value_size(steps, inner, height)
    for n, (step, (x, y, w, h), inner_w) in enumerate(zip(steps, boxes, inner)):
        panel = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, y, w, h)
        panel.shadow.inherit = False
        if step.weak:
            panel.fill.background()
            panel.line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
            panel.line.width = Pt(1.5)
            panel.line.dash_style = MSO_LINE.DASH
        else:
            panel.fill.solid()
            panel.fill.fore_color.rgb = PANEL
            panel.line.fill.background()
        frame = _frame(panel, PAD / 2)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        head = frame.paragraphs[0]
        head.alignment = PP_ALIGN.CENTER
        # The label has what the figure leaves: a figure of two lines takes two.
        under = textfit.lines_at(step.value, inner_w, value_size, bold=True) * textfit.line_height(value_size)
        _text(head, label_for(step, textfit.Box(inner_w, height - 4 - under)), SMALL, colour=LABEL)
        value = frame.add_paragraph()
        value.alignment = PP_ALIGN.CENTER
        _text(value, step.value, value_size, bold=True, accent=not step.weak, colour=None if not step.weak else LABEL)
        if n < len(steps) - 1:
            gap = int(STEP_GAP * EMU_PER_PT)
            mark = slide.shapes.add_shape(MSO_SHAPE.RIGHT_ARROW, x + w + int(4 * EMU_PER_PT),
                                          y + h // 2 - int(6 * EMU_PER_PT), gap - int(8 * EMU_PER_PT),
                                          int(12 * EMU_PER_PT))
            mark.fill.solid()
            mark.fill.fore_color.rgb = FAINT
            mark.line.fill.background()
            mark.shadow.inherit = False


def _frame(shape: Any, margin: float) -> Any:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(margin)
    frame.margin_top = frame.margin_bottom = Pt(2)
    return frame


def _text(paragraph: Any, text: str, size: float, *, bold: bool = False, colour: RGBColor | None = None,
          accent: bool = False) -> None:
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if accent:
        run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
    elif colour is not None:
        run.font.color.rgb = colour


def flow_boxes(box: tuple[int, int, int, int], steps: list[Step]) -> list[tuple[int, int, int, int]]:
    """Each step's box (EMU) in the flow's band `box`, the arrows' gaps between them.

    Even, where an even share holds every step's words whole at 12 pt. Else each box as
    wide as its words need and, as far as the row allows, as one of its label's forms over
    its figure in a line or two needs, each at 12 pt (the fullest form that the row leaves room
    for, the first steps first); the narrow boxes evened out. Where the row cannot give
    every box its words, even: no layout of a row holds them.
    """
    x, y, w, h = box
    steps = held(steps)
    gap = int(STEP_GAP * EMU_PER_PT)
    each = (w - gap * (len(steps) - 1)) // len(steps)
    even = [(x + n * (each + gap), y, each, h) for n in range(len(steps))]
    whole = [word_need(step) for step in steps]
    room = (w - gap * (len(steps) - 1)) / EMU_PER_PT
    if all(need <= each / EMU_PER_PT for need in whole) or sum(whole) > room:
        return even
    out = []
    for width in shared_widths(_needs(steps, whole, h / EMU_PER_PT, room), room):
        out.append((x, y, int(width * EMU_PER_PT), h))
        x += out[-1][2] + gap
    return out


def _needs(steps: list[Step], whole: list[float], height: float, room: float) -> list[float]:
    """Each box's least width (points) in a row of `room`: what its words need (`whole`), and
    what its fullest form the row leaves room for needs to read over its figure."""
    for lines in (1, 2):  # a figure on one line where the row leaves room for it
        options = [[need for form in forms(step) if (need := _narrowest(step, form, height, low, room, lines))
                    is not None] for step, low in zip(steps, whole)]
        least = [min(found, default=low) for found, low in zip(options, whole)]
        if sum(least) <= room:
            break
    if sum(least) > room:  # each box gives up alike what the row lacks
        share = (room - sum(whole)) / (sum(least) - sum(whole))
        return [low + (most - low) * share for low, most in zip(whole, least)]
    for n, found in enumerate(options):
        least[n] = next((need for need in found if sum(least) - least[n] + need <= room), least[n])
    return least


def forms(step: Step) -> list[str]:
    """A step's label, then its shorter forms, the longest first."""
    short = step.short_label or []
    return [step.label] + ([short] if isinstance(short, str) else list(short))


def word_need(step: Step) -> float:
    """The narrowest box (points) in which the figure's longest word and one form's longest word each
    stand whole at 12 pt."""
    label = min(textfit.longest_word(form, SMALL) for form in forms(step))
    return PAD + max(label, textfit.longest_word(step.value, SMALL, bold=True))


def _narrowest(step: Step, form: str, height: float, low: float, most: float, lines: int) -> float | None:
    """The narrowest box (points, to within 1; `low` at the least) that holds `form` over the step's
    figure in at most `lines` lines, each at 12 pt; None where even `most` does not."""
    if not _reads(step, form, most - PAD, height, lines):
        return None
    high = most
    while high - low > 1:
        mid = (low + high) / 2
        low, high = (low, mid) if _reads(step, form, mid - PAD, height, lines) else (mid, high)
    return high


def _reads(step: Step, form: str, inner_w: float, height: float, most: int) -> bool:
    """Whether a box `inner_w` wide inside holds the step's figure in at most `most` lines and
    `form` above it, each at 12 pt and no word broken."""
    for lines in range(1, most + 1):
        value = textfit.Box(inner_w, lines * textfit.line_height(SMALL))
        room = textfit.Box(inner_w, height - 4 - lines * textfit.line_height(SMALL))
        if textfit.fit_size(step.value, value, SMALL, SMALL, bold=True, max_lines=lines) is not None:
            return textfit.fit_size(form, room, SMALL, SMALL) is not None
    return False


def label_for(step: Step, room: textfit.Box) -> str:
    """The first form that fits its box; failing that, the shortest whose words all stand whole
    (the one that runs least past its box), then the last form."""
    every = forms(step)
    label, _ = textfit.fit_first(every, room, SMALL, SMALL)
    if textfit.fit_size(label, room, SMALL, SMALL) is not None:
        return label
    return next((form for form in reversed(every) if textfit.longest_word(form, SMALL) <= room.width), every[-1])


def _value_size(steps: list[Step], widths: list[float], height: float) -> float:
    """The chain's one figure size: the largest at which every figure keeps one line (two at the
    least size) and leaves every label room for one of its forms, so a box holds what it says."""
    one_line = min(textfit.fit_size(s.value, textfit.Box(w, height * 0.5), VALUE_START, SMALL, bold=True,
                                    max_lines=1) or SMALL for s, w in zip(steps, widths))
    for size in range(int(one_line), SMALL - 1, -1):
        if all(any(textfit.fit_size(form, textfit.Box(w, height - 4 - textfit.line_height(size)), SMALL, SMALL)
                   for form in forms(s)) for s, w in zip(steps, widths)):
            return float(size)
    return float(SMALL)
