"""No word is broken in the middle: a chain of impact's boxes sized by their words, a list set small
enough for its longest word, at their smallest cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from buyin_cli.render.outline.model import Step
from buyin_cli.render.pptx import textfit
from buyin_cli.render.pptx.flow import label_for
from deck_helpers import outline_from, save_deck
from test_deck_holds import brief_and_read
from word_invariants import broken_words

DECK = "warehouse-manager-briefing.pptx"


def _german(data: dict[str, Any], metric: str) -> dict[str, Any]:
    """The valid strategy in German, its metric named `metric`, its pilot's chain of five boxes."""
    data["locale"] = "de_DE"
    data["currency"] = "EUR"
    data["metrics"][0]["name"] = metric
    data["pilots"][0]["application"] = [{"behaviour": "Unterlagen bei der Terminvergabe abgefragt",
                                         "before": 24, "after": 71, "unit": "% der Termine",
                                         "source": "Stichprobe"}]
    return data


def _flow_boxes(path: Path) -> list[Any]:
    """The chain's boxes on the first slide that has one, left to right."""
    for slide in Presentation(str(path)).slides:
        boxes = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.has_text_frame
                 and len(s.text_frame.paragraphs) == 2 and s.text_frame.paragraphs[1].runs
                 and s.text_frame.paragraphs[1].runs[0].font.bold]
        if len(boxes) >= 3:
            return sorted(boxes, key=lambda s: s.left)
    raise AssertionError("no chain of impact in the deck")


def _inner(box: Any) -> float:
    frame = box.text_frame
    return Emu(box.width - frame.margin_left - frame.margin_right).pt


def test_a_long_german_metric_widens_its_box_on_four_three(valid_data, tmp_path):
    # "Wiedervorsprachen" at 12 pt is wider than a fifth of a 4:3 slide's row: its box takes
    # more of the row, and "Reaktion" gives it up, so the word reads whole, at 12 pt.
    assert brief_and_read(_german(valid_data, "Wiedervorsprachen"), tmp_path, four_three=True) == []
    path = tmp_path / "out" / DECK
    assert broken_words(path) == []
    boxes = _flow_boxes(path)
    assert len(boxes) == 5
    for box in boxes:
        label = box.text_frame.paragraphs[0].runs[0]
        assert label.font.size == Pt(12)
        assert textfit.longest_word(label.text, 12) <= _inner(box), label.text
    impact = boxes[3].text_frame.paragraphs[0].text
    assert "Wiedervorsprachen" in impact and impact != "Wirkung"
    assert boxes[3].width > boxes[0].width  # the long word's box wider than the reaction's


def test_a_flow_whose_words_fit_stays_even(valid_data, tmp_path):
    # The same chain on 16:9: an even share holds every word, so the boxes stay alike.
    assert brief_and_read(_german(valid_data, "Wiedervorsprachen"), tmp_path) == []
    widths = {box.width for box in _flow_boxes(tmp_path / "out" / DECK)}
    assert len(widths) == 1


def test_the_invariant_finds_a_word_wider_than_its_box(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(36), Pt(36), Pt(120), Pt(60))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "Wirkung: Wiedervorsprachen", Pt(12)
    prs.save(str(tmp_path / "d.pptx"))
    found = broken_words(tmp_path / "d.pptx")
    assert len(found) == 1 and "'Wiedervorsprachen'" in found[0]
    run.text = "Wirkung: Online-Terminvergabe"  # a renderer may break after the hyphen
    prs.save(str(tmp_path / "d.pptx"))
    assert broken_words(tmp_path / "d.pptx") == []


def test_a_change_in_a_chain_box_never_breaks_inside(tmp_path):
    # On 4:3 the impact box read "−1.2 (3.0 → / 1.8)": the change is one word, its bracket
    # whole on a second line where the box is too narrow for the figure on one.
    flow = [{"label": "Reaction", "value": "4.4 / 5"}, {"label": "Learning", "value": "61% → 86%"},
            {"label": "Application: safe place or neighbour tried", "value": "54% → 81%"},
            {"label": "Impact: couriers leaving", "value": "−1.2 (3.0 → 1.8)"},
            {"label": "ROI in the pilot", "value": "112%"}]
    path, template = tmp_path / "deck.pptx", tmp_path / "four-three.pptx"
    Presentation().save(str(template))
    slide = {"layout": "Title and Content", "notes": "n", "title": "Couriers leaving fell", "flow": flow}
    save_deck(outline_from({"continued": " (cont.)", "slides": [slide]}), path, template)
    assert broken_words(path) == []
    boxes = [s for s in Presentation(str(path)).slides[0].shapes
             if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and "(3.0" in s.text_frame.text]
    (figure,) = [p.runs[0] for b in boxes for p in b.text_frame.paragraphs if "(3.0" in p.text]
    assert figure.text == "−1.2 (3.0\u00a0→\u00a01.8)"
    lines = textfit.wrap(figure.text, Emu(boxes[0].width).pt - 12, figure.font.size.pt, bold=True)
    assert "(3.0\u00a0→\u00a01.8)" in lines[-1]


def test_the_invariant_finds_a_change_that_may_break_in_its_box(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(36), Pt(36), Pt(120), Pt(60))
    box.text_frame.text = "−1.2 (3.0 → 1.8)"
    prs.save(str(tmp_path / "d.pptx"))
    assert len(broken_words(tmp_path / "d.pptx")) == 1


def test_a_list_beside_a_chart_reads_smaller_rather_than_break_a_compound(tmp_path):
    # Beside a chart a 4:3 list has 254 pt a line: "Fehlkommissionierungen" in bold at 20 pt is
    # wider than that, so the list reads at the size where it stands whole (19 pt or less).
    chart = {"kind": "clustered_column", "title": "Fehlkommissionierungen", "categories": ["Vorher", "Nachher"],
             "series": [{"name": "Pilot", "values": [52.9, 49.7]}]}
    body = [{"text": "Fehlkommissionierungen: zurück ins Ziel", "bold": True},
            {"text": "Verantwortlich: Dr. Katrin Vogel, Werksleiterin", "level": 1}]
    path, template = tmp_path / "deck.pptx", tmp_path / "four-three.pptx"
    Presentation().save(str(template))
    slide = {"layout": "Title and Content", "notes": "n", "chart": chart,
             "title": "Fehlkommissionierungen: zuletzt 50,7", "body": body}
    save_deck(outline_from({"continued": " (Forts.)", "slides": [slide]}), path, template)
    assert broken_words(path) == []
    sizes = [r.font.size.pt for s in Presentation(str(path)).slides[0].placeholders if s.has_text_frame
             for p in s.text_frame.paragraphs for r in p.runs if "Fehlkommissionierungen" in r.text and r.font.bold]
    assert sizes and min(sizes) >= 14



def test_a_label_that_fits_no_box_says_its_shortest_whole_form():
    # A box too small for every form of its label (a 4:3 row with a figure on two lines): it
    # says the shortest form whose words stand whole, the one that runs least past it.
    step = Step(label="Application: stay conversation held with each adviser this quarter",
                short_label=["Application: stay conversation held", "Stay conversation held",
                             "Gesprächsdokumentationspflicht"], value="10% → 94%")
    assert label_for(step, textfit.Box(88, 20)) == "Stay conversation held"
    assert label_for(step, textfit.Box(300, 40)) == step.label  # where it fits, the fullest
