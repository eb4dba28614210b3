"""The roll-out after the decision: uptake against the sponsor's usage targets, and when the learning started.

Pure: no I/O, no formatting. For an initiative with `tracking`, each of the
sponsor's `usage_targets` is set against the reading of its period:

- Tracking readings are cumulative: how many of the audience have enrolled and
  completed by the end of the period. Completion is completed ÷ the audience's
  headcount (each audience counted once), as a target is a share of the audience.
- The reading for a target is the one of the same period (ISO periods compare as
  spans, so `2025-12` matches `2025-12`; other labels compare as text); failing
  that, when both are ISO periods, the latest reading inside the target's period
  (`2025-11` for `2025-Q4`). Readings whose period starts after `as_of` are not
  known yet and are left out.
- Status: `reached` when the completion meets the target. Short of it, `behind`
  once the target's period is over (or the reading is the period's own, its last
  word). While the period runs, the reading is held against the pace: a straight
  line from the previous target (or from 0 at the launch, else at the first
  reading's start) to this target at its period's end; at or above it is
  `on track`, below it `behind`. A target whose period has not started is judged
  the same way from the latest reading before it that lies on its pace's way (after
  the previous target); with none, it is `not due yet`. A target whose period has
  started or ended with no reading to judge it is `no reading`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from buyin_cli.figures.periods import Mark, Span, parse_period, place_events, same_period
from buyin_cli.load.models import Initiative, Metric, Strategy, UsageTarget
from buyin_cli.records import dataclass

Status = Literal["reached", "on track", "behind", "not due yet", "no reading"]


@dataclass(frozen=True)
class Uptake:
    """One tracking reading of a roll-out."""

    period: str
    enrolled: int
    completed: int
    completion: float  # completed ÷ headcount, 0–1 (above 1 if tracking counts more people)


@dataclass(frozen=True)
class TargetProgress:
    """One usage target against the reading that answers it."""

    period: str
    target: float  # the share of the audience to have completed, 0–1
    reading: Uptake | None  # the reading it is judged on, None when there is none
    expected: float | None  # the pace's share at that reading, when judged against the pace
    status: Status
    shortfall: float  # target − completion when short of the target (0–1), else 0
    over: bool  # the target's period ended before `as_of`


@dataclass(frozen=True)
class Rollout:
    """An initiative's roll-out: its launch, its uptake and each target's status, as of a day."""

    initiative_id: str
    title: str
    headcount: int
    launch: date | None
    as_of: date
    readings: tuple[Uptake, ...]  # as written, the ones known by `as_of`
    targets: tuple[TargetProgress, ...]  # in the sponsor's order

    @property
    def latest(self) -> Uptake | None:
        return self.readings[-1] if self.readings else None

    @property
    def behind(self) -> tuple[TargetProgress, ...]:
        """The targets the roll-out is behind on: what the deck says plainly."""
        return tuple(t for t in self.targets if t.status == "behind")


def rollout(strategy: Strategy, initiative: Initiative, as_of: date) -> Rollout:
    """The roll-out of `initiative` against the sponsor's usage targets, as known on `as_of`."""
    headcount = strategy.index.headcount(initiative)
    readings = []
    for r in initiative.tracking:
        span = parse_period(r.period)
        if span is None or span.start <= as_of:
            readings.append((Uptake(r.period, r.enrolled, r.completed,
                                    r.completed / headcount if headcount else 0.0), span))
    targets = strategy.sponsor.usage_targets if strategy.sponsor else []
    start = initiative.launch or next((s.start for _, s in readings if s is not None), None)
    progress = []
    for k, target in enumerate(targets):
        anchor = _previous_target(targets, k) or ((start, 0.0) if start else None)
        progress.append(_progress(target, readings, anchor, as_of))
    return Rollout(initiative.id, initiative.title, headcount, initiative.launch, as_of,
                   tuple(u for u, _ in readings), tuple(progress))


def rollouts(strategy: Strategy, as_of: date) -> dict[str, Rollout]:
    """The roll-out of every initiative that has launched or has tracking, by id in file order."""
    return {i.id: rollout(strategy, i, as_of) for i in strategy.initiatives
            if i.launch is not None or i.tracking}


def trend_marks(strategy: Strategy, metric: Metric) -> list[Mark] | None:
    """When each pilot that measured `metric` ran, and when each initiative behind it launched.

    Placed among the metric's history readings (periods.place_events), for the
    trend chart to mark; None when the history's periods are not all ISO periods.
    Initiatives count when one of their pilots measured the metric or one of their
    objectives tracks it.
    """
    objectives = {o.id for o in strategy.objectives if metric.id in o.metrics}
    piloted = [p for p in strategy.pilots if any(r.metric == metric.id for r in p.results)]
    events: list[tuple[str, str, date, date | None]] = [
        ("pilot", p.group, p.start, p.end) for p in piloted]
    behind = {p.initiative for p in piloted}
    events += [("launch", i.title, i.launch, None) for i in strategy.initiatives
               if i.launch is not None and (i.id in behind or objectives & set(i.objectives))]
    return place_events([r.period for r in metric.history], events)


def _previous_target(targets: list[UsageTarget], k: int) -> tuple[date, float] | None:
    """The end and share of the latest target that ends before target k, when they are ISO."""
    here = parse_period(targets[k].period)
    if here is None:
        return None
    earlier = [(span.end, t.completion) for t in targets
               if (span := parse_period(t.period)) is not None and span.end < here.end]
    return max(earlier) if earlier else None


def _progress(target: UsageTarget, readings: list[tuple[Uptake, Span | None]],
              anchor: tuple[date, float] | None, as_of: date) -> TargetProgress:
    span = parse_period(target.period)
    over = span is not None and span.end < as_of
    own = [(u, s) for u, s in readings if same_period(u.period, target.period)]
    inside = [(u, s) for u, s in readings if span and s and span.contains(s) and (u, s) not in own]
    before = [(u, s) for u, s in readings if span and s and s.end < span.start]
    # A reading before the period judges it only on the pace's way to it: after the anchor.
    before = [(u, s) for u, s in before if anchor is None or s.end > anchor[0]]
    chosen = own[-1:] or _latest(inside) or ([] if over else _latest(before))
    if not chosen:
        waiting = span is not None and as_of < span.start
        return TargetProgress(target.period, target.completion, None, None,
                              "not due yet" if waiting else "no reading", 0.0, over)
    reading, reading_span = chosen[0]
    shortfall = max(0.0, target.completion - reading.completion)
    if reading.completion >= target.completion:
        return TargetProgress(target.period, target.completion, reading, None, "reached",
                              0.0, over)
    if over or span is None or own or reading_span is None or anchor is None:
        return TargetProgress(target.period, target.completion, reading, None, "behind",
                              shortfall, over)
    expected = _pace(anchor, (span.end, target.completion), reading_span.end)
    status: Status = "on track" if reading.completion >= expected else "behind"
    return TargetProgress(target.period, target.completion, reading, expected, status,
                          shortfall, over)


def _latest(found: Sequence[tuple[Uptake, Span | None]]) -> list[tuple[Uptake, Span | None]]:
    """The reading that ends last (the later written on a tie), as a list of at most one."""
    if not found:
        return []
    order = {id(pair): n for n, pair in enumerate(found)}
    return [max(found, key=lambda pair: (pair[1].end if pair[1] else date.min, order[id(pair)]))]


def _pace(start: tuple[date, float], end: tuple[date, float], day: date) -> float:
    """The share expected on `day` on a straight line from `start` to `end` (held at the ends)."""
    (d0, v0), (d1, v1) = start, end
    if day <= d0 or d1 <= d0:
        return v0 if day <= d0 else v1
    return v0 + (v1 - v0) * min(1.0, (day - d0).days / (d1 - d0).days)
