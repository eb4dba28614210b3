"""W318 and W319: a roll-out benefit that rests on a handful of events, or of estimates.

A pilot result on a count whose readings are all a handful of events (`load.units.is_tiny`:
"2 → 1 leavers a quarter") says little: one event more or less undoes or doubles the change.
Priced and scaled up, that accident becomes a roll-out's money, so it is doubted where a
roll-out's figures use it (`InitiativeFigures.results_used`), and accepted on the pilot.
A share credited from a handful of participants' estimates is the same accident in the
isolation: with three estimates, one person's guess is a third of the credit (W319).
"""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.compute import ResultFigures
from buyin_cli.load.models import Pilot
from buyin_cli.load.units import TINY_COUNT, is_tiny
from buyin_cli.review.context import Check, Context
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    for i, pilot in enumerate(ctx.strategy.pilots):
        owner = ("pilots", i)
        used = {r.metric_id: r for r in ctx.figures.initiatives[pilot.initiative].results_used
                if r.pilot_id == pilot.id}
        for j, result in enumerate(pilot.results):
            r = used.get(result.metric)
            metric = ctx.metrics[result.metric]
            fires = (r is not None and metric.value_per_unit is not None and bool(r.rollout_annual_benefit)
                     and is_tiny(metric.unit, result.before, result.after))
            if not fires or r is None:
                yield ctx.check("W318", owner, False)
                continue
            yield _handful(ctx, owner + ("results", j), pilot, r)
        for j, result in enumerate(pilot.results):
            r = used.get(result.metric)
            # Fewer estimates than the threshold, unless every participant gave one.
            few = 0 < len(result.estimates or ()) < min(TINY_COUNT, pilot.participants)
            if r is None or not r.rollout_annual_benefit or not few:
                yield ctx.check("W319", owner, False)
                continue
            yield _few_estimates(ctx, owner + ("results", j), pilot, r)


def _handful(ctx: Context, path: tuple[str | int, ...], pilot: Pilot, r: ResultFigures) -> Check:
    result = pilot.results[r.index]
    change = abs(result.before - result.after)
    # One event more or less in the after reading moves the change by one event.
    swing = ("undo or double the change" if change <= 1
             else f"move the change by {ctx.percent(100 / change)}")
    return ctx.check(
        "W318", path[:2], True, ctx.sources.at(path),
        f"{dotted(path)}: '{r.metric_id}' went from {ctx.number(result.before)} to "
        f"{ctx.number(result.after)} a {r.per} in the pilot, so few events that one more or less "
        f"would {swing}, yet the roll-out counts it as {ctx.money(r.rollout_annual_benefit)} a year: "
        "measure over a longer period or more people, or price a rate, or accept it with the reason")


def _few_estimates(ctx: Context, path: tuple[str | int, ...], pilot: Pilot, r: ResultFigures) -> Check:
    count = len(pilot.results[r.index].estimates or ())
    return ctx.check(
        "W319", path[:2], True, ctx.sources.at(path + ("estimates",)),
        f"{dotted(path)}: '{r.metric_id}' is credited with the mean of {count} of "
        f"{ctx.number(pilot.participants)} participants' estimates, so one person's estimate makes up "
        f"{ctx.percent(100 / count)} of the share behind {ctx.money(r.rollout_annual_benefit)} a year: "
        "ask more of the participants (5 or more), or isolate by a comparison group, "
        "or accept it with the reason")
