"""The proposal in the view: who learns and what stands in their way, the initiatives and their costs."""

from __future__ import annotations

from dataclasses import field

from buyin_cli.plan.agenda import State
from buyin_cli.present.view.base import DoubtView, Placed
from buyin_cli.present.view.evidence import WorkedResult
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class GapView:
    need: str
    evidence: str | None
    response: str


@dataclass(frozen=True)
class AudienceView(Placed):
    id: str
    name: str
    headcount: int
    headcount_text: str
    knowledge: list[GapView]
    skills: list[GapView]
    motivation: list[GapView]


@dataclass(frozen=True)
class CostView:
    """One cost line as a table shows it: quantity × unit amount = line total."""

    item: str
    kind: str  # one-off, per-year, per-participant
    amount: float
    amount_text: str  # the unit amount
    quantity: float  # 1, or the headcount for a per-participant amount
    quantity_text: str
    total: float
    total_text: str
    category: str | None = None  # Phillips' fully loaded cost category, when given


@dataclass(frozen=True)
class CategoryView:
    """What one cost category adds up to in year one; the categories add up to the year's cost."""

    category: str | None  # None: the lines no category was given for
    total: float
    total_text: str


@dataclass(frozen=True, kw_only=True)
class WorkingLine(WorkedResult):
    """How one result becomes part of an initiative's benefit: its working, and whose pilot it is."""

    group: str  # the pilot's group
    participants_text: str
    before_text: str = ""  # the pilot group's readings, said of a handful of events (W318)
    after_text: str = ""
    rollout_benefit: float = 0.0  # what it brings the roll-out a year
    # Its year in the pilot as its working multiplies it on (£10,834.56 × 900/96 = £101,574, where
    # £10,835 × 900/96 would not): with the cents of any line of the same working, else whole.
    pilot_benefit_exact_text: str | None = None


@dataclass(frozen=True)
class YearView:
    year: int
    benefit: float
    cost: float
    cumulative_net: float
    benefit_text: str
    cost_text: str
    cumulative_net_text: str
    discounted_net_text: str = ""  # the year's net in today's money, where a discount rate is given
    running_today: float = 0.0  # the years so far in today's money, as shown: the last is the NPV
    running_today_text: str = ""


@dataclass(frozen=True)
class InitiativeView(Placed):  # the state of its cost slide
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
    roi_rounded: str  # as a title says it: 1,542%, not 1,541.9%
    bcr_text: str
    payback_months: float | None
    payback_text: str  # months, without the unit
    pays_back: bool
    break_even_share: float | None
    break_even_text: str
    roi_at_half_text: str
    benefit_spoken: str  # as a title says it: "£270,733"
    cost_spoken: str
    benefit_aloud: str  # as a person says it after "about": "£271,000"
    cost_aloud: str
    pilots: list[str]  # the groups of its pilots
    working: list[WorkingLine]
    working_state: State | None  # where its "how it is worked out" slide goes
    horizon_years: int
    retention_text: str
    years: list[YearView]
    horizon_benefit_text: str
    horizon_cost_text: str
    later_cost_text: str  # what its years after the first cost, together
    horizon_roi_text: str
    horizon_roi_spoken: str  # as a title says it: 150,600%, not 150,560.0%
    horizon_benefit_spoken: str  # as a title says it: £1,130,000
    horizon_cost_spoken: str
    years_state: State | None  # where its multi-year slide goes (only when horizon_years > 1)
    doubts: list[DoubtView] = field(default_factory=list)  # its own, and its pilots' W307
    fully_loaded: bool = True  # participants' time is among its costs
    retention_given: bool = True  # else the years assume no decay
    npv_text: str = ""
    npv_spoken: str = ""  # as a title says it
    horizon_net: float = 0.0  # the horizon's benefit less its cost, undiscounted
    horizon_net_text: str = ""
    horizon_net_spoken: str = ""  # unsigned: the title says which way
    discount_rate_text: str = ""  # "" when no discount_rate is given
    # Each audience it reaches, by id, with its headcount: initiatives for the same people count
    # them once between them.
    reach: tuple[tuple[str, int], ...] = ()
    # Year one's cost by category, in Phillips' order; empty when no cost line has a category.
    categories: list[CategoryView] = field(default_factory=list)
    name: str = ""  # what people call it in a label: its title up to its description
    metric_ids: tuple[str, ...] = ()  # what it moves: what its pilots measured, else its objectives' metrics
    objective_ids: tuple[str, ...] = ()
    # Year one's cost in its three kinds: a part that costs nothing is left unsaid.
    one_off: float = 0.0
    per_year: float = 0.0
    per_participant: float = 0.0
