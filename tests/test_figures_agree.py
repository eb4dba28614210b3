"""One figure, one text: a finance reader comparing two places on the deck sees the same number.

Each test is the smallest strategy that shows one finding of a cold review: a callout rounding
the title beside it its own way, a cost slide's title rounding what its table states.
Every deck is also read back against the invariants (deck_invariants.py).
"""

from __future__ import annotations

import re
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from test_deck_holds import deck_and_points as _deck

BRIEFING = "warehouse-manager-briefing"


def _digits(text: str) -> str:
    """A figure's significant digits: "$1.45M" and "$1,450,000" both read "145"."""
    return re.sub(r"\D", "", text).rstrip("0")


def _priced(data: dict[str, Any], cost: float, value_per_unit: float) -> None:
    """The one initiative costs `cost` in year one; the metric is worth `value_per_unit`."""
    data["initiatives"][0]["costs"] = [{"item": "Build the guide", "amount": cost, "kind": "one-off"}]
    data["metrics"][0]["value_per_unit"] = value_per_unit
    data["briefings"][0]["asks"] = [{"decision": "Approve the roll-out to all 120 pickers",
                                     "initiative": "pick-right"}]


def test_a_callout_shows_the_figure_of_the_title_beside_it(valid_data, tmp_path):
    _priced(valid_data, 206700, 3115)  # a benefit of $1,453,334 a year
    slides, _ = _deck(valid_data, tmp_path)
    decision = slides[1]
    # The title says the money as the tables do; a callout of a million or more rounds it to three
    # significant figures, which its "M" shows.
    assert decision["title"].startswith("$206,700 in year one brings $1,453,334 a year")
    money = [t for t in decision["texts"] if t.startswith("$")]
    assert money[:2] == ["$206,700", "$1.45M"]


def test_a_sum_under_a_million_is_said_as_written_on_every_title(valid_data, tmp_path):
    _priced(valid_data, 169560, 30)
    valid_data["briefings"][0]["minutes"] = 45
    slides, points = _deck(valid_data, tmp_path)
    titles = [s["title"] or "" for s in slides]
    assert titles[1].startswith("$169,560 in year one")
    assert "$169,560" in [t for t in slides[1]["texts"] if t.startswith("$")]  # no digit to lose
    cost = next(s for s in slides if s["table"] and s["table"][0][0] == "Cost")
    assert "$169,560" in cost["title"] and cost["table"][-1][-1] == "$169,560"
    assert not any("170,000" in t for t in titles)
    # Said aloud, after "about", it is rounded as a person says it (docs/deck.md); never written so.
    assert all(re.search(r"about \**$", points[:m.start()]) for m in re.finditer(r"\$170,000", points))


def test_a_return_to_learn_by_heart_is_said_whole(valid_data, tmp_path):
    _priced(valid_data, 206700, 3115)  # the pilot: $242,222 a year for $2,500
    slides, points = _deck(valid_data, tmp_path)
    assert "(ROI 9,589%;" in points
    assert "; ROI 603%, payback" in points and re.search(r"ROI \d[\d,]*\.\d%", points) is None
    flow = next(s for s in slides if any(t.startswith("ROI in the pilot") for t in s["texts"]))
    assert "ROI in the pilot, an upper bound\n9,589%" in flow["texts"]


def _leavers(data: dict[str, Any], estimates: list[tuple[float, float]]) -> None:
    """The pilot's one result: leavers a month, 11 → 8, credited by participants' estimates."""
    data["metrics"][0].update(name="Staff turnover", unit="leavers per month", per="month",
                              baseline=52, target=35, value_per_unit=6800)
    data["pilots"][0]["results"] = [{"metric": "pick-errors", "per": "month", "before": 11, "after": 8,
                                     "estimates": [{"share": s, "confidence": c} for s, c in estimates]}]


def test_a_credit_the_working_writes_is_said_as_it_writes_it(valid_data, tmp_path):
    # Five estimates averaging 33.2%: 0.996 leavers a month, never "1.00" in the notes.
    _leavers(valid_data, [(0.5, 0.8), (0.4, 0.7), (0.6, 0.6), (0.3, 0.9), (0.5, 0.7)])
    slides, points = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    assert "We credit the learning with 0.996 leavers per month (33.2%," in evidence["notes"]
    working = [c for s in slides for row in s["table"] or [] for c in row]
    assert any("× 33.2%, the mean of 5 participants' estimates = 0.996 leavers per month" in c for c in working)
    assert "1.00 leavers" not in evidence["notes"] + points


def test_a_share_is_said_to_one_decimal_and_multiplied_exactly_in_the_working(valid_data, tmp_path):
    # Three estimates averaging 20.333%: the working multiplies by 20.33%; the words, as every
    # output rounds a percentage, say 20.3%.
    _leavers(valid_data, [(0.3, 0.7), (0.4, 0.6), (0.2, 0.8)])
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    said = " ".join([evidence["notes"]] + evidence["texts"])
    assert "20.3%" in said and "20.33%" not in said
    assert any("× 20.33%" in c for s in slides for row in s["table"] or [] for c in row)


def test_a_credited_score_is_said_to_its_readings_decimals_without_score_twice(valid_data, tmp_path):
    # 5.9 → 6.6 on a score out of 10, isolation 60% at 70% confidence: 0.294, said 0.3.
    valid_data["metrics"][0].update(name="Engagement score", unit="score out of 10", better="higher",
                                    baseline=6.1, target=7.2)
    del valid_data["metrics"][0]["value_per_unit"]
    valid_data["metrics"][0]["accept"] = {"W103": "A lead indicator."}
    valid_data["pilots"][0]["results"] = [{"metric": "pick-errors", "per": "year", "before": 5.9, "after": 6.6,
                                           "isolation": 0.6, "confidence": 0.7}]
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    assert evidence["title"] == "Night shift raised engagement score 0.7 points; we credit Pick Right with 0.3 points"
    assert "We credit the learning with 0.3 points" in evidence["notes"]
    assert "score points" not in evidence["title"] + evidence["notes"]


def test_the_years_add_up_to_their_total_as_shown(valid_data, tmp_path):
    # $13,996.80 a year, 65% kept each year: 13,996.80 + 9,097.92 + 5,913.65 = 29,008.37.
    # Each year rounded on its own would show 13,997 + 9,098 + 5,914 = 29,009 over a total
    # of 29,008; the years are the differences of the rounded running totals instead.
    valid_data["initiatives"][0].update(horizon_years=3, retention=0.65)
    slides, _ = _deck(valid_data, tmp_path)
    years = next(s for s in slides if s["table"] and s["table"][0][:2] == ["Year", "Benefit"])
    assert [row[1] for row in years["table"][1:]] == ["$13,997", "$9,098", "$5,913", "$29,008"]
    assert years["table"][-1][3] == years["table"][-2][3]  # the running net ends where the total does


def test_the_initiatives_add_up_to_their_total_as_shown(valid_data, tmp_path):
    # $13,996.80 and, for 140 packers (R = 7), $16,329.60 a year: each row rounds up, to $13,997
    # and $16,330, while their exact sum, $30,326.40, rounds down. The total is the rows' sum.
    valid_data["audiences"].append({**valid_data["audiences"][0], "id": "packers",
                                    "name": "Packers", "headcount": 140})
    valid_data["initiatives"].append({**valid_data["initiatives"][0], "id": "pack-right",
                                      "title": "Pack Right", "audiences": ["packers"]})
    valid_data["pilots"].append({**valid_data["pilots"][0], "id": "pack-right-pilot",
                                 "initiative": "pack-right", "group": "Day shift"})
    valid_data["briefings"][0]["asks"] = [
        {"decision": "Approve the roll-out of Pick Right", "initiative": "pick-right"},
        {"decision": "Approve the roll-out of Pack Right", "initiative": "pack-right"}]
    valid_data["briefings"][0]["minutes"] = 60
    slides, _ = _deck(valid_data, tmp_path)  # the invariants add up every table's columns
    numbers = next(s for s in slides if s["table"] and s["table"][-1][0] == "Together")
    assert [row[1] for row in numbers["table"][1:]] == ["$13,997", "$16,330", "$30,327"]
    assert "$30,327 a year" in numbers["title"]


def test_the_working_adds_up_to_the_benefit_it_works_out(valid_data, tmp_path):
    # Two results: $9,331.20 and $3,542.40 a year at roll-out. Each rounded on its own shows
    # 9,331 + 3,542 = 12,873 under a total of $12,874 (the benefit every slide states); the
    # lines are the differences of the rounded running totals instead.
    valid_data["metrics"][0]["value_per_unit"] = 20
    valid_data["metrics"].append({"id": "re-picks", "name": "Re-picks", "unit": "complaints", "per": "month",
                                  "better": "lower", "baseline": 40, "target": 20, "value_per_unit": 12.3})
    valid_data["objectives"][0]["metrics"].append("re-picks")
    valid_data["pilots"][0]["results"].append({"metric": "re-picks", "per": "month", "before": 10, "after": 6,
                                               "isolation": 1, "confidence": 1})
    valid_data["briefings"][0]["minutes"] = 60
    slides, _ = _deck(valid_data, tmp_path)  # the invariants add up every table's columns
    working = next(s for s in slides if s["title"].startswith("How we get to $12,874 a year"))
    assert [row[3].split(" ")[0] for row in working["table"][1:]] == ["$9,331", "$3,543", "$12,874"]


def _injuries(data: dict[str, Any], result: dict[str, Any], name: str = "Lost-time injuries",
              unit: str = "injuries per quarter") -> None:
    """The pilot's one result: a handful of events a quarter."""
    data["metrics"][0].update(name=name, unit=unit, per="quarter", baseline=14, target=7,
                              value_per_unit=18500)
    data["pilots"][0]["results"] = [{"metric": "pick-errors", "per": "quarter", **result}]


def test_a_tiny_count_says_its_change_in_events_never_a_percentage(valid_data, tmp_path):
    # 4 → 2 injuries a quarter is "down 50%", but one injury more would make it "down 25%".
    _injuries(valid_data, {"before": 4, "after": 2, "control_before": 2, "control_after": 2})
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if (s["title"] or "").startswith("Night shift"))
    assert evidence["title"] == ("Night shift: lost-time injuries per quarter down from 4 to 2; "
                                 "the comparison group held steady")
    assert "Impact: lost-time injuries\n−2 injuries per quarter" in evidence["texts"]  # in events, with its unit
    assert "50%" not in evidence["title"] + " ".join(evidence["texts"])


def test_a_tiny_count_credited_in_part_says_its_credit_as_a_share_of_the_change(valid_data, tmp_path):
    # 2 → 1 incidents a quarter, 30% of it at 60% confidence: 18% of the change, not "9%" of the
    # readings nor a bare "0.2"; and no number beside a plural it may not agree with ("1 fewer incidents").
    _injuries(valid_data, {"before": 2, "after": 1, "isolation": 0.3, "confidence": 0.6},
              name="Safety record", unit="incidents")
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if (s["title"] or "").startswith("Night shift"))
    assert evidence["title"] == ("Night shift: safety record down from 2 to 1; "
                                 "we credit Pick Right with 18% of that change")
    assert "50%" not in evidence["title"]
    # The notes credit the same share, never "0 incidents" or "1 incidents" a reading rounds to.
    assert "We credit the learning with 18% of that change" in evidence["notes"]
    assert "of the reading before" not in evidence["notes"]


def test_a_tiny_count_says_its_change_in_events_in_german(valid_data, tmp_path):
    valid_data.update(locale="de_DE", language="de", currency="EUR")
    _injuries(valid_data, {"before": 4, "after": 2, "control_before": 2, "control_after": 2})
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if (s["title"] or "").startswith("Night shift"))
    assert evidence["title"].startswith("Night shift: Lost-time injuries per quarter von 4 auf 2 gesunken")
    assert "%" not in evidence["title"]


def test_a_trend_line_labels_its_last_reading_with_the_lines_decimals(valid_data, tmp_path):
    # Readings of 3.3 … 3.0: the last one is "3.0" at the line's end, as the title says it, not "3".
    valid_data["metrics"][0].update(baseline=3.2, target=2.0, actual=3.0, history=[
        {"period": "2025-01", "value": 3.3}, {"period": "2025-02", "value": 3.1}, {"period": "2025-03", "value": 3.0}])
    valid_data["pilots"][0]["results"][0].update(before=3.2, after=2.9, control_before=3.2, control_after=3.1)
    _deck(valid_data, tmp_path)
    deck = Presentation(str(tmp_path / "out" / f"{BRIEFING}.pptx"))
    [trend] = [shape.chart for slide in deck.slides for shape in slide.shapes
               if shape.has_chart and shape.chart.plots[0].categories[0].startswith("Jan")]
    labels = [t.text for t in trend._chartSpace.iter(qn("a:t"))]
    assert "3.0" in labels and "3" not in labels


def test_a_single_series_pilot_chart_says_whose_readings_it_shows(valid_data, tmp_path):
    # No comparison group and no trend: one series, so no legend; its title names the pilot group
    # (the footnote's "Pilot group: …"), never a bare "Before → After" nobody can place.
    _injuries(valid_data, {"before": 4, "after": 2})
    slides, _ = _deck(valid_data, tmp_path)
    [chart] = [c for s in slides for c in s["charts"] if c["categories"] == ["Before", "After"]]
    assert len(chart["series"]) == 1 and not chart["legend"]
    assert chart["title"].endswith(": pilot group"), chart["title"]
    # beside its comparison group the legend names both, and the title stays as it was
    _injuries(valid_data, {"before": 4, "after": 2, "control_before": 4, "control_after": 4})
    (tmp_path / "compared").mkdir()
    slides, _ = _deck(valid_data, tmp_path / "compared")
    [chart] = [c for s in slides for c in s["charts"] if c["categories"] == ["Before", "After"]]
    assert chart["legend"] and not chart["title"].endswith(": pilot group"), chart["title"]
