"""W315–W316: totals that hide something: one change counted twice, a loss summed into a gain.

They belong to "Prove it" and read the figures computed once for the review
(`Context.figures`), as the deck's totals do:

- W315 double count: two initiatives credit their roll-outs with the same metric for
  an audience they share, and the totals add both benefits as if independent;
- W316 hidden loss: a roll-out that needs more than its whole pilot effect to break
  even in year one, which a total with a profitable one would hide.
"""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.compute import ResultFigures
from buyin_cli.load.models import Initiative
from buyin_cli.review.context import Check, Context, Path_
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    # Each initiative's results used, by metric: built once, read for every pair.
    used = {i: {r.metric_id: r for r in f.results_used} for i, f in ctx.figures.initiatives.items()}
    initiatives = ctx.strategy.initiatives
    # The earlier initiatives that reach each audience, in order: only those can share one with
    # a later initiative, so each is compared with them rather than with every earlier one.
    reaching: dict[str, list[int]] = {}
    for k, initiative in enumerate(initiatives):
        owner = ("initiatives", k)
        earlier = sorted({n for a in initiative.audiences for n in reaching.get(a, ())})
        yield _double_count(ctx, owner, initiative, [initiatives[n] for n in earlier], used)
        yield _hidden_loss(ctx, owner, initiative)
        for a in dict.fromkeys(initiative.audiences):
            reaching.setdefault(a, []).append(k)


def _double_count(ctx: Context, owner: Path_, initiative: Initiative, earlier: list[Initiative],
                  used: dict[str, dict[str, ResultFigures]]) -> Check:
    """W315 on the later of two initiatives that both credit a metric to the same people
    (`earlier`: those before it that reach one of its audiences, in order)."""
    mine = used[initiative.id]
    for other in earlier:
        shared = [a for a in initiative.audiences if a in other.audiences]
        theirs = used[other.id]
        both = [m for m in mine if m in theirs]
        if not (shared and both):
            continue
        metric = both[0]
        amounts = (ctx.money(theirs[metric].rollout_annual_benefit or 0.0),
                   ctx.money(mine[metric].rollout_annual_benefit or 0.0))
        return ctx.check(
            "W315", owner, True, None,
            f"{dotted(owner)}: '{initiative.id}' and '{other.id}' both credit their roll-outs "
            f"with '{metric}' for audience '{shared[0]}', and the totals add {amounts[0]} and "
            f"{amounts[1]} a year as if the effects were independent, though the same change "
            "can be avoided only once: keep the result in one of their pilots only (a lower "
            "isolation share still adds both, so it does not clear this), or accept it with the "
            "reason the effects add up or how you split the change between them")
    return ctx.check("W315", owner, False)


def _hidden_loss(ctx: Context, owner: Path_, initiative: Initiative) -> Check:
    """W316 on a roll-out whose year-one cost is more than its whole benefit."""
    f = ctx.figures.initiatives[initiative.id]
    if not f.results_used or f.break_even_share is None or f.break_even_share <= 1:
        return ctx.check("W316", owner, False)
    return ctx.check(
        "W316", owner, True, ctx.at(owner + ("costs",)),
        f"{dotted(owner)}: '{initiative.id}' costs {ctx.money(f.rollout_cost)} "
        f"in year one for {ctx.money(f.rollout_benefit)} a year, an ROI of "
        f"{ctx.percent(f.roi_pct or 0.0)}: it breaks even only if "
        f"{ctx.percent(f.break_even_share * 100)} of its pilot effect holds, more than the pilot "
        "showed, and a total with other initiatives hides the loss: present it on its own, "
        "lower its costs, or accept it with the reason it is worth funding anyway")
