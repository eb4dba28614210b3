"""W5xx: the meeting itself: a showcase, decisions, time for questions."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.plan.agenda import Agenda
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import decision_problem
from buyin_cli.words import dotted, plural


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
        agenda = ctx.agenda(briefing)
        yield ctx.check("W503", owner, not agenda.fits, ctx.at(owner + ("minutes",)),
                        f"{dotted(owner)}.minutes: {briefing.minutes} minutes present at most "
                        f"{plural(agenda.budget, 'slide')} and keep a third for questions, but "
                        f"{_essentials(agenda)} take {agenda.essential_slides}: book at least "
                        f"{agenda.minutes_needed} minutes, or focus on fewer objectives")


def _essentials(agenda: Agenda) -> str:
    """What a briefing must present, in words: 'the decision, 2 objectives, 3 pilots and the asks'."""
    parts = ["the decision", plural(len(agenda.objectives), "objective")]
    if agenda.pilots:
        parts.append(f"the evidence of {plural(len(agenda.pilots), 'pilot')}")
    if agenda.state("numbers") is not None:
        parts.append("the numbers")
    return ", ".join(parts) + " and the asks"
