"""The .pptx file as a zip package: opening templates, reproducible entry dates and build time."""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from buyin_cli.errors import BuyinError, TemplateError
from buyin_cli.load.inputs import note_input
from buyin_cli.words import printable

FIXED_DATE = datetime(2000, 1, 1)
_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_MACRO_MAINS = {f"application/vnd.ms-powerpoint.{kind}.macroEnabled.main+xml"
                for kind in ("presentation", "template", "slideshow")}
# What a corporate template may cost to open: its file, and what its parts unpack to
# (a 1.6 MB file held a 1.5 GiB picture). Branded templates are a few MB.
MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_PARTS = 10_000
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def read_presentation(path: Path) -> bytes:
    """The bytes of a .pptx or .potx, a template relabelled as a presentation (python-pptx knows only that).

    What the file is comes from the content type [Content_Types].xml gives its main part,
    never from its name or from text anywhere in that file (a comment, say): a .pptm
    renamed, or labelled in a comment, is still refused for its macros.
    """
    note_input(path)
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path}: refused as a PowerPoint template: it is {size:,} bytes; "
                                f"a template may be at most {MAX_TEMPLATE_BYTES:,} (compress its "
                                "pictures)")
        with path.open("rb") as stream:
            blob = stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the PowerPoint template ({exc.strerror})") from None
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            _screen(path, z)
            kind = main_content_type(z)
            if kind == _TEMPLATE_MAIN:
                types = z.read("[Content_Types].xml")
                return rewrite_member(z, "[Content_Types].xml",
                                      types.replace(_TEMPLATE_MAIN.encode(), _MAIN.encode()))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        kind = None
    if kind in _MACRO_MAINS:
        raise TemplateError(f"{path}: refused: a macro-enabled PowerPoint file ({kind}); every "
                            "deck would carry its macros: save it as a .pptx or .potx "
                            "(PowerPoint Presentation or Template) and use that")
    if kind != _MAIN:
        raise TemplateError(f"{path}: not a PowerPoint presentation or template (.pptx or .potx)")
    return blob


def _screen(path: Path, z: zipfile.ZipFile) -> None:
    """Refuse, before any part is unpacked, a package that unpacks to too much (a zip bomb),
    and any XML with a document type: PowerPoint writes none, and its entities expand."""
    members = z.infolist()
    unpacked = sum(info.file_size for info in members)
    if len(members) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise TemplateError(f"{path}: refused as a PowerPoint template: it unpacks to "
                            f"{len(members):,} parts of {unpacked:,} bytes; a template may "
                            f"unpack to at most {MAX_PARTS:,} parts of {MAX_UNPACKED_BYTES:,} "
                            "bytes")
    for info in members:
        if info.filename.lower().endswith((".xml", ".rels")):
            with z.open(info) as part:  # sizes are checked as it is read, past the header too
                head = part.read(4096)
            if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise TemplateError(f"{path}: refused as a PowerPoint template: /"
                                    f"{printable(info.filename)} declares a document type "
                                    "(entities), which PowerPoint never writes; save the file "
                                    "again from PowerPoint")


def main_content_type(z: zipfile.ZipFile) -> str | None:
    """The content type of the package's main part: the part `_rels/.rels` names, typed in
    [Content_Types].xml by its own Override or else by its extension's Default."""
    rels = ElementTree.fromstring(z.read("_rels/.rels"))
    target = next((rel.get("Target", "") for rel in rels if rel.get("Type") == _OFFICE_DOCUMENT), None)
    if target is None:
        return None
    name = "/" + target.lstrip("/")
    types = ElementTree.fromstring(z.read("[Content_Types].xml"))
    overrides = {t.get("PartName", "").lower(): t.get("ContentType")
                 for t in types if t.tag.endswith("}Override")}
    defaults = {t.get("Extension", "").lower(): t.get("ContentType")
                for t in types if t.tag.endswith("}Default")}
    return overrides.get(name.lower(), defaults.get(name.rpartition(".")[2].lower()))


def rewrite_member(z: zipfile.ZipFile, name: str, data: bytes) -> bytes:
    """A copy of the package in `z` with member `name` replaced by `data`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in z.infolist():
            dst.writestr(info, data if info.filename == name else z.read(info))
    return out.getvalue()


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed date: never the clock."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None:
        return FIXED_DATE
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        raise BuyinError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}") from None


def normalize_package(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip package with fixed entry times and attributes, embedded workbooks too.

    python-pptx stamps each embedded chart workbook with the clock; its dates become `when`.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_package(((info.filename, src.read(info)) for info in src.infolist()), when)


# The workbooks of the slides `buyin watch` copies in unchanged are the same bytes save after
# save: each is rewritten once (at most _KEPT of them kept, by their bytes and the date).
_KEPT = 256
_NORMALIZED: dict[tuple[bytes, datetime], bytes] = {}


def _normalized(data: bytes, when: datetime) -> bytes:
    found = _NORMALIZED.get((data, when))
    if found is None:
        if len(_NORMALIZED) >= _KEPT:
            _NORMALIZED.clear()
        found = _NORMALIZED[(data, when)] = normalize_package(data, when)
    return found


def write_package(members: Iterable[tuple[str, bytes]], when: datetime) -> bytes:
    """A zip package of `members` (name, bytes), in that order, with fixed entry times and
    attributes; embedded workbooks are normalised too, and the document's dates are `when`."""
    global _DEFLATED
    # A zip entry's time holds the years 1980 to 2107 only: outside them it is clamped, as
    # reproducible builds clamp SOURCE_DATE_EPOCH (the document's own dates stay exact).
    stamp = min(max(when, datetime(1980, 1, 1)), datetime(2107, 12, 31, 23, 59, 58)).timetuple()[:6]
    out = io.BytesIO()
    kept = _DEFLATED
    used: dict[tuple[bytes, int], bytes] = {}
    with _KeepingZip(out, kept, used) as dst:
        for name, blob in members:
            if name.endswith(".xlsx"):
                blob = _normalized(blob, when)
            elif name == "docProps/core.xml" and b"dcterms:created" in blob:
                iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso, blob)
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type, entry.create_system, entry.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(entry, blob, compresslevel=6)
    _DEFLATED = used  # what this package holds: the next one (the next save) mostly repeats it
    return out.getvalue()


# Members deflated for the last package written, by (bytes, level): a `watch` save repeats
# most of the last deck's members (masters, layouts, theme, the slides that did not change),
# and the decks of one `brief` share the template's. Deflating the same bytes at the same
# level gives the same bytes, so a member deflated before is copied, not deflated again.
_DEFLATED: dict[tuple[bytes, int], bytes] = {}


class _KeepingZip(zipfile.ZipFile):
    """A zip being written whose members' deflated bytes are looked up in `kept` first.

    zipfile writes a member as its header, then what its compressor returns for the
    member's bytes (`writestr` hands them over in one piece), then the compressor's
    flush; it computes the CRC and sizes itself. Here the compressor collects the bytes
    and, at the flush, returns the kept deflated bytes or deflates them as zipfile would
    (zlib at the member's level, raw deflate): the same bytes, so the same package.
    """

    def __init__(self, file: io.BytesIO, kept: dict[tuple[bytes, int], bytes],
                 used: dict[tuple[bytes, int], bytes]):
        super().__init__(file, "w")
        self._kept, self._used = kept, used

    def _open_to_write(self, zinfo: zipfile.ZipInfo, force_zip64: bool = False) -> Any:
        handle = super()._open_to_write(zinfo, force_zip64)  # type: ignore[misc]  # private in typeshed
        level = getattr(zinfo, "_compresslevel", None)
        if (zinfo.compress_type == zipfile.ZIP_DEFLATED and isinstance(level, int)
                and getattr(handle, "_compressor", None) is not None):
            handle._compressor = _KeptDeflate(level, self._kept, self._used)
        return handle


class _KeptDeflate:
    """One member's deflate: its bytes collected, deflated (or found deflated) at the flush."""

    def __init__(self, level: int, kept: dict[tuple[bytes, int], bytes],
                 used: dict[tuple[bytes, int], bytes]):
        self.level, self.kept, self.used = level, kept, used
        self.chunks: list[bytes] = []

    def compress(self, data: Any) -> bytes:
        self.chunks.append(bytes(data))
        return b""

    def flush(self) -> bytes:
        key = (b"".join(self.chunks), self.level)
        deflated = self.kept.get(key) or self.used.get(key)
        if deflated is None:
            deflate = zlib.compressobj(self.level, zlib.DEFLATED, -15)
            deflated = deflate.compress(key[0]) + deflate.flush()
        self.used[key] = deflated
        return deflated
