"""The asks again, before the questions: a title that says their point whatever their shape,
and a slide that is not half empty.

Each test is the smallest case of a cold review's finding: asks for people's time and a
pilot titled only "Two decisions today" over an empty lower half; two short asks under big
numbers leaving the box white; the invariant that finds such a close; and a quotes slide
whose first quote, as its title, held the second alone in an empty box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR

from deck_helpers import outline_from, save_deck
from deck_invariants import ASKS_FILL, STATEMENT_SIZE, fills, thin_slides
from test_deck_holds import deck_and_points as _deck

TIME_AND_PILOT = ["Release each picker for two paid hours in March",
                  "Agree to a second pilot of Pick Right on nights, for $2,500"]
# Three asks as a cold review's: at body size they reached half way down the box, titled only
# "Three decisions today" — no statement, and half empty.
THREE = ["Release each picker for two paid hours on the training floor between February and April",
         "Nominate one team lead per shift to coach on the floor",
         "Agree to a second pilot of Pick Right with the night shift at the Dayton depot, for $2,500"]


def _time_and_pilot(data: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """Pick Right prices its pickers' time; the meeting asks for that time and a second pilot."""
    data["initiatives"][0]["costs"].append({"item": "Pickers' time, two hours each", "amount": 40,
                                            "kind": "per-participant", "category": "participants-time"})
    data["briefings"][0]["asks"] = TIME_AND_PILOT
    if language:
        data["language"] = language
    return data


def _asks(slides: list[dict[str, Any]]) -> dict[str, Any]:
    """The asks again: the asks as its top-level bullets (the decision has them under a heading)."""
    return next(s for s in slides if (0, TIME_AND_PILOT[0]) in s["body"])


def test_asks_for_time_and_a_pilot_say_the_time_what_it_starts_and_the_pilots_amount(valid_data, tmp_path):
    slides, _ = _deck(_time_and_pilot(valid_data), tmp_path)
    asks = _asks(slides)
    assert asks["title"].startswith("Two decisions today: $4,800 of people's time")
    assert "Pick Right" in asks["title"] and asks["title"].endswith("and a pilot for $2,500")
    # The big numbers over the asks: the time, what Pick Right would bring, the pilot.
    assert "$4,800" in asks["texts"] and "$2,500" in asks["texts"]
    assert "for the pilot" in asks["texts"]


def test_the_german_close_says_the_same_in_german(valid_data, tmp_path):
    slides, _ = _deck(_time_and_pilot(valid_data, "de"), tmp_path)
    asks = _asks(slides)
    assert asks["title"].startswith("Zwei Entscheidungen für heute: $4,800 Arbeitszeit")
    assert asks["title"].endswith("und ein Pilot für $2,500")


def test_the_close_of_time_coaching_and_a_pilot_is_not_half_empty(valid_data, tmp_path):
    data = _time_and_pilot(valid_data)
    data["briefings"][0]["asks"] = THREE
    slides, _ = _deck(data, tmp_path)  # every invariant holds, the asks' fill among them
    asks = next(s for s in slides if (0, THREE[0]) in s["body"])
    assert asks["title"].startswith("Three decisions today: $4,800 of people's time")
    path = tmp_path / "out" / "warehouse-manager-briefing.pptx"
    assert thin_slides(path) == []


def _one_slide(slide: dict[str, Any], folder: Path) -> Path:
    path = folder / "deck.pptx"
    save_deck(outline_from({"continued": " (cont.)", "slide_numbers": True, "footer": "Kestrel", "slides": [
        {"layout": "Title and Content", "notes": "Ask for each decision plainly.", **slide}]}), path)
    return path


def test_two_short_asks_under_big_numbers_are_a_statement(tmp_path):
    path = _one_slide({"title": "Two decisions today: $6,000 in year one, for $36,000 a year",
                       "whole": True, "callouts": [{"value": "$6,000", "label": "to invest in year one"},
                                                   {"value": "$36,000", "label": "benefit a year"}],
                       "body": ["Approve $6,000 to roll out Pick Right", "Nominate one champion per shift"]},
                      tmp_path)
    frame = next(s for s in Presentation(str(path)).slides[0].placeholders
                 if s.placeholder_format.idx != 0).text_frame
    assert frame.vertical_anchor == MSO_ANCHOR.MIDDLE
    assert frame.paragraphs[0].runs[0].font.size.pt >= STATEMENT_SIZE


def test_the_invariant_finds_a_half_empty_close(tmp_path):
    # Reaching half way down would do for another slide; the asks again must reach further.
    path, prs = tmp_path / "deck.pptx", Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Three decisions today"
    frame = slide.placeholders[1].text_frame
    frame.text = "Release each picker for two paid hours in March"
    for _ in range(5):
        frame.add_paragraph().text = "Release each picker for two paid hours in March"
    slide.notes_slide.notes_text_frame.text = "1 min. Ask for each decision plainly."
    prs.save(str(path))
    fill = fills(path)[0][1]
    assert 0.4 <= fill < ASKS_FILL
    assert thin_slides(path) and "reaches" in thin_slides(path)[0]


def test_two_quotes_are_one_statement_not_a_title_over_an_empty_box(valid_data, tmp_path):
    # The first quote as the title held the second, alone in the body, at the title's size in
    # an empty box; on 4:3 the title's shorter form lost the first quote altogether.
    valid_data["pilots"][0]["quotes"] = [
        {"text": "First time anyone showed us our own shelves instead of a drawing of them.",
         "by": "Picker, night shift, Columbus warehouse"},
        {"text": "I check the label twice now and call the lead only when it fails.", "by": "Picker, days"}]
    valid_data["briefings"][0]["minutes"] = 60
    slides, _ = _deck(valid_data, tmp_path)
    quotes = next(s for s in slides if any("First time anyone" in text for _, text in s["body"]))
    said = [text for _, text in quotes["body"]]
    assert said == ["“First time anyone showed us our own shelves instead of a drawing of them.”",
                    "Picker, night shift, Columbus warehouse",
                    "“I check the label twice now and call the lead only when it fails.”", "Picker, days"]
    deck = Presentation(str(tmp_path / "out" / "warehouse-manager-briefing.pptx"))
    frame = next(ph.text_frame for slide in deck.slides for ph in slide.placeholders
                 if ph.text_frame.text.startswith("“First time anyone"))
    assert frame.vertical_anchor == MSO_ANCHOR.MIDDLE
    assert frame.paragraphs[0].runs[0].font.size.pt >= STATEMENT_SIZE
