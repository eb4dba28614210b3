"""An initiative's horizon year by year: benefit kept at the retention share, costs, and money discounted to today.

Year y brings the roll-out benefit × retention^(y−1) and costs the whole roll-out
cost in year 1, the per-year costs after. With the strategy's `discount_rate` r,
year y's net is worth (benefit − cost) ÷ (1 + r)^(y−1) today: year one is today's
money, so with one year (or r = 0) the NPV is the first year's net.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from buyin_cli.records import dataclass


@dataclass(frozen=True)
class YearFigures:
    """One year of an initiative's horizon: what it brings, what it costs, the running net."""

    year: int  # 1 … horizon_years
    benefit: float  # rollout_benefit × retention^(year − 1)
    cost: float  # the roll-out cost in year 1, the per-year costs after
    cumulative_net: float  # Σ (benefit − cost) up to and including this year
    discounted_net: float = 0.0  # (benefit − cost) ÷ (1 + discount_rate)^(year − 1)


def year_figures(benefit: float, cost: float, per_year: float, horizon: int,
                 retention: float, discount_rate: float = 0.0) -> tuple[YearFigures, ...]:
    """Years 1…horizon: benefit × retention^(y−1); year 1 costs `cost`, later years `per_year`."""
    years, net = [], []
    for year in range(1, horizon + 1):
        brings = benefit * retention ** (year - 1)
        costs = cost if year == 1 else per_year
        net.append(brings - costs)
        years.append(YearFigures(year, brings, costs, fsum(net),
                                 (brings - costs) / (1 + discount_rate) ** (year - 1)))
    return tuple(years)


def net_present_value(years: tuple[YearFigures, ...]) -> float:
    """NPV = Σ discounted net over the years."""
    return fsum(y.discounted_net for y in years)


def fsum(values: Iterable[float]) -> float:
    """An exact sum; a plain one when the exact one overflows (infinite readings)."""
    values = list(values)
    try:
        return math.fsum(values)
    except (OverflowError, ValueError):
        return sum(values, 0.0)
