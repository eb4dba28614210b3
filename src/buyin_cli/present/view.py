"""The briefing view: the frozen, already formatted values a meeting's templates receive.

Templates receive one `BriefingView` and only format it: every figure in it is
already computed, every number already written for the strategy's locale, every
list already in the order to present it. view_builder.py builds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    label: str
    value: float
    text: str


@dataclass(frozen=True)
class MetricView:
    id: str
    name: str
    unit: str
    better: str
    baseline: float
    target: float
    actual: float | None
    baseline_text: str
    target_text: str
    actual_text: str | None
    progress_pct: float | None
    progress_text: str
    value_per_unit_text: str | None
    source: str | None
    history: list[Reading]


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    title: str
    owner: str
    driver: str
    in_focus: bool
    metrics: list[MetricView]


@dataclass(frozen=True)
class GapView:
    need: str
    evidence: str | None
    response: str


@dataclass(frozen=True)
class AudienceView:
    id: str
    name: str
    headcount: int
    headcount_text: str
    knowledge: list[GapView]
    skills: list[GapView]
    motivation: list[GapView]


@dataclass(frozen=True)
class CostView:
    item: str
    kind: str
    amount: float
    amount_text: str


@dataclass(frozen=True)
class InitiativeView:
    id: str
    title: str
    format: str
    audiences: list[str]
    objectives: list[str]
    headcount: int
    headcount_text: str
    costs: list[CostView]
    one_off_text: str
    per_year_text: str
    per_participant_text: str
    rollout_cost: float
    rollout_cost_text: str
    rollout_benefit: float
    rollout_benefit_text: str
    monetised: bool
    roi_text: str
    bcr_text: str
    payback_text: str
    break_even_text: str
    roi_at_half_text: str
    pilots: list[str]


@dataclass(frozen=True)
class ResultView:
    metric: str
    unit: str
    per: str
    before_text: str
    after_text: str
    has_control: bool
    control_before_text: str | None
    control_after_text: str | None
    before: float
    after: float
    control_before: float | None
    control_after: float | None
    improvement_text: str
    control_improvement_text: str
    isolation_text: str
    confidence_text: str
    attributable_text: str
    pilot_annual_benefit_text: str | None
    rollout_annual_benefit_text: str | None


@dataclass(frozen=True)
class QuoteView:
    text: str
    by: str


@dataclass(frozen=True)
class PilotView:
    id: str
    initiative: str
    group: str
    participants: int
    start_text: str
    end_text: str
    cost_text: str
    benefit_text: str
    roi_text: str
    reaction_text: str | None
    learning_pre_text: str | None
    learning_post_text: str | None
    learning_gain_text: str | None
    usage_text: str | None
    completion_text: str | None
    results: list[ResultView]
    quotes: list[QuoteView]


@dataclass(frozen=True)
class ConcernView:
    concern: str
    answer: str | None
    evidence: str | None


@dataclass(frozen=True)
class ObjectionView:
    objection: str
    response: str
    evidence: str | None
    answers_concern: bool  # it is the prepared answer to one of this stakeholder's concerns


@dataclass(frozen=True)
class TargetView:
    period: str
    completion_text: str


@dataclass(frozen=True)
class SponsorView:
    name: str
    role: str
    quote: str
    usage_targets: list[TargetView]


@dataclass(frozen=True)
class WorkingStep:
    label: str
    working: str  # the formula with the strategy's numbers, and its result
    source: str


@dataclass(frozen=True)
class NotReady:
    code: str
    message: str
    where: str


@dataclass(frozen=True)
class Accepted:
    code: str
    message: str
    reason: str
    where: str


@dataclass(frozen=True)
class Timing:
    minutes: int
    sections: dict[str, float]
    presenting: float
    discussion: float


@dataclass(frozen=True)
class BriefingView:
    """One meeting: what its deck and talking points hold."""

    id: str
    organisation: str
    title: str
    presenter_name: str
    presenter_role: str
    currency: str
    money_format: str  # an Excel number format for money on charts, e.g. "£"#,##0
    date_text: str
    minutes: int
    opening_question: str
    asks: list[str]
    showcase_title: str | None
    showcase_url: str | None
    showcase_link: str | None  # the url as a clickable address (https:// added to www.…), if it is one
    stakeholder_name: str
    stakeholder_role: str
    needs: list[str]
    concerns: list[ConcernView]
    benefits: list[str]
    objectives: list[ObjectiveView]
    audiences: list[AudienceView]
    initiatives: list[InitiativeView]
    pilots: list[PilotView]
    sponsor: SponsorView | None
    objections: list[ObjectionView]
    timing: Timing
    has: dict[str, bool]
    working: list[WorkingStep] = field(default_factory=list)
    not_ready: list[NotReady] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
