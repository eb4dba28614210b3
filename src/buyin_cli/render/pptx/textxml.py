"""A placeholder's text written as lxml elements: the XML python-pptx's text proxies write, made directly.

Filling a title through python-pptx (text frame, paragraph, run, font) costs a few
hundred look-ups of child elements by XPath; the same elements, made in the same order
with the same attributes, cost a handful. Each function says which python-pptx calls
it stands for; the golden decks (tests/test_examples_brief.py) hold them to it byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from buyin_cli.records import dataclass

EMU_PER_CENTIPOINT = 127
_CTRL = re.compile(r"([\x00-\x08\x0B-\x1F])")
_A = {name: qn(f"a:{name}") for name in (
    "xfrm", "off", "ext", "bodyPr", "noAutofit", "p", "pPr", "lnSpc", "spcPct", "spcBef", "spcPts",
    "buNone", "r", "rPr", "t", "hlinkClick")}
_SP_PR, _TX_BODY, _RID = qn("p:spPr"), qn("p:txBody"), qn("r:id")
A_TR, A_END = qn("a:tr"), qn("a:endParaRPr")
_T = {name: qn(name) for name in (
    "p:graphicFrame", "p:nvGraphicFramePr", "p:cNvPr", "p:cNvGraphicFramePr", "a:graphicFrameLocks", "p:nvPr",
    "p:xfrm", "a:graphic", "a:graphicData", "a:tbl", "a:tblPr", "a:tableStyleId", "a:tblGrid", "a:gridCol",
    "a:tc", "a:txBody", "a:lstStyle", "a:tcPr", "a:lnL", "a:lnR", "a:lnT", "a:lnB", "a:noFill",
    "a:solidFill", "a:srgbClr", "p:extLst", "p:sp", "p:nvSpPr", "p:cNvSpPr", "a:prstGeom", "a:avLst",
    "a:spAutoFit", "a:schemeClr")}
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


@dataclass(frozen=True)
class Run:
    """A run of text at a size (pt), maybe bold, maybe a link to a web address."""

    text: str
    size: float
    bold: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs: its list level, alignment ("l", "ctr"…), space before (pt), bullet."""

    runs: tuple[Run, ...]
    level: int = 0
    align: str | None = None
    space_before: float | None = None
    bullet: bool = True


def sub(parent: Any, tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new last child of `parent`: lxml's SubElement, made through the element (python-pptx's classes)."""
    child = parent.makeelement(tag, attrs or {})
    parent.append(child)
    return child


def centipoints(points: float) -> str:
    """A size in points as the file writes it: python-pptx's `Pt(points).centipoints`."""
    return str(int(points * 12700) // EMU_PER_CENTIPOINT)


def escaped(text: str) -> str:
    """Control characters as python-pptx writes them ("_x0007_"), tab and line feed kept."""
    return _CTRL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)


def fill_placeholder(part: Any, sp: Any, box: tuple[int, int, int, int], paragraphs: list[Paragraph]) -> None:
    """Place a slide's placeholder at `box` (EMU) and write `paragraphs` into it, wrapped,
    not auto-fitted, default insets: as deck.py's python-pptx calls did (`ph.left`… = box,
    `word_wrap = True`, `auto_size = NONE`, margins of 0.1 in and 0.05 in, then for each
    paragraph `level`, `line_spacing = 1.0`, `space_before`, `alignment`, and a run with
    `font.size`, `font.bold`, `hyperlink.address`)."""
    sp_pr = sp.find(_SP_PR)
    xfrm = sub(sp_pr, _A["xfrm"])
    x, y, cx, cy = box
    sub(xfrm, _A["off"], {"x": str(x), "y": str(y)})
    sub(xfrm, _A["ext"], {"cx": str(cx), "cy": str(cy)})
    tx_body = sp.find(_TX_BODY)
    body_pr = tx_body.find(_A["bodyPr"])
    body_pr.set("wrap", "square")
    sub(body_pr, _A["noAutofit"])
    for old in tx_body.findall(_A["p"]):
        tx_body.remove(old)
    for paragraph in paragraphs:
        p = sub(tx_body, _A["p"])
        attrs = {}
        if paragraph.level:
            attrs["lvl"] = str(paragraph.level)
        if paragraph.align is not None:
            attrs["algn"] = paragraph.align
        if not paragraph.bullet:
            attrs["indent"] = "0"
        p_pr = sub(p, _A["pPr"], attrs)
        sub(sub(p_pr, _A["lnSpc"]), _A["spcPct"], {"val": "100000"})
        if paragraph.space_before is not None:
            sub(sub(p_pr, _A["spcBef"]), _A["spcPts"],
                       {"val": centipoints(paragraph.space_before)})
        if not paragraph.bullet:
            sub(p_pr, _A["buNone"])
        for run in paragraph.runs:
            r = sub(p, _A["r"])
            r_pr = sub(r, _A["rPr"], {"sz": centipoints(run.size)})
            if run.bold:
                r_pr.set("b", "1")
            if run.link:
                sub(r_pr, _A["hlinkClick"], {_RID: part.relate_to(run.link, RT.HYPERLINK,
                                                                          is_external=True)})
            sub(r, _A["t"]).text = escaped(run.text)


def _new_shape(slide: Any, tag: str) -> tuple[Any, int]:
    """An empty shape element `tag` last among the slide's shapes (before any extension list),
    and the id python-pptx would give it: one past the largest on the slide."""
    tree = slide.shapes._spTree
    shape_id = tree.max_shape_id + 1
    shape = tree.makeelement(tag, {})
    extension = tree.find(_T["p:extLst"])
    if extension is None:
        tree.append(shape)
    else:
        extension.addprevious(shape)
    return shape, shape_id


def table_frame(slide: Any, x: int, y: int, cx: int, cy: int, style: str, widths: list[int]) -> Any:
    """A table's frame at the end of the slide's shapes, its grid of column `widths`; its `a:tbl`.

    As python-pptx's `shapes.add_table` writes it, then `first_row = True`,
    `horz_banding = False` and the table style set to `style`; rows are the caller's.
    """
    frame, shape_id = _new_shape(slide, _T["p:graphicFrame"])
    nv = sub(frame, _T["p:nvGraphicFramePr"])
    sub(nv, _T["p:cNvPr"], {"id": str(shape_id), "name": f"Table {shape_id - 1}"})
    sub(sub(nv, _T["p:cNvGraphicFramePr"]), _T["a:graphicFrameLocks"], {"noGrp": "1"})
    sub(nv, _T["p:nvPr"])
    xfrm = sub(frame, _T["p:xfrm"])
    sub(xfrm, _A["off"], {"x": str(x), "y": str(y)})
    sub(xfrm, _A["ext"], {"cx": str(cx), "cy": str(cy)})
    data = sub(sub(frame, _T["a:graphic"]), _T["a:graphicData"], {"uri": _TABLE_URI})
    tbl = sub(data, _T["a:tbl"])
    sub(sub(tbl, _T["a:tblPr"], {"firstRow": "1"}), _T["a:tableStyleId"]).text = style
    grid = sub(tbl, _T["a:tblGrid"])
    for width in widths:
        sub(grid, _T["a:gridCol"], {"w": str(width)})
    return tbl


Rule = tuple[float, str] | None  # (width in pt, RRGGBB), or no line


def table_cell(tr: Any, align: str, margins: tuple[str, ...], rules: tuple[Rule, Rule, Rule, Rule],
               middle: bool = False) -> Any:
    """A cell at the end of the row: no fill, `margins` (EMU: left, right, top, bottom), rules
    (left, right, top, bottom), its text in the `middle` when asked; its paragraph, aligned
    (python-pptx: `fill.background()`, the margins, oxml.cell_rules, `vertical_anchor`,
    `alignment`)."""
    tc = sub(tr, _T["a:tc"])
    body = sub(tc, _T["a:txBody"])
    sub(body, _A["bodyPr"])
    sub(body, _T["a:lstStyle"])
    paragraph = sub(body, _A["p"])
    sub(paragraph, _A["pPr"], {"algn": align})
    left, right, top, bottom = margins
    tc_pr = sub(tc, _T["a:tcPr"], {"marL": left, "marR": right, "marT": top, "marB": bottom})
    if middle:
        tc_pr.set("anchor", "ctr")
    for tag, rule in zip(("a:lnL", "a:lnR", "a:lnT", "a:lnB"), rules):
        if rule is None:
            sub(sub(tc_pr, _T[tag], {"w": "0"}), _T["a:noFill"])
        else:
            line = sub(tc_pr, _T[tag], {"w": str(int(rule[0] * 12700)), "cmpd": "sng"})
            sub(sub(line, _T["a:solidFill"]), _T["a:srgbClr"], {"val": rule[1]})
    sub(tc_pr, _T["a:noFill"])
    return paragraph


def colour_run(paragraph: Any, text: str, size: str, colour: str, bold: bool = False) -> None:
    """A run at the end of the paragraph: `size` in centipoints, an RGB `colour`, maybe bold
    (python-pptx: `add_run`, `font.size`, `font.color.rgb`, `font.bold = True`)."""
    r = sub(paragraph, _A["r"])
    r_pr = sub(r, _A["rPr"], {"sz": size, "b": "1"} if bold else {"sz": size})
    sub(sub(r_pr, _T["a:solidFill"]), _T["a:srgbClr"], {"val": colour})
    sub(r, _A["t"]).text = escaped(text)


_INSET_DEFAULTS = (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))


def textbox(slide: Any, box: tuple[int, int, int, int], insets: tuple[int, int, int, int], *,
            wrap: bool = True, fitted: bool = True, anchor: str | None = None) -> Any:
    """A text box at the end of the slide's shapes; its (empty) paragraph.

    As python-pptx's `shapes.add_textbox(*box)` writes it, then `word_wrap`, with `fitted`
    `auto_size = NONE` (else its shape-to-fit stays), the margins (EMU: left, right, top,
    bottom; a default one is not written) and `vertical_anchor` ("t", "ctr").
    """
    sp, shape_id = _new_shape(slide, _T["p:sp"])
    nv = sub(sp, _T["p:nvSpPr"])
    sub(nv, _T["p:cNvPr"], {"id": str(shape_id), "name": f"TextBox {shape_id - 1}"})
    sub(nv, _T["p:cNvSpPr"], {"txBox": "1"})
    sub(nv, _T["p:nvPr"])
    sp_pr = sub(sp, _SP_PR)
    xfrm = sub(sp_pr, _A["xfrm"])
    x, y, cx, cy = (str(int(v)) for v in box)  # python-pptx's "%d"
    sub(xfrm, _A["off"], {"x": x, "y": y})
    sub(xfrm, _A["ext"], {"cx": cx, "cy": cy})
    sub(sub(sp_pr, _T["a:prstGeom"], {"prst": "rect"}), _T["a:avLst"])
    sub(sp_pr, _T["a:noFill"])
    body = sub(sp, _TX_BODY)
    attrs = {"wrap": "square" if wrap else "none"}
    attrs.update((name, str(value)) for (name, default), value in zip(_INSET_DEFAULTS, insets) if value != default)
    if anchor is not None:
        attrs["anchor"] = anchor
    sub(sub(body, _A["bodyPr"], attrs), _A["noAutofit"] if fitted else _T["a:spAutoFit"])
    sub(body, _T["a:lstStyle"])
    return sub(body, _A["p"])


def paragraph_props(paragraph: Any, align: str | None = None, single: bool = False) -> None:
    """The paragraph's alignment ("l", "ctr"…) and, when `single`, a line spacing of 1.0."""
    p_pr = sub(paragraph, _A["pPr"], {"algn": align} if align else {})
    if single:
        sub(sub(p_pr, _A["lnSpc"]), _A["spcPct"], {"val": "100000"})


def styled_run(paragraph: Any, text: str, size: float, *, bold: bool | None = None,
               rgb: str | None = None, theme: str | None = None) -> None:
    """A run at the end of the paragraph: `font.size`, then `font.bold` when given, then a
    colour, RGB (`font.color.rgb`) or the theme's (`font.color.theme_color`, "accent1")."""
    r = sub(paragraph, _A["r"])
    attrs = {"sz": centipoints(size)}
    if bold is not None:
        attrs["b"] = "1" if bold else "0"
    r_pr = sub(r, _A["rPr"], attrs)
    if rgb is not None or theme is not None:
        fill = sub(r_pr, _T["a:solidFill"])
        if theme is not None:
            sub(fill, _T["a:schemeClr"], {"val": theme})
        else:
            sub(fill, _T["a:srgbClr"], {"val": str(rgb)})
    sub(r, _A["t"]).text = escaped(text)
