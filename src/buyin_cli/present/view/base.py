"""What every slide-bearing item of the view says: whether its slide is presented, hidden, or left out."""

from __future__ import annotations

from buyin_cli.plan.agenda import State
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class Placed:
    """An item the deck gives slides to, placed by the meeting's agenda (plan/agenda.py).

    `state` is "presented" (shown in the slideshow), "backup" (a hidden slide after
    the questions, for the question that needs it) or "omitted" (in the talking points
    only: the backup is full).
    """

    state: State

    @property
    def hidden(self) -> bool:
        return self.state == "backup"

    @property
    def shown(self) -> bool:
        """Whether the deck has a slide for it at all, presented or hidden."""
        return self.state in ("presented", "backup")


@dataclass(frozen=True)
class DoubtView:
    """A figure the review doubts, on the item that shows it: a caveat under that figure.

    `code`: W301 (nothing isolated), W307 (impossible), W308 (too thin a pilot) or W310
    (extraordinary), W315 (one change counted twice), W316 (a loss inside a total), W317 (a
    level scaled up as if it were a count) or W318 (money on a handful of events); `reason`
    the written reason when the strategy accepts it, else None.
    """

    code: str
    reason: str | None

    @property
    def accepted(self) -> bool:
        return self.reason is not None
