"""A figure the review doubts carries its caveat wherever it is shown, and revenue is said to be revenue.

Each test is the smallest strategy that shows one finding of a cold review: the backup working
and the talking points showing a doubted figure bare, the talking points asking to learn by
heart the money of an initiative asked for only as a pilot, revenue counted as benefit (W105)
with no word in the deck, beside "Conservative", missing from the appendix, and its gap to
target said to "cost" money; a level's change said per month. Every deck is also read back
against the invariants (deck_invariants.py).
"""

from __future__ import annotations

import copy
from typing import Any

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.strategy import load_strategy
from buyin_cli.present.build.doubts import doubts_by_item
from buyin_cli.review.score import review
from conftest import dump
from deck_helpers import read_deck
from test_deck_holds import brief_and_read, deck_and_points as _deck

BRIEFING = "warehouse-manager-briefing"
VALUED_PER_GROUP = {"W317": "Each error is valued for a group the pilot's size."}


def _remembered(points: str) -> list[str]:
    """The lines of the talking points' "Numbers to remember"."""
    section = points.split("## Numbers to remember", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def _working(slides: list[dict[str, Any]]) -> dict[str, Any]:
    return next(s for s in slides if "How we get to" in (s["title"] or ""))


def _small_pilot(data: dict[str, Any]) -> None:
    """A pilot of six scaled up to 120 (W308), its rate valued per pilot-sized group (W317
    accepted), with a change small enough to stay possible at that scale."""
    data["pilots"][0].update(participants=6, accept=dict(VALUED_PER_GROUP))
    data["pilots"][0]["results"][0].update(after=38, control_after=41)
    data["briefings"][0]["minutes"] = 60  # room for the working in the backup


def test_the_working_and_the_numbers_to_remember_carry_the_doubt(valid_data, tmp_path):
    _small_pilot(valid_data)
    slides, points = _deck(valid_data, tmp_path)
    working = " ".join(_working(slides)["texts"])
    assert "Pick Right is scaled up from a small pilot: an estimate" in working
    [line] = [x for x in _remembered(points) if x.startswith("- **Pick Right**")]
    assert line.startswith("- **Pick Right** (from a small pilot): $")
    assert "**Pick Right: $10,368 a year** (from a small pilot)" in points


def test_the_working_of_an_undoubted_figure_has_no_caveat(valid_data, tmp_path):
    valid_data["pilots"][0]["accept"] = dict(VALUED_PER_GROUP)
    valid_data["briefings"][0]["minutes"] = 60
    slides, points = _deck(valid_data, tmp_path)
    working = " ".join(_working(slides)["texts"])
    assert "Pick Right" not in working and "small pilot" not in working
    [line] = [x for x in _remembered(points) if x.startswith("- **Pick Right**")]
    assert line.startswith("- **Pick Right**: $")


def test_an_initiative_asked_for_only_as_a_pilot_is_no_number_to_remember(valid_data, tmp_path):
    pilot = copy.deepcopy(valid_data["pilots"][0])
    pilot.pop("quotes", None)
    valid_data["initiatives"].append({**copy.deepcopy(valid_data["initiatives"][0]),
                                      "id": "doorstep", "title": "Doorstep Conversations"})
    valid_data["pilots"].append({**pilot, "id": "doorstep-pilot", "initiative": "doorstep",
                                 "group": "Day shift"})
    valid_data["briefings"][0].update(minutes=45, asks=[
        {"decision": "Approve $6,000 to roll out Pick Right", "initiative": "pick-right"},
        "Agree a three-month pilot of Doorstep Conversations at the Columbus site from May"])
    _, points = _deck(valid_data, tmp_path)
    remembered = _remembered(points)
    assert any(x.startswith("- **Pick Right**") for x in remembered)
    assert not any(x.startswith("- **Doorstep Conversations**") for x in remembered)


def _revenue(data: dict[str, Any], value_per_unit: float = 1) -> None:
    """Pick Right's result is add-on sales, in dollars a month, valued at `value_per_unit`."""
    data["metrics"][0].update(name="Add-on sales", unit="$", per="month", better="higher",
                              baseline=40000, target=50000, actual=41000,
                              value_per_unit=value_per_unit)
    data["pilots"][0]["results"][0].update(before=3000, after=3600, control_before=3000,
                                           control_after=3050)
    data["briefings"][0].update(minutes=60, asks=[
        {"decision": "Approve $6,000 to roll out Pick Right", "initiative": "pick-right"}])


def test_revenue_counted_as_benefit_is_said_under_every_figure_it_makes(valid_data, tmp_path):
    _revenue(valid_data)
    slides, points = _deck(valid_data, tmp_path)
    said = "Pick Right counts revenue as its benefit, not the margin the business keeps"
    numbers = next(s for s in slides if s["table"] and ["Benefit a year", "$28,512"] in s["table"])
    assert said in " ".join(numbers["texts"])
    assert "Conservative" not in " ".join(numbers["texts"]) and "conservative" not in numbers["notes"]
    assert said in " ".join(_working(slides)["texts"])
    body = [text for _, text in slides[1]["body"]]
    line = body[body.index("Approve $6,000 to roll out Pick Right") + 1]
    assert "a year (counts revenue, not margin), paid back" in line, line
    evidence = next(s for s in slides if "ROI in the pilot" in " ".join(s["texts"]))
    assert "Revenue counted as the benefit, not the margin the business keeps" in " ".join(
        evidence["texts"])
    appendix = next(s for s in slides if s["table"] and s["table"][0][0] == "Flag")
    assert appendix["table"] == [  # one flag alone: its row read down as pairs
        ["Flag", "A revenue metric valued at 1 per unit: revenue, not margin"],
        ["About", "Add-on sales"],
        ["Our answer", "Revenue counted as the benefit, not the margin the business keeps: the "
                       "return is overstated."]]
    # What the gap to target leaves unearned is income not taken, not money spent.
    gap = "Add-on sales: today's gap to target leaves $108,000 of revenue a year unearned"
    assert gap in body and gap in points and "gap to target costs" not in points
    assert "(counts revenue, not margin)" in " ".join(_remembered(points))


def test_revenue_accepted_as_benefit_says_why(valid_data, tmp_path):
    _revenue(valid_data)
    valid_data["metrics"][0]["accept"] = {"W105": "Add-ons are resold at cost; the fee is ours."}
    slides, points = _deck(valid_data, tmp_path)
    numbers = next(s for s in slides if s["table"] and ["Benefit a year", "$28,512"] in s["table"])
    # Said under the figure; why, in the notes (and the appendix's flags).
    assert "Pick Right values revenue in full. The benefit" in " ".join(numbers["texts"])
    assert "Pick Right values revenue in full. Add-ons are resold at cost; the fee is ours." in numbers["notes"]
    assert "counts revenue" not in points and "Revenue counted" not in " ".join(
        t for s in slides for t in s["texts"])


def test_revenue_valued_at_its_margin_leaves_margin_unearned(valid_data, tmp_path):
    _revenue(valid_data, value_per_unit=0.25)
    slides, points = _deck(valid_data, tmp_path)
    gap = "Add-on sales: today's gap to target leaves $27,000 of margin a year unearned"
    assert gap in [text for _, text in slides[1]["body"]] and gap in points
    assert "revenue, not margin" not in points


def test_a_levels_change_takes_no_period_in_the_working(valid_data, tmp_path):
    valid_data["metrics"][0].update(name="Orders right first time", unit="%", better="higher",
                                    baseline=80, target=95)
    valid_data["pilots"][0].update(accept=dict(VALUED_PER_GROUP))
    valid_data["pilots"][0]["results"][0].update(before=80, after=85, control_before=80,
                                                 control_after=81)
    valid_data["briefings"][0]["minutes"] = 60
    slides, points = _deck(valid_data, tmp_path)
    line = next(x for x in points.splitlines() if x.startswith("- Orders right first time (Night"))
    assert ": (5 points higher, less 1 point for the comparison group)" in line
    assert "a month" not in line.split(" = ")[0]
    [row] = _working(slides)["table"][1:-1]
    assert row[1].startswith("(5 points higher, less 1 point for the comparison group)")


def test_a_figure_beyond_what_is_possible_is_not_also_called_large(valid_data, tmp_path):
    valid_data["pilots"][0]["participants"] = 6  # 6.48 fewer errors × R 20 from 42: W307, a draft
    valid_data["briefings"][0].update(minutes=60, asks=[
        {"decision": "Approve $6,000 to roll out Pick Right", "initiative": "pick-right"}])
    slides, points = _deck(valid_data, tmp_path)
    body = [text for _, text in slides[1]["body"]]
    line = body[body.index("Approve $6,000 to roll out Pick Right") + 1]
    assert "a year (beyond what is possible), paid back" in line, line
    working = " ".join(_working(slides)["texts"])
    assert "DRAFT: the roll-out would pass what is possible" in working
    assert "small pilot" not in working and "like a count" not in working
    [line] = [x for x in _remembered(points) if x.startswith("- **Pick Right**")]
    assert line.startswith("- **Pick Right** (beyond what is possible): $")


def test_every_page_of_a_pilot_says_its_doubts_and_a_page_short_of_room_keeps_them_without_reasons(
        valid_data, tmp_path):
    # Two results on 4:3 are two pages; an accepted unusually high return (W310) with a long
    # reason: the first page, with its chain of impact, has no room for the whole footnote and
    # keeps the doubt without its reason; the second says it all again, under its own figure.
    reason = " ".join(["Checked with Finance: each error is a credit note, a re-pick and a courier run."] * 7)
    valid_data["pilots"][0].update(cost=100, accept={"W310": reason})  # a return past 1,000%
    valid_data["pilots"][0]["results"].append({"metric": "pick-errors", "per": "month", "before": 40, "after": 20})
    valid_data["metrics"].append({**copy.deepcopy(valid_data["metrics"][0]), "id": "incidents",
                                  "name": "Lost-time incidents", "unit": "incidents", "baseline": 900, "target": 600,
                                  "value_per_unit": 4})
    valid_data["objectives"][0]["metrics"].append("incidents")
    valid_data["pilots"][0]["results"][1].update(metric="incidents", before=80, after=60, isolation=0.5,
                                                 confidence=0.8)
    assert brief_and_read(valid_data, tmp_path, True) == []
    slides = read_deck(tmp_path / "out" / f"{BRIEFING}.pptx")
    pages = [s for s in slides if s["title"] and s["title"].startswith("Night shift")]
    assert len(pages) == 2
    assert all("This pilot's return is unusually high." in " ".join(p["texts"]) for p in pages)
    first = reason.split(". ")[0]
    assert [first in " ".join(p["texts"]) for p in pages] == [False, True]  # the first page has the chain
    assert first in pages[0]["notes"]


def test_a_small_pilot_no_roll_out_rests_on_is_not_said_to_be_scaled_up(valid_data, tmp_path):
    # A first trial of six (W308) superseded by the night shift's pilot of twenty: the roll-out
    # takes its figures from the later pilot, so the trial's slide must not say it is scaled up.
    valid_data["pilots"].insert(0, {**copy.deepcopy(valid_data["pilots"][0]), "id": "first-trial",
                                    "group": "Day shift trial", "participants": 6,
                                    "start": "2024-09-02", "end": "2024-11-29"})
    valid_data["pilots"][0]["usage"] = {"enrolled": 6, "completed": 6}
    valid_data["pilots"][0]["results"] = [{"metric": "pick-errors", "per": "month", "before": 40, "after": 39}]
    valid_data["pilots"][0]["accept"] = {"W301": "A first look only."}
    path = tmp_path / "s.yaml"
    path.write_text(dump(valid_data), encoding="utf-8")
    loaded = load_strategy(path)
    readiness = review(loaded)
    assert any(w.code == "W308" for w in readiness.warnings)  # the review still says it is small
    strategy = loaded.strategy
    doubts = doubts_by_item(readiness, strategy, compute_figures(strategy))
    assert "W308" not in [d.code for d in doubts.get(("pilots", "first-trial"), [])]
