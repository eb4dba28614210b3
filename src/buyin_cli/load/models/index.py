"""A strategy's items by id, and where each stands in its list: built once per strategy.

Every stage looks items up by the ids that reference them (a pilot's initiative, a
result's metric, a briefing's stakeholder). `Strategy.index` builds these lookups on
first use and keeps them: the strategy is frozen, and a copy of it starts without
them (see Strategy.__copy__), so they never describe other lists than its own.
The loader rejects a duplicate id (E301), so each id names one item.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from buyin_cli.load.models.business import Metric, Objective
from buyin_cli.load.models.evidence import Pilot
from buyin_cli.load.models.learners import Audience
from buyin_cli.load.models.meetings import Briefing
from buyin_cli.load.models.people import Stakeholder
from buyin_cli.load.models.proposal import Initiative
from buyin_cli.records import dataclass

if TYPE_CHECKING:
    from buyin_cli.load.models.strategy import Strategy


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Index:
    """Each section's items by id, in file order."""

    objectives: dict[str, Objective]
    metrics: dict[str, Metric]
    audiences: dict[str, Audience]
    initiatives: dict[str, Initiative]
    pilots: dict[str, Pilot]
    stakeholders: dict[str, Stakeholder]
    briefings: dict[str, Briefing]
    positions: dict[str, dict[str, int]]  # section → id → its place in the section's list

    @classmethod
    def of(cls, strategy: Strategy) -> Index:
        sections = {name: getattr(strategy, name) for name in SECTIONS}
        return cls(**{name: {item.id: item for item in items} for name, items in sections.items()},
                   positions={name: _positions(items) for name, items in sections.items()})

    def at(self, section: str) -> dict[str, int]:
        """Where each item of `section` (e.g. "metrics") stands in its list, by id."""
        return self.positions[section]

    def headcount(self, initiative: Initiative | None) -> int:
        """The people `initiative` serves: the headcount of each of its audiences, counted once.
        Figures are computed on models validated alone too, so an unknown audience (which the
        loader refuses, E302) or initiative counts no one."""
        if initiative is None:
            return 0
        return sum(self.audiences[a].headcount for a in initiative.each_audience if a in self.audiences)


SECTIONS = ("objectives", "metrics", "audiences", "initiatives", "pilots", "stakeholders", "briefings")


def _positions(items: Sequence[_HasId]) -> dict[str, int]:
    return {item.id: n for n, item in enumerate(items)}
