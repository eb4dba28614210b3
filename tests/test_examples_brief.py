"""Every bundled example briefs: its decks and talking points match their goldens and open in LibreOffice.

Goldens live in tests/golden/brief/<example>/; after an intended change, regenerate
them with BUYIN_UPDATE_GOLDEN=1 and review the diff like any other change.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from buyin_cli.brief import brief
from deck_helpers import read_deck, to_pdf
from word_invariants import broken_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir()
                  if p.is_dir() or p.suffix in (".yaml", ".yml"))
GOLDEN = Path(__file__).parent / "golden" / "brief"
UPDATE = bool(os.environ.get("BUYIN_UPDATE_GOLDEN"))


def example_name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


@pytest.fixture(scope="module")
def briefed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each example's written files, rendered once for all the tests of this module."""
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    out = {}
    for example in EXAMPLES:
        folder = tmp_path_factory.mktemp(example_name(example))
        out[example_name(example)] = brief(example, folder).paths
    return out


def outline_text(deck: Path) -> str:
    """The deck as a reviewer reads it: layout, title, body, chart, table and notes per slide."""
    lines = []
    for number, slide in enumerate(read_deck(deck), start=1):
        lines.append(f"--- slide {number} · {slide['layout']}" + (" · hidden" if slide["hidden"] else ""))
        lines.append(f"title: {slide['title']}")
        if slide["subtitle"]:
            lines.append("subtitle: " + slide["subtitle"].replace("\n", " / "))
        for level, text in slide["body"]:
            if text:
                lines.append(f"{'  ' * level}- {text}")
        for link in slide["links"]:
            lines.append(f"link: {link}")
        for text in slide["texts"]:
            lines.append("text: " + text.replace("\n", " / "))
        for chart in slide["charts"]:
            lines.append(f"chart: {chart['type']} {chart['categories']} axis {chart['axis']}")
            lines += [f"  {name}: {list(values)}" for name, values in chart["series"]]
        if slide["table"]:
            lines += ["  | " + " | ".join(row) + " |" for row in slide["table"]]
        lines.append("notes:")
        lines += [f"  {line}" for line in slide["notes"].splitlines()]
    return "\n".join(lines) + "\n"


def check_golden(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden {path}; run the tests with BUYIN_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_every_example_writes_a_deck_and_talking_points_per_briefing(example, briefed) -> None:
    written = briefed[example_name(example)]
    assert written, "an example must have at least one briefing"
    assert len(written) % 2 == 0
    assert {p.suffix for p in written} == {".pptx", ".md"}


@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_decks_match_their_outline_goldens(example, briefed) -> None:
    name = example_name(example)
    for deck in (p for p in briefed[name] if p.suffix == ".pptx"):
        check_golden(GOLDEN / name / f"{deck.stem}.outline.txt", outline_text(deck))


@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_talking_points_match_their_goldens(example, briefed) -> None:
    name = example_name(example)
    for notes in (p for p in briefed[name] if p.suffix == ".md"):
        check_golden(GOLDEN / name / notes.name, notes.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_every_slide_has_notes_with_a_time_budget(example, briefed) -> None:
    for deck in (p for p in briefed[example_name(example)] if p.suffix == ".pptx"):
        for number, slide in enumerate(read_deck(deck), start=1):
            if slide["hidden"]:  # a backup slide is not presented, so it has no time
                assert not slide["notes"].startswith("["), f"{deck.name} slide {number}"
            else:
                assert slide["notes"].startswith("["), f"{deck.name} slide {number}: no time budget"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_no_word_of_an_example_deck_is_broken(example, briefed) -> None:
    for deck in (p for p in briefed[example_name(example)] if p.suffix == ".pptx"):
        assert broken_words(deck) == [], deck.name


@pytest.mark.libreoffice
@pytest.mark.parametrize("example", EXAMPLES, ids=example_name)
def test_libreoffice_opens_every_example_deck(example, briefed, tmp_path: Path) -> None:
    for deck in (p for p in briefed[example_name(example)] if p.suffix == ".pptx"):
        slides = [s for s in read_deck(deck) if not s["hidden"]]  # the slideshow's, as exported
        pdf = to_pdf(deck, tmp_path)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages = pages[:-1]
        assert len(pages) == len(slides), f"{deck.name}: {len(pages)} pages, {len(slides)} slides"
        flat = " ".join(text.split())
        for slide in slides:
            title_words = " ".join(slide["title"].split())[:30]
            assert title_words in flat, f"{deck.name}: title {slide['title']!r} not on any page"
