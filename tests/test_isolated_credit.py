"""A result isolated by a pre-pilot trend or by participants' estimates is said as what isolates it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deck_helpers import read_deck
from test_deck_holds import brief_and_read


def _deck(data: dict[str, Any], folder: Path) -> list[dict[str, Any]]:
    """The slides of the strategy's one briefing (a meeting long enough for every slide)."""
    data["briefings"][0]["minutes"] = 60
    assert brief_and_read(data, folder) == []
    return read_deck(folder / "out" / "warehouse-manager-briefing.pptx")


def _evidence(slides: list[dict[str, Any]]) -> dict[str, Any]:
    return next(s for s in slides if s["title"].startswith("Night shift "))


def _trend(data: dict[str, Any], trend_after: float = 38) -> dict[str, Any]:
    """The valid strategy's result isolated by the pre-pilot trend instead of a comparison group."""
    result = data["pilots"][0]["results"][0]
    del result["control_before"], result["control_after"]
    result["trend_after"] = trend_after
    return result


def test_participants_estimates_beyond_a_comparison_group_are_theirs_not_ours(valid_data, tmp_path):
    result = valid_data["pilots"][0]["results"][0]
    del result["isolation"], result["confidence"]
    result["estimates"] = [{"share": 0.5, "confidence": 0.8}, {"share": 0.75, "confidence": 0.6}]
    notes = _evidence(_deck(valid_data, tmp_path))["notes"]
    assert ("we only count what the comparison group did not also get. Of that, we credit the "
            "learning only with the share its participants estimated, weighed by their confidence."
            ) in notes
    assert "isolation estimate" not in notes and "Our confidence" not in notes


def test_a_share_of_the_change_beyond_the_trend_says_each_discount(valid_data, tmp_path):
    _trend(valid_data)
    notes = _evidence(_deck(valid_data, tmp_path))["notes"]
    assert ("so we credit the learning only with the change beyond the pre-pilot trend. Of that, we "
            "credit the learning only with the share our isolation estimate gives it. Our confidence "
            "in it, 90%, discounts it further.") in notes


def test_figures_isolated_by_the_trend_alone_never_claim_a_comparison_group(valid_data, tmp_path):
    _trend(valid_data).update(isolation=1, confidence=1)
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve the roll-out",
                                           "initiative": "pick-right"}]
    numbers = next(s for s in _deck(valid_data, tmp_path) if "The numbers are for one year" in s["notes"])
    assert "the pre-pilot trend isolates every change they count." in numbers["notes"]
    assert "comparison group" not in numbers["notes"]


def test_a_trend_projection_is_said_to_the_readings_own_decimals(valid_data, tmp_path):
    _trend(valid_data, trend_after=38.437215)  # as a spreadsheet's trend line projects it
    evidence = _evidence(_deck(valid_data, tmp_path))
    assert "Picking errors, errors per 10,000 lines: 40 → 30; the pre-pilot trend projected 38" in evidence["notes"]
    assert "38.437215" not in evidence["notes"] and "40.000000" not in evidence["notes"]

