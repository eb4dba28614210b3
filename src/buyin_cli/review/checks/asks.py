"""The money an ask states. W504: an amount that is none of the figures, so the CFO hears two
numbers for one decision. W507: a pilot asked for with no amount, so the room approves a blank."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.compute import InitiativeFigures
from buyin_cli.load.models import Pilot, Strategy
from buyin_cli.plan.asks import ask_initiative, asks_for_pilot
from buyin_cli.review.context import Check, Context
from buyin_cli.review.money import Amount, amounts_in, written
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    figures = ctx.figures.initiatives
    for i, briefing in enumerate(ctx.strategy.briefings):
        owner = ("briefings", i)
        for j, ask in enumerate(briefing.asks):
            stated = amounts_in(ask.decision, ctx.strategy.currency)
            path = owner + ("asks", j)
            pilot = _pilot_of(ctx, ask.decision, ask.initiative)
            if pilot is not None:  # a pilot's amount is its own, no roll-out figure
                yield ctx.check("W507", owner, not stated, ctx.sources.at(path + ("decision",)),
                                f"{dotted(path)}: asks for a pilot of '{pilot}' but names no "
                                "amount, so the room approves a blank: write what it will cost "
                                f"in the ask{_last_pilot(ctx.strategy, pilot)}")
                continue
            if not stated:
                continue  # no amount, nothing to disagree with
            named = ask.initiative is not None
            against = [figures[ask.initiative]] if ask.initiative is not None else list(figures.values())
            wrong = [a for a in stated if not any(a.matches(c) for f in against
                                                  for c in costs(f))]
            yield ctx.check("W504", owner, bool(wrong), ctx.sources.at(path + ("decision",)),
                            _message(dotted(path), wrong, against, named, ctx.strategy.currency))


def _pilot_of(ctx: Context, text: str, linked: str | None) -> str | None:
    """The initiative an ask asks to pilot (not to roll out), if any."""
    if not asks_for_pilot(text):
        return None
    return ask_initiative(text, linked, ctx.strategy.initiatives)


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


def _last_pilot(strategy: Strategy, initiative: str) -> str:
    """What the initiative's latest pilot cost, as a guide to the next one's amount."""
    pilots: list[Pilot] = [p for p in strategy.pilots if p.initiative == initiative]
    if not pilots:
        return ""
    last = max(pilots, key=lambda p: p.end)
    return (f" (its pilot '{last.id}' cost {written(last.cost, strategy.currency)} for "
            f"{last.participants} people)")
