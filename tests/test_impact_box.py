"""The chain's Impact box and the titles beside it say what the money counts, in the metric's unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deck_helpers import brief_valid, read_deck
from test_deck_holds import brief_and_read


def _slides(data: dict[str, Any], folder: Path, four_three: bool = False) -> list[dict[str, Any]]:
    assert brief_and_read(data, folder, four_three) == []
    return read_deck(folder / "out" / "warehouse-manager-briefing.pptx")


def _impact(slides: list[dict[str, Any]]) -> str:
    """The Impact box's figure: the line under the box's label, on the slide whose flow ends on the pilot's ROI."""
    for slide in slides:
        boxes = [t.split("\n") for t in slide["texts"] if "\n" in t]
        roi = [n for n, lines in enumerate(boxes) if lines[0].startswith("ROI")]
        if roi:
            return boxes[roi[0] - 1][-1]
    raise AssertionError("no chain of impact")


@pytest.mark.parametrize("four_three", [False, True])
def test_the_impact_box_says_what_is_credited_beside_the_change(valid_data, tmp_path, four_three):
    # 40 → 30 errors (25%), the comparison group 41 → 40: (10 − 1) × 80% × 90% = 6.48 credited, 16% of 40.
    slides = _slides(valid_data, tmp_path, four_three)
    assert _impact(slides) == "−25%, 16% credited"
    assert any("25%" in (s["title"] or "") and "16%" in s["title"] for s in slides)


def test_a_change_beyond_the_comparison_group_alone_says_its_credit(valid_data, tmp_path):
    result = valid_data["pilots"][0]["results"][0]
    del result["isolation"], result["confidence"]
    assert _impact(_slides(valid_data, tmp_path)) == "−25%, 23% credited"  # (10 − 1) of 40


def test_a_change_credited_whole_says_the_change_alone(valid_data, tmp_path):
    result = valid_data["pilots"][0]["results"][0]
    for key in ("isolation", "confidence", "control_before", "control_after"):
        del result[key]
    assert _impact(_slides(valid_data, tmp_path)) == "−25%"


def test_a_comparison_group_that_did_better_leaves_nothing_credited(valid_data, write, run, workdir):
    valid_data["pilots"][0]["results"][0].update(control_before=41, control_after=28)
    assert _impact(brief_valid(valid_data, write, run, workdir)[0]) == "−25%, none credited"


def _tiny(data: dict[str, Any]) -> dict[str, Any]:
    """The pilot's result a handful of leavers a month (3 → 1.8), credited by participants' estimates."""
    data["metrics"][0].update(name="Leavers", unit="leavers a month", baseline=30, target=20, value_per_unit=4000,
                              per="month")
    result = data["pilots"][0]["results"][0]
    for key in ("isolation", "confidence", "control_before", "control_after"):
        del result[key]
    result.update(before=3.0, after=1.8, estimates=[{"share": 0.5, "confidence": 0.7},
                                                     {"share": 0.4, "confidence": 0.8},
                                                     {"share": 0.6, "confidence": 0.6}])
    return data


@pytest.mark.parametrize("four_three", [False, True])
def test_a_handful_of_events_says_its_change_in_its_unit(valid_data, tmp_path, four_three):
    slides = _slides(_tiny(valid_data), tmp_path, four_three)
    assert _impact(slides) == "−1.2 leavers a month, 34% of it credited"
    said = "\n".join(s["title"] or "" for s in slides)
    assert "−1.2 (" not in said and ": −1.2 in" not in said
    assert "−1.2" not in said or "−1.2 leavers a month" in said

