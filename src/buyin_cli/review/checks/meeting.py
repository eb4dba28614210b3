"""W5xx: the meeting itself: a showcase, decisions, time for questions, and its follow-ups."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.figures.followup import follow_up_state
from buyin_cli.load.models import Briefing, FollowUp
from buyin_cli.plan.agenda import Agenda
from buyin_cli.plan.answers import THRESHOLD, content_words
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import decision_problem
from buyin_cli.words import clip, dotted, plural

DECISION_EXAMPLES = {"en": "'Approve…', 'Agree to…', 'Release…', 'Nominate…'",
                     "de": "'Freigabe von…', 'Genehmigen Sie…', '… freigeben', '… benennen'"}


def checks(ctx: Context) -> Iterator[Check]:
    for i, briefing in enumerate(ctx.strategy.briefings):
        owner = ("briefings", i)
        yield ctx.check("W501", owner, briefing.showcase is None,
                        message=f"{dotted(owner)}: '{briefing.id}' has no showcase: add "
                                "showcase {title, url}: the course to demo, so they see "
                                "the learning, not just hear about it")
        for j, ask in enumerate(briefing.asks):
            why = decision_problem(ask.decision, ctx.strategy.wording_language)
            path = owner + ("asks", j)
            yield ctx.check("W502", owner, why is not None, ctx.sources.at(path + ("decision",)),
                            f"{dotted(path)}: '{ask.decision}' is not a decision ({why}): start "
                            "with what they decide, e.g. " + DECISION_EXAMPLES.get(
                                ctx.strategy.wording_language, DECISION_EXAMPLES["en"]))
        agenda = ctx.agenda(briefing)
        yield ctx.check("W503", owner, not agenda.fits, ctx.at(owner + ("minutes",)),
                        f"{dotted(owner)}.minutes: {briefing.minutes} minutes present at most "
                        f"{plural(agenda.budget, 'slide', 'slides')} and keep a third for questions, but "
                        f"{_essentials(agenda)} take {agenda.essential_slides}: book at least "
                        f"{agenda.minutes_needed} minutes, or focus on fewer objectives")
    yield from _follow_ups(ctx)


def _follow_ups(ctx: Context) -> Iterator[Check]:
    """W505 on each follow-up past due; W506 on the next meeting that does not come back to it."""
    briefings = ctx.strategy.briefings
    people = ctx.strategy.index.stakeholders
    meetings: dict[str, list[tuple[int, Briefing]]] = {}  # by stakeholder, in file order
    for n, b in enumerate(briefings):
        meetings.setdefault(b.stakeholder, []).append((n, b))
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
            later = [(b.date, n) for n, b in meetings[briefing.stakeholder] if b.date > held
                     and follow_up.due < min(b.date, ctx.today) and not follow_up.done]
            if not later:
                continue
            n = min(later)[1]
            yield ctx.check("W506", ("briefings", n), not _comes_back(briefings[n], follow_up),
                            ctx.at(("briefings", n, "asks")),
                            f"briefings[{n}]: '{briefings[n].id}' meets {people[briefing.stakeholder].name} "
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


def _essentials(agenda: Agenda) -> str:
    """What a briefing must present, in words: 'the decision, 2 objectives, 3 pilots and the asks'."""
    parts = ["the decision", plural(len(agenda.objectives), "objective", "objectives")]
    if agenda.pilots:
        parts.append(f"the evidence of {plural(len(agenda.pilots), 'pilot', 'pilots')}")
    if agenda.state("numbers") is not None:
        parts.append("the numbers")
    return ", ".join(parts) + " and the asks"
