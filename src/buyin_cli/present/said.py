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


def spoken(amount: float | None) -> float | None:
    """Money as a title says it: as written, in whole units, whatever its size (169,560 and
    1,287,731, as an ask and the tables state it: a title of 1,290,000 over a table of
    1,287,731 shows a finance reader two figures for one)."""
    from buyin_cli.present.numbers import shown

    if (amount := finite(amount)) is None:
        return None
    return shown(amount, 0)


def short(fmt: Formatter, amount: float | None) -> str:
    """The figure a title says (`spoken`), for a big-number callout: under a million as the title
    writes it (£206,700 and £11,700: a "£11.7k" card under a title of £11,700 reads as another
    figure); from a million to three significant figures, a rounding its "m" shows (£1.45m
    under a title of £1,454,353), which no reader takes for a different sum. A locale with no
    short word for millions, or one that would round a digit away (₹2.1L), keeps the title's figure."""
    from buyin_cli.present.numbers import decimals_of, shown

    if (said := spoken(amount)) is None or abs(said) < 1_000_000:
        return fmt.money(amount)
    said = shown(said, 2 - math.floor(math.log10(abs(said))))
    digits = decimals_of(said / 1_000_000, 3)
    if digits > 2:
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
