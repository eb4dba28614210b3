"""A plain .xlsx sheet read with the standard library, cell for cell as openpyxl reads it.

Importing openpyxl costs about as much as the rest of `buyin check`, and an LMS
export is the plainest of workbooks: numbers, shared strings and dates in a few
formats. This reader handles exactly that subset and gives each cell the value,
row, column and number format that openpyxl's read-only, `data_only` mode gives.
Anything outside the subset (a date-1904 workbook, an ISO date cell, a time or a
duration, rich inline text, a built-in format not listed here, rows without
their numbers or beyond the sheet's stated extent, a part that is not plain
UTF-8 XML) returns None, and the caller reads the file with openpyxl as before.

Hostile XML is never parsed here: a part that is not valid UTF-8 or that
declares a document type (the only way to define entities, and so to expand
them) is left to openpyxl's own refusal. The caller screens the zip's sizes and
macros first; a part is never read past the size its entry declares.

The date rules follow openpyxl's (`styles/numbers.py`, `utils/datetime.py`,
MIT licence) so both readers agree on which numbers are dates.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, NamedTuple, cast
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

# openpyxl's built-in number formats, those a plain export uses; any other id is left to it.
_BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
            14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm",
            49: "@"}
_BUILTIN_CODES = {"General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "mm-dd-yy",
                  "d-mmm-yy", "d-mmm", "mmm-yy", "m/d/yy h:mm", "@"}
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_DECLARED = re.compile(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)")
_EPOCH = datetime(1899, 12, 30)
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
_EXTENT = re.compile(r"[A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}([0-9]+))?")


class Outside(Exception):
    """The workbook uses something this reader leaves to openpyxl."""


class PlainCell(NamedTuple):
    """A cell as openpyxl's read-only cell offers it."""

    value: Any
    row: int
    column: int
    number_format: str


class PlainBook:
    """The sheets of a plain workbook, by name in the workbook's order."""

    def __init__(self, archive: zipfile.ZipFile):
        self._archive = archive
        types = _xml(archive, "[Content_Types].xml")
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{_CT}Override")}
        if overrides.get("/xl/workbook.xml") != _WORKBOOK_TYPE:
            raise Outside
        book = _xml(archive, "xl/workbook.xml")
        props = book.find(f"{_MAIN}workbookPr")
        if props is not None and props.get("date1904", "0").lower() not in ("0", "false"):
            raise Outside
        rels = {r.get("Id"): r for r in _xml(archive, "xl/_rels/workbook.xml.rels")}
        self.parts: dict[str, str] = {}
        for sheet in book.iter(f"{_MAIN}sheet"):
            rel = rels.get(sheet.get(f"{_REL}id"))
            if rel is None or rel.get("Type") != _WORKSHEET or rel.get("TargetMode"):
                raise Outside  # a chart sheet, a dialog sheet, a link: openpyxl decides
            target = str(rel.get("Target"))
            self.parts[str(sheet.get("name"))] = target[1:] if target.startswith("/") else f"xl/{target}"
        self.sheetnames = list(self.parts)
        strings = [p for p, t in overrides.items() if t == _STRINGS_TYPE and p]
        item = f"{_MAIN}si"
        self._strings = [_text(si).replace("x005F_", "") for si in
                         _stream(archive, strings[0][1:], item) if si.tag == item] if strings else []
        self._formats, self._dates = _styles(_xml(archive, "xl/styles.xml"))

    def rows(self, name: str, max_col: int) -> Iterator[list[PlainCell]]:
        """The cells with a value of each row, as openpyxl's `iter_rows(max_col=...)` yields them."""
        last, previous = 0, 0
        for element in _stream(self._archive, self.parts[name], f"{_MAIN}row"):
            if element.tag == f"{_MAIN}dimension":
                match = _EXTENT.fullmatch(element.get("ref", ""))
                if match is None:
                    raise Outside
                last = int(match.group(1) or _CELL_REF.match(match.group(0)).group(2))  # type: ignore[union-attr]
            elif element.tag == f"{_MAIN}row":
                number = int(element.get("r", "0"))
                if number <= previous or number > last:
                    raise Outside  # no extent stated, rows unnumbered, out of order or past it
                previous = number
                cells = [self._cell(c, number) for c in element.iter(f"{_MAIN}c")]
                if len({c.column for c in cells}) != len(cells):
                    raise Outside
                yield sorted((c for c in cells if c.column <= max_col and c.value is not None),
                             key=lambda c: c.column)

    def _cell(self, element: ElementTree.Element, number: int) -> PlainCell:
        ref = _CELL_REF.fullmatch(element.get("r", ""))
        if ref is None or int(ref.group(2)) != number:
            raise Outside
        column = 0
        for letter in ref.group(1):
            column = column * 26 + ord(letter) - 64
        kind, style = element.get("t", "n"), int(element.get("s") or 0)
        fmt = self._formats[style]
        value: Any = None
        if kind == "inlineStr":
            inline = element.find(f"{_MAIN}is")
            value = _text(inline) if inline is not None else None
        else:
            raw = element.findtext(f"{_MAIN}v") or None
            if raw is None:
                pass
            elif kind == "n":
                value = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
                if style in self._dates:
                    value = _date(value)
            elif kind == "s":
                value = self._strings[int(raw)]
            elif kind == "b":
                value = bool(int(raw))
            elif kind in ("str", "e"):
                value = raw
            else:
                raise Outside  # an ISO date cell, or a type openpyxl would refuse
        return PlainCell(value, number, column, fmt)


def _checked(archive: zipfile.ZipFile, part: str) -> bytes:
    """A part's bytes, if they are UTF-8, say so, and have no document type (so no entities)."""
    try:
        data = archive.read(part)
        data.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        raise Outside from None
    declared = _DECLARED.match(data)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or (
            declared and declared.group(1).lower() not in (b"utf-8", b"utf8")):
        raise Outside
    return data


def _xml(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    """A small part parsed whole."""
    parser = ElementTree.XMLParser()
    try:
        parser.feed(_checked(archive, part))
        return parser.close()
    except ElementTree.ParseError:
        raise Outside from None


def _stream(archive: zipfile.ZipFile, part: str, prune: str) -> Iterator[ElementTree.Element]:
    """A part's elements as each ends; each `prune` element is dropped once seen, so a long
    sheet or string table is never held as one tree."""
    data = _checked(archive, part)
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(
        events=("start", "end"))
    open_elements: list[ElementTree.Element] = []
    try:
        for start in range(0, len(data), 1 << 16):
            parser.feed(data[start:start + (1 << 16)])
            for event, element in cast(Any, parser.read_events()):
                if event == "start":
                    open_elements.append(element)
                    continue
                open_elements.pop()
                yield element
                if element.tag == prune and open_elements:
                    open_elements[-1].remove(element)
        parser.close()
    except ElementTree.ParseError:
        raise Outside from None


def _text(element: ElementTree.Element) -> str:
    """A string item's text: its plain text and its runs' text, without phonetic hints."""
    parts = []
    for child in element:
        if child.tag == f"{_MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{_MAIN}r":
            parts.extend(t.text or "" for t in child.iter(f"{_MAIN}t"))
        elif child.tag not in (f"{_MAIN}rPh", f"{_MAIN}phoneticPr"):
            raise Outside
    return "".join(parts)


def _styles(sheet: ElementTree.Element) -> tuple[list[str], set[int]]:
    """Each cell style's number format, and which styles show a date."""
    custom = {int(str(f.get("numFmtId"))): str(f.get("formatCode"))
              for f in sheet.iter(f"{_MAIN}numFmt")}
    cell_styles = sheet.find(f"{_MAIN}cellXfs")
    if cell_styles is None or any(i < 164 and code not in _BUILTIN_CODES for i, code in custom.items()):
        raise Outside
    formats, dates = [], set()
    for index, xf in enumerate(cell_styles.iter(f"{_MAIN}xf")):
        number = int(xf.get("numFmtId") or 0)
        fmt = custom[number] if number in custom else _BUILTIN.get(number)
        if fmt is None or _DURATION.search(fmt.split(";")[0]):
            raise Outside
        if _DATE.search(_STRIP.sub("", fmt.split(";")[0])):
            dates.add(index)
        formats.append(fmt)
    return formats, dates


def _date(value: float) -> datetime:
    """A day number as a date and time, as openpyxl reads it; a time of day alone is left to it."""
    day, fraction = divmod(value, 1)
    diff = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 1 and diff.days == 0:
        raise Outside
    if 0 < value < 60:
        day += 1
    try:
        return _EPOCH + timedelta(days=day) + diff
    except OverflowError:
        raise Outside from None
