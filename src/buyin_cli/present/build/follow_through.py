"""Follow-through for the view: since we last met, the roll-outs against target, what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from buyin_cli.figures.direction import Direction, moved
from buyin_cli.figures.followup import DecisionTaken, SinceLastMet
from buyin_cli.figures.rollout import Rollout
from buyin_cli.plan.agenda import State
from buyin_cli.present.build.own_words import is_percent
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.view import (
    ChangesView,
    DecisionTakenView,
    FigureChangeView,
    FollowUpView,
    LaunchView,
    MoveView,
    RolloutView,
    SinceView,
    TargetStatusView,
    UptakeView,
)

if TYPE_CHECKING:  # what changed is built only for brief --since
    from buyin_cli.figures.changes import Comparison


def since_view(since: SinceLastMet, fmt: Formatter, state: State) -> SinceView:
    return SinceView(
        held_text=fmt.date(since.held),
        decisions=[_decision(d) for d in since.decisions],
        follow_ups=[FollowUpView(f.action, f.owner, fmt.date(f.due), f.state)
                    for f in since.follow_ups],
        rollouts=[rollout_view(r, fmt) for r in since.rollouts],
        moved=[_move(m.name, m.unit, m.before, m.after, m.after_period, m.direction, fmt)
               for m in since.moved],
        state=state)


def rollout_view(r: Rollout, fmt: Formatter) -> RolloutView:
    def share(value: float | None) -> str | None:
        return fmt.percent(value * 100, 0) if value is not None else None

    targets = [TargetStatusView(t.period, fmt.period(t.period), t.target, fmt.percent(t.target * 100, 0),
                                t.reading.completion if t.reading else None,
                                share(t.reading.completion) if t.reading else None, t.status,
                                t.reading.completion if t.reading and t.status != "not due yet"
                                else None)
               for t in r.targets]
    latest = r.latest
    return RolloutView(
        title=r.title, launch_text=fmt.date(r.launch) if r.launch else None,
        headcount_text=fmt.number(r.headcount),
        completed_text=fmt.number(latest.completed) if latest else None,
        completion_text=share(latest.completion) if latest else None,
        latest_period=latest.period if latest else None,
        latest_period_text=fmt.period(latest.period) if latest else None,
        targets=targets, behind=[t for t in targets if t.status == "behind"])


def changes_view(c: Comparison, fmt: Formatter) -> ChangesView:
    def money_or_number(figure: str, value: float | None) -> str:
        if value is None:
            return fmt.not_available
        if figure == "roi_pct":
            return fmt.percent(value)
        if figure == "payback_months":
            return fmt.number(value, 1)
        return fmt.money(value)

    return ChangesView(
        since=c.since,
        moved=[_move(m.name, m.unit, m.before, m.after, (m.new_readings or (None,))[-1],
                     m.direction, fmt) for m in c.metrics if m.before is not None and m.after is not None],
        pilots_added=[i.label for i in c.items if i.section == "pilots" and i.change == "added"],
        results_added=[f"{r.group}: {r.metric_name}" for r in c.results],
        figures=[FigureChangeView(f.title, f.figure, money_or_number(f.figure, f.before),
                                  money_or_number(f.figure, f.after), f.direction) for f in c.figures],
        decisions=[DecisionTakenView(d.number, d.ask, d.after, d.note) for d in c.decisions if d.after],
        launches=[LaunchView(x.title, fmt.date(x.after)) for x in c.launches if x.after is not None],
        uptake=[UptakeView(u.title, fmt.percent(u.completion * 100, 0), fmt.number(u.headcount),
                           fmt.period(u.period)) for u in c.uptake])


def _decision(d: DecisionTaken) -> DecisionTakenView:
    return DecisionTakenView(d.number, d.ask, d.decision, d.note)


def _move(name: str, unit: str, before: float, after: float, period: str | None, direction: Direction,
          fmt: Formatter) -> MoveView:
    return MoveView(name, unit, is_percent(unit), fmt.number(before), fmt.number(after), period,
                    fmt.number(abs(after - before)), moved(before, after), direction)

