"""The briefing view: the frozen, already formatted values a meeting's templates receive.

Templates receive one `BriefingView` and only format it: every figure in it is
already computed, every number already written for the strategy's locale, every
list already narrowed to the briefing's focus and in the order to present it, and
every item says whether its slide is presented, kept as a hidden backup slide or
left to the talking points (`state`). The builders in present/build/ make it; the
fields are documented in templates/README.md.
"""

from buyin_cli.present.view.base import DoubtView
from buyin_cli.present.view.business import DataSourceView, MarkView, MetricView, ObjectiveView, Reading
from buyin_cli.present.view.evidence import (
    BehaviourView,
    LevelView,
    PilotPage,
    PilotView,
    QuoteView,
    ResultView,
    WorkedResult,
)
from buyin_cli.present.view.follow_through import (
    ChangesView,
    DecisionTakenView,
    FigureChangeView,
    FollowUpView,
    LaunchView,
    MoveView,
    RolloutView,
    SinceView,
    TargetStatusView,
    UptakeView,
)
from buyin_cli.present.view.meeting import Accepted, AskView, BriefingView, DecisionView, NotReady, TotalsView
from buyin_cli.present.view.people import ConcernView, ObjectionView, SponsorView, StakeholderView, TargetView
from buyin_cli.present.view.proposal import (
    AudienceView,
    CategoryView,
    CostView,
    GapView,
    InitiativeView,
    WorkingLine,
    YearView,
)

__all__ = [
    "Accepted",
    "AskView",
    "AudienceView",
    "BehaviourView",
    "BriefingView",
    "CategoryView",
    "ChangesView",
    "ConcernView",
    "CostView",
    "DataSourceView",
    "DecisionTakenView",
    "DecisionView",
    "DoubtView",
    "FigureChangeView",
    "FollowUpView",
    "GapView",
    "InitiativeView",
    "LaunchView",
    "LevelView",
    "MarkView",
    "MetricView",
    "MoveView",
    "NotReady",
    "ObjectionView",
    "ObjectiveView",
    "PilotPage",
    "PilotView",
    "QuoteView",
    "Reading",
    "ResultView",
    "RolloutView",
    "SinceView",
    "SponsorView",
    "StakeholderView",
    "TargetStatusView",
    "TargetView",
    "TotalsView",
    "UptakeView",
    "WorkedResult",
    "WorkingLine",
    "YearView",
]
