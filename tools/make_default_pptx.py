"""Generate templates/default.pptx, the bundled 16:9 deck template.

Run from the repository root: `python tools/make_default_pptx.py`. The output is
byte-for-byte the same on every run (for a given python-pptx), so the committed
file can be checked against this script.

The look: 13.333 x 7.5 in, Arial throughout (theme major and minor font), dark
grey text, one accent colour with greys for the other chart series, a short
accent rule under each title, slide numbers bottom right.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Emu, Inches

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from buyin_cli.render.pptx.package import normalize_package  # noqa: E402

OUT = ROOT / "templates" / "default.pptx"
FIXED_DATE = datetime(2000, 1, 1)

FONT = "Arial"
TEXT = "333333"
ACCENT = "1F6F8B"
# One accent; the other series colours are greys and tints of the accent, so a
# pilot-versus-control chart reads as "ours" against "the rest".
COLOURS = {
    "dk1": TEXT, "lt1": "FFFFFF", "dk2": "404040", "lt2": "F2F2F2",
    "accent1": ACCENT, "accent2": "A6A6A6", "accent3": "6FA3B7", "accent4": "595959",
    "accent5": "B9D5E0", "accent6": "D9D9D9", "hlink": ACCENT, "folHlink": "5C4B8A",
}
KEEP = ["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison",
        "Title Only", "Blank"]

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_W = W - 2 * MARGIN
TITLE = (MARGIN, Inches(0.35), CONTENT_W, Inches(1.0))
BODY = (MARGIN, Inches(1.6), CONTENT_W, Inches(5.15))
GAP = Inches(0.4)
HALF_W = (CONTENT_W - GAP) // 2
FOOT_Y, FOOT_H = Inches(6.95), Inches(0.35)
DATE = (MARGIN, FOOT_Y, Inches(3.0), FOOT_H)
FOOTER = (Inches(4.4), FOOT_Y, Inches(4.53), FOOT_H)
NUMBER = (W - MARGIN - Inches(1.5), FOOT_Y, Inches(1.5), FOOT_H)


def main() -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    for layout in list(prs.slide_layouts):
        if layout.name not in KEEP:
            prs.slide_layouts.remove(layout)
    style_master(prs.slide_master)
    for layout in prs.slide_layouts:
        style_layout(layout)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = themed(theme.blob)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "buyin default template", "", ""
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_DATE
    buffer = io.BytesIO()
    prs.save(buffer)
    data = normalize_package(buffer.getvalue(), FIXED_DATE)
    OUT.write_bytes(data)
    with zipfile.ZipFile(OUT) as z:
        assert z.testzip() is None
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data)} bytes)")


def place(shape, box) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)


def rule(shape_id: int, x: int, y: int, width: int) -> object:
    """A short accent bar: the only decoration."""
    return parse_xml(
        f'<p:sp {nsdecls("p", "a")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Accent Rule"/>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="{width}" cy="{Inches(0.06)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody>'
        f'</p:sp>')


def level(n: int, size: int, mar_l: int, bullet: str, space: int) -> str:
    colour = '<a:buClr><a:schemeClr val="accent1"/></a:buClr>' if n == 1 else ""
    return (f'<a:lvl{n}pPr marL="{mar_l}" indent="-{Inches(0.28)}" algn="l" defTabSz="914400">'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="{space}"/></a:spcBef>'
            f'{colour}<a:buFont typeface="Arial"/><a:buChar char="{bullet}"/>'
            f'<a:defRPr sz="{size}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
            f'<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>'
            f'</a:lvl{n}pPr>')


def style_master(master) -> None:
    for ph in master.placeholders:
        kind = ph.placeholder_format.type
        box = {PP_PLACEHOLDER.TITLE: TITLE, PP_PLACEHOLDER.BODY: BODY, PP_PLACEHOLDER.DATE: DATE,
               PP_PLACEHOLDER.FOOTER: FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER: NUMBER}[kind]
        place(ph, box)
        if kind == PP_PLACEHOLDER.TITLE:
            ph.text_frame._bodyPr.set("anchor", "b")
        if kind in (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
            for defrpr in ph._element.iter(qn("a:defRPr")):
                defrpr.set("sz", "1200")
    tree = master.shapes._spTree
    tree.append(rule(20, MARGIN + Emu(91440), TITLE[1] + TITLE[3] + Inches(0.08), Inches(1.0)))
    sizes = [2000, 1800, 1600, 1600, 1600, 1600, 1600, 1600, 1600]
    bullets = ["\u2022", "\u2013", "\u2022", "\u2013", "\u2022", "\u2013", "\u2022", "\u2013", "\u2022"]
    body = "".join(level(n + 1, sizes[n], Inches(0.28) + n * Inches(0.4), bullets[n], 1000 if n == 0 else 500)
                   for n in range(9))
    title = ('<a:lvl1pPr algn="l" defTabSz="914400"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
             '<a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="3000" b="1" kern="1200">'
             '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/>'
             '<a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr>')
    styles = master._element.find(qn("p:txStyles"))
    styles.replace(styles.find(qn("p:titleStyle")),
                   parse_xml(f'<p:titleStyle {nsdecls("p", "a")}>{title}</p:titleStyle>'))
    styles.replace(styles.find(qn("p:bodyStyle")), parse_xml(f'<p:bodyStyle {nsdecls("p", "a")}>{body}</p:bodyStyle>'))


def plain_style(size: int, bold: bool, colour: str) -> object:
    """A list style without bullets, for titles and subtitles of the title and section layouts."""
    levels = "".join(
        f'<a:lvl{n}pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="{size}" b="{int(bold)}">'
        f'<a:solidFill>{colour}</a:solidFill></a:defRPr></a:lvl{n}pPr>' for n in range(1, 10))
    return parse_xml(f'<a:lstStyle {nsdecls("a")}>{levels}</a:lstStyle>')


def style_layout(layout) -> None:
    name = layout.name
    grey = '<a:srgbClr val="595959"/>'
    text = '<a:schemeClr val="tx1"/>'
    left = Inches(0.9)
    wide = W - left - MARGIN
    boxes = {PP_PLACEHOLDER.DATE: DATE, PP_PLACEHOLDER.FOOTER: FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER: NUMBER,
             PP_PLACEHOLDER.TITLE: TITLE}
    bodies = [ph for ph in layout.placeholders if ph.placeholder_format.type in
              (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)]
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind in boxes:
            place(ph, boxes[kind])
    if name in ("Title Slide", "Section Header"):
        layout._element.set("showMasterSp", "0")
        title = next(ph for ph in layout.placeholders
                     if ph.placeholder_format.type in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE))
        size = 4000 if name == "Title Slide" else 3600
        place(title, (left, Inches(1.5), wide, Inches(2.6)))
        title.text_frame._bodyPr.set("anchor", "b")
        set_list_style(title, plain_style(size, True, text))
        place(bodies[0], (left, Inches(4.45), wide, Inches(2.0)))
        bodies[0].text_frame._bodyPr.set("anchor", "t")
        set_list_style(bodies[0], plain_style(2200, False, grey))
        layout.shapes._spTree.append(rule(30, left + Emu(91440), Inches(4.25), Inches(1.2)))
        layout.shapes._spTree.append(parse_xml(  # a thin accent band down the left edge
            f'<p:sp {nsdecls("p", "a")}><p:nvSpPr><p:cNvPr id="31" name="Accent Band"/><p:cNvSpPr/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{Inches(0.3)}" cy="{H}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>'))
    elif name == "Title and Content":
        place(bodies[0], BODY)
    elif name == "Two Content":
        place(bodies[0], (MARGIN, BODY[1], HALF_W, BODY[3]))
        place(bodies[1], (MARGIN + HALF_W + GAP, BODY[1], HALF_W, BODY[3]))
    elif name == "Comparison":
        heads = [ph for ph in bodies if ph.placeholder_format.type == PP_PLACEHOLDER.BODY]
        contents = [ph for ph in bodies if ph.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
        for i, (head, content) in enumerate(zip(heads, contents)):
            x = MARGIN + i * (HALF_W + GAP)
            place(head, (x, BODY[1], HALF_W, Inches(0.6)))
            set_list_style(head, plain_style(2000, True, text))
            place(content, (x, BODY[1] + Inches(0.7), HALF_W, BODY[3] - Inches(0.7)))


def set_list_style(ph, style) -> None:
    body = ph._element.txBody
    body.replace(body.find(qn("a:lstStyle")), style)


def themed(blob: bytes) -> bytes:
    xml = blob.decode("utf-8")
    for name, value in COLOURS.items():
        xml = re.sub(rf"<a:{name}>.*?</a:{name}>", f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>', xml)
    xml = re.sub(r'(<a:(?:majorFont|minorFont)><a:latin typeface=")[^"]*"', rf'\g<1>{FONT}"', xml)
    xml = re.sub(r'<a:theme ([^>]*)name="[^"]*"', r'<a:theme \1name="buyin"', xml)
    xml = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="buyin">')
    xml = xml.replace('<a:fontScheme name="Office">', '<a:fontScheme name="buyin">')
    return xml.encode("utf-8")


if __name__ == "__main__":
    main()
