"""The meeting's arithmetic: what a briefing presents in its minutes, and what waits in the backup.

One model serves the readiness review (W503) and the deck, so they never disagree:

- Focus narrows the content: the objectives in focus (all when none is named), the
  initiatives that serve them, those initiatives' pilots and audiences, the metrics of
  the objectives and of the pilots' results, and the objections that matter (the
  answers to the stakeholder's concerns, and those backed by a pilot presented). An
  initiative an ask funds comes too, even outside the focus, with its pilots and, after
  the essentials, the objectives it serves: the room sees the metric the money moves.
- The minutes give a budget of content slides (plan/minutes.py).
- Content is placed by priority (the decision and the asks, then the first objective with
  the first page of each pilot's evidence, the numbers where the asks ask for money (and the
  years of an asked roll-out that pays back only after its first year), each
  other objective the briefing names in its focus, what we heard, the showcase, a pilot's
  further pages up to the last with a result that carries money, the objectives of what is
  funded outside the focus, the numbers' chart, then the pages on what the meeting is about, the
  sponsor, then the rest: with no focus named, the other objectives
  come after the sponsor; the numbers where no money is asked wait in the backup). So a narrow template,
  charting one result a slide, presents the same sections as a wide one. What does not fit
  is a hidden backup slide, at most BACKUP_LIMIT of them; the rest is left to the talking points.
- The essentials are the decision, the asks, each objective in focus, the first page of
  each pilot's evidence and the numbers the asks ask money for: a meeting too short for them gets W503.
- An initiative no ask funds (one only piloted, or asked for support) has its cost and
  years slides in the backup: the meeting is not asked for that money.
"""

from __future__ import annotations

import math
from dataclasses import field
from typing import Literal

from buyin_cli.figures.compute import Figures
from buyin_cli.figures.followup import previous_meeting
from buyin_cli.load.models import Briefing, Initiative, Pilot, Strategy
from buyin_cli.plan.answers import Answers
from buyin_cli.plan.asks import asked_initiatives, asks_unnamed_money, funded_initiatives
from buyin_cli.plan.minutes import BACKUP_LIMIT, CHARTS_PER_SLIDE, charts_per_slide, minutes_for, slide_budget
from buyin_cli.plan.results import money_pages
from buyin_cli.records import dataclass

State = Literal["presented", "backup", "omitted"]
# Sections in the order the story tells them (docs/deck.md): answer first, then the support.
STORY = ("since", "changes", "decision", "business_case", "heard", "learners", "costs", "evidence", "quotes",
         "numbers", "numbers_chart", "years", "endorsement", "showcase", "asks", "working")


@dataclass(frozen=True)
class Unit:
    """Slides about one thing: a section, and the item it is about (an id, or None)."""

    section: str
    key: str | None = None
    slides: int = 1
    essential: bool = False
    backup_only: bool = False  # ready for the question, never presented


@dataclass(frozen=True)
class Agenda:
    """What one briefing covers, what it presents in its minutes, and what waits in the backup."""

    minutes: int
    budget: int  # content slides that can be presented, besides the title and the questions
    objectives: tuple[str, ...]  # in focus, in the order to present them
    initiatives: tuple[str, ...]
    pilots: tuple[str, ...]
    audiences: tuple[str, ...]
    metrics: tuple[str, ...]
    objections: tuple[int, ...]  # positions in the strategy's objections
    charts: int = CHARTS_PER_SLIDE  # a pilot's result charts to a slide
    states: dict[tuple[str, str | None], State] = field(default_factory=dict)
    essential_slides: int = 0
    presented_slides: int = 0
    pages: dict[str, int] = field(default_factory=dict)  # a presented pilot's pages presented
    # Outside the focus, the objectives of what an ask funds: the metric the money moves has
    # its slide too, after the essentials.
    also: tuple[str, ...] = ()

    def state(self, section: str, key: str | None = None) -> State | None:
        """Where a section's slides about `key` go; None when the briefing has no such slides."""
        return self.states.get((section, key))

    def units(self, state: State) -> list[tuple[str, str | None]]:
        """The (section, key) units in `state`, in the order the story tells them."""
        chosen = [unit for unit, s in self.states.items() if s == state]
        return sorted(chosen, key=lambda unit: STORY.index(unit[0]))

    @property
    def fits(self) -> bool:
        """Whether every essential is presented."""
        return self.essential_slides <= self.budget

    @property
    def minutes_needed(self) -> int:
        """The shortest meeting that presents every essential and keeps a third for questions."""
        return minutes_for(self.essential_slides)


class Planner:
    """Plans the briefings of one strategy, from lookups built once, not scans per briefing."""

    def __init__(self, strategy: Strategy, figures: Figures):
        self.strategy, self.figures = strategy, figures
        self.answers = Answers(strategy.objections, {p.id: (p.id, p.group) for p in strategy.pilots})
        self.objectives, self.stakeholders = strategy.index.objectives, strategy.index.stakeholders
        self.initiatives_of: dict[str, list[Initiative]] = {}  # by objective, in file order
        for i in strategy.initiatives:
            for objective in dict.fromkeys(i.objectives):
                self.initiatives_of.setdefault(objective, []).append(i)
        self.initiative_at, self.pilot_at = strategy.index.at("initiatives"), strategy.index.at("pilots")
        self.pilots_of: dict[str, list[Pilot]] = {}  # by initiative, in file order
        for p in strategy.pilots:
            self.pilots_of.setdefault(p.initiative, []).append(p)
        self.backed_by: dict[str | None, list[int]] = {}  # objections by the pilot they cite
        for n, o in enumerate(strategy.objections):
            self.backed_by.setdefault(o.evidence, []).append(n)
        self.meetings: dict[str, list[Briefing]] = {}  # by stakeholder, in file order
        for b in strategy.briefings:
            self.meetings.setdefault(b.stakeholder, []).append(b)
        self.with_gaps = {a.id for a in strategy.audiences
                          if a.gaps.knowledge or a.gaps.skills or a.gaps.motivation}
        self.costed = {i.id for i in strategy.initiatives if i.costs}
        # The audiences of each initiative whose costs price its learners' time: an ask for
        # that time is about it (plan.asks.whose_time).
        audiences = strategy.index.audiences
        self.timed = {i.id: [audiences[a].name for a in i.audiences] for i in strategy.initiatives
                      if any(c.category == "participants-time" for c in i.costs)}

    def agenda(self, briefing: Briefing, *, changes: bool = False,
               width: float | None = None) -> Agenda:
        """The agenda of `briefing` (see plan_agenda)."""
        return _plan(self, briefing, changes, charts_per_slide(width))


def plan_agenda(strategy: Strategy, figures: Figures, briefing: Briefing, *,
                changes: bool = False, width: float | None = None) -> Agenda:
    """The agenda of `briefing`: its content narrowed by focus, placed by priority in its minutes.

    A briefing after an earlier one with the same stakeholder that has an outcome opens
    with "since we last met"; `changes` (brief --since) adds "what has changed".
    `width`: the content area of the deck's slides, in points, when the PowerPoint template
    is known: a narrow one charts each of a pilot's results on a slide of its own.
    To plan many briefings of one strategy, make one Planner and ask it for each.
    """
    return Planner(strategy, figures).agenda(briefing, changes=changes, width=width)


def _plan(plan: Planner, briefing: Briefing, changes: bool, charts: int) -> Agenda:
    strategy, figures = plan.strategy, plan.figures
    focus = list(dict.fromkeys(briefing.focus)) or [o.id for o in strategy.objectives]
    # What the asks fund leads, even outside the focus: its pilots first, in the asks' order.
    asked = asked_initiatives(briefing, strategy.initiatives, plan.timed)
    rank = {i: n for n, i in enumerate(asked)}

    def by_asks(initiative: str) -> tuple[int, int]:
        return rank.get(initiative, len(rank)), plan.initiative_at[initiative]

    by_objective = {o: sorted((i.id for i in plan.initiatives_of.get(o, [])), key=by_asks)
                    for o in focus}
    initiatives = sorted({i for o in focus for i in by_objective[o]} | set(asked),
                         key=plan.initiative_at.__getitem__)
    pilots = sorted((p for i in initiatives for p in plan.pilots_of.get(i, [])),
                    key=lambda p: (by_asks(p.initiative), plan.pilot_at[p.id]))
    pilot_ids = [p.id for p in pilots]
    funded = funded_initiatives(briefing, strategy.initiatives)
    also = _also(plan, funded, focus)
    audiences = list(dict.fromkeys(a for i in initiatives
                                   for a in strategy.index.initiatives[i].audiences))
    metrics = list(dict.fromkeys([m for o in focus + also for m in plan.objectives[o].metrics]
                                 + [r.metric for p in pilots for r in p.results]))
    stakeholder = plan.stakeholders[briefing.stakeholder]
    objections = _objections_that_matter(plan, stakeholder.concerns, pilot_ids)

    monetised = [i for i in initiatives if figures.initiatives[i].results_used]
    with_gaps, costed = plan.with_gaps, plan.costed
    pilots_of = {i: plan.pilots_of.get(i, []) for i in initiatives}

    focused = ({m for o in focus for m in plan.objectives[o].metrics} if briefing.focus else None)
    pages: dict[str, int] = {}  # the slides each pilot's evidence draws
    # A pilot's further pages, after what we heard: up to the last with a result that carries
    # money (on what the meeting is about, or the pilot's most), then the others on it.
    money: list[Unit] = []
    more: list[Unit] = []

    def evidence(objective: str | None, placed: set[str]) -> list[Unit]:
        """The pilots of an objective's initiatives, or with None those of what is asked:
        each one's first page (the others wait in `money` and `more`)."""
        units = []
        for initiative in by_objective[objective] if objective else asked:
            for pilot in pilots_of[initiative]:
                if pilot.id not in placed:
                    placed.add(pilot.id)
                    pages[pilot.id] = max(1, math.ceil(len(pilot.results) / charts))
                    through, last = money_pages(pilot, focused, figures, charts)
                    money.extend(Unit("pages", pilot.id) for _ in range(through))
                    more.extend(Unit("pages", pilot.id) for _ in range(through + 1, last + 1))
                    units.append(Unit("evidence", pilot.id, essential=True))
        return units

    placed: set[str] = set()
    first, rest = focus[:1], focus[1:]
    priority = [Unit("decision", essential=True), Unit("asks", essential=True)]
    if previous_meeting(strategy, briefing, plan.meetings[briefing.stakeholder]) is not None:
        priority.insert(0, Unit("since", essential=True))
    if changes:
        priority.insert(0, Unit("changes", essential=True))
    for objective in first:
        priority += [Unit("business_case", objective, essential=True)] + evidence(objective, placed)
    priority += evidence(None, placed)
    # The table is essential where the asks ask for money; else ready in the backup. Two or more
    # priced (those the asks fund, else all) have their bars on a slide of their own: the same
    # figures as a picture, presented only when the evidence that carries money is.
    unnamed = asks_unnamed_money(briefing, strategy.initiatives)
    numbered = [i for i in monetised if i in funded] or monetised
    # (Where what the asks fund has no money yet, the table would total roll-outs nobody asks
    # for: ready in the backup, not presented.)
    numbers = Unit("numbers", essential=any(i in monetised for i in funded) or unnamed)
    charted = [Unit("numbers_chart", backup_only=not numbers.essential)] if len(numbered) > 1 else []
    priority += [numbers] if monetised and numbers.essential else []
    # An asked roll-out that pays back only after its first year: its years answer the numbers.
    later = [i for i in funded if i in monetised and figures.initiatives[i].horizon_years > 1
             and figures.initiatives[i].rollout_benefit < figures.initiatives[i].rollout_cost]
    priority += [Unit("years", i) for i in later]
    if briefing.focus:  # named for this meeting: each of them before what the room did not ask for
        for objective in rest:
            priority += [Unit("business_case", objective, essential=True)] + evidence(objective, placed)
        rest = []
    if stakeholder.needs or stakeholder.concerns or stakeholder.benefits:
        priority.append(Unit("heard"))
    # The course shown (the one showcase) before a pilot's further pages, so 4:3 keeps the demo 16:9 shows;
    # then the evidence that carries money on the meeting's focus before the objectives it did not ask about.
    showcase = [Unit("showcase")] if briefing.showcase is not None else []
    priority += showcase + money + [Unit("business_case", o) for o in also]
    priority += (charted if numbers.essential else []) + more
    if strategy.sponsor is not None:
        priority.append(Unit("endorsement"))
    if monetised and not numbers.essential:
        priority += [Unit("numbers", backup_only=True)] + charted
    for objective in rest:
        priority += [Unit("business_case", objective, essential=True)] + evidence(objective, placed)
    # The money of an initiative no ask funds is ready for the question, not presented.
    # (An ask for money that names no initiative may fund any of them: theirs stay presented.)
    # A roll-out no ask here is about (funds, asks time or a pilot of, agrees to) has no costing at all.
    unasked = set() if unnamed else set(initiatives) - set(funded)
    costable = set(initiatives) if unnamed or not asked else set(asked) | set(funded)
    priority += [Unit("costs", i, backup_only=i in unasked) for i in initiatives if i in costed and i in costable]
    priority += [Unit("years", i, backup_only=i in unasked) for i in monetised
                 if figures.initiatives[i].horizon_years > 1 and i not in later and i in costable]
    priority += [Unit("learners", a) for a in audiences if a in with_gaps]
    if any(p.quotes for p in pilots):
        priority.append(Unit("quotes"))

    budget = slide_budget(briefing.minutes)
    states: dict[tuple[str, str | None], State] = {}
    shown: dict[str, int] = {}  # pages presented, by pilot
    used = 0
    for unit in priority:
        if unit.backup_only or used + unit.slides > budget:
            continue
        if unit.section == "pages":  # a further page of a pilot presented
            if states.get(("evidence", unit.key)) != "presented":
                continue
            shown[unit.key or ""] += 1
        else:
            states[(unit.section, unit.key)] = "presented"
            shown.update({unit.key or "": 1} if unit.section == "evidence" else {})
        used += unit.slides
    # The backup: the pages of the pilots presented that were not, the working behind the
    # figures presented, then what did not fit.
    hidden = sum(pages[p] - n for p, n in shown.items())
    backup = [Unit("working", i) for i in monetised] + [
        Unit(u.section, u.key, pages[u.key] if u.section == "evidence" and u.key else u.slides)
        for u in priority if u.section != "pages" and (u.section, u.key) not in states]
    for unit in backup:
        fits = hidden + unit.slides <= BACKUP_LIMIT
        states[(unit.section, unit.key)] = "backup" if fits else "omitted"
        hidden += unit.slides if fits else 0
    return Agenda(
        minutes=briefing.minutes, budget=budget, objectives=tuple(focus),
        initiatives=tuple(initiatives), pilots=tuple(pilot_ids), audiences=tuple(audiences),
        metrics=tuple(metrics), objections=objections, charts=charts, states=states,
        essential_slides=sum(u.slides for u in priority if u.essential), presented_slides=used,
        pages=shown, also=tuple(also))


def _also(plan: Planner, funded: list[str], focus: list[str]) -> list[str]:
    """The objectives of the initiatives an ask funds that serve none of the objectives in focus."""
    initiatives = [plan.strategy.initiatives[plan.initiative_at[i]] for i in funded]
    return list(dict.fromkeys(o for i in initiatives if not set(i.objectives) & set(focus)
                              for o in i.objectives if o in plan.objectives))


def _objections_that_matter(plan: Planner, concerns: list[str], pilots: list[str]) -> tuple[int, ...]:
    """The answers to the stakeholder's concerns, then those backed by a pilot presented or by none."""
    chosen = {n for n in plan.answers.match(concerns) if n is not None}
    chosen.update(plan.backed_by.get(None, []))
    chosen.update(n for p in pilots for n in plan.backed_by.get(p, []))
    return tuple(sorted(chosen))
