"""W3xx: prove it with a pilot and conservative, isolated figures, then track the roll-out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from buyin_cli.figures.loading import is_fully_loaded
from buyin_cli.load.models import Result
from buyin_cli.load.sourcemap import Path_
from buyin_cli.review.context import Check, Context
from buyin_cli.review.heuristics import is_learning_number
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    piloted = {p.initiative for p in ctx.strategy.pilots}
    for i, initiative in enumerate(ctx.strategy.initiatives):
        # Each message is written only when its check fails (most pass, thousands of times).
        yield ctx.check("W302", ("initiatives", i), False) if initiative.id in piloted else ctx.check(
                        "W302", ("initiatives", i), True,
                        message=f"initiatives[{i}]: '{initiative.id}' has no pilot: run "
                                "one with a small group and add it to pilots, with "
                                "before/after readings of a business metric")
    for i, pilot in enumerate(ctx.strategy.pilots):
        owner = ("pilots", i)
        for j, result in enumerate(pilot.results):
            path = owner + ("results", j)
            yield from _isolated(ctx, owner, path, result)
        yield ctx.check("W311", owner, False) if not pilot.results or pilot.application else ctx.check(
                        "W311", owner, True, message=f"{dotted(owner)}: '{pilot.id}' shows results but no "
                                "application: add application [{behaviour, before, after, "
                                "unit}]: what participants now do on the job, so the results "
                                "are not a claim with a gap in the middle")
        missing = [name for name in ("reaction", "learning", "usage")
                   if getattr(pilot, name) is None]
        yield ctx.check("W304", owner, False) if not missing else ctx.check(
                        "W304", owner, True, message=f"{dotted(owner)}: '{pilot.id}' does not report "
                                f"{' or '.join(missing)}: add "
                                + ", ".join(_PILOT_HINTS[m] for m in missing))
        yield ctx.check("W306", owner, False) if pilot.results else ctx.check(
                        "W306", owner, True, ctx.at(owner + ("results",)),
                        f"{dotted(owner)}.results: '{pilot.id}' measured no business "
                        "result: add before/after readings of a metric its initiative's "
                        "objectives track")
        if pilot.results:
            learning = [r.metric for r in pilot.results
                        if is_learning_number(ctx.metrics[r.metric].name,
                                              ctx.metrics[r.metric].unit,
                                              ctx.metrics[r.metric].value_per_unit is not None)]
            yield ctx.check("W305", owner, False) if len(learning) != len(pilot.results) else ctx.check(
                            "W305", owner, True, ctx.at(owner + ("results",)),
                            f"{dotted(owner)}.results: every result ({', '.join(learning)}) "
                            "is a learning number: add a result on a business metric "
                            "the objective's owner tracks (errors, complaints, sales…) "
                            "and keep scores in reaction, learning and usage")
    yield from _tracked(ctx)
    for i, initiative in enumerate(ctx.strategy.initiatives):
        loaded = not initiative.costs or is_fully_loaded(initiative)
        yield ctx.check("W313", ("initiatives", i), False) if loaded else ctx.check(
                        "W313", ("initiatives", i), True, ctx.at(("initiatives", i, "costs")),
                        f"initiatives[{i}].costs: '{initiative.id}' leaves out participants' "
                        "time, so its cost is not fully loaded: add the time participants "
                        "spend learning as a cost with category: participants-time (hours × "
                        "loaded wage, per participant)")


def _isolated(ctx: Context, owner: Path_, path: Path_, result: Result) -> Iterator[Check]:
    """W301 and W303: what isolates a result's effect, and whether the estimate is discounted.

    Writing isolation: 1 or confidence: 1 does not make a figure conservative: a result
    that credits the learning with the whole change needs a comparison group, a trend
    line or participants' estimates; an isolation estimate held with full confidence
    is not discounted at all.
    """
    # Participants' estimates are their own shares, each discounted by their confidence.
    compared = (result.control_before is not None or result.trend_after is not None
                or bool(result.estimates))
    if not compared and result.isolation in (None, 1):
        said = ("isolates nothing" if result.isolation is None else
                "credits all of the change to the learning (isolation 1) with nothing that "
                "isolates it")
        yield ctx.check("W301", owner, True, ctx.sources.at(path) if result.isolation is None
                        else ctx.at(path + ("isolation",)),
                        f"{dotted(path)}: '{result.metric}' {said}: add control_before/"
                        "control_after from a comparison group, trend_after (what the "
                        "pre-pilot trend projects), participants' estimates [{share, "
                        "confidence}], or an isolation estimate below 1 (the share due to the "
                        "learning)")
    else:
        yield ctx.check("W301", owner, False)
    if result.isolation is not None and result.isolation < 1:
        weak = result.confidence is None or result.confidence == 1
        had = "has no" if result.confidence is None else "is held with full confidence, no"
        yield ctx.check("W303", owner, False) if not weak else ctx.check(
                        "W303", owner, True, ctx.at(path + ("isolation" if result.confidence is None
                                       else "confidence",)),
                        f"{dotted(path)}.isolation: the estimate {result.isolation:g} {had} "
                        "confidence adjustment: add confidence (how sure you are of the "
                        "estimate, below 1) so the figure is conservative")


# How long after the decision (or the launch, if later) a roll-out should report its uptake.
TRACKING_GRACE = timedelta(days=90)


def _tracked(ctx: Context) -> Iterator[Check]:
    """W312 on an initiative approved in a meeting that has no tracking 90 days on."""
    approved: dict[str, tuple[date, str]] = {}
    for briefing in ctx.strategy.briefings:
        for d in briefing.outcome.decisions if briefing.outcome else ():
            ask = briefing.asks[d.ask - 1]
            if d.decision == "approved" and ask.initiative is not None:
                first = (briefing.outcome.held, briefing.id)  # type: ignore[union-attr]
                approved[ask.initiative] = min(approved.get(ask.initiative, first), first)
    for i, initiative in enumerate(ctx.strategy.initiatives):
        if initiative.id not in approved:
            continue
        held, briefing_id = approved[initiative.id]
        start = max(held, initiative.launch or held)
        yield ctx.check("W312", ("initiatives", i),
                        not initiative.tracking and ctx.today >= start + TRACKING_GRACE,
                        message=f"initiatives[{i}]: '{initiative.id}' was approved at "
                                f"'{briefing_id}' on {held}"
                                + (f" and launched on {initiative.launch}"
                                   if initiative.launch and initiative.launch > held else "")
                                + f", but has no tracking 90 days on (as of {ctx.today}): add "
                                "tracking {period, enrolled, completed}, so the roll-out is set "
                                "against the sponsor's usage targets")


_PILOT_HINTS = {"reaction": "reaction {score, scale} (how participants rated it)",
                "learning": "learning {pre, post} (assessment % before and after)",
                "usage": "usage {enrolled, completed}"}
