"""The story's claims say what the figures hold: each test is the smallest strategy that shows
one finding of a cold review (a pilot's return shown without its roll-out's loss, a title that
credits the learning with more than the money does, gross years called a return, the evidence
line on a tiny count, "each roll-out" when one is asked). Every deck is also read back against
the invariants (deck_invariants.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deck_helpers import read_deck
from test_deck_holds import brief_and_read, deck_and_points

BRIEFING = "warehouse-manager-briefing"


def _deck(data: dict[str, Any], folder: Path) -> tuple[list[dict[str, Any]], str]:
    """The slides and talking points of the strategy's one briefing, after the invariants held."""
    for pilot in data["pilots"]:  # the rate is valued per pilot-sized group: no W317 caveat
        pilot.setdefault("accept", {"W317": "Each error is valued for a group the pilot's size."})
    return deck_and_points(data, folder)


def test_a_pilots_return_says_its_roll_out_would_not_pay_back(valid_data, tmp_path):
    # The pilot paid back ($1,000 for $2,333 a year); the roll-out ($20,000 for $14,000) would not (W316).
    valid_data["pilots"][0]["cost"] = 1000
    valid_data["initiatives"][0]["costs"][0]["amount"] = 20000
    valid_data["briefings"][0]["minutes"] = 45
    slides, points = _deck(valid_data, tmp_path)
    texts = [t for s in slides for t in s["texts"]]
    # W316: it needs more than its whole pilot effect in year one; it may still pay back later.
    # The box says the pilot's return; the roll-out's shortfall is said under it, never as its label.
    assert "ROI in the pilot\n133%" in texts
    assert any("The ROI shown is the pilot's; its roll-out would not pay back in year one." in t for t in texts)
    assert "(ROI 133%; its roll-out would not pay back in year one)" in points


def test_a_pilots_return_whose_roll_out_pays_back_says_nothing_more(valid_data, tmp_path):
    valid_data["pilots"][0]["cost"] = 1000
    slides, points = _deck(valid_data, tmp_path)
    assert "ROI in the pilot\n133%" in [t for s in slides for t in s["texts"]]
    assert "would not pay back" not in points


def _alone(data: dict[str, Any], **result: Any) -> None:
    """The pilot's one result without its comparison group, isolated as given."""
    for key in ("control_before", "control_after", "isolation", "confidence"):
        data["pilots"][0]["results"][0].pop(key)
    data["pilots"][0]["results"][0].update(result)
    data["pilots"][0]["accept"] = {"W317": "Each error is valued for a group the pilot's size.",
                                   "W301": "Nothing else changed on the night shift."}


def test_a_title_says_the_share_of_the_change_it_credits(valid_data, tmp_path):
    # 40 → 30 errors is a 25% cut; isolation 0.4 credits 4 errors of the 40 before: 10%.
    _alone(valid_data, isolation=0.4)
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    assert evidence["title"] == "Night shift cut picking errors 25%; a 10% fall credited to Pick Right"
    assert "We credit the learning with 4 errors per 10,000 lines (isolation 40%" in evidence["notes"]
    assert "That is 10% of the reading before." in evidence["notes"]
    assert "Evidence: Night shift cut picking errors 25%; a 10% fall credited to Pick Right" in [
        t for _, t in slides[1]["body"]]


def test_a_title_that_credits_the_whole_change_says_no_share(valid_data, tmp_path):
    _alone(valid_data)
    slides, _ = _deck(valid_data, tmp_path)
    assert any(s["title"] == "Night shift cut picking errors 25%" for s in slides)


def test_a_title_beside_its_comparison_group_credits_the_share_isolation_keeps(valid_data, tmp_path):
    # 25% against 2% for the comparison group: (10 − 1) × 0.8 × 0.9 = 6.48 of the 40 before, 16%.
    slides, _ = _deck(valid_data, tmp_path)
    assert any(s["title"] == "Night shift cut picking errors 25%, against 2% for the comparison group; "
               "a 16% fall credited to Pick Right" for s in slides)


def _second_metric(data: dict[str, Any], unit: str, before: float, after: float) -> None:
    """Returns to re-pick, valued high, measured by the same pilot against its comparison group."""
    data["metrics"].append({"id": "returns", "name": "Returns to re-pick", "unit": unit, "better": "lower",
                            "baseline": 40, "target": 20, "value_per_unit": 900, "per": "month"})
    data["pilots"][0]["results"].append({"metric": "returns", "per": "month", "before": before,
                                         "after": after, "control_before": before,
                                         "control_after": before})


def test_the_evidence_line_leads_with_the_meetings_own_metric(valid_data, tmp_path):
    # Returns carry more money, but the meeting is about picking errors.
    _second_metric(valid_data, "complaints", 30, 20)
    valid_data["objectives"].append({"id": "fewer-returns", "title": "Fewer returns", "owner": "Mark Ellis",
                                     "driver": "pain", "metrics": ["returns"]})
    valid_data["initiatives"][0]["objectives"].append("fewer-returns")
    slides, _ = _deck(valid_data, tmp_path)
    line = next(t for _, t in slides[1]["body"] if t.startswith("Evidence: "))
    assert line.startswith("Evidence: Night shift cut picking errors 25%")


def test_the_evidence_line_never_leads_with_a_tiny_count(valid_data, tmp_path):
    # 2 → 1 returns is −50% and the most money, but one return more or less would halve or double it.
    _second_metric(valid_data, "incidents", 2, 1)
    valid_data["objectives"][0]["metrics"].append("returns")
    slides, _ = _deck(valid_data, tmp_path)
    line = next(t for _, t in slides[1]["body"] if t.startswith("Evidence: "))
    assert line.startswith("Evidence: Night shift cut picking errors 25%")
    assert "returns to re-pick 50%" not in slides[1]["notes"]


def test_the_years_title_says_what_they_leave_after_their_costs(valid_data, tmp_path):
    # $13,996.80 a year for three years, $6,000 once: $35,990.40 net, not the gross $41,990.40.
    valid_data["initiatives"][0]["horizon_years"] = 3
    valid_data["briefings"][0]["minutes"] = 45
    slides, _ = _deck(valid_data, tmp_path)
    years = next(s for s in slides if s["title"].startswith("Over 3 years"))
    assert years["title"] == ("Over 3 years, Pick Right returns $35,990 more than it costs, if 100% of "
                              "each year's benefit carries into the next")


def test_the_years_title_says_the_present_value_at_the_discount_rate(valid_data, tmp_path):
    # At 10% a year: 7,996.80 + 13,996.80 ÷ 1.1 + 13,996.80 ÷ 1.21 = $32,288.76.
    valid_data.update(discount_rate=0.1)
    valid_data["initiatives"][0]["horizon_years"] = 3
    valid_data["briefings"][0]["minutes"] = 45
    slides, _ = _deck(valid_data, tmp_path)
    years = next(s for s in slides if s["title"].startswith("Over 3 years"))
    assert years["title"] == ("Over 3 years, Pick Right has a net present value of $32,289, if 100% "
                              "of each year's benefit carries into the next")
    # Benefit less cost as spent beside its worth in today's money: the total row's two figures, explained.
    said = " ".join(t for s in slides if s["title"].startswith("Over 3 years") for t in s["texts"])
    assert "more than they cost; discounted at 10%, $32,289: the net present value" in said, said


@pytest.mark.parametrize(("title", "called"), [("Pick Right: labels and a one-page guide", "Pick Right"),
                                               ("Pick Right, Pack Right", "the learning")])
def test_the_credit_names_the_initiative_as_people_call_it(valid_data, tmp_path, title, called):
    # Its name up to where the title describes it; a name with a comma would read as a list.
    _alone(valid_data, isolation=0.4)
    valid_data["initiatives"][0]["title"] = title
    slides, _ = _deck(valid_data, tmp_path)
    assert any(s["title"] == f"Night shift cut picking errors 25%; a 10% fall credited to {called}"
               for s in slides)


def test_a_credited_level_is_said_to_the_readings_decimals(valid_data, tmp_path):
    # 80% → 90% of picks right first time, isolation 0.483: 4.83 points, said 5 beside whole
    # readings; the notes say it as the working writes it.
    valid_data["metrics"][0].update(name="Picks right first time", unit="% of picks", better="higher",
                                    baseline=80, target=95)
    _alone(valid_data, before=80, after=90, isolation=0.483)
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    assert evidence["title"] == ("Night shift raised picks right first time 10 points; "
                                 "we credit Pick Right with 5 points")
    assert "We credit the learning with 4.83 points" in evidence["notes"]
    assert any("= 4.83 points" in c for s in slides for row in s["table"] or [] for c in row)


def test_a_result_credited_at_a_confidence_says_so_under_its_chart(valid_data, tmp_path):
    # No isolation, confidence 0.8: 8 of the 10 errors, 20% of the 40 before; not "the whole change".
    _alone(valid_data, confidence=0.8)
    slides, _ = _deck(valid_data, tmp_path)
    evidence = next(s for s in slides if s["title"].startswith("Night shift"))
    assert evidence["title"] == "Night shift cut picking errors 25%; a 20% fall credited to Pick Right"
    assert any("No comparison group and no isolation estimate: we credit the learning with the whole change, "
               "at 80% confidence." in t for t in evidence["texts"])


def test_a_result_only_our_isolation_estimate_discounts_is_called_our_estimate(valid_data, tmp_path):
    # No comparison group, trend or participants' estimates: the 80% is the team's own estimate,
    # so the numbers are neither "conservative" nor "isolated" (the invariants check every deck).
    result = valid_data["pilots"][0]["results"][0]
    del result["control_before"], result["control_after"]
    (tmp_path / "estimate").mkdir()
    (tmp_path / "compared").mkdir()
    slides, _ = _deck(valid_data, tmp_path / "estimate")
    [numbers] = [s for s in slides if s["table"] and s["table"][0][0] == "Initiative"]
    said = " ".join([numbers["notes"], *numbers["texts"]])
    assert ("The benefit counts our estimate of the share of the change due to the training, discounted for our "
            "confidence.") in said
    assert "onservative" not in said and "isolated" not in said
    # Beside a comparison group the same figures are isolated by the data, and said so.
    slides, _ = _deck(valid_data | {"pilots": [{**valid_data["pilots"][0], "results": [
        {**result, "control_before": 41, "control_after": 40}]}]}, tmp_path / "compared")
    [numbers] = [s for s in slides if s["table"] and s["table"][0][0] == "Initiative"]
    assert "a comparison group isolates every change they count" in numbers["notes"]


def test_asks_that_price_nothing_still_say_the_point_in_the_title(valid_data, tmp_path):
    # Two asks, neither naming what it funds: the title says what the decisions get them.
    valid_data["briefings"][0]["asks"] = ["Release each picker for an hour before the shift",
                                          "Report picking errors weekly"]
    (tmp_path / "money").mkdir()
    (tmp_path / "result").mkdir()
    slides, _ = _deck(valid_data, tmp_path / "money")
    # The asks decide no roll-out: the title says what the pilot showed, which they build on; the
    # money is in the body, said as what the roll-out would cost and bring.
    assert slides[1]["title"].endswith(" — two decisions we ask for today") and "$" not in slides[1]["title"]
    assert any(line.startswith("Rolled out, Pick Right would cost $6,000 in year one") for _, line in slides[1]["body"])
    # Nothing priced at all: the pilot's result is the point.
    del valid_data["metrics"][0]["value_per_unit"]
    valid_data["metrics"][0]["accept"] = {"W103": "Errors are counted, not priced."}
    slides, _ = _deck(valid_data, tmp_path / "result")
    said = ("Night shift cut picking errors 25%", "Picking errors in the pilot: down 25%")
    assert slides[1]["title"].startswith(said)
    assert slides[1]["title"].endswith(" — two decisions we ask for today")


def test_an_ask_for_learners_time_says_what_that_time_costs(valid_data, tmp_path):
    # "Release each picker for an hour" funds nothing, but the hour is in Pick Right's costs.
    valid_data["initiatives"][0]["costs"].append(
        {"item": "Pickers' time: one paid hour each", "amount": 25, "kind": "per-participant",
         "category": "participants-time"})
    valid_data["briefings"][0]["asks"] = ["Release each picker for an hour before the shift",
                                          "Report picking errors weekly"]
    slides, points = _deck(valid_data, tmp_path)
    body = slides[1]["body"]
    at = body.index((1, "Release each picker for an hour before the shift"))
    said = "Their time costs $25 a head: $3,000 for the 120 people Pick Right reaches, part of its $9,000 in year one"
    # On slide 2 Pick Right's $9,000 stands in its own line ("Rolled out, Pick Right would cost…"): not said twice.
    assert body[at + 1] == (2, said.split(", part of")[0])
    assert any(line.startswith("Rolled out, Pick Right would cost $9,000") for _, line in body), body
    assert body[body.index((1, "Report picking errors weekly")) + 1][0] != 2  # an ask not about time
    assert f"1. Release each picker for an hour before the shift ({said})" in points
    # The asks again, before the questions, say it too: the room decides on the same facts.
    again = [s["body"] for s in slides if s["title"].startswith("Two decisions today")][-1]
    assert again[again.index((0, "Release each picker for an hour before the shift")) + 1] == (1, said)


def test_a_cost_slide_no_ask_funds_says_what_its_roll_out_would_cost(valid_data, tmp_path):
    # Nothing asked funds Pick Right's roll-out: its cost is what the roll-out would cost.
    valid_data["briefings"][0]["asks"] = ["Report picking errors weekly", "Name a champion per shift"]
    valid_data["briefings"][0]["minutes"] = 60
    (tmp_path / "unasked").mkdir()
    (tmp_path / "asked").mkdir()
    slides, _ = _deck(valid_data, tmp_path / "unasked")
    [costs] = [s for s in slides if s["table"] and s["table"][0][0] == "Cost"]
    assert costs["title"].startswith("Rolling out Pick Right would cost $6,000 in year one")
    valid_data["briefings"][0]["asks"] = ["Approve $6,000 to roll out Pick Right to all 120 pickers"]
    slides, _ = _deck(valid_data, tmp_path / "asked")
    [costs] = [s for s in slides if s["table"] and s["table"][0][0] == "Cost"]
    assert costs["title"].startswith("Pick Right costs $6,000 in year one")


def test_a_score_changes_by_points_not_by_a_share_of_itself(valid_data, tmp_path):
    # 7.0 → 7.6 out of 10 is "0.6 points", as a % is; "up 9%" would read as a share of the score.
    valid_data["metrics"][0].update(name="Customer effort", unit="score out of 10", better="higher",
                                    baseline=7, target=8.5)
    valid_data["pilots"][0]["results"][0].update(before=7.0, after=7.6, control_before=7.0, control_after=7.1)
    slides, _ = _deck(valid_data, tmp_path)
    [title] = [t for s in slides if (t := s["title"] or "").startswith(("Night shift", "Customer effort in the pilot"))]
    assert "0.6 score points" in title and "%" not in title, title


def _pack_right_too(data: dict[str, Any]) -> None:
    """A second initiative, Pack Right, piloted like Pick Right by the day shift."""
    data["initiatives"].append({**data["initiatives"][0], "id": "pack-right", "title": "Pack Right"})
    data["pilots"].append({**data["pilots"][0], "id": "pack-right-pilot", "initiative": "pack-right",
                           "group": "Day shift"})


def test_a_meeting_that_asks_no_money_hears_what_the_roll_outs_would_do(valid_data, tmp_path):
    _pack_right_too(valid_data)
    valid_data["briefings"][0].update(minutes=45, asks=["Agree that each shift lead joins the March review"])
    slides, _ = _deck(valid_data, tmp_path)
    [numbers] = [s for s in slides if s["table"] and s["table"][0][0] == "Initiative"]
    assert numbers["title"].startswith("Both roll-outs would pay back"), numbers["title"]
    valid_data["briefings"][0]["asks"] = ["Approve the roll-out of Pick Right", "Approve the roll-out of Pack Right"]
    (tmp_path / "asked").mkdir()
    slides, _ = _deck(valid_data, tmp_path / "asked")
    [numbers] = [s for s in slides if s["table"] and s["table"][0][0] == "Initiative"]
    assert numbers["title"].startswith("Both roll-outs pay back"), numbers["title"]


def test_a_meeting_that_asks_no_money_prices_only_what_its_asks_are_about(valid_data, tmp_path):
    _pack_right_too(valid_data)
    valid_data["briefings"][0].update(minutes=45, asks=["Support Pick Right in the March review"])
    slides, _ = _deck(valid_data, tmp_path)
    assert not [t for t in slides[1]["texts"] if "Pack Right" in t], slides[1]["texts"]
    assert any((s["title"] or "").startswith("Rolling out Pick Right would pay back") for s in slides)


def _re_picks_uncompared(data: dict[str, Any]) -> None:
    """A second priced result on the pilot, re-picks, with no comparison group: only an isolation estimate."""
    data["metrics"].append({"id": "re-picks", "name": "Re-picks", "unit": "orders per week", "better": "lower",
                            "baseline": 40, "target": 20, "value_per_unit": 5})
    data["objectives"][0]["metrics"].append("re-picks")
    data["pilots"][0]["results"].append({"metric": "re-picks", "per": "week", "before": 40, "after": 30,
                                         "isolation": 0.5, "confidence": 0.8})


def test_counted_beyond_a_comparison_group_only_when_every_result_had_one(valid_data, tmp_path):
    # One pilot, two results: picking errors against the day shift, re-picks with no comparison.
    _re_picks_uncompared(valid_data)
    valid_data["briefings"][0]["minutes"] = 60
    slides, _ = _deck(valid_data, tmp_path)
    said = " ".join(t for s in slides for t in s["texts"] + [s["notes"]])
    # Each basis is said of its own result: the comparison group of picking errors only.
    assert ("For picking errors, the benefit counts only the credited share of the effect beyond the comparison group, "
            "discounted for our confidence; for re-picks, our estimate of the share of the change due to the training, "
            "discounted for our confidence.") in said
    assert "No comparison group or trend isolates re-picks." in said


def test_a_result_without_the_pilots_comparison_group_has_a_page_that_does_not_name_it(valid_data, tmp_path):
    # 4:3 gives each result a page; the page of the result the comparison group did not measure
    # does not name it, so "No comparison group" says nothing the slide contradicts.
    _re_picks_uncompared(valid_data)
    valid_data["pilots"][0].update(control_group="Day shift", accept={"W317": "Valued per pilot-sized group."})
    valid_data["briefings"][0]["minutes"] = 60
    assert brief_and_read(valid_data, tmp_path, four_three=True) == []
    texts = [t for s in read_deck(tmp_path / "out" / f"{BRIEFING}.pptx") for t in s["texts"]]
    [re_picks] = [t for t in texts if "No comparison group" in t]
    assert "Day shift" not in re_picks and "No comparison group: " in re_picks
    assert any("comparison group: Day shift." in t for t in texts)  # under the page it compares
    assert not any("comparison group: Day shift. No comparison group:" in t for t in texts)
