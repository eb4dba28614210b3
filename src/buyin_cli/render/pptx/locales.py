"""Number formats bound to the deck's locale, so a chart writes 1.000 in a German deck anywhere.

Without a locale id in the format ([$-407]#,##0), PowerPoint and LibreOffice write a
chart's numbers as the viewer's machine does, whatever language the deck is in. A negative
is written with the minus sign the deck's text uses (−), not a hyphen.
"""

from __future__ import annotations

import re
from typing import Any

from pptx.oxml.ns import qn

# Windows locale ids, as number formats name them.
LOCALE_IDS = {
    "cs-CZ": 0x405, "da-DK": 0x406, "de-AT": 0xC07, "de-CH": 0x807, "de-DE": 0x407,
    "de-LU": 0x1007, "en-AU": 0xC09, "en-CA": 0x1009, "en-GB": 0x809, "en-IE": 0x1809,
    "en-IN": 0x4009, "en-NZ": 0x1409, "en-US": 0x409, "en-ZA": 0x1C09, "es-ES": 0xC0A,
    "es-MX": 0x80A, "fi-FI": 0x40B, "fr-BE": 0x80C, "fr-CA": 0xC0C, "fr-CH": 0x100C,
    "fr-FR": 0x40C, "it-CH": 0x810, "it-IT": 0x410, "ja-JP": 0x411, "nb-NO": 0x414,
    "nl-BE": 0x813, "nl-NL": 0x413, "pl-PL": 0x415, "pt-BR": 0x416, "pt-PT": 0x816,
    "sv-SE": 0x41D, "tr-TR": 0x41F, "zh-CN": 0x804,
}


def localised(number_format: str, language: str | None) -> str:
    """`number_format` bound to the deck's locale (a tag such as de-DE), when its id is known."""
    lcid = LOCALE_IDS.get(language or "")
    if lcid is None or number_format.startswith("[$-"):
        return number_format
    return f"[$-{lcid:X}]{number_format}"


def locale_prefix(number_format: str) -> str:
    """The locale id a format is bound to, as written ("[$-407]"), or ""."""
    return number_format[:number_format.index("]") + 1] if number_format.startswith("[$-") else ""


MINUS = "\u2212"  # the deck's minus sign, as its text and tables write it: −£4,000
_PREFIX = re.compile(r'^"([^"]*)"')


def true_minus(number_format: str) -> str:
    """`number_format` with a negative section that writes a true minus (−£4,000, −4.000 €) as
    the deck's text does, not the hyphen-minus a format without one writes (-£4,000). A format
    that says how to write negatives already is left as it is."""
    if ";" in number_format or not number_format:
        return number_format
    lcid = locale_prefix(number_format)
    body = number_format[len(lcid):]
    quoted = _PREFIX.match(body)  # a currency before the number: the minus goes before it
    negative = f'"{MINUS}{quoted.group(1)}"{body[quoted.end():]}' if quoted else f'"{MINUS}"{body}'
    return f"{lcid}{body};{negative}"


def minus_signs(chart_space: Any) -> None:
    """Every number format in a chart (its labels', its axes', its cached values') with a true minus."""
    for element in chart_space.iter(qn("c:numFmt")):
        element.set("formatCode", true_minus(element.get("formatCode", "")))
    for element in chart_space.iter(qn("c:formatCode")):
        element.text = true_minus(element.text or "")
