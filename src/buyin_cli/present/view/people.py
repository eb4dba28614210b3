"""The people in the view: the stakeholder briefed, the sponsor, and the questions to prepare for."""

from __future__ import annotations

from buyin_cli.present.view.base import Placed
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class ConcernView:
    concern: str
    answer: str | None
    evidence: str | None  # the group of the pilot that backs the answer
    # With no answer: the nearest prepared one, which shares too few words to be shown as its
    # answer but may be what the trainer meant (the notes offer it, to check before the meeting).
    near: str | None = None


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
    # What a group's role adds beside its name, once: "22" for "Area managers (22)" beside "Area
    # managers, North and South"; "" when the name says it all; the role otherwise, its own
    # brackets opened ("site leads, 12"), since the deck puts it in brackets.
    group_role: str = ""
    # Whether the role stands apart from the name, in brackets (group_role) rather than after a
    # comma: a group's, or one beside a name with a comma of its own ("Matrons, all three
    # hospitals"), where "name, role" would read as one list.
    role_apart: bool = False


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
