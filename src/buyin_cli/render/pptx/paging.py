"""How a slide's list and table are split over pages, and at what size, before anything is drawn.

A list or table too long for its box continues on further slides of the same
layout; a slide that must not continue (the decision) leaves out its details,
then reads smaller. A table with a chart under it takes half the visual's box,
and the chart what the table's first page leaves, at least CHART_MIN_HEIGHT: the
table reads smaller to leave it that, and where even its smallest size would not,
the chart takes a page of its own after the table's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from buyin_cli.render.outline import Chart, Slide
from buyin_cli.render.pptx import chartfit, shapes, textfit, thin
from buyin_cli.render.pptx.chartlines import TITLE_FONT, TITLE_ROOM
from buyin_cli.render.pptx.charts import SOURCE_HEIGHT_PT as SOURCE_HEIGHT, chart_boxes
from buyin_cli.render.pptx.layout import (
    EMU_PER_PT,
    FLOW_LEAST,
    GAP,
    Place,
    indents,
    inherited_size,
    inner,
    plan,
    table_box,
)
from buyin_cli.render.pptx.skeleton import LayoutFacts
from buyin_cli.render.pptx.tables import body_rows
from buyin_cli.render.pptx.textfit import Para, lines_at

BODY_FLOOR, TABLE_START, TABLE_FLOOR = 14, 20, 12
BODY_SPLIT = 20  # a continued list reads at 20 pt at most (32 leaves a bullet a slide)
WHOLE_FLOOR = 12  # a slide that must not continue may read this small, never smaller
# ...but its details (the gap's cost, the evidence line) go to the notes before its list reads
# under the body's comfortable size: the asks at 16 pt say more than asks and context at 14.
DETAIL_FLOOR = 16
TABLE_SHARE = 0.5  # of the content area, for a table with a chart under it
CHART_MIN_HEIGHT = 2.0 * 72  # points: a chart's frame, above its source line, that leaves a readable plot
# A chart under a table across the slide (the years' running net) keeps a frame at least this tall and
# 1/FLATTEST of its width: on 2 inches its three columns across 12 inches read squashed flat.
UNDER_TABLE, FLATTEST = 2.5 * 72, 5.0


@dataclass
class TextPages:
    """The list's paragraphs on each page, their size, the smallest a level may read, and
    what a slide that must not continue left out (said from its notes)."""

    pages: list[list[Para]] = field(default_factory=lambda: [[]])
    size: float = 0.0
    floor: float = float(BODY_FLOOR)
    left_out: list[Para] = field(default_factory=list)
    statement: bool = False  # a short text alone on its slide: set larger, in the middle of its box


@dataclass
class TablePages:
    """The table's body rows on each page, its size and column widths (pt), its font, and
    the box left for the charts."""

    pages: list[list[int]]
    chart_area: tuple[int, int, int, int]
    size: float = 0.0
    widths: list[float] = field(default_factory=list)
    font: textfit.Font | None = None
    chart_page: int = 0  # the page the charts are drawn on: the first, or one of their own after the table
    at: tuple[int, int, int, int] | None = None  # the table's box, when not the visual's
    grown: bool = False  # alone on its page(s), the charts on one after it: its rows grow to fill


def paragraphs(spec: Slide) -> list[Para]:
    """The slide's list as textfit paragraphs: its bullets, then its link. A heading (a bold
    bullet with points under it) groups its points without setting them smaller: they read
    at its size, as large as the bullets beside it (the asks no smaller than their context)."""
    paras: list[Para] = []
    above: list[tuple[int, bool]] = []  # the level and boldness of each bullet this one stands under
    for b in spec.body or []:
        while above and above[-1][0] >= b.level:
            above.pop()
        paras.append(Para(b.text, b.level, b.bold, steps=b.level - sum(bold for _, bold in above)))
        above.append((b.level, b.bold))
    if spec.link is not None:
        paras.append(Para(spec.link.text, bullet=False, link=spec.link.url))
    return paras


def text_pages(prs: Any, layout: LayoutFacts, places: dict[str, Place], spec: Slide,
               cache: dict[Any, Any]) -> TextPages:
    """The list split over pages at the size that fits (`cache`: the layout's inherited
    sizes and indents, read once per deck)."""
    paras = paragraphs(spec)
    if not paras:
        return TextPages()
    idx = places["text"].idx
    key = ("text", layout.name, idx)
    if key not in cache:
        ph = layout.placeholder(idx)
        cache[key] = (inherited_size(prs, ph, "body", 20), indents(prs, ph))
    size, steps = cache[key]
    box = inner(places["text"].box)
    statement = thin.statement_size(paras, box, steps, size, BODY_FLOOR, thin.short_of(spec)) if (
        (thin.alone(spec) or thin.under_numbers(spec)) and spec.table is None) else None
    size = statement or size
    fitted = spec.whole and textfit.fit_whole(paras, box, steps, size, BODY_FLOOR, WHOLE_FLOOR, [
        b.detail for b in spec.body or []] + [False] * (spec.link is not None), DETAIL_FLOOR)
    if fitted:
        body_size, kept, left_out = fitted
        # A short text that must not continue (one ask) is a statement all the same.
        return TextPages([kept], body_size, min(BODY_FLOOR, body_size), left_out,
                         statement=statement is not None and not left_out)
    # Pages after the first of a list beside a chart (no table) have the slide's width.
    later = inner(places["whole"].box) if (
        spec.all_charts and spec.table is None and "whole" in places) else None
    body_size, pages = textfit.fit_body(paras, box, steps, size, BODY_FLOOR,
                                        max(BODY_FLOOR, min(size - 2, BODY_SPLIT)), later)
    return TextPages(pages, body_size, statement=statement is not None)


def keep_whole(prs: Any, layout: LayoutFacts, spec: Slide, number: int, places: dict[str, Place],
               text: TextPages, cache: dict[Any, Any]) -> tuple[Slide, dict[str, Place], TextPages]:
    """A slide that must stay whole (the decision) and does not, its list continuing or reading
    under BODY_FLOOR, keeps its footnote's short form (its caveats without their reasons), then
    says its big numbers from the notes (the title says the money they show): the room they took
    is the list's. Its caveats never leave it: a doubt about a figure stands beside the figure on
    every deck size. A list that fits only by leaving out a detail (the evidence line) keeps it
    at the cost of the footnote's reasons, no more. What leaves the slide is said from the notes, once."""
    def short_of_room(kept: str) -> bool:
        return spec.whole and any(text.pages) and (len(text.pages) > 1 or text.size < BODY_FLOOR
                                                   or (kept == "short" and bool(text.left_out)))

    notes = spec.notes
    for kept in ("short", "no callouts", "first sentence"):
        if not short_of_room(kept):
            break
        short = footnote_forms(spec)[:1]
        if kept == "short" and spec.footnote and short and short[0] != spec.footnote:
            shorter = spec.model_copy(update={"footnote": short[0], "short_footnote": None,
                                              "notes": f"{notes}\n{spec.footnote}"})
            roomier = plan(layout, shorter, number)
            fitted = text_pages(prs, layout, roomier, shorter, cache)
            # Short of a detail only, the reasons go only where their room brings it back.
            if len(text.pages) > 1 or text.size < BODY_FLOOR or len(fitted.left_out) < len(text.left_out):
                spec, places, text, notes = shorter, roomier, fitted, shorter.notes
            continue
        if kept == "no callouts" and spec.callouts:
            notes = f"{notes}\n" + " · ".join(f"{c.value} {c.label}" for c in spec.callouts)
            spec = spec.model_copy(update={"callouts": None, "notes": notes})
        elif kept == "first sentence" and spec.footnote and (first := _first_sentence(spec.footnote)) != spec.footnote:
            notes = notes if spec.footnote in notes else f"{notes}\n{spec.footnote}"
            spec = spec.model_copy(update={"footnote": first, "short_footnote": None, "notes": notes})
        else:
            continue
        places = plan(layout, spec, number)
        text = text_pages(prs, layout, places, spec, cache)
    return spec, places, text


def _first_sentence(text: str) -> str:
    """A footnote's first sentence, which says its doubt (the rest is the notes'), or all of it."""
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", text.strip(), maxsplit=1)[0]


def fit_callouts(layout: LayoutFacts, spec: Slide, number: int,
                 places: dict[str, Place]) -> tuple[Slide, dict[str, Place]]:
    """Big numbers whose labels cannot all be read whole under them (a narrow slide, a long
    label) give up the last ones, down to two, said from the notes: a label broken mid-word or
    run into the list below it says less than the title and the list already do."""
    if not spec.callouts or "callouts" not in places:
        return spec, places
    kept = list(spec.callouts)
    while len(kept) > 2 and not shapes.callout_labels_fit(places["callouts"].box, kept):
        kept.pop()
    if len(kept) == len(spec.callouts):
        return spec, places
    said = " · ".join(f"{c.value} {c.label}" for c in spec.callouts[len(kept):])
    spec = spec.model_copy(update={"callouts": kept, "notes": f"{spec.notes}\n{said}"})
    return spec, plan(layout, spec, number)


def table_pages(places: dict[str, Place], spec: Slide, font: textfit.Font) -> TablePages:
    """The table's rows split over pages, and the box the charts keep."""
    charts = spec.all_charts
    chart_area = places.get("visual", places["area"]).box
    if spec.table is None:
        return TablePages([[]], chart_area)
    t_box = places["visual"].box
    gap = int(GAP * EMU_PER_PT)
    if charts:  # the table above, the chart under it
        x, y, w, h = t_box
        t_box = (x, y, w, int(h * TABLE_SHARE))
    rows = body_rows(spec.table)
    bold_last = spec.table.total is not None
    start = thin.table_start(spec.table.columns, rows, table_box(t_box), TABLE_START, TABLE_FLOOR, font,
                             bold_last) if thin.alone(spec) else TABLE_START
    size, widths, pages = textfit.fit_table(spec.table.columns, rows, table_box(t_box), start,
                                            TABLE_FLOOR, font, bold_last=bold_last)
    if len(pages) > 1 and "footnote" in places and thin.alone(spec):
        # A footnote is said on the last page only: the pages before it keep its room.
        x, y, w, h = t_box
        _, fy, _, fh = places["footnote"].box
        full = (x, y, w, fy + fh - y)
        reserve = (full[3] - h) / EMU_PER_PT
        fitted = textfit.fit_table(spec.table.columns, rows, table_box(full), start, TABLE_FLOOR,
                                   font, bold_last=bold_last, reserve=reserve)
        if len(fitted[2]) <= len(pages):
            size, widths, pages = fitted
            return TablePages(pages, chart_area, size, widths, font, at=full)
    if not charts:
        return TablePages(pages, chart_area, size, widths, font)
    x, y, w, h = places["visual"].box
    least, columns = int(_chart_least(spec, w / EMU_PER_PT, True) * EMU_PER_PT), spec.table.columns

    def left(size: float, widths: list[float], first: list[int]) -> int:
        """What the table's first page leaves the chart under it (EMU), its rows measured as
        fit_table measures them (the header and a total bold)."""
        height = textfit.row_height(columns, widths, size, True, font) + sum(
            textfit.row_height(rows[i], widths, size, bold_last and i == len(rows) - 1, font) for i in first)
        return y + h - (y + int(height * EMU_PER_PT) + gap)

    if left(size, widths, pages[0]) < least and h - least - gap > 0:
        # The table reads smaller (on as many pages) to leave the chart a readable plot.
        smaller = textfit.fit_table(columns, rows, table_box((x, y, w, h - least - gap)), size,
                                    TABLE_FLOOR, font, bold_last=bold_last)
        if len(smaller[2]) <= len(pages) and left(*smaller[:2], smaller[2][0]) >= least:
            size, widths, pages = smaller
    if left(size, widths, pages[0]) < least:
        # Not even the table's smallest size leaves it room: the chart takes a page of its own,
        # and the table, alone on its page, grows as a table alone does (never half empty).
        # Its page takes the footnote's room too: the footnote stands under the chart.
        at = (x, y, w, sum(places["footnote"].box[1::2]) - y) if "footnote" in places else (x, y, w, h)
        start = thin.table_start(columns, rows, table_box(at), start, TABLE_FLOOR, font, bold_last)
        size, widths, pages = textfit.fit_table(columns, rows, table_box(at), start, TABLE_FLOOR, font,
                                                bold_last=bold_last)
        return TablePages(pages, places["visual"].box, size, widths, font, chart_page=len(pages), at=at,
                          grown=True)
    top = y + h - left(size, widths, pages[0])
    return TablePages(pages, (x, top, w, y + h - top), size, widths, font)


def _least(chart: Chart, width: float, flat: bool = False) -> float:
    """The least height (pt) of `chart`'s frame `width` wide: CHART_MIN_HEIGHT (with `flat`, a
    chart under a table, UNDER_TABLE and 1/FLATTEST of its width), with its source line, and (given
    `width`) its title's lines, wrapped as a renderer wraps them (at TITLE_ROOM of the frame),
    and its legend's rows above it."""
    title = lines_at(chart.title, TITLE_ROOM * width - 2 * chartfit.FRAME_PAD, TITLE_FONT, bold=True) \
        * TITLE_FONT * 1.25 if chart.title and width else 0.0
    names = [s.name for s in chart.series]
    legend = chartfit.legend_rows(names, width) * chartfit.LINE if len(names) > 1 and width else 0.0
    plot = max(UNDER_TABLE, width / FLATTEST) if flat else CHART_MIN_HEIGHT
    return plot + (SOURCE_HEIGHT if chart.source else 0) + title + legend


def _chart_least(spec: Slide, width: float = 0.0, flat: bool = False) -> float:
    """The least height (pt) a slide's charts need, each `width` wide (`flat`: under a table)."""
    return max(_least(chart, width, flat) for chart in spec.all_charts)


def charts_short(spec: Slide, box: tuple[int, int, int, int]) -> bool:
    """Whether a chart of the slide's, in `box` as they are drawn there (side by side, or one
    above the other), has less than its least height."""
    return any(h / EMU_PER_PT < _least(chart, w / EMU_PER_PT)
               for chart, (_, _, w, h) in zip(spec.all_charts, chart_boxes(box, len(spec.all_charts))))


def footnote_forms(spec: Slide) -> list[str]:
    """The footnote's shorter forms, the longest first."""
    short = spec.short_footnote or []
    return [short] if isinstance(short, str) else list(short)


def chart_room(layout: LayoutFacts, spec: Slide, number: int,
               places: dict[str, Place]) -> tuple[Slide, dict[str, Place]]:
    """Charts under a flow or over a footnote keep a readable plot: the flow's boxes
    take their least height, then the footnote gives way to its short forms (who took part and
    its caveats, then who took part), then it is said from the notes (the flow's boxes their
    full height again where that leaves the charts enough); what leaves the slide is said from
    the notes, never a word cut."""
    def short(places: dict[str, Place]) -> bool:
        return charts_short(spec, places["visual"].box)

    if not spec.all_charts or spec.table is not None or "text" in places or not short(places):
        return spec, places
    if spec.flow:
        places = plan(layout, spec, number, flow=FLOW_LEAST)
    notes = f"{spec.notes}\n{spec.footnote}"  # the whole footnote, said once, whatever stays
    for kept in [*footnote_forms(spec), None]:
        if not (spec.footnote and short(places)):
            break
        spec = spec.model_copy(update={"footnote": kept, "short_footnote": None,
                                       "notes": notes})
        places = plan(layout, spec, number)  # the flow at its full height again, where that leaves room
        if spec.flow and short(places):
            places = plan(layout, spec, number, flow=FLOW_LEAST)
    return spec, places
