"""W504: an ask whose amount is none of the figures, so the CFO hears two numbers for one decision."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.compute import InitiativeFigures
from buyin_cli.review.context import Check, Context
from buyin_cli.review.money import Amount, amounts_in, written
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    figures = ctx.figures.initiatives
    for i, briefing in enumerate(ctx.strategy.briefings):
        owner = ("briefings", i)
        for j, ask in enumerate(briefing.asks):
            stated = amounts_in(ask.decision, ctx.strategy.currency)
            if not stated:
                continue  # no amount, nothing to disagree with
            path = owner + ("asks", j)
            named = ask.initiative is not None
            against = [figures[ask.initiative]] if ask.initiative is not None else list(figures.values())
            wrong = [a for a in stated if not any(a.matches(c) for f in against
                                                  for c in costs(f))]
            yield ctx.check("W504", owner, bool(wrong), ctx.sources.at(path + ("decision",)),
                            _message(dotted(path), wrong, against, named, ctx.strategy.currency))


def costs(f: InitiativeFigures) -> list[float]:
    """What an ask may fairly state for an initiative: each year's cost, and the total
    up to each year of its horizon (the first being the roll-out cost)."""
    out, total = [], 0.0
    for year in f.years:
        total += year.cost
        out += [year.cost, total]
    return out


def _message(where: str, wrong: list[Amount], against: list[InitiativeFigures], named: bool,
             currency: str) -> str:
    said = ", ".join(a.text for a in wrong)
    listed = "; ".join(_figures(f, currency) for f in against) or "there are no initiatives"
    funds = ", the initiative it funds," if named else ""
    return (f"{where}: asks for {said}, which is none of the figures{funds} ({listed}): "
            "write the amount the figures give, or correct the costs, so the room hears one "
            "number")


def _figures(f: InitiativeFigures, currency: str) -> str:
    parts = [f"{written(f.rollout_cost, currency)} to roll out"]
    total = f.rollout_cost
    for year in f.years[1:]:
        total += year.cost
        parts.append(f"{written(total, currency)} over {year.year} years")
    return f"'{f.initiative_id}' costs " + ", ".join(parts)
