"""Actual against forecast: the improvement a roll-out forecast beside the one seen since it launched.

Pure: no I/O, no formatting. For an initiative with a `launch`, for each metric
its roll-out benefit counts (the result of the pilot that counts, compute.py):

    forecast = attributable × R      the roll-out improvement per `per` the figures assume
    observed = the metric's improvement, in its better direction, from the last
               history reading whose period ends before the launch (else the baseline)
               to the latest reading whose period starts on or after it

Only histories whose periods are all ISO periods (periods.py) can be placed
around the launch; a reading whose period spans the launch day is neither
before nor after it, and is left out. The observed change is everything that
moved the metric, not the learning's share: outputs label it "observed, not
isolated".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from buyin_cli.figures.direction import gain
from buyin_cli.figures.periods import parse_period
from buyin_cli.load.models import Metric, Strategy
from buyin_cli.records import dataclass

if TYPE_CHECKING:
    from buyin_cli.figures.compute import ResultFigures


@dataclass(frozen=True)
class Observed:
    """One metric of a launched roll-out: its forecast improvement and the improvement seen."""

    initiative_id: str
    metric_id: str
    pilot_id: str  # the pilot whose result the forecast comes from
    per: str  # the period one forecast improvement covers, as the pilot measured it
    forecast: float  # attributable × R
    launch: date
    before: float
    before_period: str | None  # None: the baseline, no reading ended before the launch
    after: float
    after_period: str
    observed: float  # after − before in the better direction (positive is better)


def observed_figures(strategy: Strategy, used: dict[str, Iterable[ResultFigures]]
                     ) -> dict[str, tuple[Observed, ...]]:
    """For each launched initiative (by id), its metrics with readings after the launch.

    `used`: each initiative's results that count (InitiativeFigures.results_used).
    """
    metrics = strategy.index.metrics
    out: dict[str, tuple[Observed, ...]] = {}
    for initiative in strategy.initiatives:
        if initiative.launch is None:
            continue
        found = []
        for result in used.get(initiative.id, ()):
            metric = metrics.get(result.metric_id)
            if metric is None or result.scale is None:
                continue
            seen = _seen(metric, initiative.launch)
            if seen is not None:
                found.append(Observed(initiative.id, metric.id, result.pilot_id, result.per,
                                      result.attributable * result.scale, initiative.launch,
                                      *seen))
        out[initiative.id] = tuple(found)
    return out


def _seen(metric: Metric, launch: date) -> tuple[float, str | None, float, str, float] | None:
    """(before, its period, after, its period, improvement) around `launch`, or None."""
    spans = [parse_period(r.period) for r in metric.history]
    if not spans or any(s is None for s in spans):
        return None
    dated = [(s, n, r) for n, (s, r) in enumerate(zip(spans, metric.history)) if s is not None]
    after = [x for x in dated if x[0].start >= launch]
    if not after:
        return None
    before = [x for x in dated if x[0].end < launch]
    last = max(after, key=lambda x: (x[0].end, x[1]))[2]
    first = max(before, key=lambda x: (x[0].end, x[1]))[2] if before else None
    start = float(first.value) if first else float(metric.baseline)
    change = gain(start, last.value, metric.better)
    return start, first.period if first else None, float(last.value), last.period, change + 0.0
