"""Since we last met: what the previous meeting with a stakeholder decided, and what happened after.

Pure: no I/O, no formatting. For a briefing, the previous meeting is the other
briefing with the same stakeholder whose `outcome` was held before this
briefing's date (the latest held; on a tie, the later in file order). From it:

- the decisions taken, with each ask's text, in the order of the asks;
- the follow-ups agreed, each `done`, `open` or `overdue` (due before this
  briefing's date and not done), followed by follow-ups still not done from
  earlier meetings with the same stakeholder, so none drops out of sight;
- the roll-out of the initiatives concerned against the sponsor's targets, as of
  this briefing's date (rollout.py): every initiative the previous meeting's asks
  name (launched or not), or, when none names one, those that launched or track
  and serve this briefing's focus (all objectives when it has none);
- the metrics that moved since the meeting was held: for each metric whose history
  has a reading of a period that ends after the held date and starts by this
  briefing's date, the latest such reading against the last one that ended by the
  held date (else the baseline). Histories whose periods are not all ISO periods
  cannot be placed in time and are left out. A change of 0 is kept, as `flat`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from buyin_cli.figures.direction import Direction, direction, gain
from buyin_cli.figures.periods import parse_period
from buyin_cli.figures.rollout import Rollout, rollout
from buyin_cli.load.models import Briefing, FollowUp, Metric, Strategy, Verdict
from buyin_cli.records import dataclass

State = Literal["done", "open", "overdue"]


@dataclass(frozen=True)
class DecisionTaken:
    number: int  # the ask's number in its briefing, from 1
    ask: str  # the ask's text
    initiative_id: str | None  # the initiative the ask funds, if it names one
    decision: Verdict
    note: str | None


@dataclass(frozen=True)
class FollowUpState:
    action: str
    owner: str
    due: date
    done: bool
    state: State
    briefing_id: str  # the meeting that agreed it
    held: date  # the day that meeting was held
    index: int  # its place in that outcome's follow_ups


@dataclass(frozen=True)
class MetricMove:
    metric_id: str
    name: str
    unit: str
    better: str
    before: float
    before_period: str | None  # None: the baseline, no reading had ended by the meeting
    after: float
    after_period: str
    change: float  # after − before
    direction: Direction  # by the metric's `better`
    in_focus: bool  # the metric tracks one of the briefing's focus objectives


@dataclass(frozen=True)
class SinceLastMet:
    """What a briefing's "Since we last met" opening holds."""

    briefing_id: str
    previous_id: str
    held: date
    decisions: tuple[DecisionTaken, ...]
    follow_ups: tuple[FollowUpState, ...]
    rollouts: tuple[Rollout, ...]
    moved: tuple[MetricMove, ...]  # focus metrics first, then in file order

    @property
    def overdue(self) -> tuple[FollowUpState, ...]:
        return tuple(f for f in self.follow_ups if f.state == "overdue")


def previous_meeting(strategy: Strategy, briefing: Briefing,
                     meetings: list[Briefing] | None = None) -> Briefing | None:
    """The latest other meeting with the same stakeholder held before `briefing`'s date.

    `meetings`: the strategy's briefings with that stakeholder, in file order, when the caller has them.
    """
    held = [(b.outcome.held, n, b) for n, b in enumerate(strategy.briefings if meetings is None else meetings)
            if b.id != briefing.id and b.stakeholder == briefing.stakeholder
            and b.outcome is not None and b.outcome.held < briefing.date]
    return max(held, key=lambda item: item[:2])[2] if held else None


def follow_up_state(follow_up: FollowUp, as_of: date) -> State:
    """`done`; else `overdue` when due before `as_of`; else `open`."""
    if follow_up.done:
        return "done"
    return "overdue" if follow_up.due < as_of else "open"


def since_last_met(strategy: Strategy, briefing: Briefing) -> SinceLastMet | None:
    """The "Since we last met" of `briefing`; None when no earlier meeting with its stakeholder has an outcome."""
    previous = previous_meeting(strategy, briefing)
    if previous is None or previous.outcome is None:
        return None
    outcome = previous.outcome
    asks = previous.asks
    decisions = tuple(DecisionTaken(d.ask, asks[d.ask - 1].decision, asks[d.ask - 1].initiative,
                                    d.decision, d.note)
                      for d in sorted(outcome.decisions, key=lambda d: d.ask))
    return SinceLastMet(briefing.id, previous.id, outcome.held, decisions,
                        _follow_ups(strategy, briefing, previous),
                        _rollouts(strategy, briefing, previous),
                        metrics_moved(strategy, outcome.held, briefing.date, _focus(strategy, briefing)))


def metrics_moved(strategy: Strategy, held: date, until: date,
                  focus: set[str] | None = None) -> tuple[MetricMove, ...]:
    """Every metric with a reading after `held` (and started by `until`), against the last before it.

    `focus`: ids of the metrics to put first.
    """
    focus = focus or set()
    moves = [m for m in (_move(metric, held, until, metric.id in focus)
                         for metric in strategy.metrics) if m is not None]
    return tuple(sorted(moves, key=lambda m: not m.in_focus))


def _move(metric: Metric, held: date, until: date, in_focus: bool) -> MetricMove | None:
    spans = [s for r in metric.history if (s := parse_period(r.period)) is not None]
    if not spans or len(spans) < len(metric.history):
        return None
    dated = [(span, n, r) for n, (span, r) in enumerate(zip(spans, metric.history))]
    after = [x for x in dated if x[0].end > held and x[0].start <= until]
    if not after:
        return None
    before = [x for x in dated if x[0].end <= held]
    _, _, last = max(after, key=lambda x: (x[0].end, x[1]))
    first = max(before, key=lambda x: (x[0].end, x[1]))[2] if before else None
    start = first.value if first else metric.baseline
    change = last.value - start
    return MetricMove(metric.id, metric.name, metric.unit, metric.better, float(start),
                      first.period if first else None, float(last.value), last.period,
                      float(change) + 0.0,
                      direction(gain(start, last.value, metric.better)), in_focus)


def _follow_ups(strategy: Strategy, briefing: Briefing,
                previous: Briefing) -> tuple[FollowUpState, ...]:
    """The previous meeting's follow-ups, then the earlier meetings' that are still not done."""
    assert previous.outcome is not None
    states = [_state(previous, j, f, briefing.date)
              for j, f in enumerate(previous.outcome.follow_ups)]
    earlier = sorted(((b.outcome.held, n, b) for n, b in enumerate(strategy.briefings)
                      if b.stakeholder == briefing.stakeholder and b.outcome is not None
                      and b.outcome.held < previous.outcome.held),
                     key=lambda item: item[:2])
    for _, _, b in earlier:
        assert b.outcome is not None
        states += [_state(b, j, f, briefing.date) for j, f in enumerate(b.outcome.follow_ups)
                   if not f.done]
    return tuple(states)


def _state(meeting: Briefing, index: int, f: FollowUp, as_of: date) -> FollowUpState:
    assert meeting.outcome is not None
    return FollowUpState(f.action, f.owner, f.due, f.done, follow_up_state(f, as_of),
                         meeting.id, meeting.outcome.held, index)


def _rollouts(strategy: Strategy, briefing: Briefing, previous: Briefing) -> tuple[Rollout, ...]:
    named = {a.initiative for a in previous.asks if a.initiative}
    if named:  # every one, launched or not: "not launched yet" is news too
        chosen = [i for i in strategy.initiatives if i.id in named]
    else:
        objectives = set(briefing.focus) or {o.id for o in strategy.objectives}
        chosen = [i for i in strategy.initiatives if objectives & set(i.objectives)
                  and (i.launch is not None or i.tracking)]
    return tuple(rollout(strategy, i, briefing.date) for i in chosen)


def _focus(strategy: Strategy, briefing: Briefing) -> set[str]:
    """The ids of the metrics of the briefing's focus objectives (all objectives when none)."""
    objectives = set(briefing.focus) or {o.id for o in strategy.objectives}
    return {m for o in strategy.objectives if o.id in objectives for m in o.metrics}
