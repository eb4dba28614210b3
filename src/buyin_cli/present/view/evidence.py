"""The evidence in the view: pilots, and each result against its comparison group."""

from __future__ import annotations

from dataclasses import field

from buyin_cli.figures.direction import Moved
from buyin_cli.present.view.base import DoubtView, Placed
from buyin_cli.present.view.people import ObjectionView
from buyin_cli.records import dataclass


@dataclass(frozen=True, kw_only=True)
class WorkedResult:
    """A pilot result worked out to money, in the business's own terms: the evidence slide
    (ResultView) and an initiative's working (WorkingLine) say it alike, from one builder
    (present/build/evidence.py `worked`)."""

    metric: str  # the metric's name
    unit: str
    better: str  # "higher" or "lower": the way the metric improves, which says its change ("25 fewer a month")
    is_percent: bool  # a % metric: what is credited is percentage points
    unit_has_period: bool  # the unit already says its period ("leavers per quarter")
    per: str  # week, month, quarter, year: the period one reading covers
    source: str | None
    has_control: bool
    has_trend: bool  # control_improvement_text is the pre-pilot trend's change
    improvement_text: str  # signed, the better way positive
    control_improvement_text: str
    beyond_control_text: str  # improvement − control improvement
    isolation_given: bool  # the strategy gave it (else 100% is a default, never said)
    confidence_given: bool
    isolation: float  # the share credited (1 when none was given): below 1 it discounts the change
    confidence: float
    isolation_text: str  # as precise as the working needs to multiply out (27.5%, not 28%)
    confidence_text: str
    attributable_text: str  # credited to the learning, per period
    # As the title and the notes say them, one text for one figure: a priced credit and every
    # share as the working writes them (0.996, 20.33%); an unpriced credit to the readings' own
    # decimals (0.3 points beside 5.9 → 6.6), or one significant figure where that rounds it away.
    attributable_said: str
    isolation_said: str
    confidence_said: str
    periods: int
    value_per_unit_text: str | None
    pilot_annual_benefit_text: str | None
    scale_text: str | None  # R, the pilot scaled to the whole audience
    rollout_annual_benefit_text: str | None
    estimates: int  # participants' estimates; isolation_text is then their mean
    # Money in the strategy's own currency, priced at 1 a unit: the working says no "× £1 each".
    at_face_value: bool = False
    # Money in the strategy's own currency, priced at a fraction of 1 a unit: the margin it keeps
    # ("12%"), said "at a 12% margin" rather than "× £0.12 each"; None otherwise.
    margin_text: str | None = None
    # What its unit reads as (load/units.py): count, money, percentage, points, rate, duration.
    # Only a count or money adds up across groups; the others are scaled up as if they did (W317).
    unit_kind: str = "count"
    # Its share of the benefit it is part of (the initiative's roll-out, or the pilot's), as a
    # caveat says how much of a headline rests on it: "30%"; None when it brings no money.
    benefit_share_text: str | None = None
    # A count of so few events (its readings at most TINY_COUNT) that a percentage change says
    # nothing: one event more or less halves or doubles it. Said in events, never a headline,
    # and money that rests on it is never called conservative.
    tiny: bool = False


@dataclass(frozen=True, kw_only=True)
class ResultView(WorkedResult):
    """A result on the evidence slide: its readings and the comparison group's, then its working."""

    metric_id: str
    is_level: bool  # read at a moment (a %, a score, a duration): charted as a line, not bars
    before: float
    after: float
    control_before: float | None
    control_after: float | None
    before_text: str
    after_text: str
    control_before_text: str | None
    control_after_text: str | None
    direction: Moved  # the pilot group's change
    improved: bool
    change_text: str  # unsigned, in the metric's unit (points for a % metric)
    change_pct_text: str | None  # unsigned, relative to before; None when before is 0
    control_direction: Moved | None
    control_change_text: str | None
    control_change_pct_text: str | None
    trend_after: float | None  # what the pre-pilot trend projected for after (charted beside the result)
    trend_after_text: str | None
    # Credited with less than its title's change (less its comparison group's): an isolation,
    # confidence, estimates or a trend take a share out; the credit, relative to before.
    credits_part: bool = False
    credited_pct_text: str | None = None  # None when before is 0
    credited_said: str = ""  # the credited change as a title says it: to the readings' decimals
    credited_share_text: str | None = None  # the credit as a share of the change the title states
    places: int = 0  # the decimals its readings are written to, on its chart too (money's cents: 38,50 €)


@dataclass(frozen=True)
class QuoteView:
    text: str
    by: str



@dataclass(frozen=True)
class BehaviourView:
    """What participants now do on the job (the chain's application level)."""

    behaviour: str
    unit: str
    before_text: str | None
    after_text: str
    source: str | None


@dataclass(frozen=True)
class LevelView:
    """One level of the chain of impact: reaction, learning, application, impact or roi."""

    name: str
    status: str  # "missing", "weak" or "holds"
    why: str | None  # why it is missing or weak: a key the templates put in words
    weak: bool  # missing or weak


@dataclass(frozen=True)
class PilotPage:
    """One slide of a pilot's evidence: up to two results, charted side by side."""

    number: int
    results: list[ResultView]
    backup: bool = False  # not presented in the minutes (or outside the focus): hidden, for the question


@dataclass(frozen=True)
class PilotView(Placed):
    id: str
    initiative_id: str
    initiative: str  # its title
    group: str
    participants: int
    participants_text: str
    start_text: str
    end_text: str
    cost_text: str
    benefit_text: str
    roi_text: str
    roi_rounded: str  # as a title or a chain box says it: 3,015%, not 3,015.4%
    monetised: bool
    has_control: bool  # any result has a comparison group
    reaction_text: str | None
    learning_pre_text: str | None
    learning_post_text: str | None
    learning_gain_text: str | None
    usage_text: str | None
    completion_text: str | None
    results: list[ResultView]
    pages: list[PilotPage]
    quotes: list[QuoteView]
    objections: list[ObjectionView]  # the prepared answers this pilot backs
    application: list[BehaviourView]
    intangibles: list[str]  # seen, never priced
    chain: list[LevelView]  # reaction, learning, application, impact, roi
    weakest: LevelView  # where the case is weakest
    initiative_name: str = ""  # what people call it: its title up to its description
    doubts: list[DoubtView] = field(default_factory=list)  # what the review doubts of its figures
    control_group: str | None = None  # who the comparison group was, when the strategy names it
    free: bool = False  # it cost nothing in cash: no ROI to say

    @property
    def levels(self) -> dict[str, LevelView]:
        """The chain's levels by name: levels.application.weak."""
        return {level.name: level for level in self.chain}
