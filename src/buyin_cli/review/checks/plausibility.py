"""W307–W310: figures a CFO would not believe, each pointing at the input to check.

They belong to "Prove it" and read the figures computed once for the review
(`Context.figures`), so they judge exactly the numbers every output shows:

- W307 impossible extrapolation: the roll-out removes more of a count than there
  is, or takes a level past its bounds (a % past 100, any level below 0) by the change
  its money counts: × R while the level is scaled as a count (W317 not accepted), else
  the pilot's change (how a unit is read: `review.heuristics.unit_kind`);
- W308 thin evidence: fewer than 10 people, or scaled up more than 20×;
- W309 credit not claimed: a result on a metric none of the initiative's objectives track;
- W310 extraordinary claim: an ROI above 1,000 % or a payback under a month;
- W317 a level scaled as a count: a %, score, duration or rate whose pilot benefit the
  roll-out multiplies by the scale-up R, as the format's figures do for every result.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from buyin_cli.errors import Location
from buyin_cli.figures.compute import PERIODS_PER_YEAR, ResultFigures
from buyin_cli.load.models import Initiative, Metric, Pilot
from buyin_cli.load.units import read_unit
from buyin_cli.review.context import Check, Context, Path_
from buyin_cli.review.heuristics import unit_kind, unit_period
from buyin_cli.words import dotted

THIN_PEOPLE = 10  # fewer participants than this cannot stand for a roll-out
THIN_SCALE = 20  # nor can a pilot scaled up more than this many times
EXTRAORDINARY_ROI_PCT = 1000
EXTRAORDINARY_PAYBACK_MONTHS = 1


def checks(ctx: Context) -> Iterator[Check]:
    initiatives = ctx.strategy.index.initiatives
    # An extraordinary roll-out and the extraordinary pilots it rests on are one doubt about the
    # same inputs: it is raised once, on the roll-out (only one with a benefit makes a claim),
    # and accepted there; a pilot on its own raises its own.
    rollouts = [_extraordinary_rollout(ctx, ("initiatives", k), initiative)
                for k, initiative in enumerate(ctx.strategy.initiatives)
                if ctx.figures.initiatives[initiative.id].results_used]
    folded = {path for check in rollouts for path in check.also}
    for i, pilot in enumerate(ctx.strategy.pilots):
        owner = ("pilots", i)
        results = ctx.figures.pilots[pilot.id].results
        headcount = ctx.figures.initiatives[pilot.initiative].headcount
        yield _thin(ctx, owner, pilot, headcount, ctx.figures.pilots[pilot.id].scale)
        for j, result in enumerate(pilot.results):
            path = owner + ("results", j)
            yield from _impossible(ctx, owner, path, ctx.metrics[result.metric],
                                   results[result.metric])
            yield _unclaimed(ctx, owner, path, result.metric, initiatives[pilot.initiative])
            yield _level_scaled(ctx, path, pilot, ctx.metrics[result.metric], results[result.metric],
                                headcount)
        if ctx.figures.pilots[pilot.id].monetised and owner not in folded:
            yield _extraordinary_pilot(ctx, owner, pilot)
    yield from rollouts


def _thin(ctx: Context, owner: Path_, pilot: Pilot, headcount: int, scale: float | None) -> Check:
    few = pilot.participants < THIN_PEOPLE
    far = scale is not None and scale > THIN_SCALE
    why = " and ".join(reason for reason, fails in (
        (f"fewer than {THIN_PEOPLE} people", few),
        (f"scaled up more than {THIN_SCALE}×", far)) if fails)
    if not (few or far):
        return ctx.check("W308", owner, False)  # the message is written only when it fires
    # The smallest pilot that passes both: 10 people, and one in 20 of the audience.
    need = max(THIN_PEOPLE, math.ceil(headcount / THIN_SCALE))
    because = (f" (one in {THIN_SCALE} of {ctx.number(headcount)})" if need > THIN_PEOPLE else "")
    scaled = f" scaled up {ctx.number(scale)}× to {ctx.number(headcount)}" if scale is not None else ""
    return ctx.check("W308", owner, True, ctx.at(owner + ("participants",)),
                     f"{dotted(owner)}.participants: {ctx.number(pilot.participants)} people{scaled}: "
                     f"too thin to stand for the roll-out ({why}): pilot with at least "
                     f"{ctx.number(need)} people{because}, or accept it with the reason the group is small")


def _impossible(ctx: Context, owner: Path_, path: Path_, metric: Metric,
                r: ResultFigures) -> Iterator[Check]:
    """W307 for a result whose metric has a bound to pass: a count that falls, or a % or rate."""
    kind = unit_kind(metric.unit)
    if kind == "count":
        # A count adds up over people: the whole audience removes R times the pilot's change,
        # in the period the unit names (else the result's own).
        if metric.better != "lower" or r.scale is None:
            return  # a count that rises has no ceiling
        period = metric.per or unit_period(metric.unit)
        removed = r.attributable * r.scale * r.periods / PERIODS_PER_YEAR.get(period or "", r.periods)
        if removed <= metric.baseline:
            yield ctx.check("W307", owner, False)
            return
        yield ctx.check(
            "W307", owner, True, ctx.sources.at(path),
            f"{dotted(path)}: the roll-out would remove {ctx.number(removed)} {metric.unit} from "
            f"'{metric.id}' (attributable {ctx.number(r.attributable)} a {r.per} × scale-up "
            f"{ctx.number(r.scale)}), more than its whole baseline of {ctx.number(metric.baseline)}: "
            "check the result's before/after and the pilot's participants, or the baseline "
            "if it covers only part of the audience")
        return
    # A level (a share, a score, a duration, a rate) does not add up over people: rolled out,
    # everyone's moves by the pilot's change. But its money multiplies the change by R as if
    # it were a count (W317): unless W317 is accepted (each group the pilot's size gains the
    # change), the level the money counts on is the baseline ± the change × R.
    scaled = _scaled_as_count(ctx, owner, metric, r)
    step = r.attributable * r.scale if scaled and r.scale is not None else r.attributable
    projected = metric.baseline + (step if metric.better == "higher" else -step)
    top = 100.0 if kind == "percent" else math.inf
    if 0 <= projected <= top:
        yield ctx.check("W307", owner, False)
        return
    bound = "past 100%" if projected > top else "below 0"
    change = (f"the attributable change of {ctx.number(r.attributable)} × scale-up "
              f"{ctx.number(r.scale)} that its benefit counts" if scaled
              else f"the attributable change of {ctx.number(r.attributable)}")
    fix = ("; or make value_per_unit what one unit is worth for a group the pilot's size and "
           "accept W317" if scaled else "")
    yield ctx.check(
        "W307", owner, True, ctx.sources.at(path),
        f"{dotted(path)}: the roll-out would take '{metric.id}' from its baseline of "
        f"{ctx.number(metric.baseline)} to {ctx.number(projected)} ({metric.unit}), {bound}: {change} "
        "is larger than the room the baseline leaves; check the result's before/after against "
        f"the metric's baseline{fix}")


def _scaled_as_count(ctx: Context, owner: Path_, metric: Metric, r: ResultFigures) -> bool:
    """Whether the roll-out's money multiplies a level's change by R as if it were a count
    (W317 fires on it) and no one has accepted that each group the pilot's size gains it."""
    if not _level_times_r(metric, r):
        return False
    pilot = ctx.strategy.pilots[int(owner[1])]
    return not any("W317" in (item.accept or {}) for item in (pilot, ctx.strategy))


def _level_times_r(metric: Metric, r: ResultFigures) -> bool:
    """Whether the roll-out's money multiplies a level's change by a scale-up R other than 1."""
    return (not read_unit(metric.unit).adds_up and r.scale is not None
            and abs(r.scale - 1) >= 1e-9 and bool(r.rollout_annual_benefit))


def _level_scaled(ctx: Context, path: Path_, pilot: Pilot, metric: Metric, r: ResultFigures,
                  headcount: int) -> Check:
    """W317: a level is the same for a group of any size, yet its benefit is multiplied by R.

    The format's figures scale every result by R, so they hold for a level only when its
    value_per_unit is what one unit is worth for a group the pilot's size.
    """
    unit = read_unit(metric.unit)
    owner = path[:2]
    if not _level_times_r(metric, r):
        return ctx.check("W317", owner, False)
    return ctx.check(
        "W317", owner, True, ctx.sources.at(path),
        f"{dotted(path)}: '{metric.id}' is {unit.kind_name} ({metric.unit}), the same for a group "
        f"of any size, yet the roll-out multiplies its benefit by the scale-up "
        f"{ctx.number(r.scale)}× ({ctx.number(headcount)} people ÷ "
        f"{ctx.number(pilot.participants)}) as if it were a count: "
        # The pilot group, by name: its participants are people, but the unit may be read per
        # branch or per ward, so "a group of 52" could claim the wrong basis.
        f"make value_per_unit what one unit of change is worth for the pilot group alone "
        f"({pilot.group}), not the whole audience, or accept it with the reason it holds")


def _unclaimed(ctx: Context, owner: Path_, path: Path_, metric_id: str,
               initiative: Initiative) -> Check:
    tracked = {m for o in initiative.objectives for m in ctx.objectives[o].metrics}
    if metric_id in tracked:
        return ctx.check("W309", owner, False)
    would = ctx.tracking.get(metric_id, [])
    if would:
        fix = (f"add objective '{would[0]}' (which tracks it) to the objectives of "
               f"initiative '{initiative.id}'")
    else:
        fix = f"add '{metric_id}' to the metrics of one of those objectives"
    return ctx.check("W309", owner, True, ctx.sources.at(path),
                     f"{dotted(path)}: '{metric_id}' is credited to initiative "
                     f"'{initiative.id}', but none of its objectives "
                     f"({', '.join(initiative.objectives)}) track it: {fix}, or drop the "
                     "result")


def _extraordinary_rollout(ctx: Context, owner: Path_, initiative: Initiative) -> Check:
    f = ctx.figures.initiatives[initiative.id]
    claims = []
    if f.roi_pct is not None and f.roi_pct > EXTRAORDINARY_ROI_PCT:
        claims.append(f"an ROI of {ctx.percent(f.roi_pct)}")
    if f.payback_months is not None and f.payback_months < EXTRAORDINARY_PAYBACK_MONTHS:
        claims.append(f"a payback in {ctx.number(f.payback_months)} months")
    if not claims:
        return ctx.check("W310", owner, False)
    top = max(f.results_used, key=lambda r: r.rollout_annual_benefit or 0.0)
    i = _pilot_index(ctx, top.pilot_id)
    drivers = [_change(ctx, top), _value(ctx, top),
               (f"its {ctx.strategy.pilots[i].participants} participants scaled up "
                f"{ctx.number(top.scale)}× to {ctx.number(f.headcount)}",
                ctx.at(("pilots", i, "participants")))]
    if f.rollout_cost == 0:
        # A £0 item is a cost listed: say what the list adds up to, not that it is missing.
        listed = (f"costs total {ctx.money(0)}" if initiative.costs
                  else "no costs listed")
        drivers.insert(0, (listed, ctx.at(owner + ("costs",))))
    share = (f"'{top.metric_id}' as pilot '{top.pilot_id}' measured it brings "
             f"{ctx.money(top.rollout_annual_benefit)} of the "
             f"{ctx.money(f.rollout_benefit)} a year")
    pilots = [ctx.pilot_at[p] for p in dict.fromkeys(r.pilot_id for r in f.results_used)
              if _extraordinary_roi(ctx, p) is not None]
    if pilots:  # their own returns are the same doubt: said here, accepted here
        claims[-1] += " (" + " and ".join(
            f"pilot '{ctx.strategy.pilots[i].id}' an ROI of "
            f"{ctx.percent(_extraordinary_roi(ctx, ctx.strategy.pilots[i].id) or 0)}" for i in pilots) + ")"
    return _claim(ctx, owner, f"'{initiative.id}'", claims, share, drivers,
                  also=tuple(("pilots", i) for i in pilots))


def _extraordinary_roi(ctx: Context, pilot_id: str) -> float | None:
    """A monetised pilot's own ROI when it is past what a CFO believes unchecked."""
    p = ctx.figures.pilots[pilot_id]
    if not p.monetised or p.roi_pct is None or p.roi_pct <= EXTRAORDINARY_ROI_PCT:
        return None
    return p.roi_pct


def _extraordinary_pilot(ctx: Context, owner: Path_, pilot: Pilot) -> Check:
    p = ctx.figures.pilots[pilot.id]
    if _extraordinary_roi(ctx, pilot.id) is None or p.roi_pct is None:
        return ctx.check("W310", owner, False)
    top = max((r for r in p.results.values() if r.pilot_annual_benefit is not None),
              key=lambda r: r.pilot_annual_benefit or 0.0)
    drivers = [_change(ctx, top), _value(ctx, top),
               (f"its cost of {ctx.money(p.cost)}", ctx.at(owner + ("cost",)))]
    share = (f"'{top.metric_id}' brings {ctx.money(top.pilot_annual_benefit)} "
             f"of the pilot's {ctx.money(p.benefit)} a year")
    return _claim(ctx, owner, f"'{pilot.id}'", claims=[f"an ROI of {ctx.percent(p.roi_pct)}"],
                  share=share, drivers=drivers)


def _claim(ctx: Context, owner: Path_, what: str, claims: list[str], share: str,
           drivers: list[tuple[str, Location]], also: tuple[Path_, ...] = ()) -> Check:
    listed = "; ".join(f"{text} ({where})" for text, where in drivers)
    return ctx.check("W310", owner, True, drivers[0][1],
                     f"{dotted(owner)}: {what} claims {' and '.join(claims)}, which no CFO "
                     f"will believe unchecked: {share}; check the inputs that drive it: "
                     f"{listed}", also=also)


def _change(ctx: Context, r: ResultFigures) -> tuple[str, Location]:
    i = _pilot_index(ctx, r.pilot_id)
    result = ctx.strategy.pilots[i].results[r.index]
    # A count is read per its period ("from 95 to 70 a month"); a level never is ("from 76 to 95").
    per = f" a {r.per}" if read_unit(ctx.metrics[r.metric_id].unit).adds_up else ""
    return (f"the change in '{r.metric_id}' from {ctx.number(result.before)} to "
            f"{ctx.number(result.after)}{per}, {ctx.number(r.attributable)} of it attributable",
            ctx.sources.at(("pilots", i, "results", r.index)))


def _value(ctx: Context, r: ResultFigures) -> tuple[str, Location]:
    k = ctx.metric_at[r.metric_id]
    return (f"its value_per_unit of {ctx.money(r.value_per_unit, exact=True)}",
            ctx.at(("metrics", k, "value_per_unit")))


def _pilot_index(ctx: Context, pilot_id: str) -> int:
    return ctx.pilot_at[pilot_id]
