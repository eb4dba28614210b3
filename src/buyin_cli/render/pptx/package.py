"""The .pptx file as a zip package: opening templates, reproducible entry dates and build time."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from buyin_cli.errors import BuyinError, TemplateError

FIXED_DATE = datetime(2000, 1, 1)
_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"


def read_presentation(path: Path) -> bytes:
    """The bytes of a .pptx or .potx, a template relabelled as a presentation (python-pptx knows only that)."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the PowerPoint template ({exc.strerror})") from None
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            types = z.read("[Content_Types].xml")
            if _TEMPLATE_MAIN.encode() in types:
                return rewrite_member(z, "[Content_Types].xml",
                                      types.replace(_TEMPLATE_MAIN.encode(), _MAIN.encode()))
    except (zipfile.BadZipFile, KeyError):
        types = b""
    if _MAIN.encode() not in types:
        raise TemplateError(f"{path}: not a PowerPoint presentation or template (.pptx or .potx)")
    return blob


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
        return datetime.fromtimestamp(int(raw), tz=timezone.utc).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        raise BuyinError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}") from None


def normalize_package(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip package with fixed entry times and attributes, embedded workbooks too.

    python-pptx stamps each embedded chart workbook with the clock; its dates become `when`.
    """
    # A zip entry's time holds the years 1980 to 2107 only: outside them it is clamped, as
    # reproducible builds clamp SOURCE_DATE_EPOCH (the document's own dates stay exact).
    stamp = min(max(when, datetime(1980, 1, 1)), datetime(2107, 12, 31, 23, 59, 58)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename.endswith(".xlsx"):
                blob = normalize_package(blob, when)
            elif info.filename == "docProps/core.xml" and b"dcterms:created" in blob:
                iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso, blob)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type, entry.create_system, entry.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(entry, blob, compresslevel=6)
    return out.getvalue()
