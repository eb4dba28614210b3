"""A layout that reads the right way up: a title over its text, in the words' own case.

Some templates' section headers put the text above the title, or set the title in
capitals (python-pptx's own 4:3 deck does both): a quote, the showcase or the
questions would open with their subtitle and shout their title. Such a layout is
swapped for one of the same template that suits what the slide holds:
- a title and a subtitle alone → the first layout with a centre title and a subtitle
  (the title slide's);
- a title and a list → the first with a title over one body placeholder.
Neither must be upside down itself; when none suits, the layout named is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER as PH

from buyin_cli.render.outline import Slide
from buyin_cli.render.pptx import oxml
from buyin_cli.render.pptx.skeleton import LayoutFacts

TEXTS = (PH.SUBTITLE, PH.BODY, PH.OBJECT)
CAPITALS = ("all", "small")  # what a title's `cap` may force


def upside_down(prs: Any, layout: LayoutFacts) -> bool:
    """Whether the layout's title stands below its text, or is forced into capitals."""
    title = layout.of_type(PH.TITLE, PH.CENTER_TITLE)
    if title is None:
        return False
    texts = [ph.top for ph in layout.placeholders if ph.type in TEXTS]
    capitals = oxml.inherited(prs, title.element, "title", "a:defRPr", "cap") in CAPITALS
    return capitals or (bool(texts) and title.top > min(texts))


def _suits(layout: LayoutFacts, spec: Slide) -> bool:
    """Whether the layout takes what the slide holds the way the swap wants it."""
    kinds = [ph.type for ph in layout.placeholders]
    if spec.body or spec.link is not None:
        return PH.TITLE in kinds and sum(k in (PH.BODY, PH.OBJECT) for k in kinds) == 1
    return PH.CENTER_TITLE in kinds and PH.SUBTITLE in kinds


def upright(prs: Any, chosen: LayoutFacts, spec: Slide, layouts: Iterable[LayoutFacts],
            cache: dict[Any, Any]) -> LayoutFacts:
    """`chosen`, or when it reads upside down, the template's first layout that suits the slide."""
    def wrong(layout: LayoutFacts) -> bool:
        key = ("upside down", layout.name)
        if key not in cache:
            cache[key] = upside_down(prs, layout)
        return bool(cache[key])

    if not wrong(chosen) or spec.all_charts or spec.table is not None or spec.callouts or spec.flow:
        return chosen
    return next((layout for layout in layouts if _suits(layout, spec) and not wrong(layout)), chosen)
