"""Since we last met: the previous meeting's decisions, follow-ups, roll-out and moved metrics."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from buyin_cli.figures.followup import follow_up_state, previous_meeting, since_last_met
from buyin_cli.load.models import FollowUp, Strategy
from test_figures import BASE


def briefing(id_: str, day: str, stakeholder: str = "coo", **extra: Any) -> dict[str, Any]:
    return {"id": id_, "stakeholder": stakeholder, "date": day, "minutes": 30,
            "opening_question": "Would fewer errors help?", **extra}


FIRST = briefing("first", "2025-09-09", asks=[
    {"decision": "Approve the roll-out of Pick Right", "initiative": "pick"},
    "Agree that the ops review tracks completion"],
    outcome={"held": "2025-09-10",
             "decisions": [{"ask": 2, "decision": "deferred", "note": "Q1"},
                           {"ask": 1, "decision": "approved"}],
             "follow_ups": [{"action": "Send the schedule", "owner": "Dana", "due": "2025-09-30",
                             "done": True},
                            {"action": "Book the trainers", "owner": "Dana", "due": "2025-10-15"},
                            {"action": "Report at the January review", "owner": "Dana",
                             "due": "2026-01-31"}]})


def strategy(*briefings: dict[str, Any], **metric: Any) -> Strategy:
    data: dict[str, Any] = copy.deepcopy(BASE)
    data["stakeholders"] = [{"id": s, "name": s.upper(), "role": "Leader"}
                            for s in ("coo", "cfo")]
    data["sponsor"] = {"name": "Ana", "role": "COO", "quote": "Q",
                       "usage_targets": [{"period": "2025-12", "completion": 0.5}]}
    data["initiatives"][0].update(launch="2025-10-06", tracking=[
        {"period": "2025-11", "enrolled": 90, "completed": 48}])
    data["metrics"][0].update(metric)
    data["briefings"] = copy.deepcopy(list(briefings))
    return Strategy.model_validate(data)


NEXT = briefing("next", "2025-12-02", asks=["Approve the second wave"])


def test_no_since_without_an_earlier_outcome():
    s = strategy(briefing("only", "2025-09-09", asks=["Approve it"]), NEXT)
    assert since_last_met(s, s.briefings[1]) is None
    both = strategy(FIRST, NEXT)
    assert since_last_met(both, both.briefings[0]) is None  # the first meeting has no past


def test_the_previous_meeting_is_the_latest_held_with_the_same_stakeholder():
    other = briefing("cfo-one", "2025-11-01", stakeholder="cfo", asks=["Approve it"],
                     outcome={"held": "2025-11-01"})
    later = {**copy.deepcopy(FIRST), "id": "second", "date": "2025-11-10",
             "outcome": {"held": "2025-11-12"}}
    s = strategy(FIRST, other, later, NEXT)
    assert previous_meeting(s, s.briefings[3]).id == "second"
    assert previous_meeting(s, s.briefings[2]).id == "first"  # held before its date


def test_decisions_come_in_the_order_of_the_asks_with_their_text():
    s = strategy(FIRST, NEXT)
    since = since_last_met(s, s.briefings[1])
    assert (since.previous_id, since.held) == ("first", date(2025, 9, 10))
    assert [(d.number, d.decision, d.ask, d.initiative_id, d.note) for d in since.decisions] == [
        (1, "approved", "Approve the roll-out of Pick Right", "pick", None),
        (2, "deferred", "Agree that the ops review tracks completion", None, "Q1")]


def test_follow_ups_are_done_open_or_overdue_as_of_the_briefing():
    s = strategy(FIRST, NEXT)
    since = since_last_met(s, s.briefings[1])
    assert [(f.action, f.state) for f in since.follow_ups] == [
        ("Send the schedule", "done"), ("Book the trainers", "overdue"),
        ("Report at the January review", "open")]
    assert [f.action for f in since.overdue] == ["Book the trainers"]


def test_open_follow_ups_of_earlier_meetings_are_carried_forward():
    second = briefing("second", "2025-11-10", asks=["Approve it"],
                      outcome={"held": "2025-11-10", "follow_ups": [
                          {"action": "Share the results", "owner": "Dana", "due": "2025-11-30"}]})
    s = strategy(FIRST, second, NEXT)
    since = since_last_met(s, s.briefings[2])
    assert [(f.briefing_id, f.action, f.state) for f in since.follow_ups] == [
        ("second", "Share the results", "overdue"),
        ("first", "Book the trainers", "overdue"),
        ("first", "Report at the January review", "open")]


def test_the_roll_out_of_the_initiatives_the_asks_named():
    s = strategy(FIRST, NEXT)
    [rollout] = since_last_met(s, s.briefings[1]).rollouts
    assert rollout.initiative_id == "pick"
    # 48 of 120 by 30 November; the pace from the launch (6 Oct) to 50% by 31 Dec is 32%.
    assert [(t.period, t.status) for t in rollout.targets] == [("2025-12", "on track")]
    assert rollout.targets[0].reading.completion == 0.4


def test_metrics_moved_since_the_meeting_was_held():
    history = [{"period": "2025-08", "value": 33}, {"period": "2025-09", "value": 32},
               {"period": "2025-10", "value": 29}, {"period": "2025-11", "value": 27},
               {"period": "2026-01", "value": 20}]  # not started by the next briefing
    s = strategy(FIRST, NEXT, history=history)
    [move] = since_last_met(s, s.briefings[1]).moved
    # 2025-09 ends after 10 September: the last reading known then is August's.
    assert (move.before_period, move.before, move.after_period, move.after) == (
        "2025-08", 33, "2025-11", 27)
    assert (move.change, move.direction, move.in_focus) == (-6, "good", True)


def test_a_metric_moving_the_wrong_way_is_bad_and_the_baseline_stands_in():
    s = strategy(FIRST, NEXT, history=[{"period": "2025-11", "value": 45}])
    [move] = since_last_met(s, s.briefings[1]).moved
    assert (move.before_period, move.before, move.direction) == (None, 42, "bad")


def test_histories_not_in_iso_periods_are_left_out():
    s = strategy(FIRST, NEXT, history=[{"period": "Autumn", "value": 30}])
    assert since_last_met(s, s.briefings[1]).moved == ()


def test_follow_up_state():
    f = FollowUp(action="A", owner="O", due=date(2025, 10, 1))
    assert follow_up_state(f, date(2025, 10, 1)) == "open"  # due today is not yet late
    assert follow_up_state(f, date(2025, 10, 2)) == "overdue"
    assert follow_up_state(f.model_copy(update={"done": True}), date(2026, 1, 1)) == "done"


def test_the_bundled_example_one_meeting_later():
    from pathlib import Path

    from buyin_cli.load.strategy import load_strategy

    example = Path(__file__).parents[1] / "examples" / "northwind-one-meeting-later"
    s = load_strategy(example).strategy
    january = next(b for b in s.briefings if b.id == "coo-january-review")
    since = since_last_met(s, january)
    assert (since.previous_id, since.held) == ("coo-briefing", date(2025, 9, 16))
    assert [d.decision for d in since.decisions] == ["approved", "deferred", "changed"]
    assert [f.state for f in since.follow_ups] == ["done", "done", "overdue", "open"]
    safe_hands = since.rollouts[0]
    assert [(t.period, t.status) for t in safe_hands.targets] == [
        ("2025-12", "behind"), ("2026-03", "on track"), ("2026-06", "not due yet")]
    scrap = next(m for m in since.moved if m.metric_id == "scrap-rework")
    assert (scrap.before, scrap.after, scrap.direction) == (4610, 4420, "good")
