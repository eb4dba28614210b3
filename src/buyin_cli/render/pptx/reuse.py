"""Slides built before, reused when a deck is built again from an outline that mostly did not change.

`buyin watch` rebuilds a briefing's deck on every save, and a save usually changes
a few slides of twenty. A slide's parts (its XML, its charts with their workbooks,
its notes, its links) depend only on the slide's outline, the outline's deck-wide
settings, the template and the position the slide starts at; a `SlideMemo` keeps
them under exactly that key, so an unchanged slide is copied in as parts instead of
laid out, measured and drawn again. The deck's bytes are the same either way
(tests/test_deck_reuse.py builds every example both ways and after edits).

A slide whose parts are not of the kinds above (a picture, say) is not kept: it is
built every time. This module and oxml.py are where python-pptx's part API is used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.parts.slide import NotesSlidePart, SlidePart

from buyin_cli.records import dataclass

_NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"


@dataclass(frozen=True)
class _Page:
    """One built slide, as parts: its layout's index, its XML, and its relationships in rId order.

    `rels` after the layout (rId1): ("chart", chart XML, workbook bytes), ("link", url),
    and last ("notes", notes XML).
    """

    layout: int
    xml: bytes
    rels: tuple[tuple[Any, ...], ...]


class SlideMemo:
    """The pages built for each slide of the last decks, to copy into the next build."""

    def __init__(self, limit: int = 512) -> None:
        self._pages: dict[str, tuple[_Page, ...]] = {}
        self._limit = limit
        self.hits = 0  # slides copied in rather than built

    def __len__(self) -> int:
        return len(self._pages)

    def add(self, prs: Any, depends: tuple[bytes, str, str, int], build: Callable[[], None]) -> None:
        """Add a slide's pages to `prs`: those kept for it, else what `build` adds, then kept.

        `depends`: all they depend on but their position, which is added here: the
        template's bytes, the outline's deck-wide settings, the slide's outline, its number.
        """
        first = len(prs.slides)
        template, *words = depends
        digest = hashlib.sha256(template)
        for part in (*map(str, words), str(first)):
            digest.update(b"\0" + part.encode("utf-8"))
        key = digest.hexdigest()
        pages = self.get(key)
        if pages is not None:
            replay(prs, pages)
        else:
            build()
            self.put(key, record(prs, first))

    def get(self, key: str) -> tuple[_Page, ...] | None:
        pages = self._pages.get(key)
        self.hits += pages is not None
        return pages

    def put(self, key: str, pages: tuple[_Page, ...] | None) -> None:
        if pages is None:
            return
        if len(self._pages) >= self._limit:  # briefings come and go while writing; stay small
            self._pages.clear()
        self._pages[key] = pages


def record(prs: Any, first: int) -> tuple[_Page, ...] | None:
    """The slides from position `first` on as pages, or None if one holds a part of another kind."""
    layouts = {layout.part: n for n, layout in enumerate(prs.slide_layouts)}
    pages = []
    for slide in list(prs.slides)[first:]:
        part = slide.part
        rels = list(part.rels.items())
        if [rId for rId, _ in rels] != [f"rId{n}" for n in range(1, len(rels) + 1)]:
            return None
        (_, layout_rel), *others = rels
        if layout_rel.reltype != RT.SLIDE_LAYOUT or layout_rel.target_part not in layouts:
            return None
        kept: list[tuple[Any, ...]] = []
        for n, (_, rel) in enumerate(others):
            if rel.is_external:
                if rel.reltype != RT.HYPERLINK:
                    return None
                kept.append(("link", rel.target_ref))
            elif rel.reltype == RT.CHART:
                workbook = _only_rel(rel.target_part, RT.PACKAGE)
                if workbook is None or not isinstance(workbook, EmbeddedXlsxPart):
                    return None
                kept.append(("chart", rel.target_part.blob, workbook.blob))
            elif rel.reltype == RT.NOTES_SLIDE and n == len(others) - 1:
                notes = [(rId, r.reltype, r.is_external or r.target_part)
                         for rId, r in rel.target_part.rels.items()]
                if notes != [("rId1", RT.NOTES_MASTER, prs.part.notes_master_part),
                             ("rId2", RT.SLIDE, part)]:
                    return None
                kept.append(("notes", rel.target_part.blob))
            else:
                return None
        pages.append(_Page(layouts[layout_rel.target_part], part.blob, tuple(kept)))
    return tuple(pages)


def _only_rel(part: Any, reltype: str) -> Any:
    """The part's one relationship's target when it has exactly one, of `reltype`; else None."""
    rels = list(part.rels.items())
    if len(rels) != 1 or rels[0][0] != "rId1" or rels[0][1].reltype != reltype or rels[0][1].is_external:
        return None
    return rels[0][1].target_part


def replay(prs: Any, pages: tuple[_Page, ...]) -> None:
    """Add `pages` to `prs` in the order python-pptx made them, so every part name and rId recurs."""
    package = prs.part.package
    for page in pages:
        layout = prs.slide_layouts[page.layout]
        slide_part = SlidePart.load(prs.part._next_slide_partname, CT.PML_SLIDE, package, page.xml)
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        slide_rId = prs.part.relate_to(slide_part, RT.SLIDE)
        for kind, *payload in page.rels:
            if kind == "link":
                slide_part.relate_to(payload[0], RT.HYPERLINK, is_external=True)
            elif kind == "chart":
                chart_xml, workbook = payload
                chart = ChartPart.load(package.next_partname(ChartPart.partname_template),
                                       CT.DML_CHART, package, chart_xml)
                chart.relate_to(EmbeddedXlsxPart.new(workbook, package), RT.PACKAGE)
                slide_part.relate_to(chart, RT.CHART)
            else:  # the notes, last, as python-pptx adds them on first use
                master = prs.part.notes_master_part
                notes = NotesSlidePart.load(package.next_partname(_NOTES_PARTNAME),
                                            CT.PML_NOTES_SLIDE, package, payload[0])
                notes.relate_to(master, RT.NOTES_MASTER)
                notes.relate_to(slide_part, RT.SLIDE)
                slide_part.relate_to(notes, RT.NOTES_SLIDE)
        prs.part._element.get_or_add_sldIdLst().add_sldId(slide_rId)
