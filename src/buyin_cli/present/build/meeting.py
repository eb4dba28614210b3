"""The decision and the totals for the view: what the asks fund, cost and return together."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TypedDict

from buyin_cli.figures.compute import Figures
from buyin_cli.figures.totals import combine
from buyin_cli.load.models import Briefing, Initiative
from buyin_cli.plan.agenda import State
from buyin_cli.plan.asks import (
    ask_initiatives,
    asks_for_money,
    asks_for_pilot,
    asks_fund,
    asks_in_place,
    others_about,
    stated_amount,
    unnamed,
)
from buyin_cli.plan.time_asks import helpers_line, whose_help, whose_time
from buyin_cli.present.numbers import Formatter, shown
from buyin_cli.present.view import AskView, DecisionView, InitiativeView, PilotView, ResultView, TotalsView
from buyin_cli.present.view.proposal import CategoryView


def totals_view(initiatives: list[InitiativeView], figures: Figures, fmt: Formatter) -> TotalsView:
    """What `initiatives` cost and return together, with what the total must not hide: the one
    that needs most of its own pilot effect, those at a loss, and doubted figures it rests on."""
    t = combine(figures.initiatives[i.id] for i in initiatives)
    weakest = _weakest(initiatives, t.break_even_share)
    # Written, the total is the sum of its rows as each is written (262,829 + 31,450 = 294,279,
    # though the exact sum rounds to 294,278): each row is its initiative's figure as every other
    # slide and `roi` write it, and a column that does not add up is the first thing Finance checks.
    benefit = math.fsum(shown(figures.initiatives[i.id].rollout_benefit, 0) for i in initiatives)
    cost = math.fsum(shown(figures.initiatives[i.id].rollout_cost, 0) for i in initiatives)
    time = math.fsum(shown(c.total, 0) for _, c in _time_lines(initiatives))

    def pct(value: float | None, decimals: int = 1) -> str:
        return fmt.percent(value, decimals) if value is not None else fmt.not_available

    return TotalsView(
        count=t.count, monetised=any(i.monetised for i in initiatives), cost=t.cost,
        headcount_text=fmt.number(_reach(initiatives)),
        benefit_text=fmt.money(benefit), cost_text=fmt.money(cost), roi_text=pct(t.roi_pct),
        roi_rounded=(fmt.percent_rounded(t.roi_pct) if t.roi_pct is not None
                     else fmt.not_available),
        payback_text=(fmt.months(t.payback_months) if t.payback_months is not None
                      else fmt.not_available),
        pays_back=t.payback_months is not None,
        at_risk=(weakest.break_even_share or 0.0) > 0.5 if weakest else (
            t.roi_pct_at_half is not None and t.roi_pct_at_half < 0),
        break_even_text=(fmt.share(t.break_even_share) if t.break_even_share is not None
                         else fmt.not_available),
        # Only ever said (notes, a footnote), never a table's column: rounded as a title says it.
        roi_at_half_text=(fmt.percent_rounded(t.roi_pct_at_half) if t.roi_pct_at_half is not None
                          else fmt.not_available),
        all_pay_back=all(i.pays_back for i in initiatives) and bool(initiatives),
        longest_payback_text=(fmt.months(t.longest_payback_months)
                              if t.longest_payback_months is not None else None),
        benefit_spoken=fmt.money_spoken(benefit), cost_spoken=fmt.money_spoken(cost),
        benefit_short=fmt.money_short(benefit), cost_short=fmt.money_short(cost),
        benefit_aloud=fmt.money_aloud(benefit), cost_aloud=fmt.money_aloud(cost),
        breaks_even=t.break_even_share is None or t.break_even_share <= 1,
        weakest_break_even_text=(fmt.share(weakest.break_even_share)
                                 if weakest and weakest.break_even_share is not None else None),
        weakest_name=weakest.name if weakest else None,
        losing=tuple(i.title for i in initiatives if len(initiatives) > 1 and i.monetised
                     and _loses(figures.initiatives[i.id].roi_pct)),
        time_in_cost=time, time_in_cost_text=fmt.money_spoken(time) if time else "",
        **_doubted(initiatives, t.benefit, fmt))


def _time_lines(initiatives: Iterable[InitiativeView]) -> list[tuple[InitiativeView, CategoryView]]:
    """Each initiative's participants'-time line, as its cost table totals it."""
    return [(i, c) for i in initiatives for c in i.categories if c.category == "participants-time"]


def _loses(roi_pct: float | None) -> bool:
    return roi_pct is not None and roi_pct < 0


# How far above the combined break-even share one initiative's must be to be said instead: below
# it, "26% for Find and Fix" beside the total's 25% mixes two bases for no news.
MATERIAL = 0.05


def _weakest(initiatives: list[InitiativeView], combined: float | None) -> InitiativeView | None:
    """The initiative that needs the most of its pilot effect to break even, when more than one
    is priced and it needs materially more than all of them together: one combined share would
    hide it."""
    shared = [i for i in initiatives if i.break_even_share is not None and i.rollout_cost > 0]
    weakest = max(shared, key=lambda i: i.break_even_share or 0.0) if len(shared) > 1 else None
    if weakest is None or combined is None or (weakest.break_even_share or 0.0) - combined >= MATERIAL:
        return weakest
    return None


# The doubts that make a benefit an estimate: nothing isolated, impossible, too thin a pilot,
# an extraordinary return, a handful of events.
DOUBTING = ("W301", "W307", "W308", "W310", "W318")


class _Doubted(TypedDict):
    doubted_share_text: str | None
    doubted: tuple[str, ...]
    upper_bound: bool


def _doubted(initiatives: list[InitiativeView], benefit: float, fmt: Formatter) -> _Doubted:
    """The share of a total benefit that rests on figures the review doubts and no one has
    accepted, when it is most of it."""
    doubted = [i for i in initiatives if i.monetised and _doubts(i)]
    share = sum(_doubted_benefit(i) for i in doubted) / benefit if benefit > 0 else 0.0
    if share <= 0.5:
        return {"doubted_share_text": None, "doubted": (), "upper_bound": False}
    return {"doubted_share_text": fmt.share(share), "doubted": tuple(i.name for i in doubted),
            "upper_bound": any("W310" in _doubts(i) for i in doubted)}


def _doubted_benefit(initiative: InitiativeView) -> float:
    """The part of a doubted initiative's benefit the doubts are about: all of it, but for a
    handful of events alone (W318), which doubts only the results of so few events."""
    if _doubts(initiative) - {"W318"}:
        return initiative.rollout_benefit
    return sum(line.rollout_benefit for line in initiative.working if line.tiny)


def _doubts(item: InitiativeView | PilotView) -> set[str]:
    """The codes of the doubts no one has accepted that make an item's benefit an estimate."""
    return {d.code for d in item.doubts if d.code in DOUBTING and not d.accepted}


def decision_view(briefing: Briefing, initiatives: list[InitiativeView], pilots: list[PilotView],
                  figures: Figures, fmt: Formatter, state: State,
                  named: Sequence[Initiative] = (), focus: Sequence[str] = ()) -> DecisionView:
    """The asks with what each funds (linked, or `named` by title or id in a text that asks for
    its roll-out or money: a pilot of it is not its roll-out); the
    totals of what they fund, or of what is presented; the evidence in one line (`focus`: the
    metrics of the objectives the meeting leads with, when it names them)."""
    by_id = {i.id: i for i in initiatives}
    asks, said, unfunded, about_ids = [], set(), 0, set()
    timed = {i.id: i.audiences for i in initiatives if any(c.category == "participants-time" for c in i.costs)}
    people = {i.id: i.audiences for i in initiatives}
    found = [ask_initiatives(a.decision, a.initiative, named) for a in briefing.asks]
    for n, a in enumerate(briefing.asks):  # an initiative's money is said once, at the first ask that funds it
        about = found[n]
        views = [by_id[i] for i in asks_fund(a.decision, a.initiative, named, about) if i in by_id]
        fresh = [v for v in views if v.id not in said]
        # Time words in a name ask for nobody's time: "Agree to use the Five-Minute Huddle card".
        whose = None if views else whose_time(unnamed(a.decision, about, named), about[0] if about else None,
                                              timed, others_about(found, n))
        time_of = by_id.get(whose or "")
        helped = None if views or whose else by_id.get(whose_help(
            unnamed(a.decision, about, named), about[0] if about else None, people, others_about(found, n)) or "")
        line = helpers_line(a.decision, helped.audiences, [c.item for c in helped.costs]) if helped else None
        placed = tuple(by_id[i] for i in asks_in_place(a.decision, a.initiative, named, about) if i in by_id)
        asks.append(AskView(a.decision, fresh[0] if fresh else None,
                            time_of if time_of is not None and time_of.id in timed else None,
                            not about and asks_for_money(a.decision), tuple(fresh[1:]),
                            asks_for_pilot(a.decision), stated_amount(a.decision), placed,
                            helped, helped.costs[line] if helped and line is not None else None))
        about_ids |= set(about) | ({time_of.id} if time_of else set())
        said |= {v.id for v in views}
        unfunded += not views
    funded = list({i.id: i for a in asks for i in (a.initiative, *a.others) if i}.values())
    priced = bool(funded)
    timed_asks = {a.time_of.id: a.time_of for a in asks if a.time_of is not None and a.time_of.id not in said}
    # Each one's learners' time as its cost table totals it, and those added up: said once, here.
    lines = _time_lines(timed_asks.values())
    time_asks = [(i, c.total_text) for i, c in lines]
    time_cost = math.fsum(shown(c.total, 0) for _, c in lines)
    if not funded:  # what the asks are about, else what the meeting presents; priced if it can be
        funded = next((chosen for chosen in (
            [i for i in initiatives if i.id in about_ids and i.monetised],
            [i for i in initiatives if i.id in about_ids and i.rollout_cost > 0],
            [i for i in initiatives if i.monetised], [i for i in initiatives if i.rollout_cost > 0]) if chosen), [])
    evidence, evidence_pilot, credited = _evidence(funded, pilots, figures, set(focus))
    # "The pilot worked: scale it" only when every ask funds what a pilot showed working.
    scales = priced and not unfunded and evidence is not None and evidence.improved and credited > 0
    # Everything the asks are about, funded or not: what a card that sums the asks sums over.
    about_views = [i for i in initiatives if i.id in about_ids or any(i in (a.initiative, *a.others) for a in asks)]
    return DecisionView(state, asks, funded, totals_view(funded, figures, fmt), evidence,
                        evidence_pilot, priced, scales, time_cost, fmt.money_spoken(time_cost) if time_cost else "",
                        fmt.money_short(time_cost) if time_cost else "", about_views,
                        fmt.number(_reach(about_views)) if about_views else "", time_asks)


def _evidence(funded: list[InitiativeView], pilots: list[PilotView], figures: Figures,
              focus: set[str]) -> tuple[ResultView | None, PilotView | None, float]:
    """The result to say in one line: one the deck presents first, then one that carries money,
    then one on a metric the meeting is about (`focus`: its metrics; any when empty), then the best evidenced (a
    comparison group, then an isolation estimate, then neither; a pilot the review does not
    doubt before one it does), then the one that carries most of the benefit; with the benefit
    a year it is credited with; when nothing they fund is priced, one of their pilots' results
    all the same (what the pilot showed is the point of the asks). Never a result on a tiny
    count (`ResultView.tiny`): a change of one or two events is no headline, whatever its percentage."""
    results = {(p.id, r.metric_id): (p, r) for p in pilots for r in p.results if not r.tiny}

    def rank(pilot: PilotView, result: ResultView, value: float) -> tuple[bool, bool, bool, int, bool, float]:
        presented = pilot.state == "presented" and any(
            not page.backup and any(r is result for r in page.results) for page in pilot.pages)
        compared = 2 if result.has_control else 1 if (
            result.isolation_given or result.trend_after_text or result.estimates) else 0
        # A handful of events (W318) doubts only its tiny results, which are never the headline;
        # a result that carries money before one that carries none, which evidences nothing priced.
        return (presented, value > 0, not focus or result.metric_id in focus, compared,
                not _doubts(pilot) - {"W318"}, value)

    ranked = [(rank(*results[key], used.rollout_annual_benefit or 0.0), results[key])
              for i in funded for used in figures.initiatives[i.id].results_used
              if (key := (used.pilot_id, used.metric_id)) in results]
    # Nothing priced: the results of their pilots still say what the pilots showed. (Where the
    # money rests on tiny counts only, no other result stands in for it beside the money.)
    ids = {i.id for i in funded}
    priced = any(used.rollout_annual_benefit for i in funded for used in figures.initiatives[i.id].results_used)
    ranked = ranked or ([] if priced else [(rank(p, r, 0.0), (p, r)) for p, r in results.values()
                                           if p.initiative_id in ids])
    if not ranked:
        return None, None, 0.0
    rank_of, (pilot, result) = max(ranked, key=lambda pair: pair[0])
    return result, pilot, rank_of[5]


def _reach(initiatives: list[InitiativeView]) -> int:
    """The people the initiatives reach between them: an audience two of them share counts once."""
    if not all(i.reach for i in initiatives):
        return sum(i.headcount for i in initiatives)
    return sum(dict(pair for i in initiatives for pair in i.reach).values())
