"""Markdown for GitHub (job summaries, pull request comments), the strategy's text escaped.

A name in a strategy is text, not Markdown: written into a comment it must not
bold, link, open HTML, break a table or @mention a person.
"""

from __future__ import annotations

import re

# What GitHub's Markdown reads inside a line: emphasis, code, links, HTML, tables,
# strike-through, and a heading at the start of a list item.
_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape(text: str) -> str:
    """`text` as Markdown that shows exactly it, on one line."""
    text = " ".join(text.split())  # a line break would end a list item or a table row
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # no HTML
    return _SPECIAL.sub(r"\\\1", text).replace("@", "&#64;")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; the cells are Markdown already (escape the user's text first)."""
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows)]
