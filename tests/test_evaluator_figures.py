"""The figures an ROI evaluator certifies, each worked by hand: the trend line, participants'
estimates, the cost of standing still, and money over years discounted to today."""

from __future__ import annotations

import copy
import json

import pytest

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.models import Strategy
from conftest import dump
from test_figures import BASE, edit
from test_years import COSTS


def _result(data: dict):
    return compute_figures(Strategy.model_validate(data)).pilots["night"].results["errors"]


def _trend(trend_after: float, better: str = "lower") -> dict:
    data = edit("metrics.0.better", better)
    result = data["pilots"][0]["results"][0]
    del result["control_before"], result["control_after"]
    result["trend_after"] = trend_after
    return data


def test_a_trend_line_stands_where_a_comparison_group_would():
    r = _result(_trend(37))
    assert r.improvement == 10               # before − after = 40 − 30 (lower is better)
    assert r.control_improvement == 3        # before − trend_after = 40 − 37
    assert (r.has_trend, r.has_control, r.trend_after) == (True, False, 37)
    assert r.attributable == pytest.approx(5.04)            # (10 − 3) × 0.8 × 0.9
    assert r.pilot_annual_benefit == pytest.approx(1814.4)  # 5.04 × 12 × £30
    assert r.rollout_annual_benefit == pytest.approx(10886.4)  # × 120 ÷ 20


def test_a_trend_line_where_higher_is_better():
    r = _result(_trend(37, "higher"))
    assert r.improvement == -10              # after − before = 30 − 40
    assert r.control_improvement == -3       # trend_after − before = 37 − 40
    assert r.attributable == pytest.approx(-5.04)           # (−10 − −3) × 0.72


def test_participants_estimates_replace_isolation_and_confidence():
    data = copy.deepcopy(BASE)
    result = data["pilots"][0]["results"][0]
    del result["isolation"], result["confidence"]
    result["estimates"] = [{"share": 0.5, "confidence": 0.8}, {"share": 0.25, "confidence": 1},
                           {"share": 0.6, "confidence": 0.5}]
    r = _result(data)
    # share × confidence: 0.4, 0.25, 0.3; their mean 0.95 ÷ 3
    assert r.isolation == pytest.approx(0.95 / 3) and r.confidence == 1
    assert r.estimates == ((0.5, 0.8), (0.25, 1.0), (0.6, 0.5)) and r.estimated
    assert r.attributable == pytest.approx(2.85)            # (10 − 1) × 0.31666…
    assert r.pilot_annual_benefit == pytest.approx(1026)    # 2.85 × 12 × £30


@pytest.mark.parametrize("changes, expected", [
    ({"per": "month"}, 1800),                    # |25 − 30| × 12 × £30
    ({"per": "month", "actual": 20}, 0),         # better than the target: the gap is closed
    ({"per": "month", "actual": 25}, 0),         # on the target
    ({"per": "quarter", "actual": None}, 2040),  # no reading: the baseline, |25 − 42| × 4 × £30
    ({}, None),                                  # a level read, not summed: no per
    ({"per": "month", "value_per_unit": None}, None),
    ({"per": "week", "better": "higher", "baseline": 10, "target": 20, "actual": 12,
      "value_per_unit": 2}, 832),                # |20 − 12| × 52 × £2
])
def test_the_cost_of_standing_still(changes, expected):
    data = copy.deepcopy(BASE)
    metric = data["metrics"][0]
    for key, value in changes.items():
        if value is None:
            metric.pop(key, None)
        else:
            metric[key] = value
    m = compute_figures(Strategy.model_validate(data)).metrics["errors"]
    assert m.gap_annual_cost == (None if expected is None else pytest.approx(expected))


def _years(rate: float | None, horizon: int = 3) -> dict:
    data = copy.deepcopy(BASE)
    data["initiatives"][0].update(horizon_years=horizon, retention=0.5, costs=COSTS)
    if rate is not None:
        data["discount_rate"] = rate
    return data


def test_npv_discounts_each_later_year_and_keeps_year_one_as_today():
    i = compute_figures(Strategy.model_validate(_years(0.1))).initiatives["pick"]
    # nets (test_years): 5,796.8, 5,998.4, 2,499.2; discounted by 1, 1.1, 1.1²
    assert [y.discounted_net for y in i.years] == pytest.approx(
        [5796.8, 5998.4 / 1.1, 2499.2 / 1.21])
    assert i.npv == pytest.approx(5796.8 + 5453.090909 + 2065.454545)
    assert i.discount_rate == 0.1


def test_without_a_discount_rate_npv_is_the_cumulative_net():
    i = compute_figures(Strategy.model_validate(_years(None))).initiatives["pick"]
    assert i.npv == pytest.approx(i.years[-1].cumulative_net)
    one = compute_figures(Strategy.model_validate(_years(0.2, 1))).initiatives["pick"]
    assert one.npv == pytest.approx(one.rollout_benefit - one.rollout_cost)


def test_roi_json_carries_the_new_fields_as_the_command_contract_names_them(run, write):
    data = _years(0.1)
    data["metrics"][0]["per"] = "month"
    write("s.yaml", dump(data))
    result = run("roi", "s.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["metrics"]["errors"]["progress_pct"] == pytest.approx(70.588, abs=1e-3)
    assert out["metrics"]["errors"]["gap_annual_cost"] == pytest.approx(1800)
    initiative = out["initiatives"]["pick"]
    assert [y["discounted_net"] for y in initiative["years"]] == pytest.approx(
        [5796.8, 5998.4 / 1.1, 2499.2 / 1.21])
    assert initiative["npv"] == pytest.approx(13315.345454)


def test_the_tables_say_what_the_figures_assume(run, write):
    data = _years(0.1)
    data["initiatives"][0].pop("retention")
    data["metrics"][0]["per"] = "month"
    write("s.yaml", dump(data))
    out = run("roi", "s.yaml", env={"COLUMNS": "200"}).stdout
    assert "Total cost, fully loaded" in out  # 'Time' per participant: participants' time
    assert "no retention given: this assumes no decay" in out
    assert "NPV £" in out and "Net in today's money (10.0% a year)" in out
    assert "Gap a year" in out and "£1,800" in out
    data["initiatives"][0]["costs"] = [{"item": "Build", "amount": 6000, "kind": "one-off"}]
    write("s.yaml", dump(data))
    out = run("roi", "s.yaml", env={"COLUMNS": "200"}).stdout
    assert "fully loaded" not in out.replace("not fully loaded", "")
    assert "Pick Right: the cost is not fully loaded" in out
