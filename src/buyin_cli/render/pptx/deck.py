"""The PowerPoint renderer: an Outline becomes an editable .pptx, laid out so nothing overflows.

Every word comes from the outline; layout.py decides where each thing goes,
textfit/ at what size, and charts.py and tables.py draw the chart and the table
in the boxes chosen. A list or table too long for its box continues on slides
with the same layout, the title suffixed with `outline.continued`; the chart
stays on the first of them, and a continuation holding only the list or only
the table uses both halves.
"""

from __future__ import annotations

import unicodedata
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pptx.enum.text import MSO_ANCHOR

from buyin_cli.errors import TemplateError, display_path
from buyin_cli.render.outline import Outline, Slide
from buyin_cli.render.pptx import oxml, paging, textfit, thin
from buyin_cli.render.pptx.charts import add_chart, chart_boxes
from buyin_cli.render.pptx.flow import add_flow
from buyin_cli.render.pptx.layout import (EMU_PER_PT, INSET_X, Place, inherited_align, inherited_size, inner, plan,
                                          slide_label, table_box)
from buyin_cli.render.pptx.package import build_time, write_package
from buyin_cli.render.pptx.templatefile import default_template, open_template
from buyin_cli.render.pptx.shapes import (add_callouts, add_line, add_slide_number, footer_box,
                                          master_margin)
from buyin_cli.render.pptx.skeleton import PH, LayoutFacts, SlideMaker, placeholder_sp, remove_unused
from buyin_cli.render.pptx.tables import add_table, table_font
from buyin_cli.render.pptx.textfit import Para
from buyin_cli.render.pptx.textxml import Paragraph, Run, fill_placeholder
from buyin_cli.render.pptx.titles import grid_size, statement
from buyin_cli.render.pptx.upright import upright
from buyin_cli.words import clip

if TYPE_CHECKING:  # what `buyin watch` keeps between builds; a plain build never imports it
    from buyin_cli.render.pptx.reuse import SlideMemo

TITLE_FLOOR, BODY_FLOOR = 20, paging.BODY_FLOOR
BODY_COMFORT = 16  # points: the least a list beside a chart reads at where it can (body 16-20 pt)
TITLE_LINES = 2  # a title stands in two lines at most


def build_deck(outline: Outline, pptx_template: Path | None, memo: SlideMemo | None = None,
               titles: list[str] | None = None) -> bytes:
    """The .pptx bytes for `outline`: the same outline and template give the same bytes.

    With `memo` (what `buyin watch` keeps between saves), each slide built is kept, and
    one whose outline, settings, template and position are unchanged is copied in
    rather than built again: the bytes are the same either way.
    `titles`, when given, receives each outline slide's title as its first page shows it:
    the form that fitted, which the talking points then list.
    """
    prs, template = open_template(pptx_template)
    oxml.drop_all_slides(prs)
    refused = oxml.template_payload(prs)
    if refused is not None:
        shown = display_path(Path(pptx_template or default_template()))
        raise TemplateError(f"{shown}: refused as a PowerPoint template: {refused}")
    # In the outline's order: schedule() has put the backup after the presented slides.
    ordered = outline.slides
    maker = SlideMaker(prs)
    grid = grid_size(prs, {spec.layout: maker.facts(spec.layout) for spec in ordered}, outline)
    settings = f"{outline.model_dump_json(exclude={'slides'})} {grid}" if memo is not None else ""
    for number, spec in enumerate(ordered, start=1):
        first = len(prs.slides)
        if memo is None:
            _add_slides(maker, outline, spec, number, grid)
        else:  # the slide's pages as kept, else built and kept
            memo.add(prs, (template, settings, spec.model_dump_json(), number),
                     partial(_add_slides, maker, outline, spec, number, grid))
        if titles is not None:
            titles.append(oxml.title_text(prs.slides[first]) or spec.title)
    when = build_time()
    props = prs.core_properties
    props.title = _property(outline.meta.title or outline.slides[0].title)
    props.author = props.last_modified_by = _property(outline.meta.author or "")
    props.subject = _property(outline.meta.subject or "")
    if outline.meta.language:
        props.language = _property(outline.meta.language)
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when
    return write_package(oxml.package_members(prs), when)


def _property(text: str) -> str:
    return text if len(text) <= 255 else text[:254] + "…"  # a document property: 255 characters at most


# Slides ------------------------------------------------------------------

# Characters that would break the one-line error or hide what a name is: controls, line and
# paragraph separators, and the invisible format characters (bidi overrides among them).
_UNSEEN = ("Cc", "Cf", "Zl", "Zp")


def _quoted(name: str) -> str:
    """A layout name from a corporate deck, quoted, each unseen character shown as its code."""
    shown = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _UNSEEN else ch
                    for ch in clip(name or "", 60))
    return f'"{shown}"'


def _short_under(maker: SlideMaker, layout: LayoutFacts, spec: Slide, place: Place, body: list[Para],
                 size: float, text: paging.TextPages) -> bool:
    """Whether a list alone on its one page, held at `size` (its title's) under the size it was
    fitted at, leaves its box half empty."""
    if size >= text.size or len(text.pages) != 1 or not thin.alone(spec) or spec.table is not None:
        return False
    steps = maker.cache.get(("text", layout.name, place.idx), (0.0, ()))[1]
    return thin.statement_size(body, inner(place.box), steps, size, text.floor, thin.short_of(spec)) is not None


def _add_slides(maker: SlideMaker, outline: Outline, spec: Slide, number: int, grid: float = 32) -> None:
    """The slide `spec` as one or more pages: planned, paged, then each page drawn, numbered and noted."""
    layout = _layout(maker, spec, number)
    spec = thin.suited(spec)  # a one-row table alone is read down as pairs
    places = plan(layout, spec, number)
    text = paging.text_pages(maker.prs, layout, places, spec, maker.cache)
    if "text" in places and "visual" in places and places["visual"].box[2] > places["text"].box[2] and (
            len(text.pages) > 1 or text.size < BODY_COMFORT):
        # A chart widened to a readable plot gives back its room before the list beside it
        # continues, or reads under BODY_COMFORT where it need not.
        halves = plan(layout, spec, number, widen=False)
        halved = paging.text_pages(maker.prs, layout, halves, spec, maker.cache)
        if (len(halved.pages), -halved.size) < (len(text.pages), -text.size):
            places, text = halves, halved
    spec, places = paging.fit_callouts(layout, spec, number, places)
    spec, places, text = paging.keep_whole(maker.prs, layout, spec, number, places, text, maker.cache)
    spec, places = paging.chart_room(layout, spec, number, places)
    table = paging.table_pages(places, spec, _table_font(maker) if spec.table is not None else textfit.WIDEST)
    if spec.whole and spec.footnote and len(table.pages) > 1:
        # A table that must stay whole (the numbers) says its footnote from the notes before it continues.
        spec = spec.model_copy(update={"footnote": None, "notes": f"{spec.notes}\n{spec.footnote}"})
        places = plan(layout, spec, number)
        table = paging.table_pages(places, spec, _table_font(maker))
    # Numbered unless the layout named is a cover's: a section header swapped for the title
    # layout (upright.py) keeps its footer. Such a slide's title is all it says (a question,
    # a quote): it may take a third line, and so read larger, rather than a shorter form.
    named = maker.facts(spec.layout)
    cover, top = named.of_type(PH.CENTER_TITLE) is not None, None if statement(named) else grid  # type: ignore
    numbered = outline.slide_numbers and not cover
    lines = TITLE_LINES + (not cover and not (spec.body or spec.link or spec.table or spec.all_charts
                                              or spec.callouts or spec.flow))
    pages = max(len(text.pages), len(table.pages), table.chart_page + 1)
    for page in range(pages):
        slide = maker.add_slide(layout)
        used = _draw_page(maker, slide, layout, places, outline, spec, text, table, page, pages, lines, top)
        remove_unused(slide, used)
        if numbered:
            add_slide_number(maker.prs, slide, layout, len(maker.prs.slides))
            if outline.footer:
                add_line(slide, *footer_box(layout, _margin(maker), outline.footer))
        if spec.hidden:
            oxml.hide_slide(slide)
        # A continuation is not a new slide to present: it has no time and no notes of its own;
        # what the whole slide left out is said from the notes (a heading left out is not a thing
        # to say, nor a line the notes already say).
        unsaid = [p.text for p in text.left_out if not p.bold and not _said(spec.notes, p.text)]
        maker.set_notes(slide, "\n".join([spec.notes.rstrip("\n")] + unsaid if unsaid else [spec.notes])
                        if page == 0 else outline.continued_notes)


def _said(notes: str, line: str) -> bool:
    """Whether the notes already say a line the slide left out, in its words after its label
    ("Evidence: …" beside "The evidence in one line: …")."""
    return line.split(": ", 1)[-1].rstrip(". ") in notes


def _layout(maker: SlideMaker, spec: Slide, number: int) -> LayoutFacts:
    layout = maker.facts(spec.layout)
    if layout is None:
        names = ", ".join(_quoted(lay.name) for lay in maker.prs.slide_layouts)
        raise TemplateError(f'{slide_label(number, spec)}: the PowerPoint template has no layout '
                            f'{_quoted(spec.layout)} (it has: {names})')
    # A section header with its text above its title, or its title in capitals, is swapped.
    every = (maker.facts(lay.name) for lay in maker.prs.slide_layouts)
    return upright(maker.prs, layout, spec, (lay for lay in every if lay is not None), maker.cache)


def _table_font(maker: SlideMaker) -> textfit.Font:
    if "table font" not in maker.cache:
        maker.cache["table font"] = table_font(maker.prs)
    return maker.cache["table font"]  # type: ignore[no-any-return]


def _margin(maker: SlideMaker) -> int:
    if "margin" not in maker.cache:
        maker.cache["margin"] = master_margin(maker.master_placeholders)
    return maker.cache["margin"]  # type: ignore[no-any-return]


def _draw_page(maker: SlideMaker, slide: Any, layout: LayoutFacts, places: dict[str, Place], outline: Outline,
               spec: Slide, text: paging.TextPages, table: paging.TablePages, page: int, pages: int,
               lines: int = TITLE_LINES, top: float | None = None) -> set[int]:
    """Draw one page of the slide: title, subtitle, list, charts, bands, table. The placeholders used."""
    used = {places["title"].idx}
    size = _fill_title(maker, slide, layout, places["title"],  # the title, then its shorter forms
                [form + (outline.continued if page else "") for form in spec.title_forms], lines, top)
    if spec.subtitle is not None and page == 0:
        _fill_subtitle(maker, slide, layout, places["subtitle"], spec.subtitle, size)
        used.add(places["subtitle"].idx)
    body = (thin.unbulleted if text.statement else list)(text.pages[page] if page < len(text.pages) else [])
    rows = table.pages[page] if spec.table is not None and page < len(table.pages) else None
    charts = spec.all_charts
    visual = (bool(charts) and page == table.chart_page) or rows is not None
    # A continuation page holding only the list or only the table spreads over both
    # halves: wider boxes only ever need fewer lines, so the page still fits.
    whole = places.get("whole")
    if body:
        text_place = places["text"] if visual or whole is None else Place(places["text"].idx, whole.box)
        _fill_body(slide, text_place, body, min(text.size, size), text.floor)  # never over its title
        if text.statement or _short_under(maker, layout, spec, text_place, body, min(text.size, size), text):
            # A short text alone: set large, in the middle of its box; or, held under its
            # title's size and so left short, in the middle all the same.
            slide.placeholders[text_place.idx].text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        used.add(places["text"].idx)
    if page == table.chart_page:
        for chart, chart_box in zip(charts, chart_boxes(table.chart_area, len(charts))):
            add_chart(slide, chart_box, chart, outline.meta.language)
    if page == 0:
        if spec.callouts:
            add_callouts(slide, places["callouts"].box, spec.callouts)
        if spec.flow:
            add_flow(slide, places["flow"].box, spec.flow)
    if spec.footnote and page == pages - 1:
        add_line(slide, places["footnote"].box, spec.footnote)
    if rows is not None and spec.table is not None and table.font is not None:
        t_at = table.at or (places["visual"].box if body or whole is None else whole.box)
        alone = (thin.alone(spec) and pages == 1) or (table.grown and len(table.pages) == 1)
        least = int(thin.TABLE_FILL * t_at[3]) if alone else 0  # grown, not half-empty
        add_table(slide, t_at[0] + int(INSET_X * EMU_PER_PT), t_at[1], table_box(t_at).width,
                  spec.table, rows, table.size, table.widths, table.font, least)
    return {idx for idx in used if idx is not None}


def _inherited(maker: SlideMaker, layout: LayoutFacts, idx: int | None, style: str, default: float) -> float:
    key = (style, layout.name, idx)
    if key not in maker.cache:
        maker.cache[key] = inherited_size(maker.prs, layout.placeholder(idx), style, default)
    return maker.cache[key]  # type: ignore[no-any-return]


def _fill_title(maker: SlideMaker, slide: Any, layout: LayoutFacts, place: Place, forms: list[str],
                lines: int = TITLE_LINES, top: float | None = None) -> float:
    """The title in its box, as large as it stands in `lines` lines, from its layout's size (at
    most `top`); its size."""
    start = _inherited(maker, layout, place.idx, "title", 32)
    start = start if top is None else min(start, top)
    floor = min(start, TITLE_FLOOR)
    box = place.box
    wider = _grid_box(maker, layout, place)
    if wider is not None and all(textfit.fit_size(form, inner(box), start, floor, True, lines) is None
                                 for form in forms):
        box = wider  # a cover's centred title too long for its box takes the grid's width
    # Too long even at the floor, a title takes its shorter form; never cut ("…on Wards 3A").
    text, size = textfit.fit_first(forms, inner(box), start, floor, bold=True, max_lines=lines)
    fill_placeholder(slide.part, placeholder_sp(slide, place.idx), box, [Paragraph((Run(text, size),))])
    return size


def _grid_box(maker: SlideMaker, layout: LayoutFacts, place: Place) -> tuple[int, int, int, int] | None:
    """A centre title's box widened to the master title's margins, when those are wider."""
    if layout.of_type(PH.CENTER_TITLE) is None:
        return None
    grid = next((ph for ph in maker.master_placeholders if ph.placeholder_format.type == PH.TITLE
                 and ph.width), None)
    _, y, w, h = place.box
    if grid is None or grid.width <= w:
        return None
    return (int(grid.left), y, int(grid.width), h)


def _fill_subtitle(maker: SlideMaker, slide: Any, layout: LayoutFacts, place: Place, text: str,
                   title: float) -> None:
    """The subtitle, never larger than its `title` (pt): a long cover title read at 20 pt
    keeps the lines under it smaller still."""
    start = min(_inherited(maker, layout, place.idx, "body", 22), max(title - 2, BODY_FLOOR))
    subtitle, size = textfit.fit_first([text], inner(place.box), start, min(start, BODY_FLOOR))
    # One paragraph per line, each aligned as the placeholder is: a line break inside
    # one run is a paragraph the renderer aligns its own way.
    key = ("align", layout.name, place.idx)
    if key not in maker.cache:
        maker.cache[key] = inherited_align(maker.prs, layout.placeholder(place.idx), "body")
    fill_placeholder(slide.part, placeholder_sp(slide, place.idx), place.box,
                     [Paragraph((Run(line, size),), align=maker.cache[key]) for line in subtitle.split("\n")])


def _fill_body(slide: Any, place: Place, paras: list[Para], size: float, floor: float) -> None:
    written = []
    for para in paras:
        psize = textfit.para_size(para, size, floor)
        # not para.bullet: a link, or the tail of a bullet split across slides
        written.append(Paragraph((Run(para.text, psize, para.bold, para.link),), level=para.level,
                                 space_before=textfit.space_before(psize, para.level), bullet=para.bullet))
    fill_placeholder(slide.part, placeholder_sp(slide, place.idx), place.box, written)
