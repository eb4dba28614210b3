"""Money per something ("€ je Auftrag", "£ per order") is an average: read at a moment, and written as money is,
with its cents (38,50 €, £6.30), on the slides, the charts and in the working; each test is the smallest strategy
that shows one finding of a cold review, in English and German."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from deck_helpers import read_deck
from test_deck_holds import brief_and_read
from test_words_said_once import briefed_unheld

BRIEFING = "warehouse-manager-briefing"
UNIT = {"en": "£ per order", "de": "€ je Auftrag"}


def _average(data: dict[str, Any], language: str, control: bool = True) -> dict[str, Any]:
    """The strategy's one metric an average order value in its own currency, 38.5 → 39.2 against 48; its pilot
    37.8 → 44.1, beside a comparison group's 37.9 → 38.2."""
    data.update(currency="EUR", locale="de_DE") if language == "de" else data.update(currency="GBP", locale="en_GB")
    data["metrics"][0].update(name="Accessory sales per order", unit=UNIT[language], better="higher",
                              baseline=38.5, actual=39.2, target=48, value_per_unit=50)
    result = data["pilots"][0]["results"][0]
    result.update(before=37.8, after=44.1, control_before=37.9, control_after=38.2)
    if not control:
        del result["control_before"], result["control_after"]
    return data


def _deck(data: dict[str, Any], folder: Path, held: bool = True) -> list[dict[str, Any]]:
    """The slides of the strategy's one briefing, after every deck held its invariants; or (`held` false) checked
    and briefed without them."""
    if not held:
        return briefed_unheld(data, folder)
    assert brief_and_read(data, folder) == []
    return read_deck(folder / "out" / f"{BRIEFING}.pptx")


def _said(text: str) -> str:
    return re.sub(r"[\u00a0\u202f]", " ", text)


@pytest.mark.parametrize(("language", "said"), [
    ("en", "up from £38.50 to £39.20 per order, £8.80 below the target of £48.00"),
    ("de", "gestiegen von 38,50 € auf 39,20 € je Auftrag, 8,80 € unter dem Ziel von 48,00 €"),
])
def test_an_average_of_money_is_written_with_its_cents(valid_data, tmp_path, language, said):
    # "38,5 € → 39,2 €", "8,8 € unter dem Ziel": money that is an average was written to its readings' one decimal.
    titles = [_said(s["title"] or "") for s in _deck(_average(valid_data, language), tmp_path)]
    assert any(t.endswith(said) for t in titles), titles


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_average_of_money_keeps_its_cents_on_its_charts(valid_data, tmp_path, language):
    # Bars labelled "39 €" for both 38,5 and 39,2: the one change the chart had to show disappeared.
    charts = [c for s in _deck(_average(valid_data, language), tmp_path) for c in s["charts"]
              if {38.5, 44.1} & set(c["series"][0][1])]
    assert len(charts) == 2, charts
    assert all("#,##0.00" in c["number_format"] and "#,##0;" not in c["number_format"] for c in charts), charts


@pytest.mark.parametrize(("language", "said"), [
    ("en", "£6.30 higher, less £0.30 for the comparison group"),
    ("de", "6,30 € höher, abzüglich 0,30 € in der Vergleichsgruppe"),
])
def test_a_working_says_an_average_of_moneys_change_as_money(valid_data, tmp_path, language, said):
    # "6,3 höher" in the working of the roll-out's benefit: a change of money said without its currency.
    _deck(_average(valid_data, language), tmp_path)
    points = _said((tmp_path / "out" / f"{BRIEFING}.md").read_text(encoding="utf-8"))
    assert said in points, [line for line in points.splitlines() if "higher" in line or "höher" in line]


@pytest.mark.parametrize(("language", "said", "trend"), [
    ("en", "Accessory sales per order: 25% → 16%", "9 points lower, less 2 points on the pre-pilot trend"),
    ("de", "Accessory sales per order: 25 % → 16 %", "9 Prozentpunkte niedriger, abzüglich 2 Prozentpunkte laut Trend"),
])
def test_a_percentage_says_its_sign_with_its_readings_and_its_trend_in_points(valid_data, tmp_path, language, said,
                                                                              trend):
    # "…Ausbildung, %: 25 → 16" in the notes, and "abzüglich 2 laut Trend": a percentage's unit left dangling or unsaid.
    data = _average(valid_data, language, control=False)
    data["metrics"][0].update(unit="%", better="lower", baseline=26, actual=24, target=15)
    data["pilots"][0]["results"][0].update(before=25, after=16, trend_after=23)
    data["pilots"][0]["participants"] = 120  # the whole audience: a level's change is not scaled up past 0 %
    # Briefed without the invariants: a trend-only strategy's "a comparison group or a trend isolates every change"
    # reads to them as a claimed comparison group.
    notes = _said(" ".join(s["notes"] for s in _deck(data, tmp_path, held=False)))
    assert said in notes and ", %:" not in notes, notes
    points = _said((tmp_path / "out" / f"{BRIEFING}.md").read_text(encoding="utf-8"))
    assert trend in points, [line for line in points.splitlines() if "lower" in line or "niedriger" in line]
