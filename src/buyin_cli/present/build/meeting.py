"""The decision and the totals for the view: what the asks fund, cost and return together."""

from __future__ import annotations

from collections.abc import Sequence

from buyin_cli.figures.compute import Figures
from buyin_cli.figures.totals import combine
from buyin_cli.load.models import Briefing, Initiative
from buyin_cli.plan.agenda import State
from buyin_cli.plan.asks import ask_initiative
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.view import AskView, DecisionView, InitiativeView, PilotView, TotalsView


def totals_view(initiatives: list[InitiativeView], figures: Figures, fmt: Formatter) -> TotalsView:
    t = combine(figures.initiatives[i.id] for i in initiatives)

    def pct(value: float | None, decimals: int = 1) -> str:
        return fmt.percent(value, decimals) if value is not None else fmt.not_available

    return TotalsView(
        count=t.count, monetised=any(i.monetised for i in initiatives), cost=t.cost,
        headcount_text=fmt.number(sum(i.headcount for i in initiatives)),
        benefit_text=fmt.money(t.benefit), cost_text=fmt.money(t.cost), roi_text=pct(t.roi_pct),
        payback_text=(fmt.months(t.payback_months) if t.payback_months is not None
                      else fmt.not_available),
        pays_back=t.payback_months is not None,
        at_risk=t.roi_pct_at_half is not None and t.roi_pct_at_half < 0,
        break_even_text=(fmt.share(t.break_even_share) if t.break_even_share is not None
                         else fmt.not_available),
        roi_at_half_text=pct(t.roi_pct_at_half),
        all_pay_back=all(i.pays_back for i in initiatives) and bool(initiatives),
        longest_payback_text=(fmt.months(t.longest_payback_months)
                              if t.longest_payback_months is not None else None),
        benefit_spoken=fmt.money_spoken(t.benefit), cost_spoken=fmt.money_spoken(t.cost),
        benefit_short=fmt.money_short(t.benefit), cost_short=fmt.money_short(t.cost),
        breaks_even=t.break_even_share is None or t.break_even_share <= 1,
        weakest_break_even_text=_weakest(initiatives, fmt),
        losing=tuple(i.title for i in initiatives if len(initiatives) > 1 and _loses(
            figures.initiatives[i.id].roi_pct)))


def _loses(roi_pct: float | None) -> bool:
    return roi_pct is not None and roi_pct < 0


def _weakest(initiatives: list[InitiativeView], fmt: Formatter) -> str | None:
    """The break-even share of the initiative that needs the most of its pilot effect, when
    more than one is funded: one combined share would hide it."""
    shares = [i.break_even_share for i in initiatives if i.break_even_share is not None]
    return fmt.share(max(shares)) if len(shares) > 1 else None


def decision_view(briefing: Briefing, initiatives: list[InitiativeView], pilots: list[PilotView],
                  figures: Figures, fmt: Formatter, state: State,
                  named: Sequence[Initiative] = ()) -> DecisionView:
    """The asks with what each funds (linked, or `named` by title or id in their text); the
    totals of what they fund, or of what is presented."""
    by_id = {i.id: i for i in initiatives}
    asks, said, unfunded = [], set(), 0
    for a in briefing.asks:  # an initiative's money is said once, at the first ask that funds it
        view = by_id.get(ask_initiative(a.decision, a.initiative, named) or "")
        asks.append(AskView(a.decision, view if view is None or view.id not in said else None))
        said.add(view.id if view else "")
        unfunded += view is None
    funded = list({a.initiative.id: a.initiative for a in asks if a.initiative}.values())
    priced = bool(funded)
    if not funded:  # what the meeting presents, priced if it can be
        funded = ([i for i in initiatives if i.monetised] or
                  [i for i in initiatives if i.rollout_cost > 0])
    evidence, evidence_pilot, best = None, None, None
    results = {(p.id, r.metric_id): (p, r) for p in pilots for r in p.results}
    for initiative in funded:
        for used in figures.initiatives[initiative.id].results_used:
            value = used.rollout_annual_benefit or 0.0
            if (used.pilot_id, used.metric_id) in results and (best is None or value > best):
                best = value
                evidence_pilot, evidence = results[(used.pilot_id, used.metric_id)]
    # "The pilot worked: scale it" only when every ask funds what a pilot showed working.
    scales = priced and not unfunded and evidence is not None and evidence.improved and (best or 0) > 0
    return DecisionView(state, asks, funded, totals_view(funded, figures, fmt), evidence,
                        evidence_pilot, priced, scales)
