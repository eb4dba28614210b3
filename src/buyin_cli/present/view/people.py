"""The people in the view: the stakeholder briefed, the sponsor, and the questions to prepare for."""

from __future__ import annotations

from buyin_cli.present.view.base import Placed
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class ConcernView:
    concern: str
    answer: str | None
    evidence: str | None  # the group of the pilot that backs the answer


@dataclass(frozen=True)
class ObjectionView:
    objection: str
    response: str
    evidence: str | None
    answers_concern: bool  # it is the prepared answer to one of this stakeholder's concerns


@dataclass(frozen=True)
class StakeholderView:
    name: str
    role: str
    is_group: bool  # a forum, a board, a team: "the Nurse Unit Managers' forum"
    needs: list[str]
    concerns: list[ConcernView]
    benefits: list[str]


@dataclass(frozen=True)
class TargetView:
    period: str
    period_text: str  # June 2026
    completion: float  # a share, 0–1
    completion_text: str


@dataclass(frozen=True)
class SponsorView(Placed):
    name: str
    role: str
    quote: str
    usage_targets: list[TargetView]
