"""The meeting in the view: the briefing, the decision it asks for, and what is not ready yet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field

from buyin_cli.present.view.base import Placed
from buyin_cli.present.view.business import ObjectiveView
from buyin_cli.present.view.evidence import PilotView, QuoteView, ResultView
from buyin_cli.present.view.follow_through import ChangesView, RolloutView, SinceView
from buyin_cli.present.view.people import ConcernView, ObjectionView, SponsorView, StakeholderView
from buyin_cli.present.view.proposal import AudienceView, CostView, InitiativeView
from buyin_cli.present.view.units import UnitView
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class TotalsView:
    """Several initiatives taken together: what they cost and return between them."""

    count: int
    monetised: bool
    cost: float
    headcount_text: str  # the people the initiatives reach
    benefit_text: str
    cost_text: str
    roi_text: str
    roi_rounded: str  # as a title says it: 1,542%, not 1,541.9%
    payback_text: str  # months, without the unit
    break_even_text: str
    roi_at_half_text: str
    pays_back: bool  # the total is paid back at some point (payback_text is a figure)
    at_risk: bool  # more than half the pilot effect must hold to break even
    all_pay_back: bool
    longest_payback_text: str | None  # the slowest to pay back, in months
    benefit_spoken: str
    cost_spoken: str
    benefit_short: str  # for a big-number callout: £427,457; £1.45m from a million
    benefit_aloud: str  # said after "about" in the notes: £427,000
    cost_aloud: str
    cost_short: str
    breaks_even: bool = True  # the whole pilot effect, or less, pays the year-one cost back
    weakest_break_even_text: str | None = None  # the share the most exposed initiative needs
    # Titles of the priced initiatives that lose money in year one, when a total sums more than
    # one: the total must not hide them.
    losing: tuple[str, ...] = ()
    weakest_name: str | None = None  # the initiative weakest_break_even_text is about, by name
    # The part of the year-one cost that is people's time (participants'-time lines), and as said.
    time_in_cost: float = 0.0
    time_in_cost_text: str = ""
    # Most of the benefit rests on figures the review doubts (W301, W307, W308, W310): the share
    # of it that does, and the initiatives it rests on, for a caveat beside the total.
    doubted_share_text: str | None = None
    doubted: tuple[str, ...] = ()  # the doubted initiatives' names
    upper_bound: bool = False  # one of them is an unusually high return (W310): an upper bound


@dataclass(frozen=True)
class AskView:
    decision: str
    initiative: InitiativeView | None  # the initiative the ask funds, when it names one
    # An ask for learners' time that funds nothing: the initiative whose participants'-time
    # costs say what that time costs, beside the ask.
    time_of: InitiativeView | None = None
    # It asks for money or a roll-out without naming what for ("Approve $11,280 to train all
    # 120 pickers"): the meeting may be asking for any roll-out it presents.
    unnamed_rollout: bool = False
    # The other initiatives it funds, when it names more than one ("Roll out X and Y").
    others: tuple[InitiativeView, ...] = ()
    pilot: bool = False  # it asks for a pilot or a trial, not a roll-out
    stated: str | None = None  # the one amount of money its words name, as written ("£9,800")
    # What it asks the room to agree to put in place, not to pay for ("Agree that X starts…", or
    # a roll-out it says someone else pays for): each one's cost is said beside it, as its own.
    placed: tuple[InitiativeView, ...] = ()
    # An ask for helpers' time (coaches, managers) that funds nothing: the cost line that names
    # them, of the initiative (`helped`) whose learners they help; never the learners' time.
    helped: InitiativeView | None = None
    helpers_line: CostView | None = None

    def __str__(self) -> str:  # templates written when an ask was its text alone
        return self.decision


@dataclass(frozen=True)
class DecisionView(Placed):
    """The answer first: the asks, what they cost and return, the evidence and the risk."""

    asks: list[AskView]
    initiatives: list[InitiativeView]  # what the decision funds
    totals: TotalsView
    evidence: ResultView | None  # the result that carries most of the benefit
    evidence_pilot: PilotView | None
    priced: bool  # an ask names what it funds: the slide may lead with what that costs
    scales: bool = False  # every ask funds an initiative whose pilot result shows it working
    # The learners' time the asks for time commit, beyond what the funded initiatives cost
    # (their participants'-time lines): money too, which a title of the cash alone would hide.
    time_cost: float = 0.0
    time_cost_text: str = ""
    time_cost_short: str = ""
    # The initiatives the asks are about, funded or not (their learners' time, a pilot, an
    # agreement that one starts), and the people they reach between them: what a card summing
    # the asks sums over, never one initiative's figures said as the meeting's.
    about: list[InitiativeView] = field(default_factory=list)
    reach_text: str = ""
    # Each initiative whose learners' time an ask asks for (none it funds), with that time's
    # cost as its table totals it: what time_cost adds up, for a title or a card to name.
    time_asks: list[tuple[InitiativeView, str]] = field(default_factory=list)


@dataclass(frozen=True)
class NotReady:
    code: str
    title: str  # what the code means, in a line (translated in the templates)
    message: str  # the review's own words about this item, in English
    where: str
    subject: str | None = None  # the item it is about, as the strategy names it


@dataclass(frozen=True)
class Accepted:
    code: str
    title: str
    message: str
    reason: str
    where: str
    subject: str | None = None  # the item it is about, as the strategy names it


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
    percent_sign: str  # as it follows a number in the locale: "%", or " %" (German)
    language_tag: str  # the locale as a tag, e.g. de-DE, for the deck's language
    date_text: str
    minutes: int
    slide_budget: int  # content slides presented, besides the title and the questions
    opening_question: str
    stakeholder: StakeholderView
    decision: DecisionView
    asks: list[AskView]
    objectives: list[ObjectiveView]
    audiences: list[AudienceView]
    initiatives: list[InitiativeView]
    pilots: list[PilotView]
    quotes: list[QuoteView]
    numbers: TotalsView  # the monetised initiatives presented, together
    sponsor: SponsorView | None
    objections: list[ObjectionView]  # those that matter to this meeting
    showcase_title: str | None
    showcase_url: str | None
    showcase_link: str | None  # the url as a clickable address (https:// added to www.…), if it is one
    states: dict[str, str]  # where each one-slide section goes: heard, numbers, quotes, showcase, asks…
    omitted_slides: int = 0  # slides' worth of content only the talking points hold
    since: SinceView | None = None  # since we last met, when an earlier meeting has an outcome
    changes: ChangesView | None = None  # what has changed since a revision (brief --since)
    rollouts: list[RolloutView] = field(default_factory=list)  # the presented initiatives' uptake
    not_ready: list[NotReady] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
    draft: bool = False  # rendered with --draft: slides showing an impossible figure say DRAFT
    # What `numbers` totals: what the decision asks money for (priced or not, so the numbers
    # slide reconciles with slide 2), else the priced initiatives presented.
    numbered: list[InitiativeView] = field(default_factory=list)
    # Each unit text, read by the one unit model: units["£"].before is "£" in a GBP deck.
    units: Mapping[str, UnitView] = field(default_factory=dict)

    # Kept for templates written before the stakeholder had its own view.
    @property
    def stakeholder_name(self) -> str:
        return self.stakeholder.name

    @property
    def stakeholder_role(self) -> str:
        return self.stakeholder.role

    @property
    def needs(self) -> list[str]:
        return self.stakeholder.needs

    @property
    def benefits(self) -> list[str]:
        return self.stakeholder.benefits

    @property
    def concerns(self) -> list[ConcernView]:
        return self.stakeholder.concerns

    @property
    def has(self) -> dict[str, bool]:
        """Whether the deck has slides for each section at all, presented or hidden."""
        return {name: state != "omitted" for name, state in self.states.items()}
