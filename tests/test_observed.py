"""Actual against forecast: once a metric has readings after the launch, roi shows both."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.models import Strategy
from conftest import dump
from test_figures import BASE

HISTORY = [{"period": "2025-08", "value": 38}, {"period": "2025-09", "value": 36},
           {"period": "2025-10", "value": 34}, {"period": "2025-11", "value": 31},
           {"period": "2025-12", "value": 30}]


def data(launch: str | None = "2025-10-01", history=HISTORY) -> dict[str, Any]:
    d: dict[str, Any] = copy.deepcopy(BASE)
    if launch:
        d["initiatives"][0]["launch"] = launch
    d["metrics"][0]["history"] = copy.deepcopy(history)
    return d


def observed(d: dict[str, Any]):
    return compute_figures(Strategy.model_validate(d)).observed


def test_forecast_beside_the_improvement_seen_since_the_launch():
    [o] = observed(data())["pick"]
    # The pilot: (10 − 1) × 0.8 × 0.9 = 6.48 errors a month for 20 people; R = 120 ÷ 20.
    assert (o.pilot_id, o.per) == ("night", "month")
    assert o.forecast == pytest.approx(6.48 * 6)
    assert (o.before_period, o.before, o.after_period, o.after) == ("2025-09", 36, "2025-12", 30)
    assert o.observed == 6  # lower is better: 36 → 30 is 6 fewer errors


def test_a_reading_that_spans_the_launch_is_neither_before_nor_after():
    [o] = observed(data(launch="2025-10-15"))["pick"]
    assert (o.before_period, o.after_period) == ("2025-09", "2025-12")
    d = data(launch="2025-12-15")
    assert observed(d) == {"pick": ()}  # December started before the launch


def test_the_baseline_stands_in_when_no_reading_ended_before_the_launch():
    [o] = observed(data(launch="2025-08-01"))["pick"]
    assert (o.before_period, o.before, o.observed) == (None, 42, 12)


def test_nothing_is_observed_without_a_launch_or_an_iso_history():
    assert observed(data(launch=None)) == {}
    assert observed(data(history=[{"period": "Autumn", "value": 30}])) == {"pick": ()}


def test_roi_shows_both_labelled_observed_not_isolated(run, write):
    path = write("s.yaml", dump(data()))
    table = run("roi", path, env={"COLUMNS": "100"})
    assert table.exit_code == 0, table.output
    assert "Actual against forecast, since each launch" in table.stdout
    row = next(line for line in table.stdout.splitlines() if line.startswith("Pick Right: Errors"))
    assert " ".join(row.split()[-9:]) == "38.88 a month 6 36 (2025-09) to 30 (2025-12)"
    assert "observed, not isolated" in " ".join(table.stdout.split())
    figures = json.loads(run("roi", path, "--format", "json").stdout)
    assert figures["initiatives"]["pick"]["observed"] == [{
        "metric": "errors", "pilot": "night", "per": "month",
        "forecast_improvement": pytest.approx(38.88), "launch": "2025-10-01",
        "before": 36, "before_period": "2025-09", "after": 30, "after_period": "2025-12",
        "observed_improvement": 6, "isolated": False}]
    assert figures["initiatives"]["pick"]["roi_pct"] is not None  # the contract's keys stay


def test_roi_has_no_such_table_before_a_launch(run, write):
    path = write("s.yaml", dump(data(launch=None)))
    assert "Actual against forecast" not in run("roi", path).stdout


def test_a_launch_is_a_date():
    assert Strategy.model_validate(data()).initiatives[0].launch == date(2025, 10, 1)
