"""The PowerPoint renderer: an Outline becomes an editable .pptx, laid out so nothing overflows.

Every word comes from the outline; layout.py decides where each thing goes,
textfit/ at what size, and charts.py and tables.py draw the chart and the table
in the boxes chosen. A list or table too long for its box continues on slides
with the same layout, the title suffixed with `outline.continued`; the chart
stays on the first of them, and a continuation holding only the list or only
the table uses both halves.
"""

from __future__ import annotations

import io
from functools import partial
import unicodedata
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER as PH
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Pt

from buyin_cli.errors import TemplateError, display_path
from buyin_cli.packaged import packaged_dir
from buyin_cli.render.outline import Outline, Slide
from buyin_cli.render.pptx import oxml, textfit, thin
from buyin_cli.render.pptx.charts import add_chart, chart_boxes
from buyin_cli.render.pptx.layout import (EMU_PER_PT, GAP, INSET_X, INSET_Y, Place, indents, inherited_align,
                                          inherited_size, inner, layout_placeholder, plan, slide_label,
                                          table_box)
from buyin_cli.render.pptx.package import build_time, normalize_package, read_presentation
from buyin_cli.render.pptx.reuse import SlideMemo
from buyin_cli.render.pptx.shapes import add_callouts, add_flow, add_line, add_slide_number, footer_box
from buyin_cli.render.pptx.tables import add_table, body_rows, table_font
from buyin_cli.render.pptx.textfit import Para
from buyin_cli.words import clip

TITLE_FLOOR, BODY_FLOOR, TABLE_START, TABLE_FLOOR = 20, 14, 20, 12
# A title stands in two lines at most; a continued list reads at 20 pt at most (32 leaves a bullet a slide).
TITLE_LINES, BODY_SPLIT = 2, 20
WHOLE_FLOOR = 12  # a slide that must not continue may read this small, never smaller
TABLE_SHARE = 0.5  # of the content area, for a table with a chart under it


def build_deck(outline: Outline, pptx_template: Path | None, memo: SlideMemo | None = None) -> bytes:
    """The .pptx bytes for `outline`: the same outline and template give the same bytes.

    With `memo` (what `buyin watch` keeps between saves), each slide built is kept, and
    one whose outline, settings, template and position are unchanged is copied in
    rather than built again: the bytes are the same either way.
    """
    prs, template = _open(pptx_template)
    oxml.drop_all_slides(prs)
    refused = oxml.template_payload(prs)
    if refused is not None:
        shown = display_path(Path(pptx_template or default_template()))
        raise TemplateError(f"{shown}: refused as a PowerPoint template: {refused}")
    # In the outline's order: schedule() has put the backup after the presented slides.
    ordered = outline.slides
    settings = outline.model_dump_json(exclude={"slides"}) if memo is not None else ""
    for number, spec in enumerate(ordered, start=1):
        if memo is None:
            _add_slides(prs, outline, spec, number)
        else:  # the slide's pages as kept, else built and kept
            memo.add(prs, (template, settings, spec.model_dump_json(), number),
                     partial(_add_slides, prs, outline, spec, number))
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
    buffer = io.BytesIO()
    prs.save(buffer)
    return normalize_package(buffer.getvalue(), when)


def _property(text: str) -> str:
    """A document property: the format holds at most 255 characters."""
    return text if len(text) <= 255 else text[:254] + "…"


def default_template() -> Path:
    """The bundled template, default.pptx."""
    return packaged_dir("templates") / "default.pptx"


def open_template(path: Path | None) -> Any:
    """A Presentation from a .pptx or .potx: the user's corporate template, or the bundled one."""
    return _open(path)[0]


def _open(path: Path | None) -> tuple[Any, bytes]:
    """The template as a Presentation, and the bytes it was read from."""
    path = Path(path) if path is not None else default_template()
    blob = read_presentation(path)
    try:
        return Presentation(io.BytesIO(blob)), blob
    except Exception as exc:  # noqa: BLE001 - XML or part trouble: all mean "not a usable deck"
        raise TemplateError(f"{path}: not a usable PowerPoint template ({exc})") from None


def verify_deck(path: Path) -> None:
    """Reopen a written deck: python-pptx must be able to read what it saved."""
    Presentation(str(path))


# Slides ------------------------------------------------------------------

# Characters that would break the one-line error or hide what a name is: controls, line and
# paragraph separators, and the invisible format characters (bidi overrides among them).
_UNSEEN = ("Cc", "Cf", "Zl", "Zp")


def _quoted(name: str) -> str:
    """A layout name from a corporate deck, quoted, each unseen character shown as its code."""
    shown = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _UNSEEN else ch
                    for ch in clip(name or "", 60))
    return f'"{shown}"'


def _add_slides(prs: Any, outline: Outline, spec: Slide, number: int) -> None:
    layout = prs.slide_layouts.get_by_name(spec.layout)
    if layout is None:
        names = ", ".join(_quoted(lay.name) for lay in prs.slide_layouts)
        raise TemplateError(f'{slide_label(number, spec)}: the PowerPoint template has no layout '
                            f'{_quoted(spec.layout)} (it has: {names})')
    spec = thin.suited(spec)  # a one-row table alone is read down as pairs
    places = plan(prs, layout, spec, number)
    paras = [Para(b.text, b.level, b.bold) for b in spec.body or []]
    if spec.link is not None:
        paras.append(Para(spec.link.text, bullet=False, link=spec.link.url))
    body_pages: list[list[Para]] = [[]]
    body_size, floor, left_out = 0.0, float(BODY_FLOOR), list[Para]()
    statement: float | None = None  # a short text alone on its slide: its larger size
    if paras:
        ph = layout_placeholder(layout, places["text"].idx)
        size = inherited_size(prs, ph, "body", 20)
        box, steps = inner(places["text"].box), indents(prs, ph)
        if thin.alone(spec) and spec.table is None:
            statement = thin.statement_size(paras, box, steps, size, BODY_FLOOR)
        size = statement or size
        # A slide that must not continue (the decision) leaves out its details, then reads smaller.
        fitted = spec.whole and textfit.fit_whole(paras, box, steps, size, BODY_FLOOR, WHOLE_FLOOR, [
            b.detail for b in spec.body or []] + [False] * (spec.link is not None))
        if fitted:
            body_size, kept, left_out = fitted
            body_pages, floor = [kept], min(BODY_FLOOR, body_size)
        else:
            body_size, body_pages = textfit.fit_body(paras, box, steps, size, BODY_FLOOR,
                                                     max(BODY_FLOOR, min(size - 2, BODY_SPLIT)))
    table_pages: list[list[int]] = [[]]
    charts = spec.all_charts
    chart_area = places.get("visual", places["area"]).box
    if spec.table is not None:
        t_font = table_font(prs)
        t_box = places["visual"].box
        if charts:  # the table above, the chart under it
            x, y, w, h = t_box
            t_box = (x, y, w, int(h * TABLE_SHARE))
            gap = int(GAP * EMU_PER_PT)
            chart_area = (x, y + t_box[3] + gap, w, h - t_box[3] - gap)
        t_args = (spec.table.columns, body_rows(spec.table), table_box(t_box))
        t_start = thin.table_start(*t_args, TABLE_START, TABLE_FLOOR, t_font, spec.table.total is not None) if (
            thin.alone(spec)) else TABLE_START
        t_size, t_widths, table_pages = textfit.fit_table(*t_args, t_start, TABLE_FLOOR, t_font,
                                                          bold_last=spec.table.total is not None)
        if charts:  # the chart takes what the table's first page leaves
            all_rows = body_rows(spec.table)
            height = textfit.row_height(spec.table.columns, t_widths, t_size, True, t_font) + sum(
                textfit.row_height(all_rows[i], t_widths, t_size, True, t_font) for i in table_pages[0])
            x, y, w, h = places["visual"].box
            top = y + int(height * EMU_PER_PT) + gap
            chart_area = (x, top, w, y + h - top)
    numbered = outline.slide_numbers and not any(
        ph.placeholder_format.type == PH.CENTER_TITLE for ph in layout.placeholders)
    pages = max(len(body_pages), len(table_pages))
    for page in range(pages):
        slide = prs.slides.add_slide(layout)
        used = {places["title"].idx}
        _fill_title(prs, slide, layout, places["title"],  # the title, then its shorter forms
                    [form + (outline.continued if page else "") for form in spec.title_forms])
        if spec.subtitle is not None and page == 0:
            _fill_subtitle(prs, slide, layout, places["subtitle"], spec.subtitle)
            used.add(places["subtitle"].idx)
        body = body_pages[page] if page < len(body_pages) else []
        rows = table_pages[page] if spec.table is not None and page < len(table_pages) else None
        visual = (bool(charts) and page == 0) or rows is not None
        # A continuation page holding only the list or only the table spreads over both
        # halves: wider boxes only ever need fewer lines, so the page still fits.
        whole = places.get("whole")
        if body:
            text_place = places["text"] if visual or whole is None else Place(places["text"].idx, whole.box)
            _fill_body(slide, text_place, body, body_size, floor)
            if statement:  # a short text alone: set large, in the middle of its box
                slide.placeholders[text_place.idx].text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            used.add(places["text"].idx)
        if page == 0:
            for chart, chart_box in zip(charts, chart_boxes(chart_area, len(charts))):
                add_chart(slide, chart_box, chart, outline.meta.language)
            if spec.callouts:
                add_callouts(slide, places["callouts"].box, spec.callouts)
            if spec.flow:
                add_flow(slide, places["flow"].box, spec.flow)
        if spec.footnote and page == pages - 1:
            add_line(slide, places["footnote"].box, spec.footnote)
        if rows is not None and spec.table is not None:
            t_at = places["visual"].box if body or whole is None else whole.box
            least = int(thin.THIN * t_at[3]) if thin.alone(spec) and pages == 1 else 0  # grown, not half-empty
            add_table(slide, t_at[0] + int(INSET_X * EMU_PER_PT), t_at[1], table_box(t_at).width,
                      spec.table, rows, t_size, t_widths, t_font, least)
        for shape in list(slide.placeholders):
            if shape.placeholder_format.idx not in used:  # no empty "Click to add text" boxes
                oxml.remove_shape(shape)
        if numbered:
            add_slide_number(prs, slide, layout, len(prs.slides))
            if outline.footer:
                add_line(slide, footer_box(prs, layout), outline.footer)
        if spec.hidden:
            oxml.hide_slide(slide)
        # A continuation is not a new slide to present: it has no time and no notes of its own;
        # what the whole slide left out is said from the notes (a heading left out is not a thing to say).
        slide.notes_slide.notes_text_frame.text = ("\n".join([spec.notes] + [p.text for p in left_out if not p.bold])
                                                   if page == 0 else outline.continued_notes)


def _prepare(frame: Any) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # the fitting is done here; no renderer shrinking
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)


def _placeholder(slide: Any, place: Place) -> Any:
    ph = slide.placeholders[place.idx]
    ph.left, ph.top, ph.width, ph.height = place.box
    return ph


def _fill_title(prs: Any, slide: Any, layout: Any, place: Place, forms: list[str]) -> None:
    start = inherited_size(prs, layout_placeholder(layout, place.idx), "title", 32)
    # Too long even at the floor, a title takes its shorter form; never cut ("…on Wards 3A").
    text, size = textfit.fit_first(forms, inner(place.box), start, min(start, TITLE_FLOOR),
                                   bold=True, max_lines=TITLE_LINES)
    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    paragraph = frame.paragraphs[0]
    paragraph.line_spacing = 1.0
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)


def _fill_subtitle(prs: Any, slide: Any, layout: Any, place: Place, text: str) -> None:
    start = inherited_size(prs, layout_placeholder(layout, place.idx), "body", 22)
    subtitle, size = textfit.fit_first([text], inner(place.box), start, min(start, BODY_FLOOR))
    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    # One paragraph per line, each aligned as the placeholder is: a line break inside
    # one run is a paragraph the renderer aligns its own way.
    align = inherited_align(prs, layout_placeholder(layout, place.idx), "body")
    for i, line in enumerate(subtitle.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.line_spacing = 1.0
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)


def _fill_body(slide: Any, place: Place, paras: list[Para], size: float, floor: float) -> None:
    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.level = para.level
        psize = textfit.level_size(size, para.level, floor)
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(textfit.space_before(psize, para.level))
        if not para.bullet:  # a link, or the tail of a bullet split across slides
            oxml.no_bullet(paragraph)
        run = paragraph.add_run()
        run.text = para.text
        run.font.size = Pt(psize)
        if para.bold:
            run.font.bold = True
        if para.link:
            run.hyperlink.address = para.link
