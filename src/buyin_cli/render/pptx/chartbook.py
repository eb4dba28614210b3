"""A chart's embedded workbook written as python-pptx has XlsxWriter write it, without XlsxWriter.

python-pptx writes each chart's data into a small workbook (categories in column A, each
series' name in row 1 and its values below) with XlsxWriter, whose import is ≈20 ms of a
one-deck `brief` and whose workbook ≈1 ms a chart. For the data buyin's charts hold (one
level of plain text categories, series of floats or gaps as long as the categories, one
number format) the workbook's parts are a few fixed texts and three small ones: the sheet,
its shared strings and its styles. They are written here as XlsxWriter writes them (the
elements, attributes, number and escaping rules of its `worksheet.py`, `sharedstrings.py`,
`styles.py` and `workbook.py`; its default Office theme, BSD-2-Clause, is kept beside this
module). Anything else (an empty label, text XlsxWriter would take as a formula or a
link, control characters, spaces at an end, a gap in the categories) returns None and
python-pptx's own writer is used. The package normaliser (package.py) rewrites the zip
with fixed times and dates either way; tests/test_chartbook.py compares the normalised
bytes with XlsxWriter's.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument."
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}spreadsheetml.styles+xml"/>'
    f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_CT}theme+xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}spreadsheetml.sharedStrings+xml"/></Types>')
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_R}/extended-properties" Target="docProps/app.xml"/></Relationships>')
_BOOK_RELS = (
    f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_R}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_R}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="rId3" Type="{_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId4" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_BOOK = (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}"><fileVersion appName="xl" lastEdited="4" lowestEdited="4" '
    'rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" '
    'yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets><sheet name="Sheet1" '
    'sheetId="1" r:id="rId1"/></sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')
# The package normaliser sets both dates to the deck's build time, as it does XlsxWriter's clock.
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>')
_APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
    '</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts>'
    '<vt:vector size="1" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr></vt:vector></TitlesOfParts>'
    '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
    '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>')
_XF = '<xf numFmtId="{}" fontId="0" fillId="0" borderId="0" xfId="0"{}/>'
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}">{{}}<fonts count="1"><font><sz val="11"/><color theme="1"/>'
    '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill>'
    '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="{}">{}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>')
_SHEET = (
    f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}"><dimension ref="A1:{{}}{{}}"/><sheetViews><sheetView '
    'tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col '
    'min="1" max="1" width="10.7109375" customWidth="1"/></cols><sheetData>{}</sheetData><pageMargins '
    'left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
# Text XlsxWriter writes other than as a plain shared string: a formula, a link, a rich string.
_NOT_PLAIN = re.compile(r"=|\{=.*\}\Z|(ftp|http)s?://|mailto:|(in|ex)ternal:|file://|<r>.*</r>\Z", re.S)
_THEME: list[str] = []


def _theme() -> str:
    if not _THEME:  # without a final line break, which an editor may have added to the file
        _THEME.append(Path(__file__).with_name("chartbook_theme.xml").read_text(encoding="utf-8").rstrip("\n"))
    return _THEME[0]


def _plain(text: Any) -> bool:
    """Text XlsxWriter writes as a plain shared string, escaped by `_escaped` alone."""
    return (type(text) is str and text != "" and not text[0].isspace() and not text[-1].isspace()
            and _NOT_PLAIN.match(text) is None and len(text) <= 16383
            and not any(c < " " or c == "_" for c in text))


def _escaped(text: str, quotes: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("\n", "&#xA;") if quotes else text


def _column(n: int) -> str:
    """The letters of the 1-based column `n`."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def chart_workbook(categories: Sequence[Any], series: Sequence[tuple[Any, Sequence[Any], Any]],
                   category_format: Any) -> bytes | None:
    """The workbook python-pptx would write for `categories` (labels) and `series` (name,
    values, number format), or None where it is not written here."""
    rows = len(categories)
    if (not rows or not series or category_format != "General" or not all(map(_plain, categories))
            or any(not _plain(name) or len(values) != rows or fmt != series[0][2] or type(fmt) is not str
                   or not all(v is None or (type(v) is float and math.isfinite(v)) for v in values)
                   for name, values, fmt in series)):
        return None
    strings: dict[str, int] = {}
    for text in (*categories, *(name for name, _, _ in series)):
        strings.setdefault(text, len(strings))
    fmt = series[0][2]
    # The categories' "General" format is the sheet's second style; the values' is a third
    # unless it is the same "General" (one style), "0" is Excel's built-in 1, else a custom 164.
    style = 1 if fmt == "General" else 2
    last = _column(len(series) + 1)
    spans = f' spans="1:{len(series) + 1}"'
    cells = [f'<row r="1"{spans}>', *(f'<c r="{_column(n + 2)}1" t="s"><v>{strings[name]}</v></c>'
                                     for n, (name, _, _) in enumerate(series)), "</row>"]
    for r, label in enumerate(categories, start=2):
        cells.append(f'<row r="{r}"{spans}><c r="A{r}" s="1" t="s"><v>{strings[label]}</v></c>')
        for n, (_, values, _) in enumerate(series):
            value = values[r - 2]
            cells.append(f'<c r="{_column(n + 2)}{r}" s="{style}"/>' if value is None else
                         f'<c r="{_column(n + 2)}{r}" s="{style}"><v>{value:.16G}</v></c>')
        cells.append("</row>")
    xfs = _XF.format(0, "") * 2
    formats = ""
    if style == 2:
        xfs += _XF.format(1 if fmt == "0" else 164, ' applyNumberFormat="1"')
        if fmt != "0":
            formats = f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{_escaped(fmt, True)}"/></numFmts>'
    shared = "".join(f"<si><t>{_escaped(text)}</t></si>" for text in strings)
    members = (
        ("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
        ("xl/_rels/workbook.xml.rels", _BOOK_RELS),
        ("xl/worksheets/sheet1.xml", _SHEET.format(last, rows + 1, "".join(cells))),
        ("xl/workbook.xml", _BOOK),
        ("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}" count="{rows + len(series)}" '
                                 f'uniqueCount="{len(strings)}">{shared}</sst>'),
        ("xl/styles.xml", _STYLES.format(formats, style + 1, xfs)),
        ("xl/theme/theme1.xml", None), ("docProps/core.xml", _CORE), ("docProps/app.xml", _APP))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:  # deflated once, by the normaliser
        for name, text in members:
            z.writestr(name, (_theme() if text is None else _DECLARATION + text).encode("utf-8"))
    return out.getvalue()
