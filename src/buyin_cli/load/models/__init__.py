"""The strategy format (version 1, docs/format.md) as pydantic models: the one declaration of it.

One module per part of the format, in the order of docs/format.md; a new field goes in its
section's module. Field rules that concern one value live here; rules that relate
several values (references, dates in order, control readings in pairs) live in
load/relations.py, which can locate each problem precisely. The JSON Schema
comes from these models.
"""

from buyin_cli.load.models.base import (
    LOCALE_PATTERN,
    SLUG_PATTERN,
    Accepting,
    Fraction,
    IsoDate,
    Model,
    Money,
    Percent,
    Slug,
    Text,
)
from buyin_cli.load.models.business import Metric, Objective, Reading
from buyin_cli.load.models.datafile import DataFile, HistoryFile, TrackingFile
from buyin_cli.load.models.evidence import Behaviour, Estimate, Learning, Pilot, Quote, Reaction, Result, Usage
from buyin_cli.load.models.index import Index
from buyin_cli.load.models.learners import Audience, Gap, Gaps
from buyin_cli.load.models.meetings import Ask, Briefing, Decision, FollowUp, Outcome, Showcase, Verdict
from buyin_cli.load.models.people import Objection, Presenter, Sponsor, Stakeholder, UsageTarget
from buyin_cli.load.models.proposal import Cost, Initiative, Tracking
from buyin_cli.load.models.strategy import Strategy

__all__ = ["LOCALE_PATTERN", "SLUG_PATTERN", "Accepting", "Ask", "Audience", "Behaviour",
           "Briefing", "Cost", "DataFile", "Decision", "Estimate", "FollowUp", "Fraction", "Gap",
           "Gaps", "HistoryFile", "Index", "Initiative", "IsoDate", "Learning", "Metric", "Model", "Money",
           "Objection", "Objective",
           "Outcome", "Percent", "Pilot", "Presenter", "Quote", "Reaction", "Reading", "Result",
           "Showcase", "Slug", "Sponsor", "Stakeholder", "Strategy", "Text", "Tracking",
           "TrackingFile", "Usage", "UsageTarget", "Verdict"]
