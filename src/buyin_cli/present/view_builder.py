"""Building a briefing's view: figures formatted for the locale, sections chosen, time shared out.

Every figure is computed here (from figures/compute.py) and written for the strategy's
locale; every list is put in the order to present it. Which sections have
content — and so which slides exist — is decided here too, so that the time
budget and the deck always agree.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from buyin_cli.review import answers
from buyin_cli.present import numbers
from buyin_cli.figures.compute import Figures, ResultFigures
from buyin_cli.load.models import Briefing, Metric, Strategy
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.view import (Accepted, AudienceView, BriefingView, ConcernView, CostView, GapView,
                            InitiativeView, MetricView, NotReady, ObjectionView, ObjectiveView,
                            PilotView, QuoteView, Reading, ResultView, SponsorView, TargetView,
                            Timing, WorkingStep)

if TYPE_CHECKING:
    from buyin_cli.review.score import Readiness

# How long each section is presented, relative to the others (the showcase is a demo).
SECTION_WEIGHTS = {
    "opening": 1, "business_case": 3, "heard": 2, "learners": 2, "proposal": 2,
    "evidence": 3, "numbers": 2, "endorsement": 1, "showcase": 3, "asks": 1,
}
DISCUSSION_SHARE = 1 / 3  # at least this much of every meeting is kept for questions


def build_view(loaded: LoadedStrategy, figures: Figures, readiness: Readiness | None,
               briefing: Briefing, working: list[WorkingStep] | None = None,
               fmt: Formatter | None = None) -> BriefingView:
    """The view of one briefing, tailored to its stakeholder and its focus."""
    strategy = loaded.strategy
    fmt = fmt or Formatter(strategy.currency, strategy.locale)
    stakeholder = next(s for s in strategy.stakeholders if s.id == briefing.stakeholder)
    objectives = _objectives(strategy, figures, briefing, fmt)
    audiences = [_audience(a, fmt) for a in strategy.audiences]
    initiatives = [_initiative(i, strategy, figures, fmt) for i in strategy.initiatives]
    pilots = [_pilot(p, strategy, figures, fmt) for p in strategy.pilots]
    titles = {p.id: p.group for p in strategy.pilots}
    concerns, used = [], set()
    for concern in stakeholder.concerns:
        match = answers.answer_for(concern, strategy.objections)
        if match:
            used.add(id(match))
        concerns.append(ConcernView(concern, match.response if match else None,
                                    titles.get(match.evidence) if match and match.evidence else None))
    sponsor = None
    if strategy.sponsor:
        s = strategy.sponsor
        sponsor = SponsorView(s.name, s.role, s.quote,
                              [TargetView(t.period, fmt.percent(t.completion * 100, 0))
                               for t in s.usage_targets])
    has = {
        "opening": True,
        "business_case": bool(objectives),
        "heard": bool(stakeholder.needs or stakeholder.concerns or stakeholder.benefits),
        "learners": any(a.knowledge or a.skills or a.motivation for a in audiences),
        "proposal": bool(initiatives),
        "evidence": bool(pilots),
        "numbers": any(i.monetised for i in initiatives),
        "endorsement": sponsor is not None,
        "showcase": briefing.showcase is not None,
        "asks": True,
    }
    not_ready, accepted = _readiness(readiness)
    return BriefingView(
        id=briefing.id,
        organisation=strategy.organisation,
        title=strategy.title,
        presenter_name=strategy.presenter.name,
        presenter_role=strategy.presenter.role,
        currency=strategy.currency,
        money_format=fmt.excel_money_format(),
        date_text=fmt.date(briefing.date),
        minutes=briefing.minutes,
        opening_question=briefing.opening_question,
        asks=[ask.decision for ask in briefing.asks],
        showcase_title=briefing.showcase.title if briefing.showcase else None,
        showcase_url=briefing.showcase.url if briefing.showcase else None,
        showcase_link=_link(briefing.showcase.url) if briefing.showcase else None,
        stakeholder_name=stakeholder.name,
        stakeholder_role=stakeholder.role,
        needs=list(stakeholder.needs),
        concerns=concerns,
        benefits=list(stakeholder.benefits),
        objectives=objectives,
        audiences=audiences,
        initiatives=initiatives,
        pilots=pilots,
        sponsor=sponsor,
        objections=[ObjectionView(o.objection, o.response,
                                  titles.get(o.evidence) if o.evidence else None, id(o) in used)
                    for o in strategy.objections],
        timing=time_budget(briefing.minutes, has),
        has=has,
        working=working or [],
        not_ready=not_ready,
        accepted=accepted,
    )


class Formatter(numbers.Formatter):
    """The deck's figures: as numbers.Formatter writes them, with a true minus sign (−)."""

    def __init__(self, currency: str, locale: str | None):
        super().__init__(currency, locale, minus="\u2212")


def _link(url: str) -> str | None:
    """A web or mail address a deck can link to, or None for anything else (an intranet path)."""
    url = url.strip()
    if re.match(r"^(https?://|mailto:)\S+$", url):
        return url
    if re.match(r"^www\.\S+$", url):
        return "https://" + url
    return None


def time_budget(minutes: int, has: dict[str, bool]) -> Timing:
    """Share the presenting time (at most two thirds) among the sections that have content.

    Each section gets its weight's share, rounded down to the half minute, so
    the discussion keeps at least a third of the meeting, and usually a little more.
    """
    present = {name: w for name, w in SECTION_WEIGHTS.items() if has.get(name)}
    budget = minutes * (1 - DISCUSSION_SHARE)
    total = sum(present.values()) or 1
    sections = {name: math.floor(budget * w / total * 2) / 2 for name, w in present.items()}
    presenting = sum(sections.values())
    return Timing(minutes, sections, presenting, minutes - presenting)


def _objectives(strategy: Strategy, figures: Figures, briefing: Briefing,
                fmt: Formatter) -> list[ObjectiveView]:
    metrics = {m.id: m for m in strategy.metrics}
    focus = list(briefing.focus)
    ordered = sorted(strategy.objectives,
                     key=lambda o: focus.index(o.id) if o.id in focus else len(focus))
    return [ObjectiveView(o.id, o.title, o.owner, o.driver, o.id in focus or not focus,
                          [_metric(metrics[m], figures, fmt) for m in o.metrics])
            for o in ordered]


def _metric(metric: Metric, figures: Figures, fmt: Formatter) -> MetricView:
    progress = figures.metrics[metric.id].progress_pct
    return MetricView(
        id=metric.id, name=metric.name, unit=metric.unit, better=metric.better,
        baseline=metric.baseline, target=metric.target, actual=metric.actual,
        baseline_text=fmt.number(metric.baseline), target_text=fmt.number(metric.target),
        actual_text=fmt.number(metric.actual) if metric.actual is not None else None,
        progress_pct=progress,
        progress_text=fmt.percent(progress) if progress is not None else "n/a",
        value_per_unit_text=(fmt.money(metric.value_per_unit)
                             if metric.value_per_unit is not None else None),
        source=metric.source,
        history=[Reading(r.period, r.value, fmt.number(r.value)) for r in metric.history],
    )


def _audience(audience, fmt: Formatter) -> AudienceView:
    def gaps(items):
        return [GapView(g.need, g.evidence, g.response) for g in items]

    return AudienceView(audience.id, audience.name, audience.headcount,
                        fmt.number(audience.headcount), gaps(audience.gaps.knowledge),
                        gaps(audience.gaps.skills), gaps(audience.gaps.motivation))


def _initiative(initiative, strategy: Strategy, figures: Figures,
                fmt: Formatter) -> InitiativeView:
    f = figures.initiatives[initiative.id]
    audiences = {a.id: a.name for a in strategy.audiences}
    objectives = {o.id: o.title for o in strategy.objectives}
    monetised = bool(f.results_used)
    return InitiativeView(
        id=initiative.id, title=initiative.title, format=initiative.format,
        audiences=[audiences[a] for a in initiative.audiences],
        objectives=[objectives[o] for o in initiative.objectives],
        headcount=f.headcount, headcount_text=fmt.number(f.headcount),
        costs=[CostView(c.item, c.kind, c.amount, fmt.money(c.amount)) for c in initiative.costs],
        one_off_text=fmt.money(f.one_off), per_year_text=fmt.money(f.per_year),
        per_participant_text=fmt.money(f.per_participant),
        rollout_cost=f.rollout_cost, rollout_cost_text=fmt.money(f.rollout_cost),
        rollout_benefit=f.rollout_benefit, rollout_benefit_text=fmt.money(f.rollout_benefit),
        monetised=monetised,
        roi_text=fmt.percent(f.roi_pct) if f.roi_pct is not None else "n/a",
        bcr_text=f"{fmt.number(f.bcr, 2)} : 1" if f.bcr is not None else "n/a",
        payback_text=(fmt.number(f.payback_months, 1) if f.payback_months is not None else "n/a"),
        break_even_text=(fmt.percent(f.break_even_share * 100)
                         if f.break_even_share is not None else "n/a"),
        roi_at_half_text=(fmt.percent(f.roi_pct_at_half)
                          if f.roi_pct_at_half is not None else "n/a"),
        pilots=[p.group for p in strategy.pilots if p.initiative == initiative.id],
    )


def _pilot(pilot, strategy: Strategy, figures: Figures, fmt: Formatter) -> PilotView:
    f = figures.pilots[pilot.id]
    titles = {i.id: i.title for i in strategy.initiatives}
    metrics = {m.id: m for m in strategy.metrics}
    learning = pilot.learning
    usage = pilot.usage
    completion = (fmt.percent(usage.completed / usage.enrolled * 100, 0)
                  if usage and usage.enrolled else None)
    return PilotView(
        id=pilot.id, initiative=titles[pilot.initiative], group=pilot.group,
        participants=pilot.participants,
        start_text=fmt.date(pilot.start), end_text=fmt.date(pilot.end),
        cost_text=fmt.money(f.cost), benefit_text=fmt.money(f.benefit),
        roi_text=fmt.percent(f.roi_pct) if f.roi_pct is not None else "n/a",
        reaction_text=(f"{fmt.number(pilot.reaction.score, 1)} / {fmt.number(pilot.reaction.scale)}"
                       if pilot.reaction else None),
        learning_pre_text=fmt.percent(learning.pre, 0) if learning else None,
        learning_post_text=fmt.percent(learning.post, 0) if learning else None,
        learning_gain_text=(fmt.number(learning.post - learning.pre, 0) if learning else None),
        usage_text=(f"{fmt.number(usage.completed)} / {fmt.number(usage.enrolled)}"
                    if usage else None),
        completion_text=completion,
        results=[_result(r, f.results[r.metric], metrics[r.metric], fmt) for r in pilot.results],
        quotes=[QuoteView(q.text, q.by) for q in pilot.quotes],
    )


def _result(result, f: ResultFigures, metric: Metric, fmt: Formatter) -> ResultView:
    def opt(value):
        return fmt.number(value) if value is not None else None

    return ResultView(
        metric=metric.name, unit=metric.unit, per=result.per,
        before_text=fmt.number(result.before), after_text=fmt.number(result.after),
        has_control=f.has_control,
        control_before_text=opt(result.control_before), control_after_text=opt(result.control_after),
        before=result.before, after=result.after,
        control_before=result.control_before, control_after=result.control_after,
        improvement_text=fmt.number(f.improvement),
        control_improvement_text=fmt.number(f.control_improvement),
        isolation_text=fmt.percent(f.isolation * 100, 0),
        confidence_text=fmt.percent(f.confidence * 100, 0),
        attributable_text=fmt.number(f.attributable),
        pilot_annual_benefit_text=(fmt.money(f.pilot_annual_benefit)
                                   if f.pilot_annual_benefit is not None else None),
        rollout_annual_benefit_text=(fmt.money(f.rollout_annual_benefit)
                                     if f.rollout_annual_benefit is not None else None),
    )


def _readiness(readiness: Readiness | None) -> tuple[list[NotReady], list[Accepted]]:
    if readiness is None:
        return [], []
    not_ready = [NotReady(w.code, w.message, str(w.location)) for w in readiness.warnings]
    accepted = [Accepted(a.warning.code, a.warning.message, a.reason, str(a.location))
                for a in readiness.accepted]
    return not_ready, accepted


