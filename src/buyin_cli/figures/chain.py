"""A pilot's chain of impact, level by level (reaction, learning, application, impact, ROI), and its weakest link.

Phillips' ROI Methodology reads a pilot as a chain: participants liked it
(reaction), learned (learning), now work differently (application), the business
number moved (impact), and it paid (ROI). A case is as strong as its weakest
link, so each level gets a status:

- `missing`: the pilot recorded nothing for it;
- `weak`: it is there but thin, for the reason in `why` (a key the templates put
  in words): a rating under 70 % of its scale (`low-rating`); no gain or a
  normalised gain under 0.3, Hake's "low gain" band (`no-gain`, `low-gain`);
  behaviours with no before reading (`no-before`) or that moved under 10 %
  (`small-change`); no result credited with an improvement (`nothing-credited`)
  or none isolated from other causes (`not-isolated`); a pilot that cost nothing
  (`no-cost`) or lost money (`negative`);
- `holds` otherwise.

`strength` is a share of the possible, 0–1, where one is defined: the rating ÷
its scale, the normalised learning gain (post − pre) ÷ (100 − pre), the largest
behaviour change ÷ the larger of its readings (a rising percentage: at least the share of
its room to 100% it closed). The weakest link is the first
missing level in chain order; else the first weak one (a break early in the
chain undermines every level after it); else the holding level with the lowest
strength. Intangibles are listed, never priced. Pure: no I/O, no wording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from buyin_cli.load.units import read_unit
from buyin_cli.records import dataclass

if TYPE_CHECKING:
    from buyin_cli.figures.compute import PilotFigures, ResultFigures
    from buyin_cli.load.models import Behaviour, Pilot

LEVELS = ("reaction", "learning", "application", "impact", "roi")
REACTION_FLOOR = 0.7  # of the scale: 3.5 of 5
LEARNING_FLOOR = 0.3  # normalised gain
APPLICATION_FLOOR = 0.1  # relative change of the best-moving behaviour

Status = Literal["missing", "weak", "holds"]


@dataclass(frozen=True)
class ReactionFigures:
    score: float
    scale: float
    share: float  # score ÷ scale


@dataclass(frozen=True)
class LearningFigures:
    pre: float
    post: float
    gain: float  # post − pre, in points
    normalised_gain: float | None  # (post − pre) ÷ (100 − pre); None when pre is 100


@dataclass(frozen=True)
class BehaviourFigures:
    """One behaviour on the job, before and after."""

    behaviour: str
    before: float | None
    after: float
    unit: str
    source: str | None
    change: float | None  # after − before; None without a before reading
    relative: float | None  # |change| ÷ max(|before|, |after|), for a rising % at least the room
    # it closed (change ÷ (100 − before)); None without before, or both 0


@dataclass(frozen=True)
class Level:
    """One link of the chain."""

    name: str  # one of LEVELS
    status: Status
    why: str | None = None  # for missing and weak levels: see the module's docstring
    strength: float | None = None  # 0–1 where defined


@dataclass(frozen=True)
class ChainFigures:
    """A pilot's evidence at each level, and each level's status, in chain order."""

    pilot_id: str
    reaction: ReactionFigures | None
    learning: LearningFigures | None
    application: tuple[BehaviourFigures, ...]
    impact: tuple[ResultFigures, ...]  # the pilot's results, in file order
    roi_pct: float | None  # the pilot's ROI; None when it cost nothing
    monetised: bool  # whether any result is put in money
    intangibles: tuple[str, ...]  # shown, never added to a benefit
    levels: tuple[Level, ...]  # one per LEVELS, in that order

    def level(self, name: str) -> Level:
        return self.levels[LEVELS.index(name)]

    @property
    def weakest(self) -> Level:
        return weakest_link(self)


def chain_figures(pilot: Pilot, figures: PilotFigures) -> ChainFigures:
    """The chain of impact of `pilot`, whose figures are `figures`."""
    reaction = (ReactionFigures(float(pilot.reaction.score), float(pilot.reaction.scale),
                                pilot.reaction.score / pilot.reaction.scale)
                if pilot.reaction is not None else None)
    learning = None
    if pilot.learning is not None:
        pre, post = float(pilot.learning.pre), float(pilot.learning.post)
        learning = LearningFigures(pre, post, post - pre,
                                   (post - pre) / (100 - pre) if pre < 100 else None)
    application = tuple(_behaviour(b) for b in pilot.application)
    impact = tuple(figures.results.values())
    # A comparison group, a trend line, participants' estimates or an isolation estimate;
    # isolation 1 alone credits the learning with everything, which isolates nothing.
    isolated = any(r.control_before is not None or (r.isolation is not None and r.isolation < 1)
                   or r.trend_after is not None or r.estimates for r in pilot.results)
    levels = (_reaction(reaction), _learning(learning), _application(application),
              _impact(impact, isolated), _roi(figures))
    return ChainFigures(pilot.id, reaction, learning, application, impact, figures.roi_pct,
                        figures.monetised, tuple(pilot.intangibles), levels)


def weakest_link(chain: ChainFigures) -> Level:
    """The first missing level; else the first weak one; else the weakest that holds."""
    for status in ("missing", "weak"):
        for level in chain.levels:
            if level.status == status:
                return level
    rated = [level for level in chain.levels if level.strength is not None]
    return min(rated, key=lambda level: level.strength or 0.0) if rated else chain.levels[-1]  # all rated


def _behaviour(b: Behaviour) -> BehaviourFigures:
    change = None if b.before is None else float(b.after - b.before)
    span = None if b.before is None else max(abs(b.before), abs(b.after))
    relative = abs(change) / span if change is not None and span else None
    # A share that rises toward 100% moves by the room it had: 91% → 98% closes 7 of 9 points
    # (78%), though 7 of 98 reads as hardly changed.
    if (relative is not None and change is not None and b.before is not None and change > 0
            and b.before < 100 and read_unit(b.unit).is_percent):
        relative = max(relative, change / (100 - b.before))
    return BehaviourFigures(b.behaviour, None if b.before is None else float(b.before),
                            float(b.after), b.unit, b.source, change, relative)


def _reaction(r: ReactionFigures | None) -> Level:
    if r is None:
        return Level("reaction", "missing", "not-recorded")
    weak = r.share < REACTION_FLOOR
    return Level("reaction", "weak" if weak else "holds", "low-rating" if weak else None,
                 r.share)


def _learning(gains: LearningFigures | None) -> Level:
    if gains is None:
        return Level("learning", "missing", "not-recorded")
    if gains.gain <= 0 or gains.normalised_gain is None:
        return Level("learning", "weak", "no-gain", 0.0)
    weak = gains.normalised_gain < LEARNING_FLOOR
    return Level("learning", "weak" if weak else "holds", "low-gain" if weak else None,
                 gains.normalised_gain)


def _application(behaviours: tuple[BehaviourFigures, ...]) -> Level:
    if not behaviours:
        return Level("application", "missing", "not-recorded")
    moved = [b.relative for b in behaviours if b.relative is not None]
    if not moved:
        return Level("application", "weak", "no-before")
    best = max(moved)
    weak = best < APPLICATION_FLOOR
    return Level("application", "weak" if weak else "holds", "small-change" if weak else None,
                 best)


def _impact(results: tuple[ResultFigures, ...], isolated: bool) -> Level:
    if not results:
        return Level("impact", "missing", "not-recorded")
    if not any(r.attributable > 0 for r in results):
        return Level("impact", "weak", "nothing-credited")
    if not isolated:
        return Level("impact", "weak", "not-isolated")
    return Level("impact", "holds")


def _roi(figures: PilotFigures) -> Level:
    if not figures.monetised:
        return Level("roi", "missing", "not-monetised")
    if figures.roi_pct is None:
        return Level("roi", "weak", "no-cost")
    if figures.roi_pct < 0:
        return Level("roi", "weak", "negative")
    return Level("roi", "holds")
