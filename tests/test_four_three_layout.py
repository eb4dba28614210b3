"""A 4:3 template keeps what 16:9 shows: every quote, a footer on one line, titles of one size,
the years' table and chart together (python-pptx's own 4:3 deck, as a corporate one may be)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.util import Emu

from buyin_cli.render.pptx import textfit, thin
from buyin_cli.render.pptx.shapes import NUMBER_ROOM, SMALL
from buyin_cli.render.pptx.titles import TITLE_TOP
from deck_helpers import read_deck
from deck_invariants import fills, title_sizes
from test_deck_holds import brief_and_read

DECK = "warehouse-manager-briefing.pptx"


def _four_three(data: dict[str, Any], folder: Path) -> list[dict[str, Any]]:
    """The slides of the strategy's one briefing on a 4:3 template, after its invariants held."""
    assert brief_and_read(data, folder, four_three=True) == []
    return read_deck(folder / "out" / DECK)


def test_two_quotes_both_reach_the_slide_alike(valid_data, tmp_path):
    # The first quote fits a title alone, but not with its long speaker on a 4:3 slide.
    valid_data["pilots"][0]["quotes"] = [
        {"text": "For the first time somebody showed us at our own shelves where it goes wrong.",
         "by": "Picker, night shift, Leeds warehouse, aisles 1 to 12"},
        {"text": "I check the label twice now, even when the truck is waiting.", "by": "Team lead, nights"}]
    valid_data["briefings"][0]["minutes"] = 60
    slides = _four_three(valid_data, tmp_path)  # the invariants look for a lost quote
    quotes = next(s for s in slides if any("showed us at our own shelves" in text for _, text in s["body"]))
    # Each quote in the body over its speaker: neither stands above the other as the title.
    assert [(level, text[:12]) for level, text in quotes["body"]] == [
        (0, "“For the fir"), (1, "Picker, nigh"), (0, "“I check the"), (1, "Team lead, n")]


def test_a_years_table_alone_on_its_page_fills_it(valid_data, tmp_path):
    # Five years and the discount rate's column: on 4:3 the chart keeps its height only on a
    # page of its own, and the table's page must not stand half empty.
    valid_data["initiatives"][0].update(horizon_years=5, retention=0.7)
    valid_data.update(locale="de_DE", discount_rate=0.06)
    valid_data["briefings"][0]["minutes"] = 60
    slides = _four_three(valid_data, tmp_path)
    years = [i for i, s in enumerate(slides, 1) if (s["title"] or "").startswith("Über 5 Jahre")]
    assert [(bool(slides[i - 1]["table"]), bool(slides[i - 1]["charts"])) for i in years] == [
        (True, False), (False, True)]
    reach = dict((i, fill) for i, fill, _ in fills(tmp_path / "out" / DECK))
    assert reach[years[0]] >= thin.TABLE_FILL - 0.05


def test_a_short_content_title_reads_at_the_grids_size_not_the_templates_44(valid_data, tmp_path):
    valid_data["briefings"][0]["minutes"] = 60
    _four_three(valid_data, tmp_path)  # the invariants look for a title larger than most
    sizes = title_sizes(tmp_path / "out" / DECK)
    assert sizes and max(sizes.values()) <= TITLE_TOP, sizes


def test_a_long_footer_stands_on_one_line_on_four_three(valid_data, tmp_path):
    valid_data["organisation"] = "Spedition Hartmann & Söhne GmbH, Depots Kassel, Fulda und Göttingen"
    _four_three(valid_data, tmp_path)
    slides = Presentation(str(tmp_path / "out" / DECK)).slides
    footers = [shape for slide in list(slides)[1:] for shape in slide.shapes
               if not shape.is_placeholder and shape.has_text_frame and shape.text_frame.text.startswith("Spedition")]
    assert footers and all(
        textfit.lines_at(f.text_frame.text, Emu(f.width).pt - 14.4, SMALL) == 1 for f in footers)
    # ... clear of the slide number, which ends at the right margin.
    assert all(Emu(f.left + f.width).inches <= 10 - 0.5 - NUMBER_ROOM + 0.01 for f in footers)


def test_a_one_point_statement_stands_centred_without_a_bullet(tmp_path):
    # The showcase on python-pptx's 4:3 deck (its body at 32 pt): one line and a link filled half
    # the box at that size, so it was not "short", and read as one large bullet on a half-empty slide.
    from pptx.enum.text import MSO_ANCHOR

    from deck_helpers import SAMPLE, outline_from, save_deck

    slide = {"layout": "Title and Content", "title": "See it: the guide in the handheld", "notes": "n",
             "body": [{"text": "Live: a look inside the course, built on what your people told us they need"}],
             "link": {"text": "Open the course", "url": "https://example.com/course"}}
    template = tmp_path / "four-three.pptx"
    Presentation().save(str(template))
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx", template)
    body = next(s for s in Presentation(str(tmp_path / "deck.pptx")).slides[0].placeholders
                if s.placeholder_format.idx == 1)
    assert body.text_frame.vertical_anchor == MSO_ANCHOR.MIDDLE
    first = body.text_frame.paragraphs[0]._p
    assert first.pPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buNone") is not None


def test_a_long_section_between_short_ones_continues_at_its_points_for_a_page_fewer():
    # What we heard on a 4:3 slide: the concerns filled a page of their own between two short
    # sections, three pages, two of them half empty. Parted at a concern, it takes two.
    from buyin_cli.render.pptx.textfit import Para, fit_body

    paras = [Para("What your teams need", bold=True), Para("Supervisors who stop unsafe work themselves", 1),
             Para("Operators who check their own first part", 1), Para("Your concerns, and our answers", bold=True)]
    for n in range(3):
        paras += [Para(f"Concern {n}: the budget is frozen until the new contract is awarded", 1),
                  Para("Our answer: the roll-out pays back in about four months, with fewer accidents and less"
                       " scrap", 2)]
    paras += [Para("What is in it for you", bold=True)] + [
        Para(f"Benefit {n}: the group's accident and scrap targets back on plan", 1) for n in range(2)]
    box = textfit.Box(633.6, 349.2)
    _, pages = fit_body(paras, box, (0, 27, 54), 32, 20, 20)  # too long for one page at 20 pt
    assert len(pages) == 2, [len(p) for p in pages]
    assert [p.text for page in pages for p in page] == [p.text for p in paras]


def test_four_short_quotes_fill_their_slide_as_a_statement(valid_data, tmp_path):
    # Four one-line quotes on 16:9 read at 17 pt in the top half of the slide, the rest white.
    from pptx.enum.text import MSO_ANCHOR

    from deck_invariants import fills

    valid_data["pilots"][0]["quotes"] = [
        {"text": "First time anyone showed us our own press.", "by": "Press operator, nights"},
        {"text": "I now do my own first-off.", "by": "Press operator, days"},
        {"text": "The huddle takes ten minutes.", "by": "Shift supervisor"},
        {"text": "Now I ask what stopped us.", "by": "Team leader"}]
    valid_data["briefings"][0]["minutes"] = 60
    assert brief_and_read(valid_data, tmp_path) == []
    path = tmp_path / "out" / DECK
    number, slide = next((i, s) for i, s in enumerate(Presentation(str(path)).slides, 1)
                         if "First time anyone" in " ".join(sh.text_frame.text for sh in s.placeholders))
    body = next(s for s in slide.placeholders if "First time anyone" in s.text_frame.text)
    assert body.text_frame.vertical_anchor == MSO_ANCHOR.MIDDLE
    assert dict((i, fill) for i, fill, _ in fills(path))[number] >= 0.6
