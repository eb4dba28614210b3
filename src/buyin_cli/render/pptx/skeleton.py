"""Slides made fast: each layout read once per deck, each new slide a copy of a parsed skeleton.

python-pptx makes a slide by reading its layout's placeholders through proxy objects
(tens of thousands of lazy look-ups for a twenty-slide deck), and a notes page by
cloning the notes master's. Here the first slide of each layout, and the first notes
page, are made by python-pptx itself; their XML, before anything is written into it,
is kept as that layout's skeleton, and every later slide of the layout is a copy of it,
joined to the package the way python-pptx joins one. Part names, relationship ids and
shape ids come out as python-pptx's own, so the deck's bytes are the same
(tests/test_examples_brief.py compares them with golden files) and every slide stays an
ordinary, editable PowerPoint slide.
"""

from __future__ import annotations

import copy
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER as PH
from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart

from buyin_cli.records import dataclass

_NOTES = "/ppt/notesSlides/notesSlide%d.xml"
_P, _CNVPR, _PH = qn("a:p"), qn("p:cNvPr"), qn("p:ph")


@dataclass(frozen=True)
class Ph:
    """A layout placeholder as the planning needs it: kind, idx, box (EMU) and its XML."""

    type: Any
    idx: int
    left: int
    top: int
    width: int
    height: int
    element: Any


@dataclass(frozen=True)
class LayoutFacts:
    """One layout of the template, read once: its placeholders and what each slide of it needs."""

    layout: Any
    name: str
    placeholders: tuple[Ph, ...]
    slide_width: int
    slide_height: int

    def placeholder(self, idx: int | None) -> Ph:
        return next(ph for ph in self.placeholders if ph.idx == idx)

    def of_type(self, *kinds: Any) -> Ph | None:
        return next((ph for ph in self.placeholders if ph.type in kinds), None)


class PartNames:
    """python-pptx's `next_partname` for one package being built, from names read once.

    python-pptx walks every relationship of the package to name each chart, workbook and
    notes page it adds (≈12 % of a save in `buyin watch`). Here the names of each kind are
    read once and every name given out is added to them: while a deck is built, parts are
    only added, each related into the package before the next of its kind is named, so the
    names are the walk's and each answer is python-pptx's own.
    """

    def __init__(self, package: Any) -> None:
        self.package = package
        self._names: dict[str, set[str]] = {}  # a template's prefix -> the part names with it

    def names(self, template: str) -> set[str]:
        """The names of the package's parts that begin as `template`'s do (kept up to date)."""
        prefix = template[: (template % 42).find("42")]
        found = self._names.get(prefix)
        if found is None:
            found = self._names[prefix] = {str(part.partname) for part in self.package.iter_parts()
                                           if part.partname.startswith(prefix)}
        return found

    def next_partname(self, template: str) -> PackURI:
        """The name python-pptx's `next_partname` gives: counting down from one more than the
        names of the kind, the first one free."""
        names = self.names(template)
        for n in range(len(names) + 1, 0, -1):
            if template % n not in names:
                names.add(template % n)
                return PackURI(template % n)
        raise AssertionError("a free name is always found: there are more numbers than names")


class SlideMaker:
    """Adds slides and notes pages to one presentation, each layout's slides from its skeleton.

    While it works, the package names new parts with `PartNames` (python-pptx's own
    naming, without walking the package for each part).
    """

    def __init__(self, prs: Any) -> None:
        self.prs = prs
        self.package = prs.part.package
        self.partnames = PartNames(self.package)
        self.package.next_partname = self.partnames.next_partname
        self._layouts: dict[str, Any] = {}
        for layout in prs.slide_layouts:  # the first of a name, as get_by_name finds it
            self._layouts.setdefault(layout.name, layout)
        self._facts: dict[str, LayoutFacts] = {}
        self._skeletons: dict[Any, Any] = {}
        self._notes: tuple[Any, int] | None = None  # the notes page's XML and its body's index
        self.cache: dict[Any, Any] = {}  # what the layouts inherit, read once per deck
        self.master_placeholders = tuple(ph for ph in prs.slide_master.placeholders)

    def facts(self, name: str) -> LayoutFacts | None:
        """The layout called `name` (the first of that name), or None when there is none."""
        found = self._facts.get(name)
        if found is None and name in self._layouts:
            layout = self._layouts[name]
            phs = tuple(Ph(ph.placeholder_format.type, ph.placeholder_format.idx, ph.left, ph.top,
                           ph.width, ph.height, ph._element) for ph in layout.placeholders)
            found = self._facts[name] = LayoutFacts(layout, name, phs, self.prs.slide_width,
                                                    self.prs.slide_height)
        return found

    def add_slide(self, facts: LayoutFacts) -> Any:
        """A new slide of the layout at the end of the deck, its layout's placeholders on it."""
        layout = facts.layout
        skeleton = self._skeletons.get(layout.part)
        if skeleton is None:  # python-pptx makes the first; its XML is the skeleton
            slide = self.prs.slides.add_slide(layout)
            self._skeletons[layout.part] = copy.deepcopy(slide._element)
            return slide
        prs_part = self.prs.part
        part = SlidePart(prs_part._next_slide_partname, CT.PML_SLIDE, self.package,
                         copy.deepcopy(skeleton))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        prs_part._element.get_or_add_sldIdLst().add_sldId(prs_part.relate_to(part, RT.SLIDE))
        return part.slide

    def set_notes(self, slide: Any, text: str) -> None:
        """The slide's notes page, its body saying `text` (a paragraph per line), as python-pptx
        writes it with `notes_slide.notes_text_frame.text = text`."""
        if self._notes is None:
            notes = slide.notes_slide
            body = notes.notes_placeholder._element
            self._notes = (copy.deepcopy(notes._element), list(notes.shapes._spTree).index(body))
            notes.notes_text_frame.text = text
            return
        skeleton, at = self._notes
        element = copy.deepcopy(skeleton)
        part = NotesSlidePart(self._next_name(_NOTES), CT.PML_NOTES_SLIDE, self.package, element)
        part.relate_to(self.prs.part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        tx_body = element.cSld.spTree[at].find(qn("p:txBody"))
        for p in tx_body.findall(_P):
            tx_body.remove(p)
        for line in text.split("\n"):
            tx_body.add_p().append_text(line)

    def _next_name(self, template: str) -> PackURI:
        """The lowest free part name of `template`."""
        names = self.partnames.names(template)
        n = 1
        while template % n in names:
            n += 1
        names.add(template % n)
        return PackURI(template % n)


def remove_unused(slide: Any, used: set[int]) -> None:
    """Take off the placeholders not in `used` (by idx): no empty "Click to add text" boxes."""
    tree = slide.shapes._spTree
    for sp in list(tree):
        ph = sp.find(f"*/{qn('p:nvPr')}/{_PH}")
        if ph is not None and int(ph.get("idx", "0")) not in used:
            tree.remove(sp)


def placeholder_sp(slide: Any, idx: int | None) -> Any:
    """The slide's placeholder shape element with `idx`."""
    for sp in slide.shapes._spTree:
        ph = sp.find(f"*/{qn('p:nvPr')}/{_PH}")
        if ph is not None and int(ph.get("idx", "0")) == idx:
            return sp
    raise KeyError(idx)


def next_shape_id(slide: Any) -> int:
    """What python-pptx gives the next shape: one more than the largest id in the slide."""
    ids = [int(v) for v in slide.shapes._spTree.xpath("//@id") if v.isdigit()]
    return max(ids, default=0) + 1


__all__ = ["PH", "LayoutFacts", "Ph", "SlideMaker", "next_shape_id", "placeholder_sp", "remove_unused"]
