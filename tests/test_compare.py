"""Two versions of a strategy compared: each kind of change found, with its direction, and written for a manager."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from buyin_cli.figures.changes import comparison_json
from buyin_cli.figures.compare import compare
from buyin_cli.load.models import Strategy
from buyin_cli.present.diff_report import change_sections, diff_report
from buyin_cli.present.numbers import Formatter
from test_figures import BASE


def base() -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(BASE)
    data["metrics"][0]["history"] = [{"period": "2025-06", "value": 31}]
    data["briefings"] = [{"id": "coo", "stakeholder": "s", "date": "2025-09-01", "minutes": 30,
                          "opening_question": "Q?",
                          "asks": ["Approve the roll-out", "Agree a review"]}]
    data["stakeholders"] = [{"id": "s", "name": "Helen", "role": "COO"}]
    return data


def changed(change) -> tuple[Any, list[tuple[str, list[str]]]]:
    new = base()
    change(new)
    c = compare(Strategy.model_validate(base()), Strategy.model_validate(new), "HEAD",
                "the working tree")
    return c, change_sections(c, Formatter(c.currency, c.locale))


def lines(change) -> list[str]:
    return [line for _, items in changed(change)[1] for line in items]


def test_no_change():
    c, sections = changed(lambda d: None)
    assert c.empty and sections == []
    assert diff_report(c, "s.yaml", Formatter("GBP", None)) == [
        "No changes to s.yaml from HEAD to the working tree."]


def test_a_metric_that_moved_is_better_or_worse_by_its_direction():
    def better(d):
        d["metrics"][0]["actual"] = 28
        d["metrics"][0]["history"].append({"period": "2025-09", "value": 28})

    c, _ = changed(better)
    assert [(m.before, m.after, m.direction, m.new_readings) for m in c.metrics] == [
        (30, 28, "good", ("2025-09",))]
    assert lines(better)[0] == "Errors fell from 30 to 28 per 10k (better); new readings for 2025-09"
    assert lines(lambda d: d["metrics"][0].update(actual=33))[0] == \
        "Errors rose from 30 to 33 per 10k (worse)"


def test_pilots_and_results_added():
    def pilot(d):
        d["metrics"].append({"id": "returns", "name": "Returns", "unit": "a week",
                             "better": "lower", "baseline": 9, "target": 5})
        d["pilots"][0]["results"].append({"metric": "returns", "per": "week", "before": 9,
                                          "after": 7, "isolation": 0.5, "confidence": 0.5})
        d["pilots"].append({**copy.deepcopy(d["pilots"][0]), "id": "day", "group": "Day shift"})

    assert lines(pilot) == ["Metric Returns added",
                            "Pilot Day shift added (day, measuring errors, returns)",
                            "Pilot Night shift now measures Returns"]


def test_figures_changed_with_their_direction():
    c, _ = changed(lambda d: d["metrics"][0].update(value_per_unit=40))
    assert [(f.figure, f.direction) for f in c.figures] == [
        ("roi_pct", "good"), ("payback_months", "good"), ("rollout_benefit", "good")]
    assert lines(lambda d: d["metrics"][0].update(value_per_unit=40)) == [
        "ROI of Pick Right rose from 133.3% to 211.0% (better)",
        "Payback of Pick Right fell from 5.1 months to 3.9 months (better)",
        "Annual benefit of Pick Right rose from £13,997 to £18,662 (better)"]


def test_a_figure_rounded_the_same_is_not_a_change():
    c, _ = changed(lambda d: d["initiatives"][0]["costs"][0].update(amount=6000.0001))
    assert c.figures == ()


def test_asks_and_decisions():
    def held(d):
        briefing = d["briefings"][0]
        briefing["asks"][1] = "Agree a monthly review"
        briefing["asks"].append("Nominate a champion")
        briefing["outcome"] = {"held": "2025-09-02",
                               "decisions": [{"ask": 2, "decision": "approved",
                                              "note": "Monthly, not weekly"}],
                               "follow_ups": [{"action": "Send the plan", "owner": "Dana",
                                               "due": "2025-09-30"}]}

    assert lines(held) == ["coo held on 2 September 2025",
                           "Ask 2 of coo reworded: Agree a monthly review",
                           "Ask 3 of coo added: Nominate a champion",
                           "Ask 2 of coo now approved: Monthly, not weekly",
                           "Follow-up of coo agreed: Send the plan (Dana, due 30 September 2025)"]


def test_a_follow_up_done_since():
    before = base()
    before["briefings"][0]["outcome"] = {"held": "2025-09-02", "follow_ups": [
        {"action": "Send the plan", "owner": "Dana", "due": "2025-09-30"}]}
    after = copy.deepcopy(before)
    after["briefings"][0]["outcome"]["follow_ups"][0]["done"] = True
    c = compare(Strategy.model_validate(before), Strategy.model_validate(after), "v1", "v2")
    assert [(f.action, f.change) for f in c.follow_ups] == [("Send the plan", "done")]
    assert c.held == ()  # held before, on the same day


def test_the_roll_out_launched_and_tracked():
    def launched(d):
        d["initiatives"][0].update(launch="2025-10-06", tracking=[
            {"period": "2025-10", "enrolled": 60, "completed": 42}])

    assert lines(launched) == ["Pick Right launched on 6 October 2025",
                               "Pick Right: 42 of 120 completed by 2025-10 (35%)"]


def test_json_for_tools():
    def moved(d):
        d["metrics"][0]["actual"] = 28
        d["initiatives"][0]["launch"] = "2025-10-06"

    c, _ = changed(moved)
    data = comparison_json(c)
    assert (data["since"], data["until"], data["currency"]) == ("HEAD", "the working tree", "GBP")
    assert data["metrics"] == [{"metric_id": "errors", "name": "Errors", "unit": "per 10k",
                                "better": "lower", "before": 30.0, "after": 28.0,
                                "direction": "good", "new_readings": [],
                                "revised_readings": []}]
    assert data["launches"] == [{"initiative_id": "pick", "title": "Pick Right", "before": None,
                                 "after": "2025-10-06"}]
    assert {"items", "results", "figures", "asks", "decisions", "held", "follow_ups",
            "uptake"} <= data.keys()
    assert isinstance(c.launches[0].after, date)
