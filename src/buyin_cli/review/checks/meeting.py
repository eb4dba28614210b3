"""W5xx: the meeting itself: a showcase, decisions, time for questions, and its follow-ups."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.followup import follow_up_state
from buyin_cli.load.models import Briefing, FollowUp, Strategy
from buyin_cli.review.answers import THRESHOLD, content_words
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import decision_problem
from buyin_cli.words import clip, dotted, plural

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
    yield from _follow_ups(ctx)


def _follow_ups(ctx: Context) -> Iterator[Check]:
    """W505 on each follow-up past due; W506 on the next meeting that does not come back to it."""
    briefings = ctx.s.briefings
    names = {s.id: s.name for s in ctx.s.stakeholders}
    for i, briefing in enumerate(briefings):
        if briefing.outcome is None:
            continue
        held = briefing.outcome.held
        for j, follow_up in enumerate(briefing.outcome.follow_ups):
            path = ("briefings", i, "outcome", "follow_ups", j)
            action = f"'{clip(follow_up.action)}' ({follow_up.owner})"
            yield ctx.check("W505", ("briefings", i),
                            follow_up_state(follow_up, ctx.today) == "overdue",
                            ctx.sources.at(path),
                            f"{dotted(path)}: {action} was due on {follow_up.due} and is not "
                            f"done as of {ctx.today}: do it and set done: true, or agree a "
                            "new date and record it as a follow-up of the next meeting")
            # The first later meeting with the same person after it fell due, while still late.
            later = [(b.date, n) for n, b in enumerate(briefings)
                     if b.stakeholder == briefing.stakeholder and b.date > held
                     and follow_up.due < min(b.date, ctx.today) and not follow_up.done]
            if not later:
                continue
            n = min(later)[1]
            yield ctx.check("W506", ("briefings", n), not _comes_back(briefings[n], follow_up),
                            ctx.at(("briefings", n, "asks")),
                            f"briefings[{n}]: '{briefings[n].id}' meets {names[briefing.stakeholder]} "
                            f"again but does not come back to {action}, agreed on {held}, due "
                            f"on {follow_up.due} and not done: add an ask about it (a new "
                            "date, or what it needs), or set done: true at "
                            f"{dotted(path)} if it was done")


def _comes_back(briefing: Briefing, follow_up: FollowUp) -> bool:
    """Whether the briefing's asks or opening question name at least half the action's content words."""
    wanted = content_words(follow_up.action)
    said = content_words(" ".join([briefing.opening_question,
                                   *(ask.decision for ask in briefing.asks)]))
    return not wanted or len(wanted & said) / len(wanted) >= THRESHOLD


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
