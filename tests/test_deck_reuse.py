"""Reusing slides built before (`buyin watch`'s SlideMemo) gives the bytes a fresh build gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from buyin_cli.render.outline import Outline
from buyin_cli.render.pptx.deck import build_deck
from buyin_cli.render.pptx.reuse import SlideMemo
from deck_helpers import outlines_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"




@pytest.fixture(scope="module")
def northwind() -> Outline:
    return outlines_of(EXAMPLES / "northwind-manufacturing.yaml")[0]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix != ".md"))
def test_every_example_deck_is_the_same_built_again_from_kept_slides(example: str) -> None:
    memo = SlideMemo()
    for outline in outlines_of(EXAMPLES / example):
        fresh = build_deck(outline, None)
        assert build_deck(outline, None, memo) == fresh  # building, and keeping each slide
        hits = memo.hits
        assert build_deck(outline, None, memo) == fresh  # every slide copied in
        assert memo.hits - hits == len(outline.slides)


def _with_slides(outline: Outline, change: Callable[[list], list]) -> Outline:
    return outline.model_copy(update={"slides": change(list(outline.slides))})


def _retitled(slides: list) -> list:
    slides[3] = slides[3].model_copy(update={"title": slides[3].title + " (revised)"})
    return slides


def _renoted(slides: list) -> list:
    slides[-1] = slides[-1].model_copy(update={"notes": "Other notes."})
    return slides


def _hidden(slides: list) -> list:
    slides[2] = slides[2].model_copy(update={"hidden": not slides[2].hidden})
    return slides


EDITS: dict[str, Callable[[Outline], Outline]] = {
    "a title": lambda o: _with_slides(o, _retitled),
    "the notes of the last slide": lambda o: _with_slides(o, _renoted),
    "a slide hidden or shown": lambda o: _with_slides(o, _hidden),
    "a slide dropped": lambda o: _with_slides(o, lambda s: s[:4] + s[5:]),
    "a slide added first": lambda o: _with_slides(o, lambda s: [s[1], *s]),
    "the slides reversed": lambda o: _with_slides(o, lambda s: s[::-1]),
    "the footer": lambda o: o.model_copy(update={"footer": "Another footer"}),
    "slide numbers off": lambda o: o.model_copy(update={"slide_numbers": False}),
    "the continuation mark": lambda o: o.model_copy(update={"continued": " (more)"}),
}


@pytest.mark.parametrize("edit", EDITS)
def test_after_an_edit_the_deck_is_what_a_fresh_build_makes(northwind: Outline, edit: str) -> None:
    memo = SlideMemo()
    build_deck(northwind, None, memo)
    edited = EDITS[edit](northwind)
    assert build_deck(edited, None, memo) == build_deck(edited, None)
    assert build_deck(northwind, None, memo) == build_deck(northwind, None)  # and back again


def test_an_edit_rebuilds_only_the_slides_it_changed(northwind: Outline) -> None:
    memo = SlideMemo()
    build_deck(northwind, None, memo)
    hits = memo.hits
    build_deck(EDITS["a title"](northwind), None, memo)
    assert memo.hits - hits == len(northwind.slides) - 1


def test_slides_kept_from_one_template_are_not_used_with_another(northwind: Outline,
                                                                 tmp_path: Path) -> None:
    template = tmp_path / "corporate.pptx"
    Presentation().save(str(template))  # 4:3, other layouts and fonts
    memo = SlideMemo()
    build_deck(northwind, None, memo)
    assert build_deck(northwind, template, memo) == build_deck(northwind, template)
    template.write_bytes(template.read_bytes())  # the same bytes again: reused
    hits = memo.hits
    build_deck(northwind, template, memo)
    assert memo.hits - hits == len(northwind.slides)


def test_the_memo_stays_small() -> None:
    memo = SlideMemo(limit=3)
    for n in range(10):
        memo.put(str(n), ())
    assert len(memo) <= 3
