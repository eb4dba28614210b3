"""What each readiness check works from: the strategy, its figures, where values were written, a check's outcome."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import NamedTuple

from buyin_cli.errors import Location, Problem
from buyin_cli.figures.compute import Figures, compute_figures
from buyin_cli.load.models import Briefing
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.plan.agenda import Agenda, Planner
from buyin_cli.plan.answers import Answers
from buyin_cli.review.money import Writer

Path_ = tuple[str | int, ...]


class Check(NamedTuple):
    """One rule applied to one subject; `problem` is None when it passes.

    A named tuple, not a frozen dataclass: a review makes one per rule and subject
    (90,000 at 10k records, nearly all passing), and a tuple is made in a third of the time.
    """

    code: str
    owner: Path_  # the item whose `accept` may accept it
    problem: Problem | None = None
    # Other items the same doubt is about, raised once on `owner` (a pilot's extraordinary
    # return inside its roll-out's): the owner's acceptance covers them too.
    also: tuple[Path_, ...] = ()


class Context:
    """A valid strategy under review, with the helpers every family of checks uses."""

    def __init__(self, loaded: LoadedStrategy, today: date | None = None):
        self.strategy = loaded.strategy
        self.sources = loaded.sources
        index = self.strategy.index
        self.metrics, self.objectives = index.metrics, index.objectives
        # Where each pilot and metric is in its list, and which objectives track each metric:
        # looked up per result, so found once rather than searched for each.
        self.pilot_at, self.metric_at = index.at("pilots"), index.at("metrics")
        self.tracking: dict[str, list[str]] = {}
        for o in self.strategy.objectives:
            for m in dict.fromkeys(o.metrics):
                self.tracking.setdefault(m, []).append(o.id)
        # What "past due" is measured against: a given day, else the latest briefing's date,
        # never the clock, so the same strategy always gets the same review.
        self.today = today or max((b.date for b in self.strategy.briefings), default=date.min)
        # Money and numbers in messages, as the deck writes them in the strategy's locale.
        self.write = Writer(self.strategy.currency, self.strategy.locale)

    def money(self, amount: float | None, *, exact: bool = False) -> str:
        """An amount of the strategy's currency, in its locale: £93,680, 93.680 €."""
        return self.write.money(amount, exact=exact)

    def number(self, value: float | None) -> str:
        """A figure in the strategy's locale, as precise as it needs to be: 13,030, 13.030."""
        return self.write.number(value)

    def percent(self, value: float | None) -> str:
        """A percentage (already × 100) in the strategy's locale: 13,030%, 13.030 %."""
        return self.write.percent(value)

    @cached_property
    def figures(self) -> Figures:
        """The strategy's figures, computed once for every check that needs them."""
        return compute_figures(self.strategy)

    @cached_property
    def planner(self) -> Planner:
        """Plans each briefing's meeting, from lookups built once for the whole review."""
        return Planner(self.strategy, self.figures)

    @property
    def answers(self) -> Answers:
        """The prepared objections, indexed once for every concern to find its answer."""
        return self.planner.answers

    def agenda(self, briefing: Briefing) -> Agenda:
        """The meeting's plan, as the deck will present it."""
        return self.planner.agenda(briefing)

    def check(self, code: str, owner: Path_, fails: bool, where: Location | None = None,
              message: str = "", also: tuple[Path_, ...] = ()) -> Check:
        """The outcome of rule `code` on `owner`: a warning at `where` (default: the owner) if it fails."""
        if not fails:
            return Check(code, owner)
        return Check(code, owner, Problem(where or self.sources.at(owner), code, message), also)

    def at(self, path: Path_) -> Location:
        """A present value's key (or, in a list, the value); a missing one's parent mapping."""
        return self.sources.key_at(path)

    def top(self) -> Location:
        """The start of the file that holds the top-level scalar sections."""
        home = self.sources.key_at(("buyin",)).file
        keys = [key for key in self.sources.section_keys() if key.file == home]
        return min(keys) if keys else Location(home)

