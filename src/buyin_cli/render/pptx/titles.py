"""One title size across a deck's content slides, as on a grid.

A content slide's title starts at the 28-32 pt of docs/deck.md, not at a template's 44 pt (python-pptx's
4:3 deck), and no larger than most of the deck's titles stand at in two lines: a short title
set larger than its long neighbours reads like another template. A title that needs less
still shrinks to fit (down to 20 pt); a statement (a quote, the showcase, the questions: a
section header or a cover) keeps its layout's own size.
"""

from __future__ import annotations

import statistics
from typing import Any

from buyin_cli.render.outline import Outline
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.layout import inherited_size, inner
from buyin_cli.render.pptx.skeleton import PH, LayoutFacts

TITLE_TOP = 32  # points: a content slide's title starts no larger (the deck conventions: titles 28-32 pt)
TITLE_FLOOR = 20  # points: the least a title reads at
STATEMENTS = ("title", "secHead")  # layouts whose title is all the slide says


def statement(named: LayoutFacts) -> bool:
    """Whether the layout a slide names is a statement's: a cover or a section header."""
    return named.of_type(PH.CENTER_TITLE) is not None or named.layout.element.get("type") in STATEMENTS


def grid_size(prs: Any, layouts: dict[str, LayoutFacts | None], outline: Outline) -> float:
    """The size every content title starts at: the median of the sizes each stands at in its
    layout's title box in two lines (its shorter forms allowed), at most TITLE_TOP."""
    sizes = []
    for spec in outline.slides:
        named = layouts.get(spec.layout)
        title = named.of_type(PH.TITLE) if named is not None and not statement(named) else None
        if title is None or named is None:
            continue
        start = min(inherited_size(prs, title, "title", 32), TITLE_TOP)
        box = inner((title.left, title.top, title.width, title.height))
        sizes.append(textfit.fit_first(spec.title_forms, box, start, min(start, TITLE_FLOOR), True, 2)[1])
    return float(statistics.median_low(sizes)) if sizes else TITLE_TOP
