"""A deck's layout holds on any template, 4:3 as 16:9: each finding at its smallest case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR

from deck_helpers import outline_from, save_deck
from deck_invariants import STATEMENT_SIZE, thin_slides


def _deck(slides: list[dict[str, Any]], folder: Path, four_three: bool = False) -> Path:
    """A deck of `slides` (each given its notes), on the bundled 16:9 template or python-pptx's 4:3."""
    path, template = folder / "deck.pptx", None
    if four_three:
        template = folder / "four-three.pptx"
        Presentation().save(str(template))
    save_deck(outline_from({"continued": " (cont.)", "slide_numbers": True, "footer": "Kestrel",
                            "slides": [{"notes": "n", **s} for s in slides]}), path, template)
    return path


def _body(path: Path, number: int = 1) -> Any:
    slide = Presentation(str(path)).slides[number - 1]
    return next(s for s in slide.placeholders if s.placeholder_format.idx != 0).text_frame


def test_one_ask_on_a_slide_that_must_stay_whole_is_a_statement(tmp_path):
    path = _deck([{"layout": "Title and Content", "whole": True,
                   "title": "We ask you to decide: name one contact per site",
                   "body": [{"text": "What we ask you to decide", "bold": True, "detail": True},
                            {"text": "Name one contact per site", "level": 1}]}], tmp_path)
    frame = _body(path)
    assert frame.vertical_anchor == MSO_ANCHOR.MIDDLE
    assert min(r.font.size.pt for p in frame.paragraphs for r in p.runs) >= STATEMENT_SIZE
    assert thin_slides(path) == []
