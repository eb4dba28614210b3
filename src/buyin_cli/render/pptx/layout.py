"""Where each thing goes on a slide: which placeholder or area takes the title, text and visual.

Placement rules (by placeholder type, never by index):
- title → the title (or centre title) placeholder;
- subtitle → the subtitle placeholder, else the topmost body/content placeholder;
- body (and link) → the largest body/content placeholder;
- chart or table → the largest content placeholder, or the area under the title
  when the layout has none ("Title Only"); beside a body, the layout's second
  content placeholder (on the right) if it has one, else the right half of the one
  (a chart at least CHART_MIN_WIDTH of it, so that a 4:3 slide leaves it a readable plot,
  unless the text would then continue on another slide);
- callouts and a flow → bands across the top of the content area, a footnote a
  line at its foot; the text and the visual keep the rest.
Sizes and indents a placeholder inherits from its layout and master are read here too.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER as PH

from buyin_cli.errors import TemplateError
from buyin_cli.plan.minutes import CHART_MIN_WIDTH
from buyin_cli.records import dataclass
from buyin_cli.render.outline import Slide
from buyin_cli.render.pptx import oxml
from buyin_cli.render.pptx.skeleton import LayoutFacts, Ph
from buyin_cli.render.pptx.textfit import Box, line_height, lines_at

EMU_PER_PT = 12700
INSET_X, INSET_Y = 7.2, 3.6  # text frame insets in points (0.1 in, 0.05 in)
GAP = 0.3 * 72  # points between a body and the chart or table beside it
# Bands carved from the content area, in points: big-number callouts, a flow of steps, a footnote.
CALLOUT_HEIGHT, FLOW_HEIGHT, FOOTNOTE_HEIGHT, BAND_GAP = 1.45 * 72, 1.0 * 72, 0.55 * 72, 0.18 * 72
FLOW_LEAST = 0.8 * 72  # points: a flow's boxes at their least, a label and a two-line value at 12 pt
FOOTNOTE_SIZE = 12  # points: a footnote's text, as shapes.add_line writes it


@dataclass(frozen=True)
class Place:
    """Where one thing goes: a placeholder idx (or None for a free shape) and its box in EMU."""

    idx: int | None
    box: tuple[int, int, int, int]


def slide_label(number: int, spec: Slide) -> str:
    return f"slide {number} (\u201c{spec.title}\u201d)"


def plan(layout: LayoutFacts, spec: Slide, number: int, widen: bool = True,
         flow: float = FLOW_HEIGHT) -> dict[str, Place]:
    """Decide which placeholder (or area) takes the title, subtitle, text and chart/table
    (`widen`: a chart beside the text takes at least CHART_MIN_WIDTH; `flow`: the flow's band, pt)."""
    def box(ph: Ph) -> tuple[int, int, int, int]:
        return (ph.left, ph.top, ph.width, ph.height)

    def missing(what: str) -> TemplateError:
        kinds = ", ".join(ph.type.name.lower().replace("_", " ")
                          for ph in layout.placeholders) or "no placeholders"
        return TemplateError(f'{slide_label(number, spec)}: layout "{layout.name}" has no {what} '
                             f'placeholder (it has: {kinds})')

    phs = layout.placeholders
    titles = [ph for ph in phs if ph.type in (PH.TITLE, PH.CENTER_TITLE)]
    if not titles:
        raise missing("title")
    places = {"title": Place(titles[0].idx, box(titles[0]))}
    contents = sorted((ph for ph in phs if ph.type in (PH.BODY, PH.OBJECT)),
                      key=lambda ph: -ph.width * ph.height)
    if spec.subtitle is not None:
        subtitles = [ph for ph in phs if ph.type == PH.SUBTITLE]
        if not subtitles:
            if not contents:
                raise missing("subtitle or body")
            subtitles = [min(contents, key=lambda ph: ph.top)]
            contents.remove(subtitles[0])
        places["subtitle"] = Place(subtitles[0].idx, box(subtitles[0]))
    has_text = bool(spec.body) or spec.link is not None
    has_visual = bool(spec.all_charts) or spec.table is not None
    if has_text and not contents:
        raise missing("body")
    if contents:
        places["area"] = Place(None, _union([box(ph) for ph in contents]))
    else:  # e.g. "Title Only": everything under the title, above the footer line
        x, y, w, h = places["title"].box
        top = y + h + int(0.2 * 72 * EMU_PER_PT)
        places["area"] = Place(None, (x, top, w, int(layout.slide_height * 0.9) - top))
    if has_text and has_visual:
        if len(contents) >= 2:
            left, right = sorted(contents[:2], key=lambda ph: ph.left)
            places["text"] = Place(left.idx, box(left))
            places["visual"] = Place(None, box(right))
            x, y = min(left.left, right.left), min(left.top, right.top)
            places["whole"] = Place(None, (x, y, max(left.left + left.width, right.left + right.width) - x,
                                            max(left.top + left.height, right.top + right.height) - y))
        else:
            x, y, w, h = box(contents[0])
            gap = int(GAP * EMU_PER_PT)
            half = (w - gap) // 2
            # A chart keeps a readable plot: on a narrow slide it takes more than half.
            wide = max(half, int(CHART_MIN_WIDTH * EMU_PER_PT)) if widen and spec.table is None else half
            places["text"] = Place(contents[0].idx, (x, y, w - gap - wide, h))
            places["visual"] = Place(None, (x + w - wide, y, wide, h))
            places["whole"] = Place(None, (x, y, w, h))
    elif has_text:
        places["text"] = Place(contents[0].idx, box(contents[0]))
    elif has_visual:
        places["visual"] = places["area"]
    return carve(places, spec, flow)


def carve(places: dict[str, Place], spec: Slide, flow: float = FLOW_HEIGHT) -> dict[str, Place]:
    """Bands for the callouts and the flow at the top of the content area, the footnote at its foot.

    The text and the visual keep their left and right, and give up what the bands take.
    """
    x, top, w, h = places["area"].box
    bottom = top + h
    gap = int(BAND_GAP * EMU_PER_PT)
    out = dict(places)
    for key, height in (("callouts", CALLOUT_HEIGHT), ("flow", flow)):
        if getattr(spec, key):
            band = int(height * EMU_PER_PT)
            out[key] = Place(None, (x, top, w, band))
            top += band + gap
    if spec.footnote:
        # As tall as the footnote's lines need, so that a long caveat never overlaps the chart.
        lines = lines_at(spec.footnote, w / EMU_PER_PT - 2 * INSET_X, FOOTNOTE_SIZE)
        band = int(max(FOOTNOTE_HEIGHT, lines * line_height(FOOTNOTE_SIZE) + 4 * INSET_Y) * EMU_PER_PT)
        bottom -= band
        out["footnote"] = Place(None, (x, bottom, w, band))
        bottom -= gap // 2
    for key in ("text", "visual", "whole"):
        if key in out:
            bx, by, bw, bh = out[key].box
            new_top, new_bottom = max(by, top), min(by + bh, bottom)
            out[key] = Place(out[key].idx, (bx, new_top, bw, max(new_bottom - new_top, 0)))
    return out


def content_width(prs: Any) -> float:
    """The width of the slides' content area in points: the master's body placeholder's, else
    the slide's less an inch."""
    body = next((ph for ph in prs.slide_master.placeholders if ph.placeholder_format.type == PH.BODY
                 and ph.width), None)
    return (body.width if body is not None else int(prs.slide_width) - 914400) / EMU_PER_PT


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    x, y = min(b[0] for b in boxes), min(b[1] for b in boxes)
    return (x, y, max(b[0] + b[2] for b in boxes) - x, max(b[1] + b[3] for b in boxes) - y)


def pt_box(box: tuple[int, int, int, int]) -> Box:
    return Box(box[2] / EMU_PER_PT, box[3] / EMU_PER_PT)


def inner(box: tuple[int, int, int, int]) -> Box:
    outer = pt_box(box)
    return Box(outer.width - 2 * INSET_X, outer.height - 2 * INSET_Y)


def table_box(box: tuple[int, int, int, int]) -> Box:
    """A table keeps the text inset on its left and right, so it lines up with the title."""
    return Box(box[2] / EMU_PER_PT - 2 * INSET_X, box[3] / EMU_PER_PT)


def inherited_size(prs: Any, layout_ph: Ph, style: str, default: float) -> float:
    """The font size (pt) a placeholder's first level inherits: layout, master placeholder, master style."""
    size = oxml.inherited(prs, layout_ph.element, style, "a:defRPr", "sz")
    return int(size) / 100 if size else default


_ALIGN = {"l": "l", "ctr": "ctr", "r": "r", "just": "just"}  # what PP_ALIGN writes for each


def inherited_align(prs: Any, layout_ph: Ph, style: str) -> str:
    """The paragraph alignment a placeholder's first level inherits, as the file writes it
    ("l", "ctr", "r", "just"); left when nothing says."""
    return _ALIGN.get(oxml.inherited(prs, layout_ph.element, style, None, "algn") or "", "l")


def indents(prs: Any, layout_ph: Ph) -> tuple[float, ...]:
    """Left margin (pt) of each bullet level; the larger of the layout's and the master's."""
    out = []
    for n in range(1, 6):
        margins = [m / EMU_PER_PT for m in oxml.level_margins(prs, layout_ph.element, n)]
        out.append(max(margins) if margins else 0.375 * 72 * n)  # PowerPoint's own default
    return tuple(out)
