"""Bullet lists: each paragraph's lines at its level, and the size and pages at which a list fits."""

from __future__ import annotations

from dataclasses import replace

from buyin_cli.records import dataclass
from buyin_cli.render.pptx.textfit.fonts import points
from buyin_cli.render.pptx.textfit.measure import Box, balanced, line_height, measured, wrap

HALF = 0.5  # of a page: a section taller than this may continue on the next page at one of its points


@dataclass(frozen=True)
class Para:
    """One bullet as the fitter sees it; `bullet` is false for the tail of a split bullet."""

    text: str
    level: int = 0
    bold: bool = False
    bullet: bool = True
    link: str | None = None
    steps: int | None = None  # size steps below the body size; None: one a level


def level_size(size: float, level: int, floor: float) -> float:
    """Sub-levels step down 2 pt each, twice at most, never below `floor`."""
    return max(floor, size - 2 * min(level, 2))


def para_size(para: Para, size: float, floor: float) -> float:
    """The size `para` reads at in a list at body size `size`: its level's, unless it sets
    its own steps (a point under a heading reads at the heading's size)."""
    return level_size(size, para.level if para.steps is None else para.steps, floor)


def space_before(size: float, level: int) -> float:
    """Gap above a paragraph, in points: more above a top-level bullet than a sub-point."""
    return round(size * (0.4 if level == 0 else 0.2))


def para_lines(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> list[str]:
    """The wrapped lines of one paragraph at body size `size`."""
    indent = indents[min(para.level, len(indents) - 1)]
    return wrap(para.text, box.width - indent, para_size(para, size, floor), para.bold)


def para_height(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> float:
    """Height of one paragraph including the gap above it."""
    psize = para_size(para, size, floor)
    indent = indents[min(para.level, len(indents) - 1)]
    lines = measured(para.text, para.bold).count(box.width - indent, psize)  # len(para_lines(…))
    return space_before(psize, para.level) + lines * line_height(psize)


def fits(paras: list[Para], box: Box, indents: tuple[float, ...], size: float, floor: float) -> bool:
    """Whether `paras` fit `box` at body size `size`, no word wider than its line ("Fehlkommissio /
    nierungen"), unless it would be even at `floor`."""
    return all(_whole(p, box, indents, size, floor) for p in paras) and sum(
        para_height(p, box, indents, size, floor) for p in paras) <= box.height


def _whole(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> bool:
    """Whether `para`'s longest word fits its line at body size `size`, or would not even at `floor`."""
    width = box.width - indents[min(para.level, len(indents) - 1)]
    longest = measured(para.text, para.bold).longest
    return points(longest, para_size(para, size, floor)) <= width or points(
        longest, para_size(para, floor, floor)) > width


def fit_body(paras: list[Para], box: Box, indents: tuple[float, ...], start: float, floor: float,
             split_size: float, later: Box | None = None) -> tuple[float, list[list[Para]]]:
    """The size and the pages for a bullet list.

    Shrink from `start` to `floor`; if the list still does not fit, split it into
    pages at `split_size` (a comfortable size), as evenly as the bullets allow, never
    parting a bullet from the points under it where they fit a page together, unless
    parting a long section at its points takes a page fewer (a long section between
    two short ones left three pages, two half empty). `later`:
    the box of the pages after the first, when it is not `box` (the first page shares
    its slide with a chart; the pages after it have the width to themselves).
    """
    size = start
    while size >= floor:
        if fits(paras, box, indents, size, floor):
            return size, [paras]
        size -= 1
    size = split_size
    pieces = [piece for p in paras for piece in _split_tall(p, box, indents, size, floor)]
    whole = _paged_at(_blocks(pieces, box, indents, size, floor, False), box, indents, size, floor, later)
    parted = _paged_at(_blocks(pieces, box, indents, size, floor, True), box, indents, size, floor, later)
    return size, parted if len(parted) < len(whole) else whole


def _paged_at(blocks: list[list[Para]], box: Box, indents: tuple[float, ...], size: float, floor: float,
              later: Box | None) -> list[list[Para]]:
    """The blocks on pages, as evenly as they allow (the first beside a chart: what fits there)."""
    if later is None:
        return _paged(blocks, balanced([_height(b, box, indents, size, floor) for b in blocks], box.height))
    first, used = 0, 0.0  # the first page takes what fits beside its chart; the rest share the width
    for block in blocks:
        height = _height(block, box, indents, size, floor)
        if first and used + height > box.height:
            break
        first, used = first + 1, used + height
    rest = blocks[first:]
    counts = balanced([_height(b, later, indents, size, floor) for b in rest], later.height) if rest else []
    return _paged(blocks, [first] + counts)


def _blocks(pieces: list[Para], box: Box, indents: tuple[float, ...], size: float,
            floor: float, parted: bool) -> list[list[Para]]:
    """The list in runs a page break must not part: a bullet with the points under it (and a
    split bullet's tails), so that no page starts with a point whose heading is on the page
    before; `parted`, a run over HALF a page at its points, where that takes a page fewer. A
    run taller than a page is left as its single paragraphs."""
    runs: list[list[Para]] = []
    for para in pieces:
        if runs and (para.level > runs[-1][0].level or not para.bullet):
            runs[-1].append(para)
        else:
            runs.append([para])
    return [part for run in runs for part in _parts(run, box, indents, size, floor, HALF if parted else 1.0)]


def _parts(run: list[Para], box: Box, indents: tuple[float, ...], size: float, floor: float,
           most: float) -> list[list[Para]]:
    """A run as the blocks a page break may part: whole while it is under `most` of a page; else at
    its points (each with the points under it, the heading with the first), so that a long
    section between two short ones does not leave both their pages half empty; a point
    taller than a page, as its single paragraphs."""
    if _height(run, box, indents, size, floor) <= most * box.height:
        return [run]
    points: list[list[Para]] = [[run[0]]]
    for para in run[1:]:
        point = para.bullet and para.level == run[0].level + 1
        if point and any(p.level == run[0].level + 1 for p in points[-1]):
            points.append([para])
        else:
            points[-1].append(para)
    return [part for point in points for part in (
        [point] if _height(point, box, indents, size, floor) <= box.height else [[one] for one in point])]


def _height(block: list[Para], box: Box, indents: tuple[float, ...], size: float, floor: float) -> float:
    return sum(para_height(p, box, indents, size, floor) for p in block)


def _paged(blocks: list[list[Para]], counts: list[int]) -> list[list[Para]]:
    """The paragraphs of each page, `counts` blocks a page."""
    out, i = [], 0
    for count in counts:
        out.append([p for block in blocks[i:i + count] for p in block])
        i += count
    return out


def _split_tall(para: Para, box: Box, indents: tuple[float, ...], size: float, floor: float) -> list[Para]:
    """A paragraph taller than a whole box, cut at line breaks into pieces that fit."""
    if para_height(para, box, indents, size, floor) <= box.height:
        return [para]
    psize = para_size(para, size, floor)
    per_page = max(1, int((box.height - space_before(psize, para.level)) // line_height(psize)))
    lines = para_lines(para, box, indents, size, floor)
    chunks = [" ".join(lines[i:i + per_page]) for i in range(0, len(lines), per_page)]
    return [replace(para, text=chunk, bullet=para.bullet and i == 0) for i, chunk in enumerate(chunks)]


def fit_whole(paras: list[Para], box: Box, indents: tuple[float, ...], start: float, floor: float,
              last_floor: float, details: list[bool], keep: float | None = None,
              ) -> tuple[float, list[Para], list[Para]] | None:
    """A list that must stay on one slide: its size, the bullets kept and the details left out.

    Shrink from `start` to `keep` (`floor` when not given: the size the details are kept to;
    sub-levels step down to `floor` all the same); then leave out the bullets marked as
    details, the last first, each time trying again down to `keep`; then shrink on to `last_floor`.
    A heading is left out only once no point stands under it: its points without it would
    read as the bullets around them (the asks as more context); only when the list would not
    fit even at `last_floor` does it go, its points moving up a level.
    None when even that does not fit: only then may the list continue.
    """
    kept = list(zip(paras, details))
    dropped: list[Para] = []
    keep = floor if keep is None else max(floor, min(keep, start))
    while True:
        for size in _sizes(start, keep):
            if fits([p for p, _ in kept], box, indents, size, floor):
                return size, [p for p, _ in kept], dropped
        last = max((i for i, (_, detail) in enumerate(kept) if detail and not _heads(kept, i)), default=None)
        if last is None:
            break
        dropped.insert(0, kept.pop(last)[0])
    for size in _sizes(keep - 1, floor) if keep > floor else []:  # the details left out, on down to `floor`
        if fits([p for p, _ in kept], box, indents, size, floor):
            return size, [p for p, _ in kept], dropped
    while True:
        for size in _sizes(floor if dropped else floor - 1, last_floor):
            if fits([p for p, _ in kept], box, indents, size, last_floor):
                return size, [p for p, _ in kept], dropped
        # Only where the slide would otherwise continue does a heading go while its points stay;
        # they move up a level, not under the bullet before it.
        last = max((i for i, (_, detail) in enumerate(kept) if detail), default=None)
        if last is None:
            return None
        heading = kept.pop(last)[0]
        dropped.insert(0, heading)
        for i in range(last, len(kept)):
            if kept[i][0].level <= heading.level:
                break
            para = kept[i][0]
            kept[i] = (replace(para, level=para.level - 1, steps=None if para.steps is None else max(
                para.steps - (not heading.bold), 0)), kept[i][1])


def _heads(kept: list[tuple[Para, bool]], i: int) -> bool:
    """Whether the bullet at `i` is a heading with a point still under it."""
    para = kept[i][0]
    return para.bold and i + 1 < len(kept) and kept[i + 1][0].level > para.level


def _sizes(start: float, floor: float) -> list[float]:
    """Whole-point sizes from `start` down to `floor`."""
    return [start - i for i in range(int(start - floor) + 1)]
