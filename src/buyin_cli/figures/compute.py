"""The figures every output agrees on (docs/figures.md), computed once, at full precision.

Pure: no I/O, no printing, no formatting. Every command, deck and readiness check
reads its numbers from `compute_figures`, so a figure can never differ between
outputs. A figure that is undefined is None, never an exception.

Decisions where the format is silent:

- `pilot_benefit` sums only the results whose metric has `value_per_unit`; with
  none, it is 0 (an empty sum) and `PilotFigures.monetised` is False, so outputs
  can say the -100 % ROI only means "nothing was put in money" ("not priced");
  likewise `InitiativeFigures.monetised` when no result counts towards its benefit.
- Pilot ROI, initiative ROI, BCR and "ROI if half holds" are None when the cost is 0.
- Payback is None when the roll-out benefit is ≤ 0; it is 0 months when the
  cost is 0 and the benefit positive.
- Roll-out: per monetisable metric measured by any of the initiative's pilots,
  the result of the pilot with the latest `end` wins (ties: later in file order).
- Headcount counts each of the initiative's audiences once, even if listed twice.
- `break_even_share` = cost ÷ benefit: the share of the pilot effect that must hold
  at roll-out to break even (above 1: even the full effect does not pay back);
  None when the benefit is ≤ 0. `roi_pct_at_half` is the ROI with half the benefit.
- Years (`horizon_years` H, `retention` r): year y's benefit is the roll-out benefit ×
  r^(y−1); year 1 costs the whole roll-out cost, each later year the per-year costs
  only; `horizon_roi_pct` = (Σ benefit − Σ cost) ÷ Σ cost × 100, the ROI when H = 1;
  `npv` discounts each year's net at `discount_rate` (years.py).
- A trend line (`trend_after`) stands where a comparison group would: its change from
  `before` is subtracted as the control's is. Participants' `estimates` replace
  isolation × confidence by the mean of share × confidence.
- A result whose metric or pilot's initiative is unknown (only possible for a
  strategy that was never validated) is skipped or left unscaled, not an error.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date

from buyin_cli.figures.chain import ChainFigures, chain_figures
from buyin_cli.figures.direction import gain
from buyin_cli.figures.loading import is_fully_loaded
from buyin_cli.figures.observed import Observed, observed_figures
from buyin_cli.figures.years import YearFigures, fsum as _sum, net_present_value, year_figures
from buyin_cli.load.models import Initiative, Metric, Pilot, Result, Strategy
from buyin_cli.records import dataclass

PERIODS_PER_YEAR = {"week": 52, "month": 12, "quarter": 4, "year": 1}


@dataclass(frozen=True)
class MetricFigures:
    """A metric's progress toward its target."""

    metric_id: str
    baseline: float
    target: float
    actual: float  # the latest reading, or the baseline when none is given
    actual_given: bool
    progress_pct: float | None  # None when target equals baseline
    per: str | None = None  # the period one reading of a count covers
    # |target − reading| × periods × value_per_unit a year while the gap is open; 0 once met;
    # None without per or value_per_unit
    gap_annual_cost: float | None = None


@dataclass(frozen=True)
class ResultFigures:
    """One pilot result: what changed, what is attributable to the learning, and its worth."""

    pilot_id: str
    metric_id: str
    index: int  # position in the pilot's results
    per: str
    periods: int
    improvement: float
    control_improvement: float
    has_control: bool
    isolation: float
    confidence: float
    attributable: float
    value_per_unit: float | None
    scale: float | None  # R = Σ headcount of the initiative's audiences ÷ participants
    pilot_annual_benefit: float | None
    rollout_annual_benefit: float | None
    has_trend: bool = False  # control_improvement is the pre-pilot trend's, not a group's
    trend_after: float | None = None
    # With participants' estimates, `isolation` is the mean of share × confidence and
    # `confidence` 1, so isolation × confidence stays the factor applied everywhere.
    estimates: tuple[tuple[float, float], ...] = ()  # (share, confidence) each

    @property
    def estimated(self) -> bool:
        return bool(self.estimates)


@dataclass(frozen=True)
class PilotFigures:
    """A pilot's monetised benefit against what it spent."""

    pilot_id: str
    initiative_id: str
    benefit: float
    cost: float
    roi_pct: float | None
    results: dict[str, ResultFigures]  # by metric id, in file order
    monetised: bool = False  # whether any result has a value_per_unit
    scale: float | None = None  # R = Σ headcount of the initiative's audiences ÷ participants


@dataclass(frozen=True)
class InitiativeFigures:
    """The roll-out case for one initiative, with its sensitivity to the pilot effect."""

    initiative_id: str
    headcount: int
    one_off: float
    per_year: float
    per_participant: float  # Σ per-participant amounts (per head)
    rollout_benefit: float
    rollout_cost: float
    roi_pct: float | None
    bcr: float | None
    payback_months: float | None
    results_used: tuple[ResultFigures, ...]  # latest pilot per monetisable metric
    break_even_share: float | None
    roi_pct_at_half: float | None
    pilot_ids: tuple[str, ...] = ()  # every pilot of this initiative, in file order
    horizon_years: int = 1
    retention: float = 1.0
    years: tuple[YearFigures, ...] = ()  # one per year of the horizon, year 1 first
    horizon_benefit: float = 0.0  # Σ benefit over the years
    horizon_cost: float = 0.0  # Σ cost over the years
    horizon_roi_pct: float | None = None  # None when the horizon's cost is 0
    discount_rate: float = 0.0
    npv: float = 0.0  # Σ discounted net over the years (years.py)
    fully_loaded: bool = False  # participants' time is among the costs (loading.py)

    @property
    def monetised(self) -> bool:
        """Whether any pilot result priced its benefit; if not, its ROI only says nothing was."""
        return bool(self.results_used)


@dataclass(frozen=True)
class Figures:
    """All figures of a strategy, keyed by id in file order."""

    currency: str
    metrics: dict[str, MetricFigures] = field(default_factory=dict)
    pilots: dict[str, PilotFigures] = field(default_factory=dict)
    initiatives: dict[str, InitiativeFigures] = field(default_factory=dict)
    # Each launched initiative's forecast beside what was seen since (observed.py).
    observed: dict[str, tuple[Observed, ...]] = field(default_factory=dict)
    chains: dict[str, ChainFigures] = field(default_factory=dict)  # by pilot id (chain.py)


def compute_figures(strategy: Strategy) -> Figures:
    """Every figure of docs/figures.md for `strategy`."""
    metrics, initiatives = strategy.index.metrics, strategy.index.initiatives
    headcount = strategy.index.headcount
    pilots = {p.id: _pilot_figures(p, metrics, headcount(initiatives.get(p.initiative)))
              for p in strategy.pilots}
    order = strategy.index.at("pilots")
    own: dict[str, list[Pilot]] = {}  # each initiative's pilots, in file order
    for p in strategy.pilots:
        own.setdefault(p.initiative, []).append(p)
    rollouts = {i.id: _initiative_figures(i, headcount(i), own.get(i.id, []),
                                          pilots, order, float(strategy.discount_rate))
                for i in strategy.initiatives}
    return Figures(
        currency=strategy.currency,
        metrics={m.id: metric_figures(m) for m in strategy.metrics},
        pilots=pilots,
        initiatives=rollouts,
        chains={p.id: chain_figures(p, pilots[p.id]) for p in strategy.pilots},
        observed=observed_figures(strategy, {i: f.results_used for i, f in rollouts.items()}),
    )


def metric_figures(metric: Metric) -> MetricFigures:
    """Progress = (actual − baseline) ÷ (target − baseline) × 100, actual defaulting to baseline."""
    actual = float(metric.actual) if metric.actual is not None else float(metric.baseline)
    span = metric.target - metric.baseline
    # + 0.0: no progress is 0, not the -0.0 a 'lower is better' span would give.
    progress = (actual - metric.baseline) / span * 100 + 0.0 if span != 0 else None
    return MetricFigures(metric.id, float(metric.baseline), float(metric.target), actual,
                         metric.actual is not None, progress, metric.per,
                         gap_annual_cost(metric, actual))


def gap_annual_cost(metric: Metric, reading: float) -> float | None:
    """|target − reading| × periods(per) × value_per_unit while the reading is worse than the
    target; 0 once it is met; None without `per` or `value_per_unit`."""
    if metric.per is None or metric.value_per_unit is None:
        return None
    gap = gain(reading, metric.target, metric.better)  # how far it still has to move, if positive
    if gap <= 0:
        return 0.0
    return gap * PERIODS_PER_YEAR[metric.per] * float(metric.value_per_unit)


def scale_up(pilot: Pilot, headcount: int | None) -> float | None:
    """R: how many times the roll-out's people (`headcount`; None or 0: unknown) are the pilot's."""
    return headcount / pilot.participants if headcount else None


def result_figures(pilot: Pilot, index: int, result: Result, metric: Metric,
                   headcount: int | None) -> ResultFigures:
    """The figures of one pilot result; `headcount` is the roll-out audience (None: unknown)."""
    improvement = gain(result.before, result.after, metric.better)
    c_before, c_after = result.control_before, result.control_after
    has_control = c_before is not None and c_after is not None
    trend = result.trend_after
    has_trend = not has_control and trend is not None
    if c_before is not None and c_after is not None:
        control = gain(c_before, c_after, metric.better)
    elif trend is not None:
        control = gain(result.before, trend, metric.better)
    else:
        control = 0.0
    estimates = tuple((float(e.share), float(e.confidence)) for e in result.estimates or ())
    if estimates:
        isolation, confidence = _sum(s * c for s, c in estimates) / len(estimates), 1.0
    else:
        isolation = 1.0 if result.isolation is None else float(result.isolation)
        confidence = 1.0 if result.confidence is None else float(result.confidence)
    attributable = (improvement - control) * isolation * confidence
    periods = PERIODS_PER_YEAR[result.per]
    value = None if metric.value_per_unit is None else float(metric.value_per_unit)
    scale = scale_up(pilot, headcount)
    pilot_benefit = attributable * periods * value if value is not None else None
    rollout = pilot_benefit * scale if pilot_benefit is not None and scale is not None else None
    return ResultFigures(pilot.id, metric.id, index, result.per, periods, improvement, control,
                         has_control, isolation, confidence, attributable, value, scale,
                         pilot_benefit, rollout, has_trend,
                         None if result.trend_after is None else float(result.trend_after),
                         estimates)


def _pilot_figures(pilot: Pilot, metrics: dict[str, Metric],
                   headcount: int | None) -> PilotFigures:
    results = {r.metric: result_figures(pilot, j, r, metrics[r.metric], headcount)
               for j, r in enumerate(pilot.results) if r.metric in metrics}
    priced = [r.pilot_annual_benefit for r in results.values()
              if r.pilot_annual_benefit is not None]
    benefit = _sum(priced)
    return PilotFigures(pilot.id, pilot.initiative, benefit, float(pilot.cost),
                        roi_pct(benefit, pilot.cost), results, bool(priced), scale_up(pilot, headcount))


def _initiative_figures(initiative: Initiative, headcount: int, own: list[Pilot],
                        pilots: dict[str, PilotFigures], order: dict[str, int],
                        discount_rate: float = 0.0) -> InitiativeFigures:
    latest: dict[str, tuple[tuple[date, int], ResultFigures]] = {}
    for pilot in own:
        for metric_id, result in pilots[pilot.id].results.items():
            if result.rollout_annual_benefit is None:
                continue
            rank = (pilot.end, order[pilot.id])
            if metric_id not in latest or rank > latest[metric_id][0]:
                latest[metric_id] = (rank, result)
    used = tuple(result for _, result in latest.values())
    one_off = _costs(initiative, "one-off")
    per_year = _costs(initiative, "per-year")
    per_participant = _costs(initiative, "per-participant")
    benefit = _sum(b for r in used if (b := r.rollout_annual_benefit) is not None)  # all, as chosen
    cost = one_off + per_year + per_participant * headcount
    years = year_figures(benefit, cost, per_year, initiative.horizon_years,
                         float(initiative.retention), discount_rate)
    horizon_benefit = _sum(y.benefit for y in years)
    horizon_cost = _sum(y.cost for y in years)
    return InitiativeFigures(
        initiative_id=initiative.id, headcount=headcount, one_off=one_off, per_year=per_year,
        per_participant=per_participant, rollout_benefit=benefit, rollout_cost=cost,
        roi_pct=roi_pct(benefit, cost), bcr=benefit / cost if cost else None,
        payback_months=payback_months(benefit, cost), results_used=used,
        break_even_share=cost / benefit if benefit > 0 else None,
        roi_pct_at_half=roi_pct(benefit / 2, cost), pilot_ids=tuple(p.id for p in own),
        horizon_years=initiative.horizon_years, retention=float(initiative.retention),
        years=years, horizon_benefit=horizon_benefit, horizon_cost=horizon_cost,
        horizon_roi_pct=roi_pct(horizon_benefit, horizon_cost), discount_rate=discount_rate,
        npv=net_present_value(years), fully_loaded=is_fully_loaded(initiative))


def roi_pct(benefit: float, cost: float) -> float | None:
    """(benefit − cost) ÷ cost × 100; None when the cost is 0."""
    return (benefit - cost) / cost * 100 if cost else None


def payback_months(benefit: float, cost: float) -> float | None:
    """cost ÷ (benefit ÷ 12); None when the benefit is ≤ 0 (it never pays back)."""
    return cost / (benefit / 12) if benefit > 0 else None


def _costs(initiative: Initiative, kind: str) -> float:
    return _sum(float(c.amount) for c in initiative.costs if c.kind == kind)
