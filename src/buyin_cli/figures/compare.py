"""What changed between two versions of a strategy, in the terms a manager asks about.

Pure: no I/O, no formatting. `compare` sets an earlier version against a later
one and lists, each in file order of the later version:

- metrics whose latest reading moved (`actual`, else the last history reading;
  a first reading moves from the baseline), good or bad by `better`, with the
  history periods added, and those whose reading was revised;
- metrics, initiatives, pilots and briefings added or removed; results added to
  a pilot that was there before;
- each initiative's ROI, payback, benefit and cost that changed as the outputs
  write them (to 0.1 % and 0.1 month, money to whole units), good or bad;
- asks added, removed or reworded; decisions recorded or changed; meetings
  held; follow-ups agreed, done or reopened;
- launches set and tracking readings added.

The records are in changes.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from buyin_cli.figures.causes import causes
from buyin_cli.figures.changes import (
    AskChange,
    Comparison,
    DecisionChange,
    FigureChange,
    FollowUpChange,
    ItemChange,
    Launched,
    MeetingHeld,
    MetricMoved,
    ResultAdded,
    UptakeAdded,
)
from buyin_cli.figures.compute import Figures, compute_figures
from buyin_cli.figures.direction import direction, gain
from buyin_cli.load.models import Briefing, Metric, Strategy, Verdict

# How each figure is rounded when shown, and whether more of it is better.
FIGURES = {"roi_pct": (1, True), "payback_months": (1, False), "rollout_benefit": (0, True),
           "rollout_cost": (0, False)}


def compare(old: Strategy, new: Strategy, since: str, until: str) -> Comparison:
    """What changed from `old` (named `since`) to `new` (named `until`)."""
    return Comparison(
        since, until, new.currency, new.locale,
        metrics=tuple(_metrics(old, new)),
        items=tuple(_items(old, new)),
        results=tuple(_results(old, new)),
        figures=tuple(_figures(compute_figures(old), compute_figures(new), old, new)),
        asks=tuple(_asks(old, new)),
        decisions=tuple(_decisions(old, new)),
        held=tuple(MeetingHeld(b.id, b.outcome.held) for b, was in _pairs(old, new, "briefings")
                   if b.outcome and (was.outcome is None or was.outcome.held != b.outcome.held)),
        follow_ups=tuple(_follow_ups(old, new)),
        launches=tuple(Launched(i.id, i.title, was.launch, i.launch)
                       for i, was in _pairs(old, new, "initiatives") if i.launch != was.launch),
        uptake=tuple(_uptake(old, new)),
    )


def latest_reading(metric: Metric) -> float | None:
    """The metric's latest reading: `actual`, else the last of its history."""
    if metric.actual is not None:
        return float(metric.actual)
    return float(metric.history[-1].value) if metric.history else None


def _pairs(old: Strategy, new: Strategy, section: str) -> list[tuple[Any, Any]]:
    """(item in the later version, the same id's item in the earlier) for ids in both."""
    before = getattr(old.index, section)
    return [(item, before[item.id]) for item in getattr(new, section) if item.id in before]


def _metrics(old: Strategy, new: Strategy) -> Iterator[MetricMoved]:
    for metric, was in _pairs(old, new, "metrics"):
        before, after = latest_reading(was), latest_reading(metric)
        if before is None and after is not None:  # the first reading: a move from the baseline
            before = float(was.baseline)
        known = {r.period: r.value for r in was.history}
        added = tuple(r.period for r in metric.history if r.period not in known)
        # A system's export may correct a past month (an incident reported late).
        revised = tuple(r.period for r in metric.history
                        if r.period in known and known[r.period] != r.value)
        if before == after and not added and not revised:
            continue
        gained = 0.0 if before is None or after is None else gain(before, after, metric.better)
        yield MetricMoved(metric.id, metric.name, metric.unit, metric.better, before, after,
                          direction(gained), added, revised)


_LABELS = {"metrics": "name", "initiatives": "title", "pilots": "group", "briefings": "id"}


def _items(old: Strategy, new: Strategy) -> Iterator[ItemChange]:
    for section, label in _LABELS.items():
        before = {item.id for item in getattr(old, section)}
        after = {item.id for item in getattr(new, section)}
        for item in getattr(new, section):
            if item.id not in before:
                detail = tuple(r.metric for r in item.results) if section == "pilots" else ()
                yield ItemChange(section, item.id, getattr(item, label), "added", detail)
        for item in getattr(old, section):
            if item.id not in after:
                yield ItemChange(section, item.id, getattr(item, label), "removed")


def _results(old: Strategy, new: Strategy) -> Iterator[ResultAdded]:
    metrics = new.index.metrics
    for pilot, was in _pairs(old, new, "pilots"):
        measured = {r.metric for r in was.results}
        for result in pilot.results:
            if result.metric not in measured:
                yield ResultAdded(pilot.id, pilot.group, result.metric,
                                  metrics[result.metric].name)


def _figures(old: Figures, new: Figures, old_strategy: Strategy,
             strategy: Strategy) -> Iterator[FigureChange]:
    for initiative in strategy.initiatives:
        if initiative.id not in old.initiatives:
            continue
        was, now = old.initiatives[initiative.id], new.initiatives[initiative.id]
        why = None  # found once per initiative, and only when a figure moved
        for name, (places, more_is_better) in FIGURES.items():
            before, after = getattr(was, name), getattr(now, name)
            shown = [None if v is None else round(v, places) for v in (before, after)]
            if shown[0] == shown[1]:
                continue
            if shown[0] is None or shown[1] is None:
                # A payback that appears is good, one that never comes bad; an ROI that
                # appears or goes (a cost of 0) has no direction.
                gained = 0.0 if name != "payback_months" else 1.0 if shown[1] is not None else -1.0
            else:
                gained = gain(shown[0], shown[1], "higher" if more_is_better else "lower")
            if why is None:
                why = causes(old_strategy, strategy, initiative.id)
            yield FigureChange(initiative.id, initiative.title, name, before, after,
                               direction(gained), why)


def _asks(old: Strategy, new: Strategy) -> Iterator[AskChange]:
    for briefing, was in _pairs(old, new, "briefings"):
        for n in range(max(len(briefing.asks), len(was.asks))):
            before = was.asks[n].decision if n < len(was.asks) else None
            after = briefing.asks[n].decision if n < len(briefing.asks) else None
            if before != after:
                change: Literal["added", "removed", "reworded"] = (
                    "added" if before is None else "removed" if after is None else "reworded")
                yield AskChange(briefing.id, n + 1, before, after, change)


_UNDECIDED: tuple[None, None] = (None, None)  # no decision recorded on an ask, nor a note


def _decided(briefing: Briefing) -> dict[int, tuple[Verdict, str | None]]:
    outcome = briefing.outcome
    return {d.ask: (d.decision, d.note) for d in outcome.decisions} if outcome else {}


def _decisions(old: Strategy, new: Strategy) -> Iterator[DecisionChange]:
    before_ids = old.index.briefings
    for briefing in new.briefings:
        was = _decided(before_ids[briefing.id]) if briefing.id in before_ids else {}
        now = _decided(briefing)
        for number in sorted(set(was) | set(now)):
            before, after = was.get(number, _UNDECIDED), now.get(number, _UNDECIDED)
            if before[0] != after[0]:
                ask = briefing.asks[number - 1].decision if number <= len(briefing.asks) else ""
                yield DecisionChange(briefing.id, number, ask, before[0], after[0], after[1])


def _follow_ups(old: Strategy, new: Strategy) -> Iterator[FollowUpChange]:
    before_ids = old.index.briefings
    for briefing in new.briefings:
        was = before_ids.get(briefing.id)
        earlier = {f.action: f for f in (was.outcome.follow_ups if was and was.outcome else [])}
        later = briefing.outcome.follow_ups if briefing.outcome else []
        for f in later:
            prior = earlier.get(f.action)
            change: Literal["added", "done", "reopened"] | None = (
                "added" if prior is None else "done" if f.done and not prior.done
                else "reopened" if prior.done and not f.done else None)
            if change:
                yield FollowUpChange(briefing.id, f.action, f.owner, f.due, f.done, change)
        for action, f in earlier.items():
            if action not in {x.action for x in later}:
                yield FollowUpChange(briefing.id, action, f.owner, f.due, f.done, "removed")


def _uptake(old: Strategy, new: Strategy) -> Iterator[UptakeAdded]:
    for initiative, was in _pairs(old, new, "initiatives"):
        known = {(r.period, r.enrolled, r.completed) for r in was.tracking}
        headcount = new.index.headcount(initiative)
        for r in initiative.tracking:
            if (r.period, r.enrolled, r.completed) not in known:
                yield UptakeAdded(initiative.id, initiative.title, r.period, r.enrolled,
                                  r.completed, headcount,
                                  r.completed / headcount if headcount else 0.0)
