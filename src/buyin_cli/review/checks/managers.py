"""W4xx: bring managers along, with a senior sponsor."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.review.context import Check, Context
from buyin_cli.words import clip, dotted


def checks(ctx: Context) -> Iterator[Check]:
    briefed = {b.stakeholder for b in ctx.strategy.briefings}
    for k, person in enumerate(ctx.strategy.stakeholders):
        owner = ("stakeholders", k)
        if person.id in briefed:
            yield ctx.check("W401", owner, not person.needs, ctx.at(owner + ("needs",)),
                            f"{dotted(owner)}: '{person.id}' is briefed but has no needs: "
                            "ask them early what their staff need, and add it to needs")
            yield ctx.check("W402", owner, not person.benefits,
                            ctx.at(owner + ("benefits",)),
                            f"{dotted(owner)}: '{person.id}' is briefed but has no "
                            "benefits: add what is in it for them, in their terms")
        answered = ctx.answers.match(person.concerns)
        for j, concern in enumerate(person.concerns):
            path = owner + ("concerns", j)
            yield ctx.check("W403", owner,
                            answered[j] is None,
                            ctx.sources.at(path),
                            f"{dotted(path)}: no prepared answer to '{concern}'"
                            f"{_near(ctx, concern) if answered[j] is None else ''}: add "
                            "an objection that states it, with a prepared response")
    sponsor = ctx.strategy.sponsor
    yield ctx.check("W404", (), sponsor is None, ctx.top(),
                    "no sponsor: add a sponsor (name, role, quote): a senior leader "
                    "whose endorsement managers will hear")
    if sponsor is not None:
        yield ctx.check("W405", ("sponsor",), not sponsor.usage_targets,
                        ctx.at(("sponsor", "usage_targets")),
                        "sponsor: no usage_targets: add the completion the sponsor "
                        "expects by period, e.g. {period: 2026-Q2, completion: 0.8}")


def _near(ctx: Context, concern: str) -> str:
    """Why the answer a trainer may have meant for `concern` is not taken as one: it shares
    too few of its words ("shift" and "start") to be told from a coincidence."""
    near = ctx.answers.near(concern)
    if near is None or not near[1]:
        return ""
    objection, words = near
    quoted = [f"'{w}'" for w in words]
    shared = " and ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
    return (f" (the nearest, '{clip(objection.objection)}', shares only {shared} with it, "
            "too little to show as its answer)")
