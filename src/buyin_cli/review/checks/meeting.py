"""W5xx: the meeting itself: a showcase, decisions, time for questions."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.load.models import Briefing, Strategy
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import decision_problem
from buyin_cli.words import dotted, plural

# A meeting's presenting time: two minutes per objective, initiative and pilot it
# presents, two for the asks and three for the showcase; a third of the meeting stays
# for questions, so it needs presenting × 3/2 minutes, and never fewer than 15.
MINUTES_PER_ITEM, MINUTES_ASKS, MINUTES_SHOWCASE, MINUTES_FLOOR = 2, 2, 3, 15


def checks(ctx: Context) -> Iterator[Check]:
    for i, briefing in enumerate(ctx.s.briefings):
        owner = ("briefings", i)
        yield ctx.check("W501", owner, briefing.showcase is None,
                        message=f"{dotted(owner)}: '{briefing.id}' has no showcase: add "
                                "showcase {title, url}: the course to demo, so they see "
                                "the learning, not just hear about it")
        for j, ask in enumerate(briefing.asks):
            why = decision_problem(ask.decision)
            path = owner + ("asks", j)
            yield ctx.check("W502", owner, why is not None, ctx.sources.at(path + ("decision",)),
                            f"{dotted(path)}: '{ask.decision}' is not a decision ({why}): start "
                            "with what they decide, e.g. 'Approve…', 'Agree to…', "
                            "'Release…', 'Nominate…'")
        presenting, parts = _presenting(ctx.s, briefing)
        needed = max(MINUTES_FLOOR, -(-presenting * 3 // 2))
        yield ctx.check("W503", owner, briefing.minutes < needed,
                        ctx.at(owner + ("minutes",)),
                        f"{dotted(owner)}.minutes: {briefing.minutes} minutes leave less "
                        f"than a third for questions: presenting {parts} takes about "
                        f"{presenting} minutes, so book at least {needed} minutes or "
                        "focus on fewer objectives")


def _presenting(strategy: Strategy, briefing: Briefing) -> tuple[int, str]:
    """Minutes to present what a briefing covers, and a description of it."""
    focus = set(briefing.focus) or {o.id for o in strategy.objectives}
    initiatives = {x.id for x in strategy.initiatives if focus & set(x.objectives)}
    pilots = [p for p in strategy.pilots if p.initiative in initiatives]
    minutes = MINUTES_PER_ITEM * (len(focus) + len(initiatives) + len(pilots)) + MINUTES_ASKS
    parts = [plural(len(focus), "objective"), plural(len(initiatives), "initiative"),
             plural(len(pilots), "pilot")]
    if briefing.showcase is not None:
        minutes += MINUTES_SHOWCASE
        parts.append("the showcase")
    return minutes, ", ".join(parts) + " and the asks"
