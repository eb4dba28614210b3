"""A figure of one is said with its unit in the singular, where the unit's plural says it."""

from __future__ import annotations

from typing import Any

import pytest

from buyin_cli.load.units import for_one
from deck_helpers import deck_text
from test_deck_holds import brief_and_read


@pytest.mark.parametrize(("words", "one"), [
    ("complaints", "complaint"), ("repeat excavations", "repeat excavation"),
    ("complaints per 1,000 calls", "complaint per 1,000 calls"), ("injuries a quarter", "injury a quarter"),
    ("jobs done late", "job done late"), ("missed deliveries", "missed delivery"),
    ("repeat digs, all depots", "repeat dig, all depots"), ("hours of rework", "hour of rework"),
    ("minutes per call", "minute per call"), ("Störungen im Monat", "Störung im Monat"),
    ("Reklamationen", "Reklamation"), ("people", "person"),
    # Nothing a rule cannot say: as written.
    ("of calls", "of calls"), ("out of 10", "out of 10"), ("Beschwerden", "Beschwerden"),
    ("sales", "sales"), ("analysis", "analysis"), ("calls/day", "calls/day"), ("Fehler", "Fehler")])
def test_a_units_singular_is_said_only_where_a_rule_says_it(words, one):
    assert for_one(words) == one


@pytest.mark.parametrize("locale", [None, "de_DE"])
def test_a_credit_of_one_says_its_noun_in_the_singular(valid_data: dict[str, Any], tmp_path, locale):
    valid_data["metrics"][0].update(unit="complaints", baseline=40, target=20)
    result = valid_data["pilots"][0]["results"][0]
    result.update(before=3, after=2, isolation=1, confidence=1)
    del result["control_before"], result["control_after"]
    if locale:
        valid_data["locale"] = locale
    assert brief_and_read(valid_data, tmp_path) == []
    said = deck_text(tmp_path / "out" / "warehouse-manager-briefing.pptx")
    notes = (tmp_path / "out" / "warehouse-manager-briefing.md").read_text(encoding="utf-8")
    for text in (said, notes):
        assert "1 complaints" not in text
        assert "= 1 complaint " in text
