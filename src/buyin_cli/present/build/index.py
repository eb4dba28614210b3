"""A strategy's items by id, looked up once per briefing rather than searched for each item."""

from __future__ import annotations

from dataclasses import dataclass

from buyin_cli.load.models import Audience, Initiative, Metric, Objective, Pilot, Stakeholder, Strategy


@dataclass(frozen=True)
class Index:
    objectives: dict[str, Objective]
    metrics: dict[str, Metric]
    audiences: dict[str, Audience]
    initiatives: dict[str, Initiative]
    pilots: dict[str, Pilot]
    stakeholders: dict[str, Stakeholder]


def index(strategy: Strategy) -> Index:
    return Index({o.id: o for o in strategy.objectives}, {m.id: m for m in strategy.metrics},
                 {a.id: a for a in strategy.audiences}, {i.id: i for i in strategy.initiatives},
                 {p.id: p for p in strategy.pilots}, {s.id: s for s in strategy.stakeholders})
