"""The figures of docs/figures.md: hand-worked examples and invariants."""

from __future__ import annotations

import copy
import json
import math
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

from buyin_cli.figures.compute import compute_figures, payback_months, roi_pct
from buyin_cli.figures.export import figures_json
from buyin_cli.load.models import Strategy

BASE: dict[str, Any] = {
    "buyin": 1, "organisation": "Kestrel", "title": "Fewer errors",
    "presenter": {"name": "Dana", "role": "Lead"}, "currency": "GBP",
    "objectives": [{"id": "o", "title": "Goal", "owner": "COO", "driver": "pain",
                    "metrics": ["errors"]}],
    "metrics": [{"id": "errors", "name": "Errors", "unit": "per 10k", "better": "lower",
                 "baseline": 42, "target": 25, "actual": 30, "value_per_unit": 30}],
    "audiences": [{"id": "pickers", "name": "Pickers", "headcount": 120, "gaps": {}}],
    "initiatives": [{"id": "pick", "title": "Pick Right", "format": "blended",
                     "audiences": ["pickers"], "objectives": ["o"],
                     "costs": [{"item": "Build", "amount": 6000, "kind": "one-off"}]}],
    "pilots": [{"id": "night", "initiative": "pick", "group": "Night shift", "participants": 20,
                "start": "2025-03-03", "end": "2025-05-30", "cost": 2500,
                "results": [{"metric": "errors", "per": "month", "before": 40, "after": 30,
                             "control_before": 41, "control_after": 40,
                             "isolation": 0.8, "confidence": 0.9}]}],
}


def make(**changes: Any) -> Strategy:
    """BASE with top-level sections replaced."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return Strategy.model_validate(data)


def edit(path: str, value: Any, data: dict | None = None) -> dict:
    """A copy of BASE (or `data`) with the value at a dotted path like 'pilots.0.cost' set."""
    data = copy.deepcopy(data or BASE)
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is _DELETE:
        del node[int(last) if last.isdigit() else last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return data


_DELETE = object()


# --- hand-worked examples ------------------------------------------------------------------

def test_a_result_worked_by_hand():
    r = compute_figures(make()).pilots["night"].results["errors"]
    assert r.improvement == 10            # lower is better: before − after = 40 − 30
    assert r.control_improvement == 1     # control_before − control_after = 41 − 40
    assert r.has_control
    assert r.attributable == pytest.approx(6.48)   # (10 − 1) × 0.8 × 0.9
    assert r.periods == 12                # per month
    assert r.pilot_annual_benefit == pytest.approx(2332.8)   # 6.48 × 12 × £30
    assert r.scale == 6                   # 120 pickers ÷ 20 participants
    assert r.rollout_annual_benefit == pytest.approx(13996.8)  # 2332.8 × 6
    assert (r.pilot_id, r.metric_id, r.index, r.per) == ("night", "errors", 0, "month")


def test_higher_is_better_counts_increases():
    data = edit("metrics.0.better", "higher")
    r = compute_figures(Strategy.model_validate(data)).pilots["night"].results["errors"]
    assert r.improvement == -10           # after − before = 30 − 40
    assert r.control_improvement == -1    # control_after − control_before = 40 − 41
    assert r.attributable == pytest.approx(-6.48)  # (−10 − −1) × 0.8 × 0.9


@pytest.mark.parametrize("per, periods", [("week", 52), ("month", 12), ("quarter", 4),
                                          ("year", 1)])
def test_periods_per_year(per, periods):
    data = edit("pilots.0.results.0.per", per)
    r = compute_figures(Strategy.model_validate(data)).pilots["night"].results["errors"]
    assert r.periods == periods
    assert r.pilot_annual_benefit == pytest.approx(6.48 * periods * 30)


def test_isolation_confidence_and_control_default():
    data = copy.deepcopy(BASE)
    result = data["pilots"][0]["results"][0]
    for key in ("control_before", "control_after", "isolation", "confidence"):
        del result[key]
    r = compute_figures(Strategy.model_validate(data)).pilots["night"].results["errors"]
    assert (r.control_improvement, r.has_control) == (0, False)
    assert (r.isolation, r.confidence) == (1, 1)
    assert r.attributable == 10           # (10 − 0) × 1 × 1
    assert r.pilot_annual_benefit == 3600  # 10 × 12 × £30


def test_pilot_benefit_and_roi():
    p = compute_figures(make()).pilots["night"]
    assert p.benefit == pytest.approx(2332.8)
    assert p.cost == 2500
    assert p.roi_pct == pytest.approx(-6.688)   # (2332.8 − 2500) ÷ 2500 × 100
    assert p.monetised and p.initiative_id == "pick"


def test_pilot_benefit_sums_only_monetised_results():
    data = copy.deepcopy(BASE)
    data["metrics"].append({"id": "speed", "name": "Speed", "unit": "lines/h",
                            "better": "higher", "baseline": 100, "target": 120})
    data["pilots"][0]["results"].append({"metric": "speed", "per": "week",
                                         "before": 100, "after": 110})
    p = compute_figures(Strategy.model_validate(data)).pilots["night"]
    assert list(p.results) == ["errors", "speed"]
    speed = p.results["speed"]
    assert speed.improvement == 10 and speed.attributable == 10
    assert speed.value_per_unit is None
    assert speed.pilot_annual_benefit is None and speed.rollout_annual_benefit is None
    assert p.benefit == pytest.approx(2332.8)   # only errors' benefit


def test_initiative_roll_out_worked_by_hand():
    i = compute_figures(make()).initiatives["pick"]
    assert i.headcount == 120
    assert (i.one_off, i.per_year, i.per_participant) == (6000, 0, 0)
    assert i.rollout_benefit == pytest.approx(13996.8)
    assert i.rollout_cost == 6000
    assert i.roi_pct == pytest.approx(133.28)            # (13996.8 − 6000) ÷ 6000 × 100
    assert i.bcr == pytest.approx(2.3328)                # 13996.8 ÷ 6000
    assert i.payback_months == pytest.approx(6000 / 1166.4)  # 6000 ÷ (13996.8 ÷ 12) ≈ 5.144
    assert i.break_even_share == pytest.approx(0.428669, rel=1e-5)  # 6000 ÷ 13996.8
    assert i.roi_pct_at_half == pytest.approx(16.64)     # (6998.4 − 6000) ÷ 6000 × 100
    assert [(r.pilot_id, r.metric_id) for r in i.results_used] == [("night", "errors")]
    assert i.pilot_ids == ("night",)


def test_fully_loaded_cost_worked_by_hand():
    data = copy.deepcopy(BASE)
    data["audiences"].append({"id": "packers", "name": "Packers", "headcount": 30, "gaps": {}})
    data["initiatives"][0]["audiences"] = ["pickers", "packers", "pickers"]  # counted once
    data["initiatives"][0]["costs"] = [
        {"item": "Build", "amount": 1000, "kind": "one-off"},
        {"item": "Licence", "amount": 500, "kind": "per-year"},
        {"item": "Time", "amount": 10, "kind": "per-participant"},
        {"item": "Kit", "amount": 5, "kind": "per-participant"},
    ]
    figures = compute_figures(Strategy.model_validate(data))
    i = figures.initiatives["pick"]
    assert i.headcount == 150                      # 120 + 30
    assert (i.one_off, i.per_year, i.per_participant) == (1000, 500, 15)
    assert i.rollout_cost == 3750                  # 1000 + 500 + (10 + 5) × 150
    r = figures.pilots["night"].results["errors"]
    assert r.scale == 7.5                          # 150 ÷ 20
    assert i.rollout_benefit == pytest.approx(2332.8 * 7.5)


def test_metric_progress_worked_by_hand():
    m = compute_figures(make()).metrics["errors"]
    assert m.progress_pct == pytest.approx(70.588235, rel=1e-6)  # (30 − 42) ÷ (25 − 42) × 100
    assert (m.baseline, m.target, m.actual, m.actual_given) == (42, 25, 30, True)


def test_progress_without_actual_is_zero():
    data = edit("metrics.0.actual", _DELETE)
    m = compute_figures(Strategy.model_validate(data)).metrics["errors"]
    assert (m.actual, m.actual_given, m.progress_pct) == (42, False, 0)
    assert m.progress_pct is not None and math.copysign(1, m.progress_pct) == 1   # 0, not −0, for a 'lower' metric


def test_helpers_worked_by_hand():
    assert roi_pct(150, 100) == 50        # (150 − 100) ÷ 100 × 100
    assert roi_pct(50, 100) == -50
    assert roi_pct(50, 0) is None
    assert payback_months(1200, 300) == 3  # 300 ÷ (1200 ÷ 12)
    assert payback_months(0, 300) is None
    assert payback_months(-5, 300) is None


# --- undefined cases never crash -------------------------------------------------------------

def test_target_equal_to_baseline_has_no_progress():
    data = edit("metrics.0.target", 42)
    assert compute_figures(Strategy.model_validate(data)).metrics["errors"].progress_pct is None


def test_cost_zero():
    data = edit("pilots.0.cost", 0)
    data["initiatives"][0]["costs"] = []
    f = compute_figures(Strategy.model_validate(data))
    assert f.pilots["night"].roi_pct is None
    i = f.initiatives["pick"]
    assert i.rollout_cost == 0
    assert (i.roi_pct, i.bcr, i.roi_pct_at_half) == (None, None, None)
    assert i.payback_months == 0          # nothing to pay back
    assert i.break_even_share == 0


def test_no_monetisable_metric():
    data = edit("metrics.0.value_per_unit", _DELETE)
    f = compute_figures(Strategy.model_validate(data))
    p = f.pilots["night"]
    assert p.benefit == 0 and not p.monetised
    assert p.roi_pct == -100              # (0 − 2500) ÷ 2500 × 100, flagged by `monetised`
    i = f.initiatives["pick"]
    assert i.results_used == () and i.rollout_benefit == 0
    assert i.payback_months is None and i.break_even_share is None
    assert i.roi_pct == -100 and i.bcr == 0


def test_negative_benefit():
    data = edit("pilots.0.results.0.after", 50)   # errors went up: 40 → 50
    f = compute_figures(Strategy.model_validate(data))
    r = f.pilots["night"].results["errors"]
    assert r.attributable == pytest.approx(-7.92)  # (−10 − 1) × 0.8 × 0.9
    i = f.initiatives["pick"]
    assert i.rollout_benefit < 0
    assert i.payback_months is None and i.break_even_share is None
    assert i.roi_pct is not None and i.roi_pct < -100


def test_initiative_without_pilots():
    f = compute_figures(make(pilots=[]))
    i = f.initiatives["pick"]
    assert (i.rollout_benefit, i.results_used, i.pilot_ids) == (0, (), ())
    assert f.pilots == {}


def test_empty_strategy():
    data = {k: v for k, v in BASE.items()
            if k not in ("objectives", "metrics", "audiences", "initiatives", "pilots")}
    f = compute_figures(Strategy.model_validate(data))
    assert (f.metrics, f.pilots, f.initiatives) == ({}, {}, {})
    assert figures_json(f) == {"currency": "GBP", "metrics": {}, "pilots": {},
                               "initiatives": {}}


def test_the_largest_numbers_a_strategy_may_hold_give_finite_figures():
    # 1.5e308 used to reach the figures and overflow; the model now stops it (E204), and
    # the largest numbers it lets through multiply without overflowing.
    huge = edit("metrics.0.value_per_unit", 1e308)
    with pytest.raises(ValidationError, match="the number is too large"):
        Strategy.model_validate(huge)
    data = edit("pilots.0.results.0.before", 1e12)
    data = edit("pilots.0.results.0.after", -1e12, data)
    data = edit("metrics.0.value_per_unit", 1e12, data)
    out = figures_json(compute_figures(Strategy.model_validate(data)))
    json.dumps(out, allow_nan=False)      # no NaN or Infinity
    assert out["pilots"]["night"]["results"]["errors"]["pilot_annual_benefit"] is not None


# --- the latest pilot wins ---------------------------------------------------------------------

def _pilot(pid: str, end: str, after: float) -> dict:
    pilot = copy.deepcopy(BASE["pilots"][0])
    pilot.update(id=pid, end=end)
    pilot["results"][0]["after"] = after
    return pilot


def test_latest_pilot_wins_and_ties_go_to_the_later_in_file():
    pilots = [_pilot("b", "2025-06-30", 35), _pilot("a", "2025-04-30", 30),
              _pilot("c", "2025-06-30", 32)]
    i = compute_figures(make(pilots=pilots)).initiatives["pick"]
    assert [r.pilot_id for r in i.results_used] == ["c"]
    assert i.pilot_ids == ("b", "a", "c")


# --- JSON -------------------------------------------------------------------------------------------

def test_json_has_the_contract_keys():
    out = figures_json(compute_figures(make()))
    assert list(out)[:4] == ["currency", "metrics", "pilots", "initiatives"]
    assert out["currency"] == "GBP"
    assert {"progress_pct"} <= set(out["metrics"]["errors"])
    pilot = out["pilots"]["night"]
    assert {"benefit", "cost", "roi_pct", "results"} <= set(pilot)
    assert {"improvement", "attributable", "pilot_annual_benefit",
            "rollout_annual_benefit"} <= set(pilot["results"]["errors"])
    assert {"rollout_benefit", "rollout_cost", "roi_pct", "bcr", "payback_months",
            "break_even_share", "roi_pct_at_half", "years",
            "horizon_roi_pct"} <= set(out["initiatives"]["pick"])
    assert out["initiatives"]["pick"]["roi_pct"] == pytest.approx(133.28)


def test_json_nulls_for_undefined_figures():
    data = edit("pilots.0.cost", 0)
    data = edit("metrics.0.target", 42, data)
    out = figures_json(compute_figures(Strategy.model_validate(data)))
    assert out["metrics"]["errors"]["progress_pct"] is None
    assert out["pilots"]["night"]["roi_pct"] is None


# --- invariants -----------------------------------------------------------------------------------------

readings = st.integers(min_value=-10_000, max_value=10_000)
# A strategy's numbers are 0 or at least 0.0001 (smaller ones are refused: E204).
fractions = st.just(0.0) | st.floats(min_value=1e-4, max_value=1)
money = st.floats(min_value=0.01, max_value=1e6)


def _one(before: int, after: int, control: tuple[int, int] | None, isolation: float | None,
         confidence: float | None, value: float | None, participants: int = 20,
         headcount: int = 120, better: str = "lower", cost: float = 6000) -> Strategy:
    data = copy.deepcopy(BASE)
    result: dict[str, Any] = {"metric": "errors", "per": "month", "before": before,
                              "after": after}
    if control is not None:
        result.update(control_before=control[0], control_after=control[1])
    if isolation is not None:
        result["isolation"] = isolation
    if confidence is not None:
        result["confidence"] = confidence
    data["pilots"][0]["results"] = [result]
    data["pilots"][0]["participants"] = participants
    data["audiences"][0]["headcount"] = headcount
    data["metrics"][0]["better"] = better
    data["initiatives"][0]["costs"] = [{"item": "All", "amount": cost, "kind": "one-off"}]
    if value is None:
        del data["metrics"][0]["value_per_unit"]
    else:
        data["metrics"][0]["value_per_unit"] = value
    return Strategy.model_validate(data)


@given(before=readings, after=readings, value=money, cost=money,
       better=st.sampled_from(["higher", "lower"]))
def test_roi_sign_follows_benefit_minus_cost(before, after, value, cost, better):
    i = compute_figures(_one(before, after, None, None, None, value, better=better,
                             cost=cost)).initiatives["pick"]
    difference = i.rollout_benefit - i.rollout_cost
    assert i.roi_pct is not None and i.bcr is not None  # every cost drawn is above 0
    assert (i.roi_pct > 0) == (difference > 0)
    assert (i.roi_pct < 0) == (difference < 0)
    assert (i.bcr > 1) == (difference > 0)


@given(before=readings, after=readings, value=money, headcount=st.integers(1, 10_000),
       k=st.integers(2, 50))
def test_roll_out_benefit_is_linear_in_headcount(before, after, value, headcount, k):
    small = compute_figures(_one(before, after, None, None, None, value,
                                 headcount=headcount)).initiatives["pick"]
    large = compute_figures(_one(before, after, None, None, None, value,
                                 headcount=headcount * k)).initiatives["pick"]
    assert large.rollout_benefit == pytest.approx(small.rollout_benefit * k, rel=1e-9, abs=1e-9)


@given(before=readings, after=readings, offset=readings, isolation=fractions,
       confidence=fractions, value=money, better=st.sampled_from(["higher", "lower"]))
def test_a_control_that_moved_as_much_leaves_nothing_attributable(
        before, after, offset, isolation, confidence, value, better):
    control = (before + offset, after + offset)
    f = compute_figures(_one(before, after, control, isolation, confidence, value,
                             better=better))
    r = f.pilots["night"].results["errors"]
    assert r.attributable == 0
    assert r.pilot_annual_benefit == 0 and r.rollout_annual_benefit == 0
    assert f.initiatives["pick"].rollout_benefit == 0


@given(before=readings, after=readings, control=st.none() | st.tuples(readings, readings),
       isolation=fractions, confidence=fractions, value=money)
def test_isolation_and_confidence_only_shrink_a_benefit(before, after, control, isolation,
                                                         confidence, value):
    full = compute_figures(_one(before, after, control, None, None, value))
    part = compute_figures(_one(before, after, control, isolation, confidence, value))
    r_full = full.pilots["night"].results["errors"]
    r_part = part.pilots["night"].results["errors"]
    assert abs(r_part.attributable) <= abs(r_full.attributable)
    assert r_part.pilot_annual_benefit is not None and r_full.pilot_annual_benefit is not None
    assert abs(r_part.pilot_annual_benefit) <= abs(r_full.pilot_annual_benefit) * (1 + 1e-12)
    assert (abs(part.initiatives["pick"].rollout_benefit)
            <= abs(full.initiatives["pick"].rollout_benefit) * (1 + 1e-12))
    # Shrinking never flips the sign.
    assert r_part.attributable * r_full.attributable >= 0


@settings(max_examples=60)
@given(ends=st.lists(st.integers(0, 30), min_size=1, max_size=6),
       afters=st.data())
def test_the_latest_pilot_wins_for_a_metric(ends, afters):
    start = date(2025, 1, 1)
    pilots = [_pilot(f"p{n}", (start + timedelta(days=e)).isoformat(),
                     afters.draw(readings)) for n, e in enumerate(ends)]
    f = compute_figures(make(pilots=pilots))
    winner = max(range(len(ends)), key=lambda n: (ends[n], n))
    used = f.initiatives["pick"].results_used
    assert [r.pilot_id for r in used] == [f"p{winner}"]
    assert f.initiatives["pick"].rollout_benefit == used[0].rollout_annual_benefit


@given(before=readings, after=readings, value=money, cost=money)
def test_sensitivity_agrees_with_roi(before, after, value, cost):
    i = compute_figures(_one(before, after, None, None, None, value,
                             cost=cost)).initiatives["pick"]
    if i.rollout_benefit <= 0:
        assert i.break_even_share is None and i.payback_months is None
        return
    assert i.break_even_share is not None and i.roi_pct is not None and i.roi_pct_at_half is not None
    assert i.break_even_share * i.rollout_benefit == pytest.approx(i.rollout_cost)
    # Needing more than the whole effect to break even is the same as losing money.
    if not math.isclose(i.break_even_share, 1):
        assert (i.break_even_share > 1) == (i.roi_pct < 0)
    # Half the effect never does better; it breaks even only if half covers the cost.
    assert i.roi_pct_at_half <= i.roi_pct
    assert (i.roi_pct_at_half > 0) == (i.rollout_benefit / 2 > i.rollout_cost)
