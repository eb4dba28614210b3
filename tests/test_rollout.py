"""The roll-out against the sponsor's usage targets, and the marks on a metric's trend chart."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from buyin_cli.figures.rollout import rollout, rollouts, trend_marks
from buyin_cli.load.models import Strategy
from test_figures import BASE


def strategy(tracking: list[dict[str, Any]], targets: list[tuple[str, float]],
             launch: str | None = "2025-10-01", **metric: Any) -> Strategy:
    data: dict[str, Any] = copy.deepcopy(BASE)
    data["sponsor"] = {"name": "Ana", "role": "COO", "quote": "Q",
                       "usage_targets": [{"period": p, "completion": c} for p, c in targets]}
    initiative = data["initiatives"][0]
    initiative["tracking"] = tracking
    if launch:
        initiative["launch"] = launch
    data["metrics"][0].update(metric)
    return Strategy.model_validate(data)


def reading(period: str, completed: int, enrolled: int = 120) -> dict[str, Any]:
    return {"period": period, "enrolled": enrolled, "completed": completed}


def statuses(s: Strategy, as_of: date) -> list[tuple[str, str, str | None]]:
    r = rollout(s, s.initiatives[0], as_of)
    return [(t.period, t.status, t.reading.period if t.reading else None) for t in r.targets]


def test_completion_is_a_share_of_the_audience_not_of_the_enrolled():
    s = strategy([reading("2025-10", 30, enrolled=40)], [("2025-10", 0.5)])
    r = rollout(s, s.initiatives[0], date(2025, 11, 5))
    assert r.headcount == 120
    assert r.latest.completion == 0.25
    target = r.targets[0]
    assert (target.status, target.shortfall, target.over) == ("behind", 0.25, True)
    assert r.behind == (target,)


def test_a_target_met_is_reached():
    s = strategy([reading("2025-10", 60)], [("2025-10", 0.5)])
    assert statuses(s, date(2025, 11, 5)) == [("2025-10", "reached", "2025-10")]


def test_the_latest_reading_inside_a_target_period_answers_it():
    s = strategy([reading("2025-10", 30), reading("2025-11", 50), reading("2025-12", 96)],
                 [("2025-Q4", 0.8)])
    assert statuses(s, date(2026, 1, 10)) == [("2025-Q4", "reached", "2025-12")]


def test_a_running_period_is_judged_against_the_pace():
    # From 0 at the launch (1 Oct) to 80% on 31 Dec: by 30 Nov the pace is 80% × 60/91.
    tracking = [reading("2025-10", 20), reading("2025-11", 66)]  # 55% ≥ 52.7%
    s = strategy(tracking, [("2025-Q4", 0.8)])
    r = rollout(s, s.initiatives[0], date(2025, 12, 5))
    target = r.targets[0]
    assert target.expected == pytest.approx(0.8 * 60 / 91)
    assert (target.status, target.reading.period) == ("on track", "2025-11")
    slow = strategy([reading("2025-10", 20), reading("2025-11", 40)], [("2025-Q4", 0.8)])
    assert statuses(slow, date(2025, 12, 5)) == [("2025-Q4", "behind", "2025-11")]


def test_the_pace_runs_from_the_previous_target():
    s = strategy([reading("2025-12", 60), reading("2026-01", 66)],
                 [("2025-12", 0.4), ("2026-03", 0.8)])
    r = rollout(s, s.initiatives[0], date(2026, 2, 10))
    later = r.targets[1]
    # From 40% on 31 Dec to 80% on 31 Mar (90 days): on 31 Jan, 40% + 40% × 31/90.
    assert later.expected == pytest.approx(0.4 + 0.4 * 31 / 90)
    assert (later.status, later.reading.period) == ("on track", "2026-01")  # 55% ≥ 53.8%
    assert r.targets[0].status == "reached"
    slow = strategy([reading("2025-12", 60), reading("2026-01", 62)],
                    [("2025-12", 0.4), ("2026-03", 0.8)])
    assert statuses(slow, date(2026, 2, 10))[1] == ("2026-03", "behind", "2026-01")  # 51.7%


def test_a_future_target_is_judged_from_the_latest_reading_before_it():
    s = strategy([reading("2025-10", 10)], [("2026-03", 0.8)])
    assert statuses(s, date(2025, 11, 20)) == [("2026-03", "behind", "2025-10")]


def test_a_target_with_no_reading():
    s = strategy([reading("2025-10", 10)], [("2025-09", 0.2)])
    assert statuses(s, date(2025, 11, 20)) == [("2025-09", "no reading", None)]


def test_readings_after_as_of_are_not_known_yet():
    s = strategy([reading("2025-10", 10), reading("2025-12", 100)], [("2025-12", 0.8)])
    r = rollout(s, s.initiatives[0], date(2025, 11, 20))
    assert [u.period for u in r.readings] == ["2025-10"]
    assert r.targets[0].status == "behind"


def test_labels_that_are_not_iso_match_by_text():
    s = strategy([reading("Autumn", 100)], [("Autumn", 0.8), ("Winter", 0.9)], launch=None)
    assert statuses(s, date(2025, 11, 20)) == [("Autumn", "reached", "Autumn"),
                                               ("Winter", "no reading", None)]


def test_only_initiatives_that_launched_or_track_have_a_roll_out():
    assert rollouts(strategy([], []), date(2025, 1, 1)).keys() == {"pick"}
    assert rollouts(strategy([], [], launch=None), date(2025, 1, 1)) == {}


def test_trend_marks_show_the_pilot_and_the_launch():
    history = [{"period": f"2025-{m:02d}", "value": 40 - m} for m in range(1, 12)]
    s = strategy([], [], launch="2025-10-01", history=history)
    marks = trend_marks(s, s.metrics[0])
    assert [(m.kind, m.label) for m in marks] == [("pilot", "Night shift"),
                                                  ("launch", "Pick Right")]
    assert marks is not None
    pilot, launch = marks
    assert pilot.start_position == pytest.approx(1.5 + 2 / 31)  # 3 March, in the third month
    assert pilot.end_position == pytest.approx(4.5 - 2 / 31)  # 30 May
    assert launch.start_position == 8.5  # the first day of October: its left edge


def test_no_trend_marks_on_a_category_axis():
    s = strategy([], [], history=[{"period": "Spring", "value": 40}])
    assert trend_marks(s, s.metrics[0]) is None


def test_a_target_after_the_next_one_is_not_due_yet():
    s = strategy([reading("2026-01", 66)], [("2026-03", 0.8), ("2026-06", 0.95)])
    # June's pace starts at March's target: a January reading says nothing about it yet.
    assert statuses(s, date(2026, 2, 10)) == [("2026-03", "on track", "2026-01"),
                                              ("2026-06", "not due yet", None)]
