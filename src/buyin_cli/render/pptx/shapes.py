"""The drawn parts of a slide: big-number callouts, a footnote and the footer (a flow: flow.py).

Each is a free shape in the box layout.py carved for it, its numbers in the
theme's accent colour, so a corporate template's colours carry through; text is
measured and shrunk to fit, never below 12 pt.
"""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER as PH
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from buyin_cli.render.outline.model import Callout
from buyin_cli.render.pptx import oxml, textfit, textxml
from buyin_cli.render.pptx.skeleton import LayoutFacts

EMU_PER_PT = 12700
LABEL = RGBColor(0x59, 0x59, 0x59)
VALUE_START, VALUE_FLOOR, LABEL_SIZE, SMALL = 44, 20, 14, 12
NUMBER_ROOM = 0.7  # inches a slide number ("26", right-aligned) keeps at the end of its box
GAP_PT = 14


def _insets(margin: float) -> tuple[int, int, int, int]:
    """A text box's insets (EMU): `margin` left and right, 2 pt top and bottom."""
    return (int(Pt(margin)), int(Pt(margin)), int(Pt(2)), int(Pt(2)))


def add_callouts(slide: Any, box: tuple[int, int, int, int], callouts: list[Callout]) -> None:
    """A row of big numbers, each on one line, its label under it; one size for all the
    figures, and one for all the labels (a label set smaller than its neighbours reads as
    less than they are)."""
    size, widths = _callout_widths(box, callouts)
    value_h = int(size * 1.3 * EMU_PER_PT)
    x, y, _, h = box
    label_size = min(textfit.fit_first([c.label], textfit.Box(each - CALLOUT_PAD, _label_height(h, size)),
                                       LABEL_SIZE, SMALL)[1] for c, each in zip(callouts, widths))
    for callout, each in zip(callouts, widths):
        w = int(each * EMU_PER_PT)
        rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, y, int(3 * EMU_PER_PT), h)
        rule.fill.solid()
        rule.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        rule.line.fill.background()
        left, width = x + int(8 * EMU_PER_PT), w - int(8 * EMU_PER_PT)
        # A figure is never broken across lines.
        value = textxml.textbox(slide, (left, y, width, value_h), _insets(4), wrap=False)
        textxml.paragraph_props(value, single=True)
        textxml.styled_run(value, callout.value, size, bold=True, theme="accent1")
        label_box = textfit.Box(each - CALLOUT_PAD, _label_height(h, size))
        text, _ = textfit.fit_first([callout.label], label_box, label_size, SMALL)
        label = textxml.textbox(slide, (left, y + value_h, width, h - value_h), _insets(4), anchor="t")
        textxml.paragraph_props(label, single=True)
        textxml.styled_run(label, text, label_size, bold=False, rgb=str(LABEL))
        x += w + int(GAP_PT * 2 * EMU_PER_PT)


CALLOUT_PAD = 16  # points: the rule's offset and the text box's insets, left of and right of a figure


def _label_height(band: int, size: float) -> float:
    """The points a callout's label has under its figure set at `size`."""
    return max(band / EMU_PER_PT - size * 1.3 - 4, SMALL * 1.25)


def _callout_widths(box: tuple[int, int, int, int], callouts: list[Callout]) -> tuple[float, list[float]]:
    """The one size for every figure (VALUE_START unless a figure or its label would not fit) and
    each callout's width in points.

    A callout is as wide as its figure needs, and no narrower than an even share of what
    the wider ones leave: "5.3 months" takes more of the row than "61%", so both read at
    full size. Of the sizes at which every figure fits on its line, the largest at which
    every label also fits under its figure; failing that, the largest the figures allow.
    """
    size, widths, _ = _callout_fit(box, callouts)
    return size, widths


def callout_labels_fit(box: tuple[int, int, int, int], callouts: list[Callout]) -> bool:
    """Whether every figure fits its line and every label reads whole under it (no word broken)."""
    return _callout_fit(box, callouts)[2]


def _callout_fit(box: tuple[int, int, int, int], callouts: list[Callout]) -> tuple[float, list[float], bool]:
    room = box[2] / EMU_PER_PT - GAP_PT * 2 * (len(callouts) - 1)
    fallback: tuple[float, list[float], bool] | None = None
    for size in range(VALUE_START, VALUE_FLOOR - 1, -1):
        need = [textfit.text_width(c.value, size, bold=True) + CALLOUT_PAD for c in callouts]
        if sum(need) > room:
            continue
        fallback = fallback or (float(size), shared_widths(need, room), False)
        height = _label_height(box[3], size)
        need = [max(n, _label_width(c.label, height, room)) for n, c in zip(need, callouts)]
        if sum(need) <= room:
            return float(size), shared_widths(need, room), True
    return fallback or (float(VALUE_FLOOR), [room / len(callouts)] * len(callouts), False)


def _label_width(label: str, height: float, most: float) -> float:
    """The narrowest callout (points, to within 2) whose label fits under its figure in `height`
    at SMALL or more; more than `most` when none does."""
    def fits(width: float) -> bool:
        return textfit.fit_size(label, textfit.Box(width - CALLOUT_PAD, height), LABEL_SIZE, SMALL) is not None

    if not fits(most):
        return most + 1
    low, high = float(CALLOUT_PAD), most
    while high - low > 2:
        mid = (low + high) / 2
        low, high = (low, mid) if fits(mid) else (mid, high)
    return high


def shared_widths(need: list[float], room: float) -> list[float]:
    """Widths that add up to `room`: each at least its `need`, the narrow ones evened out."""
    ordered = sorted(need, reverse=True)
    for n in range(len(need)):
        level = (room - sum(ordered[:n])) / (len(need) - n)
        if level >= ordered[n]:
            return [max(w, level) for w in need]
    return need  # never reached: the caller made sure the needs fit


def add_line(slide: Any, box: tuple[int, int, int, int], text: str, align: str = "l") -> None:
    """A small line of text (a footnote, a footer); one too long for its box wraps, the box
    growing upward, so that it is said whole."""
    width = box[2] / EMU_PER_PT - 14.4
    lines = textfit.lines_at(text, width, SMALL)
    missing = lines * textfit.line_height(SMALL) + 8 - box[3] / EMU_PER_PT
    if missing > 0:  # the layout gave a footnote its lines; a footer may still need more
        grown = int(missing * EMU_PER_PT)
        box = (box[0], box[1] - grown, box[2], box[3] + grown)
    paragraph = textxml.textbox(slide, box, _insets(7.2), anchor="ctr")
    textxml.paragraph_props(paragraph, align)
    textxml.styled_run(paragraph, text, SMALL, bold=False, rgb=str(LABEL))


def master_margin(master_placeholders: tuple[Any, ...]) -> int:
    """The left margin of the master's title: where every slide's content lines up."""
    title = next((ph for ph in master_placeholders
                  if ph.placeholder_format.type in (PH.TITLE, PH.CENTER_TITLE)), None)
    return title.left if title is not None and title.left is not None else Inches(0.6)


def footer_box(layout: LayoutFacts, left: int, forms: str | list[str]) -> tuple[tuple[int, int, int, int], str]:
    """A line at the bottom left, in line with the title (`left`, the master's margin), at the
    height of the layout's footer, and the footer's first form (the longest first) that reads
    on one line there."""
    source = layout.of_type(PH.FOOTER)
    top, height = ((source.top, source.height) if source is not None and source.height
                   else (layout.slide_height - Inches(0.55), Inches(0.35)))
    # As wide as the room left of the slide number: a long organisation's name fits whole;
    # where it does not (a 4:3 slide), up to the slide number's few digits, right-aligned at
    # the end of its box; where not even that holds it, a shorter form.
    number = layout.of_type(PH.SLIDE_NUMBER)
    end = number.left + number.width if number is not None and number.width else layout.slide_width - left
    width = layout.slide_width - Inches(1.7) - 2 * left
    widths = (width, max(width, end - Inches(NUMBER_ROOM) - left))
    every = [forms] if isinstance(forms, str) else forms
    text, room = next(((form, room) for form in every for room in widths
                       if textfit.lines_at(form, room / EMU_PER_PT - 14.4, SMALL) == 1), (every[-1], widths[1]))
    return (left, top, room, height), text


def add_slide_number(prs: Any, slide: Any, layout: LayoutFacts, number: int) -> None:
    """The layout's slide-number placeholder (or a small box bottom right) showing the number field."""
    source = layout.of_type(PH.SLIDE_NUMBER)
    if source is not None:
        tx_body = oxml.clone_placeholder(slide, source.element)
    else:
        frame = slide.shapes.add_textbox(prs.slide_width - Inches(1.6), prs.slide_height - Inches(0.55),
                                         Inches(1.0), Inches(0.35)).text_frame
        frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        tx_body = frame._txBody
    oxml.slide_number_field(tx_body, number)
