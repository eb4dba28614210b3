"""W1xx: tie learning to business results leadership already tracks."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.load.units import read_unit
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import is_revenue

# Kinds read at a moment, never summed over a period: "% per quarter" says nothing more than "%".
LEVELS = ("percentage", "points", "duration", "average", "level")


def checks(ctx: Context) -> Iterator[Check]:
    served = {o for initiative in ctx.strategy.initiatives for o in initiative.objectives}
    for i, objective in enumerate(ctx.strategy.objectives):
        yield ctx.check("W101", ("objectives", i), objective.id not in served,
                        message=f"objectives[{i}]: no initiative serves '{objective.id}': "
                                "add its id to an initiative's objectives, or drop the "
                                "objective from the strategy")
    for i, initiative in enumerate(ctx.strategy.initiatives):
        ids = [m for o in initiative.objectives for m in ctx.objectives[o].metrics]
        money = any(ctx.metrics[m].value_per_unit is not None for m in ids)
        yield ctx.check("W102", ("initiatives", i), not money,
                        ctx.at(("initiatives", i, "objectives")),
                        f"initiatives[{i}].objectives: no metric of its objectives "
                        f"({', '.join(dict.fromkeys(ids))}) has value_per_unit: add "
                        "value_per_unit (money gained per unit of improvement) to one, "
                        "so the case can be made in money")
    measured: dict[str, list[str]] = {}
    for pilot in ctx.strategy.pilots:
        for result in pilot.results:
            measured.setdefault(result.metric, []).append(pilot.id)
    for k, metric in enumerate(ctx.strategy.metrics):
        if metric.id in measured:
            pilots = list(dict.fromkeys(measured[metric.id]))
            yield ctx.check("W103", ("metrics", k), metric.value_per_unit is None,
                            message=f"metrics[{k}]: '{metric.id}' is measured by "
                                    f"{'pilot' if len(pilots) == 1 else 'pilots'} "
                                    f"{', '.join(pilots)} but has no value_per_unit, so its result "
                                    "earns nothing in the ROI: add value_per_unit (money "
                                    "gained per unit of improvement)")
        yield ctx.check("W105", ("metrics", k),
                        metric.value_per_unit == 1 and is_revenue(metric.name, metric.unit),
                        ctx.at(("metrics", k, "value_per_unit")),
                        f"metrics[{k}].value_per_unit: '{metric.id}' is revenue valued at 1 "
                        "per unit, so the benefit counts revenue, not margin: set "
                        "value_per_unit to the margin each unit of revenue earns (e.g. 0.1 "
                        "for a 10% margin)")
        unit = read_unit(metric.unit)
        yield ctx.check("W106", ("metrics", k), unit.kind in LEVELS and unit.period is not None,
                        ctx.at(("metrics", k, "unit")),
                        f"metrics[{k}].unit: '{metric.unit}' names a period, but "
                        f"{unit.kind_name} is read at a moment, not summed over a {unit.period}: "
                        "write the unit alone (say '%') and leave the metric's per out; "
                        "each result's per says how often it was read")
        yield ctx.check("W104", ("metrics", k), metric.actual is None,
                        message=f"metrics[{k}]: '{metric.id}' has no actual, so progress "
                                "toward target shows 0%: add actual (the latest reading)")
