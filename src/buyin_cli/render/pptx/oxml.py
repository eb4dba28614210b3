"""Every use of python-pptx's private API and raw XML, in one place, so an upgrade is one file's work.

python-pptx has no public call for these: dropping a template's own slides,
removing a placeholder, a paragraph without a bullet, a cloned slide-number
field, chart details (level category labels, where an axis crosses), the
theme's body font and the list styles a placeholder inherits. Two modules write
slide XML directly, for speed, each saying which python-pptx calls it stands for:
skeleton.py (new slides and notes pages) and textxml.py (a placeholder's text).
Everything else in render/pptx uses the public API only.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from buyin_cli.words import clip, printable

_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


# Presentation and slides -------------------------------------------------


def drop_all_slides(prs: Any) -> None:
    """Remove the template's own slides, keeping its masters and layouts."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def package_members(prs: Any) -> Iterator[tuple[str, bytes]]:
    """The package's members (zip name, bytes) in the order python-pptx's `save` writes them,
    for package.write_package to zip once (saving, then re-zipping, compressed twice)."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, serialize_part_xml(_ContentTypesItem.xml_for(parts))
    yield PACKAGE_URI.rels_uri.membername, package._rels.xml
    for part in parts:
        yield part.partname.membername, part.blob
        if part._rels:
            yield part.partname.rels_uri.membername, part.rels.xml


_VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_VBA_TYPE = "application/vnd.ms-office.vbaProject"
_WEB = ("http://", "https://", "mailto:")


def template_payload(prs: Any) -> str | None:
    """Why buyin refuses what the template would carry into every deck; None when nothing.

    Looked at once the template's own slides are dropped, so only the parts every deck
    keeps count (masters, layouts, theme, the presentation itself). Refused: macros,
    whatever the file claims to be, and any external part PowerPoint fetches when the
    deck opens (a linked `file://` or web image, an OLE link, a linked template), since
    removing it would leave its shape pointing at nothing. Links people click to a
    web or mail address stay: they are the template's visible content.
    """
    package = prs.part.package
    for rel in package._rels.values():  # _rels/.rels: the package's own relationships
        if rel.is_external:
            return (f"/_rels/.rels has an external {rel.reltype.rpartition('/')[2]} "
                    f"('{clip(printable(rel.target_ref), 60)}'); a deck carries no link of the "
                    "package itself: remove it")
    for part in package.iter_parts():
        if not _understood(part):
            return (f"{part.partname} is a part buyin does not write into decks "
                    f"({clip(printable(part.content_type), 80)}: an embedded object, an ActiveX "
                    "control or a macro-enabled file, say); remove it from the masters and "
                    "layouts, or save the template without it")
        for rel in part.rels.values():
            if (not rel.is_external and rel.reltype.endswith(_EMBEDDING)
                    and not (rel.reltype.endswith("/package") and "drawingml.chart" in
                             part.content_type and _understood(rel.target_part))):
                return (f"{rel.target_part.partname} is a part buyin does not write into decks "
                        f"(an embedded {rel.reltype.rpartition('/')[2]} of {part.partname}); "
                        "remove it from the masters and layouts, or save the template without it")
        if part.content_type == _VBA_TYPE or any(rel.reltype == _VBA_PROJECT
                                                 for rel in part.rels.values()):
            return "it holds macros (a vbaProject part); save it as a .pptx without macros"
        for rel in part.rels.values():
            if not rel.is_external:
                continue
            target = clip(printable(rel.target_ref), 60)
            if rel.reltype == RT.HYPERLINK:
                if rel.target_ref.lower().startswith(_WEB):
                    continue
                return (f"{part.partname} links to '{target}', which is not a web or mail "
                        "address; remove the link or point it at an https:// address")
            kind = rel.reltype.rpartition("/")[2]
            return (f"{part.partname} has an external {kind} ('{target}') that PowerPoint "
                    "would fetch whenever a deck opens; embed it in the file instead of "
                    "linking to it")
    return None


# The parts a deck buyin writes may carry from a template: the presentation's own parts,
# masters, layouts, theme, document properties, pictures, fonts, charts and diagrams
# with their (macro-free) workbooks. Anything else reachable from what every deck keeps
# is refused: removing it would leave its shape pointing at nothing.
_UNDERSTOOD = ("application/vnd.openxmlformats-officedocument.presentationml.",
               "application/vnd.openxmlformats-officedocument.theme",
               "application/vnd.openxmlformats-officedocument.drawingml.",
               "application/vnd.ms-office.drawingml.", "application/vnd.ms-office.chart",
               "application/vnd.openxmlformats-package.core-properties+xml",
               "application/vnd.openxmlformats-officedocument.extended-properties+xml",
               "application/vnd.openxmlformats-officedocument.custom-properties+xml",
               "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
               "application/vnd.openxmlformats-officedocument.obfuscatedFont",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "application/x-fontdata", "application/x-font", "application/xml", "image/")
_MACRO_NAMES = (".xlsm", ".xlsb", ".xltm", ".docm", ".dotm", ".pptm", ".potm", ".ppsm")
# Relationships that embed a program or a document PowerPoint would open: whatever their
# target's content type claims. A chart's own workbook is the one package allowed.
_EMBEDDING = ("/oleObject", "/control", "/activeXControlBinary", "/package")


def _understood(part: Any) -> bool:
    kind = part.content_type.lower()
    name = str(part.partname).lower()
    return (any(kind.startswith(prefix.lower()) for prefix in _UNDERSTOOD)
            and not name.endswith(_MACRO_NAMES) and "macroenabled" not in kind
            and "activex" not in kind and "oleobject" not in kind)


def remove_shape(shape: Any) -> None:
    """Take a shape (an unused placeholder, say) off its slide."""
    shape._element.getparent().remove(shape._element)


def theme_body_font(prs: Any) -> str | None:
    """The typeface of the theme's minor (body) font, which table cells use."""
    theme = parse_xml(prs.slide_master.part.part_related_by(RT.THEME).blob)
    latin = theme.find(f".//{qn('a:minorFont')}/{qn('a:latin')}")
    return latin.get("typeface") if latin is not None else None


# Text --------------------------------------------------------------------


def no_bullet(paragraph: Any) -> None:
    """A paragraph with no bullet and no hanging indent (a link, a continued bullet's tail)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("indent", "0")
    p_pr.append(p_pr.makeelement(qn("a:buNone"), {}))


def inherited(prs: Any, layout_ph: Any, style: str, child: str | None, attr: str) -> str | None:
    """An attribute of the first list level (or its `child`): layout, master placeholder, master style.

    `layout_ph` is the layout placeholder's element; `style` is "title" or "body": the
    master text style consulted last.
    """
    master = prs.slide_master._element
    candidates = [layout_ph]
    ph_type = layout_ph.ph_type
    candidates += [sp for sp in master.iter(qn("p:sp")) if sp.ph is not None and sp.ph_type == ph_type]
    tail = f"/{qn(child)}" if child else ""
    for element in candidates:
        for found in element.iterfind(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}{tail}"):
            if found.get(attr):
                return str(found.get(attr))
    tag = {"title": "p:titleStyle", "body": "p:bodyStyle"}[style]
    for found in master.iterfind(f".//{qn(tag)}/{qn('a:lvl1pPr')}{tail}"):
        if found.get(attr):
            return str(found.get(attr))
    return None


def level_margins(prs: Any, layout_ph: Any, level: int) -> list[int]:
    """The left margins (EMU) that the master's body style and the layout placeholder (its
    element) give list `level` (1-5)."""
    master = prs.slide_master._element.find(f".//{qn('p:bodyStyle')}")
    margins = []
    for root in (master, layout_ph.find(f".//{qn('a:lstStyle')}")):
        found = root.find(qn(f"a:lvl{level}pPr")) if root is not None else None
        if found is not None and found.get("marL") is not None:
            margins.append(int(found.get("marL")))
    return margins


def clone_placeholder(slide: Any, layout_sp: Any) -> Any:
    """A copy of a layout placeholder (its element) on `slide`, inheriting its position; its text body."""
    sp = copy.deepcopy(layout_sp)
    tx_body = sp.get_or_add_txBody()
    if tx_body.find(qn("a:p")) is None:
        tx_body.add_p()
    sp_pr = sp.find(qn("p:spPr"))
    for child in list(sp_pr):  # inherit the position from the layout
        sp_pr.remove(child)
    c_nv_pr = sp.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
    tree = slide.shapes._spTree
    c_nv_pr.set("id", str(tree.max_shape_id + 1))
    tree.append(sp)
    return tx_body


def slide_number_field(tx_body: Any, number: int, size_pt: int = 12) -> None:
    """Make the text body show the slide-number field (kept if it has one), reading `number`."""
    field = next(tx_body.iter(qn("a:fld")), None)
    if field is None or field.get("type") != "slidenum":
        paragraph = tx_body.find(qn("a:p"))
        for child in list(paragraph):
            if child.tag != qn("a:pPr"):
                paragraph.remove(child)
        field = parse_xml(f'<a:fld {nsdecls("a")} id="{_SLIDE_NUMBER_FIELD}" type="slidenum">'
                          f'<a:rPr lang="en-GB" sz="{size_pt * 100}"/><a:t/></a:fld>')
        paragraph.append(field)
    field.find(qn("a:t")).text = str(number)


# Charts ------------------------------------------------------------------


def level_category_labels(category_axis: Any, degrees: int = 0) -> None:
    """Category names stay level (they wrap) instead of turning on their side; or turn
    `degrees` (negative: rising to the right), each on one line."""
    body = category_axis._element.find(f"{qn('c:txPr')}/{qn('a:bodyPr')}")
    body.set("rot", str(degrees * 60000))
    if degrees:
        body.set("vert", "horz")


def unwrapped_labels(data_labels: Any) -> None:
    """Data labels on one line: a renderer must not break "£270,733" in two."""
    tx_pr = data_labels._element.get_or_add_txPr()
    tx_pr.find(qn("a:bodyPr")).set("wrap", "none")


def white_label_ground(data_labels: Any) -> None:
    """Data labels on a white ground, readable on any segment colour."""
    data_labels._element.insert_element_before(parse_xml(
        f'<c:spPr {nsdecls("c", "a")}><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></c:spPr>'),
        "c:txPr", "c:dLblPos", "c:showLegendKey")


# Slides, tables ----------------------------------------------------------


def hide_slide(slide: Any) -> None:
    """PowerPoint's Hide Slide: in the file, skipped by the slideshow."""
    slide._element.set("show", "0")


def is_hidden(slide: Any) -> bool:
    return bool(slide._element.get("show") == "0")


NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid": the cells say it all


def fix_plot_area(chart: Any, x: float, y: float, w: float, h: float) -> None:
    """Place the plot's inner area at fractions of the chart frame, so shapes can line up with it."""
    plot_area = chart._chartSpace.chart.plotArea
    for old in plot_area.findall(qn("c:layout")):
        plot_area.remove(old)
    plot_area.insert(0, parse_xml(
        f'<c:layout {nsdecls("c")}><c:manualLayout><c:layoutTarget val="inner"/>'
        f'<c:xMode val="edge"/><c:yMode val="edge"/><c:x val="{x}"/><c:y val="{y}"/>'
        f'<c:w val="{w}"/><c:h val="{h}"/></c:manualLayout></c:layout>'))


def categories_between_ticks(value_axis: Any) -> bool:
    """Whether categories sit between tick marks (each takes a slot) rather than on them."""
    found = value_axis._element.find(qn("c:crossBetween"))
    return found is None or found.get("val") != "midCat"


_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def title_text(slide: Any) -> str:
    """The text of a slide's title placeholder, as drawn ("" when it has none)."""
    for sp in slide._element.iter(qn("p:sp")):
        if sp.ph is not None and sp.ph_type in _TITLES:
            return "".join(t.text or "" for t in sp.iter(qn("a:t")))
    return ""


def place_legend(chart: Any, x: float, y: float, w: float, h: float) -> None:
    """Place the legend at fractions of the chart frame, where the shapes drawn beside it expect it."""
    legend = chart._chartSpace.chart.find(qn("c:legend"))
    for old in legend.findall(qn("c:layout")):
        legend.remove(old)
    legend.find(qn("c:legendPos")).addnext(parse_xml(
        f'<c:layout {nsdecls("c")}><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/>'
        f'<c:x val="{x}"/><c:y val="{y}"/><c:w val="{w}"/><c:h val="{h}"/></c:manualLayout></c:layout>'))
