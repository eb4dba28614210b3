"""The money an ask states. W504: an amount that is none of the figures, so the CFO hears two
numbers for one decision. W507: a pilot asked for with no amount, so the room approves a blank."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.compute import InitiativeFigures
from buyin_cli.figures.loading import is_participants_time
from buyin_cli.load.models import Initiative, Pilot, Strategy
from buyin_cli.plan.asks import ask_initiative, asks_for_pilot
from buyin_cli.review.context import Check, Context
from buyin_cli.review.money import Amount, Writer, amounts_in
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
                                f"in the ask{_last_pilot(ctx.strategy, pilot, ctx.write)}")
                continue
            if not stated:
                continue  # no amount, nothing to disagree with
            named = ask.initiative is not None
            against = [figures[ask.initiative]] if ask.initiative is not None else list(figures.values())
            initiatives = ctx.strategy.index.initiatives
            wrong = [a for a in stated if not any(a.matches(c) for f in against for c in
                                                  costs(f) + [cash(f, initiatives[f.initiative_id])])]
            yield ctx.check("W504", owner, bool(wrong), ctx.sources.at(path + ("decision",)),
                            _message(dotted(path), wrong, [(f, cash(f, initiatives[f.initiative_id]))
                                                           for f in against],
                                     named, ctx.write))


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


def cash(f: InitiativeFigures, initiative: Initiative) -> float:
    """The roll-out's cost in year one without participants' time: the budget a COO releases,
    where the fully loaded cost also counts the hours people spend learning."""
    time = sum(c.amount * (f.headcount if c.kind == "per-participant" else 1)
               for c in initiative.costs if is_participants_time(c))
    return f.rollout_cost - time


def _message(where: str, wrong: list[Amount], against: list[tuple[InitiativeFigures, float]],
             named: bool, write: Writer) -> str:
    """One line: the amount, that it is none of the figures; then what would be right, each
    initiative's figures after it, apart by " · ", none in brackets, quotes or a "; " run."""
    said = " and ".join(a.text for a in wrong)
    if not against:
        return (f"{where}: asks for {said}, but no initiative has costs to compare it with; add "
                "the initiative it funds, with its costs, so the room hears one number")
    whose = " of the initiative it funds" if named else ""
    listed = " · ".join(_figures(f, in_cash, write) for f, in_cash in against)
    which = "which is" if len(wrong) == 1 else "which are"
    return (f"{where}: asks for {said}, {which} none of the figures{whose}; write an amount "
            f"they give, or correct the costs, so the room hears one number: {listed}")


def _figures(f: InitiativeFigures, in_cash: float, write: Writer) -> str:
    """An initiative's figures an ask may state: "i1 costs £30,000 to roll out, £20,000 of it
    in cash, £40,000 over 2 years and £50,000 over 3 years"."""
    parts = [f"{write.money(f.rollout_cost)} to roll out"]
    if round(in_cash) != round(f.rollout_cost) and round(in_cash) > 0:
        parts.append(f"{write.money(in_cash)} of it in cash")
    total = f.rollout_cost
    for year in f.years[1:]:
        total += year.cost
        parts.append(f"{write.money(total)} over {year.year} years")
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"{f.initiative_id} costs {listed}"


def _last_pilot(strategy: Strategy, initiative: str, write: Writer) -> str:
    """What the initiative's latest pilot cost, as a guide to the next one's amount."""
    pilots: list[Pilot] = [p for p in strategy.pilots if p.initiative == initiative]
    if not pilots:
        return ""
    last = max(pilots, key=lambda p: p.end)
    return (f" (its pilot '{last.id}' cost {write.money(last.cost)} for "
            f"{write.number(last.participants)} people)")
