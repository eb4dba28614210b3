"""The PowerPoint renderer: an Outline becomes an editable .pptx, laid out so nothing overflows.

python-pptx is imported inside the functions, so commands that never write a
deck do not pay for it. Every word comes from the outline; this module only
decides where it goes and at what size; charts.py and tables.py draw
the chart and the table in the boxes chosen here.

Placement rules (by placeholder type, never by index):
- title → the title (or centre title) placeholder, shrunk to fit, then wrapped;
- subtitle → the subtitle placeholder, else the topmost body/content placeholder;
- body (and link) → the largest body/content placeholder;
- chart or table → the largest content placeholder, or the area under the title
  when the layout has none ("Title Only"); beside a body, the layout's second
  content placeholder (on the right) if it has one, else the right half of the one.
A list or table too long for its box continues on slides with the same layout,
the title suffixed with `outline.continued`; the chart stays on the first of them,
and a continuation holding only the list or only the table uses both halves.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from buyin_cli.render.pptx import textfit
from buyin_cli.render.atomic import write_atomic
from buyin_cli.render.pptx.charts import add_chart
from buyin_cli.errors import TemplateError
from buyin_cli.packaged import packaged_dir
from buyin_cli.render.outline import Outline, Slide
from buyin_cli.render.pptx.package import build_time, normalize_package, read_presentation
from buyin_cli.render.pptx.tables import add_table, table_font
from buyin_cli.render.pptx.textfit import Box, Para

EMU_PER_PT = 12700
INSET_X, INSET_Y = 7.2, 3.6  # text frame insets in points (0.1 in, 0.05 in)
GAP = 0.3 * 72  # points between a body and the chart or table beside it
TITLE_FLOOR, BODY_FLOOR, TABLE_START, TABLE_FLOOR = 20, 14, 18, 12
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def render_deck(outline: Outline, pptx_template: Path | None, out: Path) -> None:
    """Render `outline` on `pptx_template` (or the bundled default) and write it to `out`."""
    write_atomic(out, build_deck(outline, pptx_template), verify=verify_deck)


def build_deck(outline: Outline, pptx_template: Path | None) -> bytes:
    """The .pptx bytes for `outline`: the same outline and template give the same bytes."""
    prs = open_template(pptx_template)
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):  # the template's own slides go
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    for number, spec in enumerate(outline.slides, start=1):
        _add_slides(prs, outline, spec, number)
    when = build_time()
    props = prs.core_properties
    props.title = _property(outline.meta.title or outline.slides[0].title)
    props.author = props.last_modified_by = _property(outline.meta.author or "")
    props.subject = _property(outline.meta.subject or "")
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
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "templates" / "default.pptx"


def open_template(path: Path | None) -> Any:
    """A Presentation from a .pptx or .potx: the user's corporate template, or the bundled one."""
    from pptx import Presentation

    path = Path(path) if path is not None else default_template()
    blob = read_presentation(path)
    try:
        return Presentation(io.BytesIO(blob))
    except Exception as exc:  # XML or part trouble: all mean "not a usable deck"
        raise TemplateError(f"{path}: not a usable PowerPoint template ({exc})") from None


def verify_deck(path: Path) -> None:
    """Reopen a written deck: python-pptx must be able to read what it saved."""
    from pptx import Presentation

    Presentation(str(path))


# Slides ------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where one thing goes: a placeholder idx (or None for a free shape) and its box in EMU."""

    idx: int | None
    box: tuple[int, int, int, int]


def _label(number: int, spec: Slide) -> str:
    return f"slide {number} (\u201c{spec.title}\u201d)"


def _add_slides(prs: Any, outline: Outline, spec: Slide, number: int) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    layout = prs.slide_layouts.get_by_name(spec.layout)
    if layout is None:
        names = ", ".join(f'"{lay.name}"' for lay in prs.slide_layouts)
        raise TemplateError(f'{_label(number, spec)}: the PowerPoint template has no layout '
                            f'"{spec.layout}" (it has: {names})')
    places = _plan(prs, layout, spec, number)
    paras = [Para(b.text, b.level, b.bold) for b in spec.body or []]
    if spec.link is not None:
        paras.append(Para(spec.link.text, bullet=False, link=spec.link.url))
    body_pages: list[list[Para]] = [[]]
    body_size = 0.0
    if paras:
        ph = _layout_ph(layout, places["text"].idx)
        size = _inherited_size(prs, ph, "body", 20)
        body_size, body_pages = textfit.fit_body(
            paras, _inner(places["text"].box), _indents(prs, ph), size, BODY_FLOOR, max(BODY_FLOOR, size - 2))
    table_pages: list[list[int]] = [[]]
    if spec.table is not None:
        t_font = table_font(prs)
        t_size, t_widths, table_pages = textfit.fit_table(
            spec.table.columns, spec.table.rows, _table_box(places["visual"].box), TABLE_START, TABLE_FLOOR,
            t_font)
    numbered = outline.slide_numbers and not any(
        ph.placeholder_format.type == PH.CENTER_TITLE for ph in layout.placeholders)
    for page in range(max(len(body_pages), len(table_pages))):
        slide = prs.slides.add_slide(layout)
        used = {places["title"].idx}
        title = spec.title + (outline.continued if page else "")
        _fill_title(prs, slide, layout, places["title"], title, number, spec)
        if spec.subtitle is not None and page == 0:
            _fill_subtitle(prs, slide, layout, places["subtitle"], spec, number)
            used.add(places["subtitle"].idx)
        body = body_pages[page] if page < len(body_pages) else []
        rows = table_pages[page] if spec.table is not None and page < len(table_pages) else None
        visual = (spec.chart is not None and page == 0) or rows is not None
        # A continuation page holding only the list or only the table spreads over both
        # halves: wider boxes only ever need fewer lines, so the page still fits.
        whole = places.get("whole")
        if body:
            text_place = places["text"] if visual or whole is None else _Place(places["text"].idx, whole.box)
            _fill_body(slide, text_place, body, body_size)
            used.add(places["text"].idx)
        if spec.chart is not None and page == 0:
            add_chart(slide, places["visual"].box, spec.chart)
        if rows is not None:
            box = places["visual"].box if body or whole is None else whole.box
            add_table(slide, box[0] + int(INSET_X * EMU_PER_PT), box[1], _table_box(box).width,
                      spec.table, rows, t_size, t_widths, t_font)
        for shape in list(slide.placeholders):
            if shape.placeholder_format.idx not in used:  # no empty "Click to add text" boxes
                shape._element.getparent().remove(shape._element)
        if numbered:
            _add_slide_number(prs, slide, layout, len(prs.slides))
        slide.notes_slide.notes_text_frame.text = spec.notes


def _plan(prs: Any, layout: Any, spec: Slide, number: int) -> dict[str, _Place]:
    """Decide which placeholder (or area) takes the title, subtitle, text and chart/table."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    def box(ph: Any) -> tuple[int, int, int, int]:
        return (ph.left, ph.top, ph.width, ph.height)

    def missing(what: str) -> TemplateError:
        kinds = ", ".join(ph.placeholder_format.type.name.lower().replace("_", " ")
                          for ph in layout.placeholders) or "no placeholders"
        return TemplateError(f'{_label(number, spec)}: layout "{layout.name}" has no {what} '
                             f'placeholder (it has: {kinds})')

    phs = list(layout.placeholders)
    titles = [ph for ph in phs if ph.placeholder_format.type in (PH.TITLE, PH.CENTER_TITLE)]
    if not titles:
        raise missing("title")
    places = {"title": _Place(titles[0].placeholder_format.idx, box(titles[0]))}
    contents = sorted((ph for ph in phs if ph.placeholder_format.type in (PH.BODY, PH.OBJECT)),
                      key=lambda ph: -ph.width * ph.height)
    if spec.subtitle is not None:
        subtitles = [ph for ph in phs if ph.placeholder_format.type == PH.SUBTITLE]
        if not subtitles:
            if not contents:
                raise missing("subtitle or body")
            subtitles = [min(contents, key=lambda ph: ph.top)]
            contents.remove(subtitles[0])
        places["subtitle"] = _Place(subtitles[0].placeholder_format.idx, box(subtitles[0]))
    has_text = bool(spec.body) or spec.link is not None
    has_visual = spec.chart is not None or spec.table is not None
    if has_text and not contents:
        raise missing("body")
    if has_text and has_visual:
        if len(contents) >= 2:
            left, right = sorted(contents[:2], key=lambda ph: ph.left)
            places["text"] = _Place(left.placeholder_format.idx, box(left))
            places["visual"] = _Place(None, box(right))
            x, y = min(left.left, right.left), min(left.top, right.top)
            places["whole"] = _Place(None, (x, y, max(left.left + left.width, right.left + right.width) - x,
                                            max(left.top + left.height, right.top + right.height) - y))
        else:
            x, y, w, h = box(contents[0])
            half = (w - int(GAP * EMU_PER_PT)) // 2
            places["text"] = _Place(contents[0].placeholder_format.idx, (x, y, half, h))
            places["visual"] = _Place(None, (x + w - half, y, half, h))
            places["whole"] = _Place(None, (x, y, w, h))
    elif has_text:
        places["text"] = _Place(contents[0].placeholder_format.idx, box(contents[0]))
    elif has_visual:
        if contents:
            places["visual"] = _Place(None, box(contents[0]))
        else:  # e.g. "Title Only": everything under the title, above the footer line
            x, y, w, h = places["title"].box
            top = y + h + int(0.2 * 72 * EMU_PER_PT)
            places["visual"] = _Place(None, (x, top, w, int(prs.slide_height * 0.9) - top))
    return places


def _layout_ph(layout: Any, idx: int | None) -> Any:
    return next(ph for ph in layout.placeholders if ph.placeholder_format.idx == idx)


def _pt_box(box: tuple[int, int, int, int]) -> Box:
    return Box(box[2] / EMU_PER_PT, box[3] / EMU_PER_PT)


def _inner(box: tuple[int, int, int, int]) -> Box:
    outer = _pt_box(box)
    return Box(outer.width - 2 * INSET_X, outer.height - 2 * INSET_Y)


def _inherited_size(prs: Any, layout_ph: Any, style: str, default: float) -> float:
    """The font size (pt) a placeholder's first level inherits: layout, master placeholder, master style."""
    size = _inherited(prs, layout_ph, style, "a:defRPr", "sz")
    return int(size) / 100 if size else default


def _inherited_align(prs: Any, layout_ph: Any, style: str) -> Any:
    """The paragraph alignment a placeholder's first level inherits; left when nothing says."""
    from pptx.enum.text import PP_ALIGN

    names = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT, "just": PP_ALIGN.JUSTIFY}
    return names.get(_inherited(prs, layout_ph, style, None, "algn"), PP_ALIGN.LEFT)


def _inherited(prs: Any, layout_ph: Any, style: str, child: str | None, attr: str) -> str | None:
    """An attribute of the first list level (or its `child`): layout, master placeholder, master style."""
    from pptx.oxml.ns import qn

    master = prs.slide_master._element
    candidates = [layout_ph._element]
    ph_type = layout_ph._element.ph_type
    candidates += [sp for sp in master.iter(qn("p:sp")) if sp.ph is not None and sp.ph_type == ph_type]
    tail = f"/{qn(child)}" if child else ""
    for element in candidates:
        for found in element.iterfind(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}{tail}"):
            if found.get(attr):
                return found.get(attr)
    tag = {"title": "p:titleStyle", "body": "p:bodyStyle"}[style]
    for found in master.iterfind(f".//{qn(tag)}/{qn('a:lvl1pPr')}{tail}"):
        if found.get(attr):
            return found.get(attr)
    return None


def _indents(prs: Any, layout_ph: Any) -> tuple[float, ...]:
    """Left margin (pt) of each bullet level; the larger of the layout's and the master's."""
    from pptx.oxml.ns import qn

    master = prs.slide_master._element.find(f".//{qn('p:bodyStyle')}")
    out = []
    for n in range(1, 6):
        margins = []
        for root in (master, layout_ph._element.find(f".//{qn('a:lstStyle')}")):
            level = root.find(qn(f"a:lvl{n}pPr")) if root is not None else None
            if level is not None and level.get("marL") is not None:
                margins.append(int(level.get("marL")) / EMU_PER_PT)
        out.append(max(margins) if margins else 0.375 * 72 * n)  # PowerPoint's own default
    return tuple(out)


def _prepare(frame: Any) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # the fitting is done here; no renderer shrinking
    frame.margin_left = frame.margin_right = Pt(INSET_X)
    frame.margin_top = frame.margin_bottom = Pt(INSET_Y)


def _placeholder(slide: Any, place: _Place) -> Any:
    ph = slide.placeholders[place.idx]
    ph.left, ph.top, ph.width, ph.height = place.box
    return ph


def _fill_title(prs: Any, slide: Any, layout: Any, place: _Place, text: str, number: int,
                spec: Slide) -> None:
    from pptx.util import Pt

    start = _inherited_size(prs, _layout_ph(layout, place.idx), "title", 32)
    # A title too long for its box even at the floor is cut rather than shrunk unreadably
    # or left to spill over the content below.
    text, size = textfit.fit_or_shorten(text, _inner(place.box), start, min(start, TITLE_FLOOR),
                                        bold=True)
    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    paragraph = frame.paragraphs[0]
    paragraph.line_spacing = 1.0
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)


def _fill_subtitle(prs: Any, slide: Any, layout: Any, place: _Place, spec: Slide, number: int) -> None:
    from pptx.util import Pt

    start = _inherited_size(prs, _layout_ph(layout, place.idx), "body", 22)
    subtitle, size = textfit.fit_or_shorten(spec.subtitle, _inner(place.box), start,
                                            min(start, BODY_FLOOR))
    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    # One paragraph per line, each aligned as the placeholder is: a line break inside
    # one run is a paragraph the renderer aligns its own way.
    align = _inherited_align(prs, _layout_ph(layout, place.idx), "body")
    for i, line in enumerate(subtitle.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.line_spacing = 1.0
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)


def _fill_body(slide: Any, place: _Place, paras: list[Para], size: float) -> None:
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    frame = _placeholder(slide, place).text_frame
    _prepare(frame)
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.level = para.level
        psize = textfit.level_size(size, para.level, BODY_FLOOR)
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(textfit.space_before(psize, para.level))
        if not para.bullet:  # a link, or the tail of a bullet split across slides
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.set("indent", "0")
            p_pr.append(p_pr.makeelement(qn("a:buNone"), {}))
        run = paragraph.add_run()
        run.text = para.text
        run.font.size = Pt(psize)
        if para.bold:
            run.font.bold = True
        if para.link:
            run.hyperlink.address = para.link


def _table_box(box: tuple[int, int, int, int]) -> Box:
    """A table keeps the text inset on its left and right, so it lines up with the title."""
    return Box(box[2] / EMU_PER_PT - 2 * INSET_X, box[3] / EMU_PER_PT)


def _add_slide_number(prs: Any, slide: Any, layout: Any, number: int) -> None:
    """The layout's slide-number placeholder (or a small box bottom right) showing the number field."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls, qn
    from pptx.util import Inches

    source = next((ph for ph in layout.placeholders if ph.placeholder_format.type == PH.SLIDE_NUMBER), None)
    if source is not None:
        sp = copy.deepcopy(source._element)
        sp_pr = sp.find(qn("p:spPr"))
        for child in list(sp_pr):  # inherit the position from the layout
            sp_pr.remove(child)
        c_nv_pr = sp.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
        c_nv_pr.set("id", str(slide.shapes._next_shape_id))
        slide.shapes._spTree.append(sp)
        frame = slide.shapes[-1].text_frame
    else:
        frame = slide.shapes.add_textbox(prs.slide_width - Inches(1.6), prs.slide_height - Inches(0.55),
                                         Inches(1.0), Inches(0.35)).text_frame
        frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    field = next(frame._txBody.iter(qn("a:fld")), None)
    if field is None or field.get("type") != "slidenum":
        paragraph = frame.paragraphs[0]
        for child in list(paragraph._p):
            if child.tag != qn("a:pPr"):
                paragraph._p.remove(child)
        field = parse_xml(f'<a:fld {nsdecls("a")} id="{_SLIDE_NUMBER_FIELD}" type="slidenum">'
                          f'<a:rPr lang="en-GB" sz="1200"/><a:t/></a:fld>')
        paragraph._p.append(field)
    field.find(qn("a:t")).text = str(number)
