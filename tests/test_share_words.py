"""A share past all of the pilot effect reads in words, "more than 100%", in a sentence: never
"> 100%", which the talking points would have to escape as "\\> 100%" where a line starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deck_helpers import read_deck
from test_deck_holds import brief_and_read

BRIEFING = "warehouse-manager-briefing"


def _at_a_loss(data: dict[str, Any]) -> None:
    """A roll-out that costs more in year one than its whole benefit: it breaks even only if
    more than all of the pilot effect holds."""
    data["initiatives"][0]["costs"][0]["amount"] = 900000
    data["initiatives"][0]["accept"] = {"W316": "The guide serves three sites; this is one."}
    data["briefings"][0]["asks"] = ["Approve the roll-out"]


def _said(folder: Path) -> tuple[str, str]:
    points = (folder / "out" / f"{BRIEFING}.md").read_text(encoding="utf-8")
    deck = " ".join(t for s in read_deck(folder / "out" / f"{BRIEFING}.pptx") for t in s["texts"] + [s["notes"]])
    return points, deck


def test_a_share_past_all_of_the_effect_reads_more_than_100_percent(valid_data, tmp_path):
    _at_a_loss(valid_data)
    assert brief_and_read(valid_data, tmp_path) == []
    points, deck = _said(tmp_path)
    assert "breaks even if more than 100% of the pilot effect holds" in points
    assert "more than 100%" in deck
    assert "\\>" not in points and "> 100" not in points + deck


def test_in_german_it_reads_mehr_als(valid_data, tmp_path):
    _at_a_loss(valid_data)
    valid_data.update(locale="de_DE", currency="EUR")
    assert brief_and_read(valid_data, tmp_path) == []
    points, deck = _said(tmp_path)
    assert "mehr als 100\u00a0%" in points and "mehr als 100\u00a0%" in deck
    assert "\\>" not in points and "> 100" not in points + deck
