"""The stakeholder, the sponsor and the objections for the view, narrowed to what matters here."""

from __future__ import annotations

import re

from buyin_cli.load.models import Objection, Pilot, Sponsor, Stakeholder
from buyin_cli.plan.agenda import State
from buyin_cli.plan.answers import Answers
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.view import ConcernView, ObjectionView, SponsorView, StakeholderView, TargetView
from buyin_cli.review.heuristics import is_group, said_name


def stakeholder_view(person: Stakeholder, answers: Answers,
                     pilots: dict[str, Pilot]) -> tuple[StakeholderView, set[int]]:
    """The stakeholder with the prepared answer to each concern; those answers' places among
    the strategy's objections."""
    concerns, used = [], set()
    said = list(dict.fromkeys(person.concerns))  # each concern once
    for concern, n in zip(said, answers.match(said)):
        match = None if n is None else answers.objections[n]
        if n is not None:
            used.add(n)
        near = answers.near(concern) if match is None else None
        concerns.append(ConcernView(concern, match.response if match else None,
                                    pilots[match.evidence].group if match and match.evidence else None,
                                    near[0].response if near else None))
    group = is_group(person.name)
    name = said_name(person.name)  # "Gareth Hughes", though the strategy lists "Hughes, Gareth"
    # "Matrons, all three hospitals, Ward matrons …" reads as a list, as does a role that is one
    # ("Vorstand, Oberbürgermeister, Bürgermeisterin und Beigeordnete"): the role goes in brackets.
    apart = group or "," in name or "," in person.role
    view = StakeholderView(name, person.role, group, list(person.needs),
                           concerns, list(person.benefits),
                           group_role=_group_role(name, person.role) if apart else "",
                           role_apart=apart)
    return view, used


_COUNT = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def _group_role(name: str, role: str) -> str:
    """What a group's role says that its name does not, for one pair of brackets after the
    name: "Area managers (22)" beside "Area managers, North and South" says "22"."""
    match = _COUNT.match(role)
    words, count = (match.group(1), match.group(2)) if match else (role.strip(), "")
    if words.casefold() in name.casefold():
        return count
    return f"{words}, {count}" if count else words


def objection_view(objection: Objection, pilots: dict[str, Pilot], answers_a_concern: bool) -> ObjectionView:
    return ObjectionView(objection.objection, objection.response,
                         pilots[objection.evidence].group if objection.evidence else None,
                         answers_a_concern)


def sponsor_view(sponsor: Sponsor, fmt: Formatter, state: State) -> SponsorView:
    return SponsorView(state, said_name(sponsor.name), sponsor.role, sponsor.quote,
                       [TargetView(t.period, fmt.period(t.period), t.completion,
                                   fmt.percent(t.completion * 100, 0))
                        for t in sponsor.usage_targets])
