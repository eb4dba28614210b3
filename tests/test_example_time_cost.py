"""The bundled Northwind example prices the learners' time its plant manager is asked for, and a
line the decision slide leaves out is said from its notes once, never beside the same words."""

from __future__ import annotations

from pathlib import Path

from buyin_cli.render.pptx.deck import _said
from conftest import invoke
from deck_helpers import read_deck
from deck_invariants import texts_of

EXAMPLE = Path(__file__).parents[1] / "examples" / "northwind-manufacturing.yaml"


def test_the_plant_managers_ask_for_operators_time_says_what_it_costs(tmp_path):
    briefed = invoke(["brief", str(EXAMPLE), "--briefing", "plant-manager-briefing", "-o", str(tmp_path)])
    assert briefed.exit_code == 0, briefed.output
    decision = read_deck(tmp_path / "plant-manager-briefing.pptx")[1]
    said = texts_of(decision)
    assert any("Their time costs £112 a head: £26,880 for the 240 people Safe Hands, Right First Time reaches"
               in t for t in said), said
    # The evidence in one line is in the notes already: the slide leaving it out adds no copy.
    assert decision["notes"].count("Press Line 2, all three shifts: down 20% in parts scrapped") == 1


def test_a_left_out_line_is_said_when_the_notes_do_not_say_it():
    notes = "The evidence in one line: Press Line 2: down 20%; we credit the learning with 9%."
    assert _said(notes, "Evidence: Press Line 2: down 20%; we credit the learning with 9%")
    assert not _said(notes, "Evidence: Press Line 3: down 12%")
