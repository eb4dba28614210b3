"""Pilots for the view: each result against its comparison group, paged two results to a slide."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, TypeVar

from buyin_cli.figures.chain import Level
from buyin_cli.figures.compute import Figures, ResultFigures
from buyin_cli.figures.direction import moved
from buyin_cli.load.models import Metric, Pilot, Result
from buyin_cli.load.units import in_period, is_tiny, read_unit, without_scope
from buyin_cli.plan.agenda import State
from buyin_cli.plan.minutes import CHARTS_PER_SLIDE
from buyin_cli.plan.results import result_order
from buyin_cli.present.build.own_words import has_period, is_level, is_percent, short_name
from buyin_cli.present.build.units import as_money, unit_view
from buyin_cli.present.numbers import Formatter, decimals_of
from buyin_cli.present.view import (
    BehaviourView,
    LevelView,
    ObjectionView,
    PilotPage,
    PilotView,
    QuoteView,
    ResultView,
    WorkedResult,
)

W = TypeVar("W", bound=WorkedResult)

def worked(kind: type[W], result: Result, f: ResultFigures, metric: Metric, fmt: Formatter,
           whole: float, own_benefit: float | None, in_working: bool = True, **own: Any) -> W:
    """A result's working, written once for the evidence slide and for an initiative's working:
    `kind` (ResultView, WorkingLine) with its `own` fields besides; `own_benefit` is its part of
    `whole`, the benefit it is counted in (the pilot's, or the initiative's roll-out). Its
    readings are the pilot group's: its unit leaves off the metric's scope ("all stores").
    `in_working`: an initiative's working writes it, so its credit is said as written there."""
    money = unit_view(metric.unit, fmt).is_money

    def exact(value: float) -> str:
        return as_worked(fmt, value, money)

    return kind(
        unit_kind=read_unit(metric.unit).kind,
        tiny=is_tiny(metric.unit, result.before, result.after),
        benefit_share_text=(fmt.share(own_benefit / whole) if own_benefit is not None and whole > 0
                            else None),
        metric=metric.name, unit=in_period(without_scope(metric.unit), f.per), better=metric.better,
        is_percent=is_percent(metric.unit),
        unit_has_period=has_period(metric.unit), per=f.per, source=metric.source,
        has_control=f.has_control, has_trend=f.has_trend,
        improvement_text=exact(f.improvement),
        control_improvement_text=exact(f.control_improvement),
        beyond_control_text=exact(f.improvement - f.control_improvement),
        isolation_given=result.isolation is not None,
        confidence_given=result.confidence is not None,
        isolation=f.isolation, confidence=f.confidence,
        isolation_text=share_text(fmt, f.isolation), confidence_text=share_text(fmt, f.confidence),
        attributable_text=exact(f.attributable), periods=f.periods,
        attributable_said=said(fmt, f.attributable, result, in_working, money),
        # Said on slides and in notes to one decimal, as every output rounds a percentage (32.8%
        # for the mean of participants' estimates); the working keeps what it multiplies (32.75%).
        # Where a title states the same share (a handful of events), result_view says it as the title.
        isolation_said=share_text(fmt, f.isolation, 1), confidence_said=share_text(fmt, f.confidence, 1),
        value_per_unit_text=fmt.rate(f.value_per_unit) if f.value_per_unit is not None else None,
        pilot_annual_benefit_text=(fmt.money(f.pilot_annual_benefit)
                                   if f.pilot_annual_benefit is not None else None),
        scale_text=fmt.number(f.scale, 1) if f.scale is not None else None,
        rollout_annual_benefit_text=(fmt.money(f.rollout_annual_benefit)
                                     if f.rollout_annual_benefit is not None else None),
        estimates=len(f.estimates),
        at_face_value=f.value_per_unit == 1 and money,
        margin_text=(share_text(fmt, f.value_per_unit) if money and f.value_per_unit is not None
                     and 0 < f.value_per_unit < 1 else None), **own)


def share_text(fmt: Formatter, fraction: float, places: int = 2) -> str:
    """A fraction as a percentage as precise as the working needs to multiply out: 27.5%, not
    28% (up to two places: 14.09% for 0.140868; `places`, at most that many)."""
    pct = round(fraction * 100, 6)
    return fmt.percent(pct, decimals_of(pct, places))


def share_said(fmt: Formatter, fraction: float) -> str:
    """A share as the deck says it in words, a title and its notes alike: whole from 10% up, as a
    title rounds a percentage (34%, never 34.3%), to one decimal under it (7.5%)."""
    return share_text(fmt, fraction, 1 if abs(fraction) < 0.1 else 0)


def as_worked(fmt: Formatter, value: float, money: bool) -> str:
    """A figure of the working as it multiplies out (0.996 leavers); money with its cents ("6,30 €")."""
    return fmt.number(value, as_money(decimals_of(round(value, 4), 4), money))


def said(fmt: Formatter, value: float, result: Result, in_working: bool, money: bool = False) -> str:
    """A figure worked out from a result's readings, said to no more decimals than the readings
    (0.3 for 0.294 beside 5.9 → 6.6), or to one significant figure where that would round it
    away (0.2 for 0.18 beside 2 → 1), as a title rounds it. `in_working`: an initiative's
    working writes it too, so it is said as written there (0.996 leavers, never 1.00). `money`:
    it is written as money, with its cents where it has any."""
    if in_working:
        return as_worked(fmt, value, money)
    shown = max(decimals_of(v, 4) for v in (result.before, result.after, result.control_before,
                                           result.control_after) if v is not None)
    if value and round(abs(value), shown) == 0:
        shown = -math.floor(math.log10(abs(value)))
    return fmt.number(value, as_money(min(shown, decimals_of(value, 4)), money))


def reading_places(result: Result, metric: Metric, fmt: Formatter) -> int:
    """The one number of decimals a result's readings are written to wherever they are said
    (3.0 → 1.8 on its slide, in its working and in a caveat alike), money with its cents."""
    return as_money(max(decimals_of(v, 4) for v in (result.before, result.after, result.control_before,
                                                   result.control_after) if v is not None),
                    unit_view(metric.unit, fmt).is_money)


def result_view(result: Result, f: ResultFigures, metric: Metric, fmt: Formatter,
                pilot_benefit: float = 0.0, in_working: bool = False) -> ResultView:
    """A result on its evidence slide; a handful of events credited by participants' estimates
    alone has its title say their mean as the share of the change credited (34%, as a title
    rounds it), so its foot and notes say it so too, never 34.3% beside it; only the working
    keeps what it multiplies by (34.33%)."""
    view = _result_view(result, f, metric, fmt, pilot_benefit, in_working)
    if view.tiny and view.estimates and not f.has_control and not f.has_trend and view.credited_share_text:
        return replace(view, isolation_said=view.credited_share_text)
    return view


def _result_view(result: Result, f: ResultFigures, metric: Metric, fmt: Formatter, pilot_benefit: float,
                 in_working: bool) -> ResultView:
    # The readings are said in one line ("24.0 → 21.0; the comparison group went 23.0 → 22.5"):
    # one number of decimals for all of them and the changes between them. A trend's projection
    # is worked out, not read: said to the readings' decimals, never lending them its own.
    places = reading_places(result, metric, fmt)

    def opt(value: float | None) -> str | None:
        return fmt.number(value, places) if value is not None else None

    def pct(before: float, after: float) -> str | None:
        return fmt.percent(abs(after - before) / abs(before) * 100, 0) if before else None

    c_before, c_after = result.control_before, result.control_after
    shown = f.improvement - (f.control_improvement if f.has_control else 0.0)  # what the title implies
    # The comparison group's two readings, when the figures used them.
    control = (c_before, c_after) if f.has_control and c_before is not None and c_after is not None else None
    return worked(
        ResultView, result, f, metric, fmt, pilot_benefit, f.pilot_annual_benefit, in_working,
        metric_id=metric.id, is_level=is_level(metric.unit),
        before=result.before, after=result.after,
        control_before=result.control_before, control_after=result.control_after,
        before_text=fmt.number(result.before, places), after_text=fmt.number(result.after, places),
        control_before_text=opt(result.control_before), control_after_text=opt(result.control_after),
        direction=moved(result.before, result.after), improved=f.improvement > 0,
        change_text=fmt.number(abs(result.after - result.before), places),
        change_pct_text=pct(result.before, result.after),
        control_direction=moved(*control) if control else None,
        control_change_text=fmt.number(abs(control[1] - control[0]), places) if control else None,
        control_change_pct_text=pct(*control) if control else None,
        trend_after=result.trend_after if f.has_trend else None,
        trend_after_text=_trend_text(fmt, result, places) if f.has_trend else None,
        credits_part=f.improvement > 0 and f.attributable < shown - 1e-9 * max(1.0, abs(shown)),
        credited_pct_text=pct(result.before, result.before + f.attributable),
        credited_said=said(fmt, f.attributable, result, in_working=False, money=unit_view(metric.unit, fmt).is_money),
        # One share, one form: as the notes and the slide's foot say it (34%, never 34.3% beside it).
        credited_share_text=share_said(fmt, f.attributable / shown) if shown > 0 else None, places=places)


def _trend_text(fmt: Formatter, result: Result, places: int) -> str | None:
    """What the pre-pilot trend projected, to the readings' decimals; more (up to two) where
    those would say the reading before ("1.9" for 1.85 after 1.9 reads as no trend at all)."""
    if result.trend_after is None:
        return None
    for extra in range(3):
        text = fmt.number(result.trend_after, places + extra)
        if result.trend_after == result.before or text != fmt.number(result.before, places + extra):
            return text
    return text


def pilot_view(pilot: Pilot, initiative_title: str, figures: Figures, metrics: dict[str, Metric],
               fmt: Formatter, state: State, objections: list[ObjectionView],
               focus: tuple[str, ...] | None = None, per_page: int = CHARTS_PER_SLIDE,
               shown: int | None = None) -> PilotView:
    """`focus`: the metrics the meeting is about; the results on others come last (plan.results).
    `per_page`:
    the results charted on one slide (the agenda's, from the slide's width). `shown`: the
    pages the meeting presents (the agenda's; all when None); a later page is a backup
    slide, ready for the question."""
    f = figures.pilots[pilot.id]
    chain = figures.chains[pilot.id]
    learning, usage = pilot.learning, pilot.usage
    ordered = result_order(pilot, focus, figures)
    worked_out = {(u.pilot_id, u.metric_id) for i in figures.initiatives.values() for u in i.results_used}
    results = [result_view(r, f.results[r.metric], metrics[r.metric], fmt, f.benefit,
                           (pilot.id, r.metric) in worked_out) for r in ordered]
    pages = [PilotPage(n // per_page + 1, results[n:n + per_page],
                       backup=shown is not None and n > 0 and n // per_page >= shown)
             for n in range(0, len(results), per_page)] or [PilotPage(1, [])]
    return PilotView(
        state, id=pilot.id, initiative_id=pilot.initiative, initiative=initiative_title,
        initiative_name=short_name(initiative_title),
        group=pilot.group, control_group=pilot.control_group, participants=pilot.participants,
        participants_text=fmt.number(pilot.participants),
        start_text=fmt.date(pilot.start), end_text=fmt.date(pilot.end),
        cost_text=fmt.money(f.cost), benefit_text=fmt.money(f.benefit), free=f.cost == 0,
        roi_text=fmt.percent(f.roi_pct) if f.roi_pct is not None else fmt.not_available,
        roi_rounded=(fmt.percent_rounded(f.roi_pct) if f.roi_pct is not None
                     else fmt.not_available),
        monetised=f.monetised, has_control=any(r.has_control for r in results),
        reaction_text=(f"{fmt.number(pilot.reaction.score, 1)} / {fmt.number(pilot.reaction.scale)}"
                       if pilot.reaction else None),
        learning_pre_text=fmt.percent(learning.pre, 0) if learning else None,
        learning_post_text=fmt.percent(learning.post, 0) if learning else None,
        learning_gain_text=fmt.number(learning.post - learning.pre, 0) if learning else None,
        usage_text=(f"{fmt.number(usage.completed)} / {fmt.number(usage.enrolled)}"
                    if usage else None),
        completion_text=(fmt.percent(usage.completed / usage.enrolled * 100, 0)
                         if usage and usage.enrolled else None),
        results=results, pages=pages,
        quotes=[QuoteView(q.text, q.by) for q in pilot.quotes],
        objections=objections,
        application=[BehaviourView(b.behaviour, b.unit, fmt.number(b.before) if b.before is not None
                                   else None, fmt.number(b.after), b.source)
                     for b in pilot.application],
        intangibles=list(pilot.intangibles),
        chain=[_level(level) for level in chain.levels],
        weakest=_level(chain.weakest),
    )


def _level(level: Level) -> LevelView:
    return LevelView(level.name, level.status, level.why, level.status != "holds")
