"""The view as Markdown reads it: every text from the strategy shown as the text it is, never as markup.

The talking points are Markdown, and a pull request writes their text: a name
could carry `<script>`, an image that calls a server when the file is previewed
(`![](https://tracker/pixel)`), a `[link](javascript:…)`, a line break that
starts a heading, or a `|` that adds a table column. The templates' own markup
is theirs; what the view brings is escaped once, here, before any template
(the packaged one or a user's) sees it, so no template can forget it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import quote

from buyin_cli.present.view_builder import web_link
from buyin_cli.render.outline.parse import control_written
from buyin_cli.words import CONTROL

# Backslash escapes (CommonMark's, for any ASCII punctuation) for what would start markup
# anywhere in a line: code, emphasis, links and images, raw HTML and autolinks, entities,
# table cells, strikethrough. An underscore inside a word starts nothing, and stays.
_INLINE = re.compile(r"[\\`*\[\]|~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)"
                     r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# What starts a block when it opens a line: a heading, a quote, a list item, a rule.
# (A number and a full stop, '14. Oktober', is left: a date starts no heading.)
_BLOCK = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[+-](?=\s|$|-+\s*$)|=(?==*\s*$))")
_BREAK = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")


def markdown_text(text: str) -> str:
    """`text` on one line, escaped so that Markdown shows it as written."""
    text = _INLINE.sub(lambda m: "\\" + m.group(), _BREAK.sub(" ", text))
    return _BLOCK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def markdown_link(url: str) -> str:
    """A link target for Markdown: a web or mail address, or nothing (a link to nowhere)."""
    link = web_link(url)
    return quote(link, safe=":/?#@!$&'*+,;=%~-._") if link else ""


def screened(text: str, template_name: str) -> str:
    """Rendered Markdown, refused when it holds a control character (a template's '\\x01'),
    as the deck's outline is: said at its line and column, never written into the file."""
    found = CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise control_written(template_name, f"its output's line {line}, column {col}",
                              found.group())
    return text


def as_markdown(value: Any, name: str = "") -> Any:
    """A copy of a view (dataclasses, lists, dicts, text) with every text escaped for Markdown;
    a field named '…url' becomes a link target."""
    if isinstance(value, str):
        return markdown_link(value) if name.endswith("url") else _escaped(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {field: as_markdown(getattr(value, field), field) for field in _init_fields(type(value))}
        return dataclasses.replace(value, **changes)
    if isinstance(value, (list, tuple)):
        return type(value)(as_markdown(item, name) for item in value)
    if isinstance(value, dict):
        return {key: as_markdown(item, name) for key, item in value.items()}
    return value


# A view says the same names and numbers many times over: each text is escaped once per
# process (at most _KEPT of them kept), and each kind of record's fields are read once.
_KEPT = 20_000
_ESCAPED: dict[str, str] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _escaped(text: str) -> str:
    found = _ESCAPED.get(text)
    if found is None:
        if len(_ESCAPED) >= _KEPT:
            _ESCAPED.clear()
        found = _ESCAPED[text] = markdown_text(text)
    return found


def _init_fields(kind: type) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.init)
    return found
