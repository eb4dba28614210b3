"""A placeholder's text written as lxml elements: the XML python-pptx's text proxies write, made directly.

Filling a title through python-pptx (text frame, paragraph, run, font) costs a few
hundred look-ups of child elements by XPath; the same elements, made in the same order
with the same attributes, cost a handful. Each function says which python-pptx calls
it stands for; the golden decks (tests/test_examples_brief.py) hold them to it byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

EMU_PER_CENTIPOINT = 127
_CTRL = re.compile(r"([\x00-\x08\x0B-\x1F])")
_A = {name: qn(f"a:{name}") for name in (
    "xfrm", "off", "ext", "bodyPr", "noAutofit", "p", "pPr", "lnSpc", "spcPct", "spcBef", "spcPts",
    "buNone", "r", "rPr", "t", "hlinkClick")}
_SP_PR, _TX_BODY, _RID = qn("p:spPr"), qn("p:txBody"), qn("r:id")


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
