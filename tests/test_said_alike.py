"""One quantity is written one way across a deck, and the working shown multiplies out."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from conftest import dump
from deck_helpers import deck_text, read_deck
from test_deck_holds import brief_and_read
from test_impact_box import _tiny


def _brief(data: dict[str, Any], folder: Path) -> tuple[list[dict[str, Any]], str, str]:
    """The slides, every word of the deck, and the talking points of the strategy's one briefing."""
    assert brief_and_read(data, folder) == []
    deck = folder / "out" / "warehouse-manager-briefing.pptx"
    return read_deck(deck), deck_text(deck), (folder / "out" / "warehouse-manager-briefing.md").read_text("utf-8")


def _working(slides: list[dict[str, Any]]) -> list[list[str]]:
    return next(s["table"] for s in slides if s["table"] and "A year, in the pilot" in s["table"][0])


def test_a_share_credited_is_said_one_way_and_only_the_working_keeps_its_decimals(valid_data, tmp_path):
    slides, text, points = _brief(_tiny(valid_data), tmp_path)
    working = "\n".join("\n".join(row) for row in _working(slides))
    assert "34.33%" in working  # (0.35 + 0.32 + 0.36) ÷ 3, as the working multiplies it
    outside = text.replace(working, "")
    assert "34% of that change" in outside and "34% of it credited" in outside  # the title, the box
    assert not re.search(r"\b34\.3", outside)  # the foot and the notes too: one share, one form
    assert "(34%, the mean" not in outside  # said once after "34% of that change"
    assert "34.3%" not in points


def test_a_handful_of_events_has_its_readings_written_alike(valid_data, tmp_path):
    _, text, points = _brief(_tiny(valid_data), tmp_path)
    assert "3.0 to 1.8" in text and "3.0 → 1.8" in text
    assert not re.search(r"\b3 (to|→) 1\.8", text + points)


def _two(data: dict[str, Any], cost: int = 0) -> dict[str, Any]:
    """The strategy with a second initiative on the same metric, piloted on its own, costing `cost` more."""
    second = copy.deepcopy(data["initiatives"][0]) | {"id": "check-twice", "title": "Check Twice"}
    second["costs"].append({"item": "Floor time", "amount": 1000 + cost, "kind": "one-off"})
    pilot = copy.deepcopy(data["pilots"][0]) | {"id": "check-twice-pilot", "initiative": "check-twice",
                                                 "group": "Day shift"}
    pilot["results"][0].update(before=40, after=34)
    data["initiatives"].append(second)
    data["pilots"].append(pilot)
    return data


def test_the_numbers_table_writes_a_return_as_the_titles_say_it(valid_data, tmp_path):
    slides, _, _ = _brief(_two(valid_data), tmp_path)
    table = next(s["table"] for s in slides if s["table"] and "Return (ROI)" in s["table"][0])
    column = table[0].index("Return (ROI)")
    said = [row[column] for row in table[1:]]  # 133% and 11%, together 67%
    titles = "\n".join(s["title"] or "" for s in slides) + "\n".join(s["notes"] for s in slides)
    assert all(re.fullmatch(r"\d[\d,]*%", roi) for roi in said), said  # 10% and over: whole
    assert all(roi in titles for roi in said[:-1]), said  # as the titles and notes say each return


def test_a_return_under_ten_percent_keeps_its_decimal_in_the_whole_column(valid_data, tmp_path):
    slides, _, _ = _brief(_two(valid_data, cost=300), tmp_path)
    table = next(s["table"] for s in slides if s["table"] and "Return (ROI)" in s["table"][0])
    column = table[0].index("Return (ROI)")
    assert all(re.fullmatch(r"-?\d[\d,]*\.\d%", row[column]) for row in table[1:]), table


def test_the_working_multiplies_out_as_shown(valid_data, tmp_path):
    # (10 − 1) × 80% × 90% = 6.48 errors a month × 12 × $30 = $2,332.80 in the pilot; × 120/20 = $13,997.
    slides, _, points = _brief(valid_data, tmp_path)
    row = _working(slides)[1]
    assert row[2] == "$2,332.80" and row[3].startswith("$13,997")
    pilot, rollout = (float(re.sub(r"[^\d.]", "", cell.split(" ")[0])) for cell in row[2:4])
    assert round(pilot * 120 / 20) == rollout
    assert "= $2,332.80 in the pilot, × 120/20 people for everyone = $13,997" in points


def test_roi_shows_its_scale_up_as_exact_as_it_is(valid_data, tmp_path, run, write):
    valid_data["pilots"][0]["participants"] = 64  # 120 ÷ 64 = 1.875, never 1.88
    write("s.yaml", dump(valid_data))
    result = run("roi", "s.yaml")
    assert result.exit_code == 0, result.output
    assert re.search(r"× scale-up to audience \(R\) +1\.875\b", result.stdout), result.stdout
    assert "worked out from unrounded" in result.stdout


def test_the_working_writes_money_to_the_cent(valid_data, tmp_path):
    # $2,999 of write-offs × the mean of three estimates (0.2667) is $799.7333 a month: said $799.73.
    valid_data["metrics"][0].update(name="Write-offs", unit="$ of write-offs", baseline=10000, target=6000,
                                    value_per_unit=1)
    result = valid_data["pilots"][0]["results"][0]
    for key in ("control_before", "control_after", "isolation", "confidence"):
        result.pop(key, None)
    result.update(before=10000, after=7001, estimates=[{"share": 0.5, "confidence": 0.7},
                                                      {"share": 0.4, "confidence": 0.6},
                                                      {"share": 0.3, "confidence": 0.7}] * 2)
    valid_data["metrics"][0]["accept"] = {"W105": "Write-offs are cost, not revenue."}
    slides, text, points = _brief(valid_data, tmp_path)
    working = " ".join(" ".join(row) for row in _working(slides))
    assert "$799.73" in working, working
    assert not re.search(r"\$[\d,]+\.\d{3}", text + points), re.findall(r"\$[\d,]+\.\d{3,}", text + points)
