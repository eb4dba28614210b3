"""Titles round what they say; the tables and the working keep every figure exact."""

from __future__ import annotations

import pytest

from buyin_cli.present.numbers import deck_formatter
from conftest import dump
from deck_helpers import read_deck
from deck_invariants import false_precision


@pytest.mark.parametrize(("value", "text"), [(7.46, "7.5%"), (73.44, "73%"), (256.1, "256%"),
                                             (1541.93, "1,542%"), (3015.4, "3,015%"),
                                             (12345.6, "12,350%"), (-13.3, "\u221213%"),
                                             (-9.94, "\u22129.9%")])
def test_a_return_is_said_whole_from_10_percent_up(value, text):
    assert deck_formatter("GBP", "en_GB").percent_rounded(value) == text


def test_a_title_says_its_money_as_the_table_does(valid_data, write, run, workdir):
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve the roll-out to all 120 pickers",
                                           "initiative": "pick-right"}]
    valid_data["metrics"][0]["value_per_unit"] = 3000
    write("s.yaml", dump(valid_data))
    assert run("brief", "s.yaml", "-o", "out").exit_code == 0
    deck = read_deck(workdir / "out" / "warehouse-manager-briefing.pptx")
    # (10 − 1) × 80% × 90% = 6.48 errors a month × 12 × $3,000 × 120/20 people: $1,399,680 a
    # year, said as the table says it (a title of $1,400,000 over it would be two figures).
    assert deck[1]["title"].startswith("$6,000 in year one brings $1,399,680 a year")
    numbers = next(s for s in deck if s["table"] and s["table"][0][0] == "Initiative")
    assert "$1,399,680" in numbers["table"][1]
    assert not false_precision(deck, valid_data)
