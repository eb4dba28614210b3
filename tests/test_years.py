"""An initiative's horizon: the years after the first, worked by hand, and its invariants."""

from __future__ import annotations

import copy
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, strategies as st
from pydantic import ValidationError

from buyin_cli.figures.compute import compute_figures
from buyin_cli.figures.explain import explain_figures
from buyin_cli.figures.export import figures_json
from buyin_cli.figures.years import year_figures
from buyin_cli.load.models import Strategy
from buyin_cli.load.strategy import load_strategy
from conftest import dump
from test_figures import BASE


def strategy(horizon: int | None = None, retention: float | None = None,
             costs: list[dict[str, Any]] | None = None) -> Strategy:
    data = copy.deepcopy(BASE)
    initiative = data["initiatives"][0]
    if horizon is not None:
        initiative["horizon_years"] = horizon
    if retention is not None:
        initiative["retention"] = retention
    if costs is not None:
        initiative["costs"] = costs
    return Strategy.model_validate(data)


COSTS = [{"item": "Build", "amount": 6000, "kind": "one-off"},
         {"item": "Licence", "amount": 1000, "kind": "per-year"},
         {"item": "Time", "amount": 10, "kind": "per-participant"}]


def test_three_years_worked_by_hand():
    i = compute_figures(strategy(3, 0.5, COSTS)).initiatives["pick"]
    # benefit 13,996.8 a year (test_figures); cost 6,000 + 1,000 + 10 × 120 = 8,200
    assert [y.year for y in i.years] == [1, 2, 3]
    assert [y.benefit for y in i.years] == pytest.approx([13996.8, 6998.4, 3499.2])
    assert [y.cost for y in i.years] == [8200, 1000, 1000]
    assert [y.cumulative_net for y in i.years] == pytest.approx(
        [5796.8, 5796.8 + 5998.4, 5796.8 + 5998.4 + 2499.2])
    assert i.horizon_benefit == pytest.approx(24494.4)
    assert i.horizon_cost == 10200
    assert i.horizon_roi_pct == pytest.approx((24494.4 - 10200) / 10200 * 100)
    assert (i.horizon_years, i.retention) == (3, 0.5)


def test_the_defaults_are_one_year_kept_whole():
    i = compute_figures(strategy(costs=COSTS)).initiatives["pick"]
    assert (i.horizon_years, i.retention) == (1, 1.0)
    [year] = i.years
    assert (year.benefit, year.cost) == (i.rollout_benefit, i.rollout_cost)
    assert year.cumulative_net == i.rollout_benefit - i.rollout_cost
    assert i.horizon_roi_pct == i.roi_pct


def test_no_retention_keeps_only_the_first_year():
    i = compute_figures(strategy(2, 0, COSTS)).initiatives["pick"]
    assert [y.benefit for y in i.years] == pytest.approx([13996.8, 0])


def test_a_horizon_with_no_cost_has_no_roi():
    i = compute_figures(strategy(4, 1, [])).initiatives["pick"]
    assert [y.cost for y in i.years] == [0, 0, 0, 0]
    assert i.horizon_roi_pct is None
    assert figures_json(compute_figures(strategy(4, 1, [])))["initiatives"]["pick"][
        "horizon_roi_pct"] is None


def test_json_lists_the_years_as_the_contract_says():
    out = figures_json(compute_figures(strategy(2, 0.5, COSTS)))["initiatives"]["pick"]
    assert [list(y) for y in out["years"]] == [["year", "benefit", "cost", "cumulative_net",
                                               "discounted_net"]] * 2
    assert out["years"][1]["benefit"] == pytest.approx(6998.4)
    assert out["horizon_roi_pct"] == pytest.approx((20995.2 - 9200) / 9200 * 100)


@pytest.mark.parametrize("field, value, why", [
    ("horizon_years", 0, "greater_than_equal"), ("horizon_years", 6, "less_than_equal"),
    ("horizon_years", 2.5, "int_type"), ("retention", 1.2, "less_than_equal"),
    ("retention", -0.1, "greater_than_equal")])
def test_out_of_bounds_horizons_are_refused(field, value, why):
    data = copy.deepcopy(BASE)
    data["initiatives"][0][field] = value
    with pytest.raises(ValidationError) as caught:
        Strategy.model_validate(data)
    assert [e["type"] for e in caught.value.errors()] == [why]


@given(benefit=st.floats(0, 1e7), cost=st.floats(0, 1e7), per_year=st.floats(0, 1e6),
       horizon=st.integers(1, 5), retention=st.floats(0, 1))
def test_years_add_up(benefit, cost, per_year, horizon, retention):
    years = year_figures(benefit, cost, per_year, horizon, retention)
    assert len(years) == horizon and years[0].benefit == benefit and years[0].cost == cost
    assert all(later.benefit <= earlier.benefit for earlier, later in pairwise(years))
    assert years[-1].cumulative_net == pytest.approx(
        sum(y.benefit for y in years) - sum(y.cost for y in years), abs=1e-6)


def test_the_working_shows_the_horizon_with_its_sources(tmp_path):
    data = copy.deepcopy(BASE)
    data["initiatives"][0].update(costs=COSTS, horizon_years=3, retention=0.5)
    path = tmp_path / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    [section] = [s for s in explain_figures(load_strategy(path)) if s.subject == ("initiative", "pick")]
    steps = {s.figure: s for s in section.steps}
    benefit = steps["benefit over 3 years"]
    assert benefit.fill(lambda op: f"{op.value:g}") == "13996.8 × (1 + 0.5 + 0.5²)"
    assert benefit.result.value == pytest.approx(24494.4)
    assert [(op.label, lines[op.source.line - 1].strip()) for op in benefit.sources] == [
        ("horizon_years", "horizon_years: 3"), ("retention", "retention: 0.5")]
    assert steps["cost over 3 years"].fill(lambda op: f"{op.value:g}") == "8200 + 1000 × (3 − 1)"
    assert steps["ROI over 3 years"].result.value == pytest.approx((24494.4 - 10200) / 102)


def test_one_year_adds_no_working(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(dump(copy.deepcopy(BASE)), encoding="utf-8")
    figures = [st.figure for s in explain_figures(load_strategy(path)) for st in s.steps]
    assert not [f for f in figures if "years" in f]


def test_roi_table_shows_the_years_only_beyond_one(run, write):
    data = copy.deepcopy(BASE)
    data["initiatives"][0].update(costs=COSTS)
    assert "Year 1" not in run("roi", write("one.yaml", dump(data))).stdout
    data["initiatives"][0].update(horizon_years=2, retention=0.5)
    out = run("roi", write("two.yaml", dump(data)), env={"COLUMNS": "80"}).stdout.splitlines()
    at = out.index("Pick Right: 2 years")
    assert out[at + 1].split() == ["Year", "1", "Year", "2"]
    assert out[at + 3].split() == ["Benefit", "£13,997", "£6,998"]
    assert out[at + 4].split() == ["Cost", "£8,200", "£1,000"]
    assert out[at + 5].split() == ["Cumulative", "net", "£5,797", "£11,795"]
    # With no discount_rate, the NPV is the cumulative net.
    assert out[at + 6] == ("ROI over 2 years 128.2%  ·  NPV £11,795  ·  benefit kept each later "
                           "year 50.0%")
    assert out[at + 7] == ("The first year's figures above are the headline. The NPV counts "
                           "later years at")  # full value: no discount_rate is given
