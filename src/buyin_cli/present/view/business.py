"""The business results in the view: objectives leadership owns, and the metrics that measure them."""

from __future__ import annotations

from buyin_cli.figures.direction import Moved
from buyin_cli.present.view.base import Placed
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class Reading:
    period: str  # as written
    label: str  # for a time axis: Jan 2026, Feb …
    value: float
    text: str


@dataclass(frozen=True)
class DataSourceView:
    """The data file a metric's readings were read from: the chart's source line names it."""

    file: str  # as the strategy names it: 'data/incidents.csv'
    sheet: str | None  # a workbook's sheet; None for a CSV
    first_row: int
    last_row: int


@dataclass(frozen=True)
class MarkView:
    """When something happened, placed among a metric's readings (in category units)."""

    kind: str  # "pilot" or "launch"
    label: str
    start: float
    end: float | None
    # A pilot's people against all its initiative's roll-out reaches: "105" of "2,060", so a
    # mark on a chain-wide trend does not invite crediting the whole line to it.
    people_text: str | None = None
    whole_text: str | None = None


@dataclass(frozen=True)
class MetricView:
    id: str
    name: str
    unit: str
    better: str  # "higher" or "lower"
    is_percent: bool  # a % metric: its changes are percentage points
    unit_has_period: bool  # the unit already says its period ("injuries per quarter")
    baseline: float
    target: float
    actual: float | None
    now: float  # the actual, else the baseline
    baseline_text: str
    target_text: str
    actual_text: str | None
    now_text: str
    progress_pct: float | None
    progress_text: str
    moved: Moved  # from the baseline to now
    moved_text: str  # by how much, unsigned
    improved: bool  # moved the better way
    gap_text: str  # how far now is from the target, unsigned
    reached: bool  # now is at the target or beyond it, the better way
    value_per_unit_text: str | None
    source: str | None
    history: list[Reading]
    marks: list[MarkView]  # pilots and launches on its trend chart; empty when not placeable
    history_from: DataSourceView | None = None  # the export its history was read from
    # What today's gap to target costs a year; None without `per` and `value_per_unit`, or
    # once the target is met: a deck never says a gap costs nothing.
    gap_cost_text: str | None = None
    per: str | None = None  # the period one reading covers (week, month …), when the metric says it
    # A metric that counts revenue (sales, turnover…) a higher reading of: its gap is income not
    # earned, not a cost: "revenue" when valued at 1 a unit (W105), else "margin".
    gap_forgoes: str | None = None
    places: int = 0  # the decimals its chart's readings are written to (money's cents: 38,50 €)


@dataclass(frozen=True)
class ObjectiveView(Placed):
    id: str
    title: str
    owner: str
    driver: str  # "pain" or "gain"
    metrics: list[MetricView]
    lead: MetricView  # the metric its slide charts: the first with a history, else the first
    yours: bool  # the briefing's stakeholder owns it (by name or role)
