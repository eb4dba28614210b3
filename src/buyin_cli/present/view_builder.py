"""Building a briefing's view: its content narrowed by focus, placed by the agenda, written for the locale.

The agenda (plan/agenda.py) says what the meeting covers and where each item's
slides go; the builders in present/build/ write each item for the strategy's
locale. The readiness review's findings are narrowed to what this briefing
presents, so one meeting's gaps never appear in another's talking points.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, TypeVar

from buyin_cli.codes import CODES
from buyin_cli.figures.compute import Figures
from buyin_cli.figures.followup import since_last_met
from buyin_cli.figures.rollout import rollout, trend_marks
from buyin_cli.load.models import Briefing, Strategy
from buyin_cli.load.sourcemap import Path_
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.plan.agenda import Agenda, Planner, State
from buyin_cli.present.build.business import metric_view, objective_view
from buyin_cli.present.build.doubts import doubts_by_item
from buyin_cli.present.build.evidence import pilot_view
from buyin_cli.present.build.follow_through import changes_view, rollout_view, since_view
from buyin_cli.present.build.meeting import decision_view, totals_view
from buyin_cli.present.build.people import objection_view, sponsor_view, stakeholder_view
from buyin_cli.present.build.proposal import audience_view, initiative_view
from buyin_cli.present.build.units import Units
from buyin_cli.present.numbers import Formatter, deck_formatter
from buyin_cli.present.view import Accepted, BriefingView, NotReady, QuoteView
from buyin_cli.review.heuristics import said_name
from buyin_cli.review.score import Readiness

if TYPE_CHECKING:  # what changed is built only for brief --since
    from buyin_cli.figures.changes import Comparison

ONE_SLIDE_SECTIONS = ("since", "changes", "decision", "heard", "numbers", "numbers_chart", "endorsement", "showcase",
                      "quotes", "asks")


def build_view(loaded: LoadedStrategy, figures: Figures, readiness: Readiness | None,
               briefing: Briefing, fmt: Formatter | None = None,
               changes: Comparison | None = None, draft: bool = False,
               width: float | None = None) -> BriefingView:
    """The view of one briefing, tailored to its stakeholder, its focus and its minutes.

    `changes`: what has changed since an earlier version (brief --since), for its slide.
    `draft`: rendered anyway despite an impossible figure (brief --draft).
    `width`: the content area of the deck's slides in points, when the template is known.
    """
    strategy = loaded.strategy
    fmt = fmt or deck_formatter(strategy.currency, strategy.locale)
    idx = strategy.index
    planner = Planner(strategy, figures)
    agenda = planner.agenda(briefing, changes=changes is not None, width=width)
    since = since_last_met(strategy, briefing)

    def state(section: str, key: str | None = None) -> State:
        return agenda.state(section, key) or "omitted"

    stakeholder, answering = stakeholder_view(idx.stakeholders[briefing.stakeholder],
                                              planner.answers, idx.pilots)
    objections = [objection_view(strategy.objections[n], idx.pilots, n in answering) for n in agenda.objections]
    position = idx.at("metrics")
    sizes = {p.group: (p.participants, figures.initiatives[p.initiative].headcount) for p in strategy.pilots}
    metrics = {m: metric_view(idx.metrics[m], figures, fmt, trend_marks(strategy, idx.metrics[m]),
                              loaded.sources.tables.get(("metrics", position[m], "history")), sizes)
               for m in agenda.metrics}
    person = idx.stakeholders[briefing.stakeholder]
    objectives = [objective_view(idx.objectives[o], metrics, state("business_case", o),
                                 (person.name, person.role))
                  for o in agenda.objectives + agenda.also]
    doubts = doubts_by_item(readiness, strategy, figures)
    initiatives = [replace(initiative_view(idx.initiatives[i], idx, figures, fmt,
                                           state("costs", i), agenda.state("working", i),
                                           agenda.state("years", i)),
                           doubts=doubts.get(("initiatives", i), []))
                   for i in agenda.initiatives]
    backing = {p: [o for n, o in zip(agenda.objections, objections)
                   if strategy.objections[n].evidence == p] for p in agenda.pilots}
    # The metrics of the objectives the meeting is about, when it names them.
    focus = (tuple(m for o in agenda.objectives for m in idx.objectives[o].metrics)
             if briefing.focus else None)
    pilots = [replace(pilot_view(idx.pilots[p], idx.initiatives[idx.pilots[p].initiative].title,
                                 figures, idx.metrics, fmt, state("evidence", p), backing[p],
                                 focus, agenda.charts, agenda.pages.get(p, 0)),
                      doubts=doubts.get(("pilots", p), []))
              for p in agenda.pilots]
    monetised = [i for i in initiatives if i.monetised]
    decision = decision_view(briefing, initiatives, pilots, figures, fmt, state("decision"),
                             strategy.initiatives, focus or ())
    # The numbers total what slide 2 asks money for, so the two reconcile; else what is priced.
    numbered = ([i for i in decision.initiatives if i.monetised or (decision.priced and i.rollout_cost > 0)]
                if any(i.monetised for i in decision.initiatives) else monetised)
    showcase = briefing.showcase
    return BriefingView(
        id=briefing.id,
        organisation=strategy.organisation,
        title=strategy.title,
        presenter_name=said_name(strategy.presenter.name),
        presenter_role=strategy.presenter.role,
        currency=strategy.currency,
        money_format=fmt.excel_money_format(), percent_sign=fmt.percent_sign(),
        language_tag=fmt.language_tag(),
        date_text=fmt.date(briefing.date),
        minutes=briefing.minutes,
        slide_budget=agenda.budget,
        opening_question=briefing.opening_question,
        stakeholder=stakeholder,
        decision=decision,
        asks=decision.asks,
        objectives=objectives,
        audiences=[audience_view(idx.audiences[a], fmt, state("learners", a))
                   for a in agenda.audiences],
        initiatives=initiatives,
        pilots=pilots,
        quotes=[QuoteView(q.text, q.by) for p in pilots for q in p.quotes],
        numbers=totals_view(numbered, figures, fmt), numbered=numbered,
        sponsor=(sponsor_view(strategy.sponsor, fmt, state("endorsement"))
                 if strategy.sponsor else None),
        objections=objections,
        showcase_title=showcase.title if showcase else None,
        showcase_url=showcase.url if showcase else None,
        showcase_link=web_link(showcase.url) if showcase else None,
        states={section: state(section) for section in ONE_SLIDE_SECTIONS},
        omitted_slides=len(agenda.units("omitted")),
        since=since_view(since, fmt, state("since")) if since is not None else None,
        changes=changes_view(changes, fmt) if changes is not None else None,
        rollouts=[rollout_view(rollout(strategy, idx.initiatives[i], briefing.date), fmt)
                  for i in agenda.initiatives
                  if idx.initiatives[i].launch is not None or idx.initiatives[i].tracking],
        **_readiness(readiness, _relevant(strategy, agenda, briefing), strategy),
        draft=draft,
        units=Units(fmt),
    )


def _relevant(strategy: Strategy, agenda: Agenda, briefing: Briefing) -> set[Path_]:
    """The items whose readiness matters to this briefing: what it presents, and the strategy's own."""
    def positions(section: str, ids: tuple[str, ...]) -> set[Path_]:
        at = strategy.index.at(section)
        return {(section, at[i]) for i in ids}

    own: set[Path_] = {(), ("sponsor",)}
    own |= positions("briefings", (briefing.id,))
    own |= positions("stakeholders", (briefing.stakeholder,))
    for section, ids in (("objectives", agenda.objectives + agenda.also), ("metrics", agenda.metrics),
                         ("initiatives", agenda.initiatives), ("pilots", agenda.pilots),
                         ("audiences", agenda.audiences)):
        own |= positions(section, ids)
    return own


class _ReadinessFields(TypedDict):
    not_ready: list[NotReady]
    accepted: list[Accepted]


def _readiness(readiness: Readiness | None, relevant: set[Path_], strategy: Strategy,
               ) -> _ReadinessFields:
    if readiness is None:
        return {"not_ready": [], "accepted": []}
    not_ready = [NotReady(w.code, CODES[w.code].title, w.message, str(w.location),
                          _ask(strategy, w.message) or _subject(strategy, readiness.owner_of(w)))
                 for w in readiness.warnings if relevant.intersection(readiness.about(w))]
    accepted = [Accepted(a.warning.code, CODES[a.warning.code].title, a.warning.message, a.reason,
                         str(a.location), _ask(strategy, a.warning.message) or _subject(strategy, a.owner))
                for a in readiness.accepted if relevant.intersection((a.owner,) + a.also)]
    return {"not_ready": _told_apart(not_ready), "accepted": _told_apart(accepted)}


_FIELD = re.compile(r"^[\w\[\].]*?\.?([a-z_]+)(?:\[\d+\])*:")


_Row = TypeVar("_Row", NotReady, Accepted)


def _told_apart(rows: list[_Row]) -> list[_Row]:
    """The rows of a readiness table, each once, and told apart where two share a flag and an item:
    the same reason said once; else each names the field it is about ("Team leaders (knowledge)")."""
    seen: set[tuple[str, str | None, str]] = set()
    unique = []
    for row in rows:
        key = (row.code, row.subject, getattr(row, "reason", row.message))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    fields = {id(row): m.group(1) if (m := _FIELD.match(row.message)) else "" for row in unique}
    by_item: dict[tuple[str, str | None], set[str]] = {}
    for row in unique:
        by_item.setdefault((row.code, row.subject), set()).add(fields[id(row)])
    shared = Counter((row.code, row.subject) for row in unique)
    # Named by field only where that tells them apart (two gap kinds), not where it does not (two results).
    return [replace(row, subject=f"{row.subject} ({fields[id(row)]})")
            if row.subject and shared[(row.code, row.subject)] > 1
            and len(by_item[(row.code, row.subject)]) == shared[(row.code, row.subject)] else row for row in unique]


# A warning about one ask says where it is first: "briefings[1].asks[3]: …".
_ASK_AT = re.compile(r"^briefings\[(\d+)\]\.asks\[(\d+)\]")


def _ask(strategy: Strategy, message: str) -> str | None:
    """The ask a warning is about, in its own words (W502 "not a decision", W504), else None."""
    at = _ASK_AT.match(message)
    if at is None:
        return None
    briefing, ask = int(at.group(1)), int(at.group(2))
    asks = strategy.briefings[briefing].asks if briefing < len(strategy.briefings) else []
    return asks[ask].decision if ask < len(asks) else None


# The field that names an item to a reader, by the section it is in.
_NAMES = {"metrics": "name", "pilots": "group", "initiatives": "title", "objectives": "title",
          "audiences": "name", "stakeholders": "name"}


def _subject(strategy: Strategy, owner: Path_ | None) -> str | None:
    """What a warning is about, in the strategy's own words: a metric's name, a pilot's group."""
    if not owner or len(owner) < 2 or owner[0] not in _NAMES:
        return None
    name: str = getattr(getattr(strategy, owner[0])[owner[1]], _NAMES[owner[0]])
    return said_name(name) if owner[0] == "stakeholders" else name  # as the deck says it


def web_link(url: str) -> str | None:
    """A web or mail address a deck can link to, or None for anything else (an intranet path)."""
    url = url.strip()
    if re.match(r"^(https?://|mailto:)\S+$", url):
        return url
    if re.match(r"^www\.\S+$", url):
        return "https://" + url
    return None
