"""The kinds of change between two versions of a strategy, as plain records (compare.py finds them).

`Comparison` is what `buyin diff` prints and what a deck's "What has changed
since …" slide is built from: every record is in the later version's file
order, with numbers at full precision and dates as dates.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from buyin_cli.figures.direction import Direction
from buyin_cli.load.models import Verdict
from buyin_cli.records import dataclass
from buyin_cli.words import finite


@dataclass(frozen=True)
class MetricMoved:
    metric_id: str
    name: str
    unit: str
    better: str
    before: float | None  # the latest reading in the earlier version (else its baseline)
    after: float | None  # None: the later version has no reading any more
    direction: Direction  # flat also when the reading went: there is nothing to compare
    new_readings: tuple[str, ...]  # history periods added
    revised_readings: tuple[str, ...] = ()  # periods in both whose value changed: a re-export


@dataclass(frozen=True)
class ItemChange:
    section: str  # metrics | initiatives | pilots | briefings
    id: str
    label: str  # its name, title or group, as a manager knows it
    change: Literal["added", "removed"]
    detail: tuple[str, ...] = ()  # a pilot added: the ids of the metrics it measured


@dataclass(frozen=True)
class ResultAdded:
    pilot_id: str
    group: str
    metric_id: str
    metric_name: str


@dataclass(frozen=True)
class InputChange:
    """A number behind an initiative's figures that changed (causes.py finds them)."""

    kind: str  # initiative | pilot | audience
    id: str
    label: str  # the pilot's group, the initiative's title, the audience's name
    field: tuple[str, ...]  # where in it: ("participants",), ("costs", "Build the guide", "amount")
    before: float
    after: float


@dataclass(frozen=True)
class FigureChange:
    initiative_id: str
    title: str
    figure: str  # roi_pct | payback_months | rollout_benefit | rollout_cost
    before: float | None  # None: undefined (no cost, never pays back)
    after: float | None
    direction: Direction
    causes: tuple[InputChange, ...] = ()  # the inputs that changed, why it moved


@dataclass(frozen=True)
class AskChange:
    briefing_id: str
    number: int  # from 1, in the later version (the earlier for a removed ask)
    before: str | None
    after: str | None
    change: Literal["added", "removed", "reworded"]


@dataclass(frozen=True)
class DecisionChange:
    briefing_id: str
    number: int
    ask: str
    before: Verdict | None  # None: no decision was recorded
    after: Verdict | None
    note: str | None


@dataclass(frozen=True)
class MeetingHeld:
    briefing_id: str
    held: date


@dataclass(frozen=True)
class FollowUpChange:
    briefing_id: str
    action: str
    owner: str
    due: date
    done: bool
    change: Literal["added", "done", "reopened", "removed"]


@dataclass(frozen=True)
class Launched:
    initiative_id: str
    title: str
    before: date | None
    after: date | None


@dataclass(frozen=True)
class UptakeAdded:
    initiative_id: str
    title: str
    period: str
    enrolled: int
    completed: int
    headcount: int
    completion: float  # completed ÷ headcount


@dataclass(frozen=True)
class Comparison:
    """Everything that changed from one version to the other, by kind."""

    since: str  # how to name each version: a revision, or "the working tree"
    until: str
    currency: str = "USD"  # the later version's, to write its money
    locale: str | None = None
    metrics: tuple[MetricMoved, ...] = ()
    items: tuple[ItemChange, ...] = ()
    results: tuple[ResultAdded, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    asks: tuple[AskChange, ...] = ()
    decisions: tuple[DecisionChange, ...] = ()
    held: tuple[MeetingHeld, ...] = ()
    follow_ups: tuple[FollowUpChange, ...] = ()
    launches: tuple[Launched, ...] = ()
    uptake: tuple[UptakeAdded, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, kind) for kind in KINDS)


KINDS = ("metrics", "items", "results", "figures", "asks", "decisions", "held", "follow_ups",
         "launches", "uptake")


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data for tools (`buyin diff --format json`): dates in ISO form."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float):
            return finite(value)
        return value

    return {"since": comparison.since, "until": comparison.until,
            "currency": comparison.currency,
            **{kind: plain([asdict(c) for c in getattr(comparison, kind)]) for kind in KINDS}}
