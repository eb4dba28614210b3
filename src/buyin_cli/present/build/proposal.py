"""Initiatives and audiences for the view: costs as quantity × unit, and the working of each benefit."""

from __future__ import annotations

import math
from dataclasses import replace

from buyin_cli.figures.compute import Figures, ResultFigures
from buyin_cli.figures.years import YearFigures
from buyin_cli.load.models import Audience, Gap, Index, Initiative
from buyin_cli.plan.agenda import State
from buyin_cli.present.build.evidence import reading_places, share_text, worked
from buyin_cli.present.build.own_words import short_name
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.said import adding_up, years_shown
from buyin_cli.present.view import AudienceView, CategoryView, CostView, GapView, InitiativeView, WorkingLine, YearView


def initiative_view(initiative: Initiative, index: Index, figures: Figures, fmt: Formatter,
                    state: State, working_state: State | None,
                    years_state: State | None = None) -> InitiativeView:
    f = figures.initiatives[initiative.id]
    costs = []
    for c in initiative.costs:
        quantity = float(f.headcount) if c.kind == "per-participant" else 1.0
        costs.append(CostView(c.item, c.kind, c.amount, fmt.rate(c.amount), quantity,
                              fmt.number(quantity), quantity * c.amount,
                              fmt.money(quantity * c.amount), c.category))
    return InitiativeView(
        state, id=initiative.id, title=initiative.title, format=initiative.format,
        audiences=[index.audiences[a].name for a in initiative.audiences],
        reach=tuple((a, index.audiences[a].headcount) for a in initiative.each_audience),
        objectives=[index.objectives[o].title for o in initiative.objectives],
        headcount=f.headcount, headcount_text=fmt.number(f.headcount), costs=costs,
        categories=_categories(costs, fmt),
        one_off_text=fmt.money(f.one_off), per_year_text=fmt.money(f.per_year),
        per_participant_text=fmt.rate(f.per_participant),
        one_off=f.one_off, per_year=f.per_year, per_participant=f.per_participant,
        rollout_cost=f.rollout_cost, rollout_cost_text=fmt.money(f.rollout_cost),
        rollout_benefit=f.rollout_benefit, rollout_benefit_text=fmt.money(f.rollout_benefit),
        monetised=bool(f.results_used),
        roi_text=fmt.percent(f.roi_pct) if f.roi_pct is not None else fmt.not_available,
        roi_rounded=(fmt.percent_rounded(f.roi_pct) if f.roi_pct is not None
                     else fmt.not_available),
        bcr_text=f"{fmt.number(f.bcr, 2)} : 1" if f.bcr is not None else fmt.not_available,
        payback_months=f.payback_months,
        # Nothing spent pays back at once: no payback to state, nor a share to break even.
        payback_text=(fmt.months(f.payback_months) if f.payback_months is not None
                      and f.rollout_cost > 0 else fmt.not_available),
        pays_back=f.payback_months is not None and f.rollout_benefit >= f.rollout_cost,
        break_even_share=f.break_even_share,
        break_even_text=(fmt.share(f.break_even_share)
                         if f.break_even_share is not None and f.rollout_cost > 0
                         else fmt.not_available),
        # Only ever said (notes, a footnote), never a table's column: rounded as a title says it.
        roi_at_half_text=(fmt.percent_rounded(f.roi_pct_at_half) if f.roi_pct_at_half is not None
                          else fmt.not_available),
        benefit_spoken=fmt.money_spoken(f.rollout_benefit),
        cost_spoken=fmt.money_spoken(f.rollout_cost),
        benefit_aloud=fmt.money_aloud(f.rollout_benefit), cost_aloud=fmt.money_aloud(f.rollout_cost),
        pilots=[index.pilots[p].group for p in f.pilot_ids],
        working=_exact([_working(r, index, fmt, f.rollout_benefit, part) for r, part in
                        zip(f.results_used, adding_up([r.rollout_annual_benefit or 0.0 for r in f.results_used]))],
                       [r.pilot_annual_benefit for r in f.results_used], fmt),
        working_state=working_state,
        horizon_years=f.horizon_years,
        retention_text=fmt.percent(f.retention * 100, 0),
        years=_years(f.years, fmt),
        horizon_benefit_text=fmt.money(f.horizon_benefit),
        horizon_cost_text=fmt.money(f.horizon_cost),
        later_cost_text=fmt.money(f.horizon_cost - f.rollout_cost),
        horizon_benefit_spoken=fmt.money_spoken(f.horizon_benefit),
        horizon_cost_spoken=fmt.money_spoken(f.horizon_cost),
        horizon_roi_text=(fmt.percent(f.horizon_roi_pct) if f.horizon_roi_pct is not None
                          else fmt.not_available),
        horizon_roi_spoken=(fmt.percent_rounded(f.horizon_roi_pct) if f.horizon_roi_pct is not None
                            else fmt.not_available),
        years_state=years_state,
        fully_loaded=f.fully_loaded,
        retention_given="retention" in initiative.model_fields_set,
        npv_text=fmt.money(f.npv), npv_spoken=fmt.money_spoken(f.npv),
        horizon_net=f.horizon_benefit - f.horizon_cost,
        horizon_net_text=fmt.money(f.horizon_benefit - f.horizon_cost),
        horizon_net_spoken=fmt.money_spoken(abs(f.horizon_benefit - f.horizon_cost)),
        discount_rate_text=share_text(fmt, f.discount_rate) if f.discount_rate else "",
        name=short_name(initiative.title),
        metric_ids=_moves(initiative, index),
        objective_ids=tuple(initiative.objectives),
    )


def _years(years: tuple[YearFigures, ...], fmt: Formatter) -> list[YearView]:
    """The years as the table shows them: each year's benefit and cost the difference of the
    rounded running totals, so the column adds up, as shown, to the total `roi` prints; the
    running net what the rows above it add up to; each year's net in today's money likewise
    adds up to the net present value."""
    shown = years_shown(years)
    running = [math.fsum(t.today for t in shown[:n + 1]) for n in range(len(shown))]
    return [YearView(y.year, y.benefit, y.cost, y.cumulative_net, fmt.money(s.benefit), fmt.money(s.cost),
                     fmt.money(s.running_net), fmt.money(s.today), today, fmt.money(today))
            for y, s, today in zip(years, shown, running, strict=True)]


def _moves(initiative: Initiative, index: Index) -> tuple[str, ...]:
    """The metrics an initiative moves: those its pilots measured, else its objectives' metrics."""
    measured = [r.metric for p in index.pilots.values() if p.initiative == initiative.id
                for r in p.results]
    return tuple(dict.fromkeys(measured or [m for o in initiative.objectives
                                            if o in index.objectives
                                            for m in index.objectives[o].metrics]))


def _exact(lines: list[WorkingLine], benefits: list[float | None], fmt: Formatter) -> list[WorkingLine]:
    """The working's lines with their year in the pilot as the roll-out's figure is multiplied from
    it, unrounded: in cents where any line has them (one number of decimals in the column)."""
    cents = any(b is not None and round(b, 2) != round(b) for b in benefits)
    return [replace(line, pilot_benefit_exact_text=fmt.money_cents(b, cents)) if b is not None
            else line for line, b in zip(lines, benefits, strict=True)]


def _working(r: ResultFigures, index: Index, fmt: Formatter, whole: float, part: float) -> WorkingLine:
    """A line of an initiative's working; its roll-out benefit written as `part`, so that the
    lines add up, as written, to the benefit the title and every other slide write (adding_up)."""
    pilot = index.pilots[r.pilot_id]
    result, metric = pilot.results[r.index], index.metrics[r.metric_id]
    places = reading_places(result, metric, fmt)  # as the pilot's slide writes its readings
    line = worked(WorkingLine, result, r, metric, fmt, whole, r.rollout_annual_benefit,
                  group=pilot.group, participants_text=fmt.number(pilot.participants),
                  before_text=fmt.number(result.before, places), after_text=fmt.number(result.after, places),
                  rollout_benefit=r.rollout_annual_benefit or 0.0)
    if r.rollout_annual_benefit is None:
        return line
    return replace(line, rollout_annual_benefit_text=fmt.money(part))


def audience_view(audience: Audience, fmt: Formatter, state: State) -> AudienceView:
    def gaps(items: list[Gap]) -> list[GapView]:
        return [GapView(g.need, g.evidence, g.response) for g in items]

    return AudienceView(state, audience.id, audience.name, audience.headcount,
                        fmt.number(audience.headcount), gaps(audience.gaps.knowledge),
                        gaps(audience.gaps.skills), gaps(audience.gaps.motivation))


# Phillips' fully loaded cost categories, in the order a cost is incurred; uncategorised last.
CATEGORIES = ("needs", "design", "delivery", "participants-time", "evaluation", "overhead", "other", None)


def _categories(costs: list[CostView], fmt: Formatter) -> list[CategoryView]:
    """Year one's cost by category, when any line names one: the totals add up to the year's."""
    if all(c.category is None for c in costs):
        return []
    totals = {k: sum(c.total for c in costs if c.category == k) for k in CATEGORIES
              if any(c.category == k for c in costs)}
    return [CategoryView(k, total, fmt.money(total)) for k, total in totals.items()]
