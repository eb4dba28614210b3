"""How precisely a figure is said where a reader compares it with another: the money a title
says and the callout beside it, one figure in two lengths; a table's parts and its total."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from babel.numbers import format_compact_currency, get_currency_symbol

from buyin_cli.figures.years import YearFigures, fsum
from buyin_cli.records import dataclass
from buyin_cli.words import finite

if TYPE_CHECKING:
    from buyin_cli.present.numbers import Formatter


def spoken(amount: float | None, significant: int = 3) -> float | None:
    """Money as a title says it: a sum under a million as written, in whole units (169,560, as
    an ask and the cost table state it); from a million, to `significant` figures (1,450,000)."""
    from buyin_cli.present.numbers import shown

    if (amount := finite(amount)) is None:
        return None
    if abs(amount) < 1_000_000:
        return shown(amount, 0)
    return shown(amount, significant - 1 - math.floor(math.log10(abs(amount))))


def short(fmt: Formatter, amount: float | None) -> str:
    """The figure a title says (`spoken`) in a few characters, for a big-number callout, only
    where no digit is lost: £206.7k for £206,700, £1.45m for £1,450,000; £169,560 stays as it
    is, as does a small sum, and a locale with no short word for thousands (189.400 €) or one
    that would round a digit away (₹2.1L)."""
    from buyin_cli.present.numbers import decimals_of

    if (said := spoken(amount)) is None or abs(said) < 10_000:
        return fmt.money(amount)
    millions = abs(said) >= 1_000_000
    digits = decimals_of(said / (1_000_000 if millions else 1_000), 3)
    if digits > (2 if millions else 1):
        return fmt.money(said)
    text = format_compact_currency(said, fmt.currency, locale=fmt.locale, fraction_digits=digits)
    symbol = get_currency_symbol(fmt.currency, locale=fmt.locale)
    if not any(c.isalpha() for c in text.replace(symbol, "")) or _digits(text) != _digits(f"{said:.0f}"):
        return fmt.money(said)
    return fmt.minus + text[1:] if text.startswith("-") else text


def _digits(text: str) -> str:
    """The significant digits a figure is written with: "€206.7K" and "206,700" both "2067"."""
    return "".join(c for c in text if c.isdigit()).strip("0")


def adding_up(values: list[float]) -> list[float]:
    """Parts in whole units that add up, as shown, to their total as shown: each the difference
    of the rounded running totals (1,454,352.94 + 1,090,764.71 + 818,073.53 is shown 1,454,353
    + 1,090,765 + 818,073 = 3,363,191, the total rounded, never 3,363,192). The first part, the
    headline, keeps its own rounding; a later one may differ from its own by one."""
    from buyin_cli.present.numbers import shown

    if any(finite(v) is None for v in values):
        return list(values)  # an undefined figure is shown as such, part by part
    parts, before = [], 0.0
    for n in range(len(values)):
        now = shown(fsum(values[:n + 1]), 0)  # exactly as the total is summed
        parts.append(now - before)
        before = now
    return parts


@dataclass(frozen=True)
class YearShown:
    """A horizon year's money in whole units, as every table of the years shows it."""

    benefit: float
    cost: float
    running_net: float  # what the rows above and this one add up to, as shown
    today: float  # the net in today's money; the rows add up to the NPV as shown


def years_shown(years: tuple[YearFigures, ...] | list[YearFigures]) -> list[YearShown]:
    """The years as the deck's table and `roi`'s table and workbook show them, each column the
    differences of its rounded running totals (adding_up), so that a reader who adds up the
    rows gets the total each states, and the deck and `roi` never differ by one."""
    benefits = adding_up([y.benefit for y in years])
    costs = adding_up([y.cost for y in years])
    today = adding_up([y.discounted_net for y in years])
    return [YearShown(b, c, fsum(benefits[:n + 1]) - fsum(costs[:n + 1]), d)
            for n, (b, c, d) in enumerate(zip(benefits, costs, today, strict=True))]
