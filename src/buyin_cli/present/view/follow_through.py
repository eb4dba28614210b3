"""Follow-through in the view: since we last met, the roll-out against its targets, what changed."""

from __future__ import annotations

from buyin_cli.figures.direction import Direction, Moved
from buyin_cli.figures.followup import State as FollowUpState
from buyin_cli.load.models import Verdict
from buyin_cli.plan.agenda import State
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class DecisionTakenView:
    number: int
    ask: str
    decision: Verdict
    note: str | None


@dataclass(frozen=True)
class FollowUpView:
    action: str
    owner: str
    due_text: str
    state: FollowUpState


@dataclass(frozen=True)
class TargetStatusView:
    period: str
    period_text: str  # June 2026
    target: float  # 0–1
    target_text: str
    completion: float | None  # the reading that answers it, 0–1
    completion_text: str | None
    status: str  # reached, on track, behind, not due yet, no reading
    due_completion: float | None  # the reading once the period is due; None before (not plotted)


@dataclass(frozen=True)
class RolloutView:
    title: str
    launch_text: str | None
    headcount_text: str
    completed_text: str | None  # the latest reading: completed people
    completion_text: str | None  # the latest reading, as a share of the audience
    latest_period: str | None
    latest_period_text: str | None
    targets: list[TargetStatusView]
    behind: list[TargetStatusView]


@dataclass(frozen=True)
class MoveView:
    name: str
    unit: str
    is_percent: bool
    before_text: str
    after_text: str
    after_period: str | None
    change_text: str  # unsigned
    moved: Moved
    direction: Direction


@dataclass(frozen=True)
class SinceView:
    """The opening of a briefing that follows an earlier one with the same stakeholder."""

    held_text: str
    decisions: list[DecisionTakenView]
    follow_ups: list[FollowUpView]
    rollouts: list[RolloutView]
    moved: list[MoveView]
    state: State

    @property
    def approved(self) -> int:
        return sum(d.decision == "approved" for d in self.decisions)

    @property
    def open_follow_ups(self) -> list[FollowUpView]:
        return [f for f in self.follow_ups if f.state != "done"]


@dataclass(frozen=True)
class FigureChangeView:
    title: str
    figure: str  # roi_pct, payback_months, rollout_benefit, rollout_cost
    before_text: str
    after_text: str
    direction: Direction


@dataclass(frozen=True)
class LaunchView:
    title: str
    date_text: str


@dataclass(frozen=True)
class UptakeView:
    """The latest completion reading of a roll-out: 55% of 240 by Q4 2025."""

    title: str
    completion_text: str
    headcount_text: str
    period_text: str


@dataclass(frozen=True)
class ChangesView:
    """What has changed since a revision of the strategy (brief --since)."""

    since: str
    moved: list[MoveView]
    pilots_added: list[str]  # their groups
    results_added: list[str]  # "group: metric"
    figures: list[FigureChangeView]
    decisions: list[DecisionTakenView]
    launches: list[LaunchView]
    uptake: list[UptakeView]
