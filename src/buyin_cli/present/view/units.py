"""A unit in the view: what the one unit model (load/units.py) says of it, and how it wraps a figure."""

from __future__ import annotations

from buyin_cli.records import dataclass


@dataclass(frozen=True)
class UnitView:
    """A metric's or a behaviour's unit, read once for every slide, note and chart.

    A figure in it reads `before` + figure + `sign` + `rest`, as the locale writes it: "£" +
    "20,250" for a metric counted in the strategy's own currency ("20.250" + " €" in German),
    "46" + "%" + " of observed jobs" for a percentage, "90" + " repeat excavations" for the rest.
    """

    text: str  # as the strategy wrote it
    kind: str  # count, rate, level, percentage, points, duration or money
    is_percent: bool  # its changes are percentage points
    is_money: bool  # its figures are written as money, in the strategy's currency
    adds_up: bool  # a count or money: it adds up over people and over time
    takes_period: bool  # said per a period ("a month") when its reading has one; never a level
    before: str  # "£", or ""
    sign: str  # what follows the figure at once: "%", " %", " €", or ""
    rest: str  # the unit's words after that: " of observed jobs", " minutes", or ""
    rest_one: str = ""  # the same after a figure of exactly one: " minute", " hour of rework"
    scope: str = ""  # whom the metric's own figures cover, after its comma: "all channels", or ""

    @property
    def after(self) -> str:
        """Everything that follows a figure."""
        return self.sign + self.rest
