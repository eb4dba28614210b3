"""Objectives and their metrics for the view: where each number stands against its target."""

from __future__ import annotations

from collections.abc import Callable
from math import isfinite

from buyin_cli.figures.compute import Figures
from buyin_cli.figures.direction import moved as moved_from
from buyin_cli.figures.periods import Mark
from buyin_cli.load.models import Metric, Objective
from buyin_cli.load.sourcemap import TableSource
from buyin_cli.plan.agenda import State
from buyin_cli.present.build.own_words import has_period, is_percent
from buyin_cli.present.build.units import as_money, unit_view
from buyin_cli.present.numbers import Formatter, decimals_of
from buyin_cli.present.view import DataSourceView, MarkView, MetricView, ObjectiveView, Reading
from buyin_cli.review.heuristics import is_revenue, said_name


def metric_view(metric: Metric, figures: Figures, fmt: Formatter,
                marks: list[Mark] | None = None, history_from: TableSource | None = None,
                sizes: dict[str, tuple[int, int]] | None = None) -> MetricView:
    """`sizes`: each pilot's people and all its initiative reaches, by its group, for its mark."""
    size = sizes or {}
    f = figures.metrics[metric.id]
    now = f.actual
    gap_cost = f.gap_annual_cost if f.gap_annual_cost and isfinite(f.gap_annual_cost) else None  # 0 once met: unsaid
    moved = moved_from(metric.baseline, now)
    better: Callable[[float, float], bool] = (lambda a, b: a < b) if metric.better == "lower" else (
        lambda a, b: a > b)
    # The baseline, now and target are said in one line ("7.1 → 7.3 now → 8.0 target"): one
    # number of decimals for all of them, and for the distances between them.
    # Money, an average of it too ("€ je Auftrag"), keeps its cents: 38,50 €, not 38,5 €.
    money = unit_view(metric.unit, fmt).is_money
    places = as_money(max(decimals_of(v, 4) for v in (metric.baseline, metric.target, now)), money)

    # A reading on the chart says as many decimals as the line's others and the title ("3.0").
    read_to = as_money(max([places] + [decimals_of(h.value, 4) for h in metric.history]), money)

    def number(value: float) -> str:
        return fmt.number(value, places)

    return MetricView(
        id=metric.id, name=metric.name, unit=metric.unit, better=metric.better,
        is_percent=is_percent(metric.unit), unit_has_period=has_period(metric.unit),
        baseline=metric.baseline, target=metric.target, actual=metric.actual, now=now,
        baseline_text=number(metric.baseline), target_text=number(metric.target),
        actual_text=number(metric.actual) if metric.actual is not None else None,
        now_text=number(now),
        progress_pct=f.progress_pct,
        progress_text=(_progress(fmt, f.progress_pct) if f.progress_pct is not None
                       else fmt.not_available),
        moved=moved, moved_text=number(abs(now - metric.baseline)),
        improved=better(now, metric.baseline),
        gap_text=number(abs(metric.target - now)),
        reached=now == metric.target or better(now, metric.target),
        value_per_unit_text=(fmt.rate(metric.value_per_unit)
                             if metric.value_per_unit is not None else None),
        source=metric.source,
        history=[Reading(r.period, label, r.value, fmt.number(r.value, read_to)) for r, label in
                 zip(metric.history, fmt.period_axis([r.period for r in metric.history]))],
        marks=[MarkView(m.kind, m.label, m.start_position, m.end_position,
                        *((fmt.number(size[m.label][0]), fmt.number(size[m.label][1]))
                          if m.kind == "pilot" and m.label in size and size[m.label][0] < size[m.label][1]
                          else (None, None)))
               for m in marks or [] if m.start_position is not None],
        history_from=(DataSourceView(history_from.file, history_from.sheet,
                                     history_from.first_row, history_from.last_row)
                      if history_from is not None else None),
        gap_cost_text=fmt.money(gap_cost) if gap_cost is not None else None,
        per=metric.per,
        gap_forgoes=_forgoes(metric), places=read_to,
    )


def _progress(fmt: Formatter, pct: float) -> str:
    """How far a metric has come toward its target, as a slide says it: a whole percent (13%,
    not 13.3%), never 100% short of the target."""
    return fmt.percent(min(pct, 99.0) if 99.0 < pct < 100.0 else pct, 0)


def _forgoes(metric: Metric) -> str | None:
    """What a revenue metric's gap to target leaves unearned: the revenue itself when each unit
    is valued at 1 (W105), else the margin its value_per_unit puts on it."""
    if (metric.better != "higher" or metric.value_per_unit is None
            or not is_revenue(metric.name, metric.unit)):
        return None
    return "revenue" if metric.value_per_unit == 1 else "margin"


def objective_view(objective: Objective, metrics: dict[str, MetricView], state: State,
                   audience: tuple[str, ...] = ()) -> ObjectiveView:
    """`audience`: the stakeholder's name and role, to tell a goal they own themselves."""
    own = [metrics[m] for m in objective.metrics]
    # The lead metric, titled and charted: one whose gap costs money, before one with a history
    # to chart, before the first listed (a service level listed first would push the priced
    # complaints it drives out of the title).
    lead = max(own, key=lambda m: (m.gap_cost_text is not None, bool(m.history)))
    yours = objective.owner.strip().casefold() in {a.strip().casefold() for a in audience}
    # The owner as a sentence says a name ("Daniel Okafor" for "Okafor, Daniel"), as the deck names people.
    return ObjectiveView(state, objective.id, objective.title, said_name(objective.owner), objective.driver,
                         own, lead, yours)
