"""Which way a number moved: up or down as read, and good or bad for the business.

Two words for every move, kept apart: a slide says "scrap went down" (`moved`) and
colours it as good news (`direction`) because the metric is better lower. The
figures, the comparison of two versions and every view read them from here.
"""

from __future__ import annotations

from typing import Literal

Moved = Literal["down", "up", "flat"]  # as read: the number fell, rose, or stayed
Direction = Literal["good", "bad", "flat"]  # for the business: by the metric's `better`


def moved(before: float, after: float) -> Moved:
    """'down', 'up' or 'flat'."""
    return "down" if after < before else "up" if after > before else "flat"


def gain(before: float, after: float, better: str) -> float:
    """The change the better way positive: after − before for a metric better `higher`."""
    return float(after - before) if better == "higher" else float(before - after)


def direction(gained: float) -> Direction:
    """'good' for a gain, 'bad' for a loss, 'flat' for neither."""
    return "good" if gained > 0 else "bad" if gained < 0 else "flat"
