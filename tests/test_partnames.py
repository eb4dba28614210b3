"""Parts named from names read once (skeleton.PartNames) get the names python-pptx's own
walk of the package would give them, at every part of a deck, built fresh or from kept slides."""

from __future__ import annotations

from typing import Any

import pytest
from pptx.opc.package import OpcPackage

from buyin_cli.render.pptx import skeleton
from buyin_cli.render.pptx.deck import build_deck
from buyin_cli.render.pptx.reuse import SlideMemo
from deck_helpers import outlines_of
from test_deck_reuse import EXAMPLES


@pytest.mark.parametrize("example", ["northwind-manufacturing.yaml", "harbour-bank"])
def test_every_name_given_is_the_one_walking_the_package_gives(example: str, monkeypatch) -> None:
    given: list[str] = []
    kept_next = skeleton.PartNames.next_partname
    kept_names = skeleton.PartNames.names

    def walked(names: skeleton.PartNames, template: str) -> Any:
        expected = OpcPackage.next_partname(names.package, template)  # python-pptx's walk
        name = kept_next(names, template)
        assert name == expected
        given.append(str(name))
        return name

    def read(names: skeleton.PartNames, template: str) -> set[str]:
        found = kept_names(names, template)
        prefix = template[: (template % 42).find("42")]
        assert found == {str(p.partname) for p in names.package.iter_parts()
                         if p.partname.startswith(prefix)}
        return found

    monkeypatch.setattr(skeleton.PartNames, "next_partname", walked)
    monkeypatch.setattr(skeleton.PartNames, "names", read)
    memo = SlideMemo()
    for outline in outlines_of(EXAMPLES / example):
        build_deck(outline, None)
        build_deck(outline, None, memo)  # keeping each slide
        build_deck(outline, None, memo)  # copying each slide in
    assert any("/charts/" in name for name in given)  # charts and workbooks were named here
    assert any("/embeddings/" in name for name in given)
    assert any("/notesSlides/" in name for name in given)
