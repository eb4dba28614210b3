"""Writing figures for people: money, percentages and numbers in the strategy's locale.

babel knows how each locale writes numbers (`£123,984`, `1.234.567 €`,
`₹12,34,567`); this module only chooses the precision the format asks for —
money in whole units, percentages to one decimal place — and writes an
undefined figure (None, NaN, infinity) as "n/a". `Formatter` binds a currency and
a locale for the `roi` tables and the deck alike. Only the commands that show
figures import it.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, get_currency_precision, parse_pattern

from buyin_cli.figures.periods import parse_period, period_kind
from buyin_cli.present import said
from buyin_cli.present.applied import applied as _apply
from buyin_cli.present.locales import resolve_locale
from buyin_cli.words import finite

if TYPE_CHECKING:
    from buyin_cli.figures.steps import Operand

NOT_AVAILABLE = "n/a"

_WIDE = Context(prec=400)  # enough digits for the largest float (about 1.8e308)


def format_money(amount: float | None, currency: str, locale: str | Locale | None = None,
                 places: tuple[int, int] = (0, 0)) -> str:
    """`amount` rounded to whole units of `currency` (or to `places`, min and max decimal
    places), as the locale writes money: £123,984."""
    if (amount := finite(amount)) is None:
        return NOT_AVAILABLE
    loc = _as_locale(locale, currency)
    pattern = _pattern(loc.currency_formats["standard"].pattern, places)
    return _apply(pattern, _rounded(amount, places[1]), loc, currency=currency,
                  currency_digits=False)


def format_rate(amount: float | None, currency: str, locale: str | Locale | None = None) -> str:
    """A money amount per unit (e.g. value_per_unit) as written, with the currency's cents when it
    has a fraction: £12.50, $0.098 (a margin is never rounded to $0.10), ¥0.098."""
    if (amount := finite(amount)) is None:
        return NOT_AVAILABLE
    places = decimals_of(amount, 6)
    if places == 0:
        return format_money(amount, currency, locale)
    low = min(get_currency_precision(currency), 2)
    return format_money(amount, currency, locale, (low, max(low, places)))


def decimals_of(value: float, most: int = 10) -> int:
    """How many decimal places `value` has as written (its shortest form), at most `most`."""
    text = f"{Decimal(repr(float(value))):f}"
    return min(len(text.partition(".")[2].rstrip("0")), most)


def format_pct(value: float | None, locale: str | Locale | None = None,
               currency: str = "USD") -> str:
    """A percentage (already × 100) to one decimal place, as the locale writes it: 70.6%."""
    if (value := finite(value)) is None:
        return NOT_AVAILABLE
    loc = _as_locale(locale, currency)
    pattern = _pattern(loc.percent_formats[None].pattern, (1, 1))
    # The pattern multiplies by 100; our percentages already are.
    return _apply(pattern, _rounded(value, 1) / 100, loc)


def format_number(value: float | None, locale: str | Locale | None = None,
                  currency: str = "USD", decimals: int | None = None, most: int = 4) -> str:
    """A number as the locale writes it: with `decimals` places, or as written (up to `most`)."""
    if (value := finite(value)) is None:
        return NOT_AVAILABLE
    loc = _as_locale(locale, currency)
    frac = (decimals, decimals) if decimals is not None else (0, most)
    pattern = _pattern(loc.decimal_formats[None].pattern, frac)
    return _apply(pattern, _rounded(value, frac[1]), loc)


class Formatter:
    """Each kind of figure in one currency and locale, as the `roi` tables and the deck write it.

    `minus` replaces a leading "-": the deck passes a true minus sign ("\u2212"), which
    never breaks from its number at the end of a line; the terminal keeps "-", so figures
    pasted into a spreadsheet stay numbers.
    """

    def __init__(self, currency: str, locale: str | Locale | None, *, minus: str = "-",
                 not_available: str = NOT_AVAILABLE, beyond: tuple[str, str] = ("> %(share)s", "< %(share)s")):
        self.currency = currency
        self.locale = _as_locale(locale, currency)
        self.minus = minus
        self.not_available = not_available  # an undefined figure, in the reader's language
        # A share past all of the effect, and a sliver of it: "> 100%" and "< 1%" in a table,
        # in words where a sentence says them ("more than 100%"), which no Markdown line can
        # mistake for a quote.
        self.more_than, self.less_than = beyond

    def money(self, amount: float | None) -> str:
        return self._signed(format_money(amount, self.currency, self.locale))

    def money_cents(self, amount: float | None, cents: bool) -> str:
        """Money with the currency's cents (`cents`), as a working multiplies on from it: £10,834.56."""
        places = min(get_currency_precision(self.currency), 2) if cents else 0
        return self._signed(format_money(amount, self.currency, self.locale, (places, places)))

    def rate(self, amount: float | None) -> str:
        return self._signed(format_rate(amount, self.currency, self.locale))

    def money_spoken(self, amount: float | None) -> str:
        """Money as a title says it: as written, in whole units, whatever its size (£169,560,
        £1,287,731), as an ask and the tables state it."""
        return self.money(self.spoken(amount))

    def money_aloud(self, amount: float | None) -> str:
        """Money as a person says it aloud, after "about": three significant figures (£278,000
        for £277,943), whatever its size."""
        if (value := finite(amount)) is None or abs(value) < 1000:
            return self.money(amount)
        return self.money(shown(value, 2 - math.floor(math.log10(abs(value)))))

    def spoken(self, amount: float | None) -> float | None:
        """The figure `money_spoken` says, as a number (a callout shortens this one, no other)."""
        return said.spoken(amount)

    def percent_rounded(self, value: float | None, significant: int = 4) -> str:
        """A return as a title says it: 7.5% under 10%, whole from 10% up (256%, not 256.1%),
        to `significant` figures past those (12,350%); tables keep one decimal."""
        if (value := finite(value)) is None or abs(value) < 10:
            return self.percent(value)
        digits = math.floor(math.log10(abs(value))) + 1
        if digits <= significant:
            return self.percent(value, 0)
        return self.percent(shown(value, significant - digits), 0)

    def money_short(self, amount: float | None) -> str:
        """Money for a big-number callout: the figure the title beside it says, as it says it
        under a million (£206,700), to three significant figures from one (£1.45m)."""
        return said.short(self, amount)

    def number(self, value: float | None, decimals: int | None = None) -> str:
        return self._signed(format_number(value, self.locale, self.currency, decimals))

    def months(self, value: float) -> str:
        """A payback in months, to one decimal; one that rounds to nothing reads "< 0.1",
        since "0.0 months" says it pays back before it is paid for."""
        if 0 < value < 0.05:
            return "< " + self.number(0.1, 1)
        return self.number(value, 1)

    def share(self, value: float) -> str:
        """A share of an effect (a fraction) as a whole percentage; past all of it, "> 100%",
        since no more than the whole effect can hold; a sliver of it "< 1%", never "0%"."""
        if value > 1:
            return self.more_than % {"share": self.percent(100, 0)}
        if 0 < value < 0.005:
            return self.less_than % {"share": self.percent(1, 0)}
        return self.percent(value * 100, 0)

    def percent(self, value: float | None, decimals: int = 1) -> str:
        """A percentage (already × 100), to `decimals` places (the deck's targets use 0)."""
        if decimals == 1 or (value := finite(value)) is None:
            return self._signed(format_pct(value, self.locale, self.currency))
        rounded = _rounded(value, decimals)  # half away from zero, as every other figure
        pattern = _pattern(self.locale.percent_formats[None].pattern, (decimals, decimals))
        return self._signed(_apply(pattern, rounded / 100, self.locale))

    def operand(self, op: Operand, extra: int = 0) -> str:
        """A number of the working (explain.Operand), written as its kind asks; `extra` more
        decimal places where a working must show them to multiply out (working.py)."""
        value, places = op.value, operand_places(op, extra)
        if op.kind == "rate" and not extra:
            return self.rate(value)  # as written
        if op.kind in ("money", "rate"):
            return self._signed(format_money(value, self.currency, self.locale, (places, places)))
        if op.kind in ("pct", "share"):
            return self.percent(value if op.kind == "pct" or value is None else value * 100,
                                places)
        if op.kind in ("ratio", "months"):
            return self.number(value, places)
        return self._signed(format_number(value, self.locale, self.currency, most=places))

    def language_tag(self) -> str:
        """The locale as a language tag: de_DE → de-DE."""
        return "-".join(part for part in (self.locale.language, self.locale.territory) if part)

    def percent_sign(self) -> str:
        """The locale's percent sign as it follows a number: "%" in English, " %" in German."""
        pattern = self.locale.percent_formats[None].pattern.split(";")[0]  # "#,##0\u00a0%"
        return pattern[pattern.rindex("0") + 1:] or "%"

    def excel_money_format(self) -> str:
        """The locale's way of writing money as an Excel number format, for chart labels."""
        sample = format_money(1234, self.currency, self.locale)
        prefix, suffix = sample[: sample.index("1")], sample[sample.rindex("4") + 1:]
        quoted = [f'"{part}"' if part else "" for part in (prefix, suffix)]
        return f"{quoted[0]}#,##0{quoted[1]}"

    def date(self, value: date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def period(self, label: str) -> str:
        """A period as people write it: 2026-06 → June 2026, 2026-Q3 → Q3 2026, its year kept
        on the same line (a no-break space: a title must not end a line on "Q2"); others as written."""
        span, kind = parse_period(label), period_kind(label)
        if span is None:
            return label
        if kind in ("month", "quarter"):
            return format_date(span.start, "LLLL y" if kind == "month" else "QQQ y",
                               locale=self.locale).replace(" ", "\u00a0")
        if kind == "day":
            return self.date(span.start)
        return label

    def period_axis(self, labels: Sequence[str]) -> list[str]:
        """Category labels for a time axis: Jan 26, Feb, Mar … the year on its first period
        and wherever it turns (a month's in two digits, a quarter's in four: Q1 2026), held to
        its period by a no-break space, so a narrow (4:3) chart never breaks a label into
        "Jan / 2026"; periods written in any other form stay as written."""
        out: list[str] = []
        last_year = None
        for label in labels:
            span, kind = parse_period(label), period_kind(label)
            if span is None or kind not in ("month", "quarter"):
                out.append(label)
                continue
            pattern = "LLL" if kind == "month" else "QQQ"
            if span.start.year != last_year:
                pattern += " yy" if kind == "month" else " y"
            out.append(format_date(span.start, pattern, locale=self.locale).replace(" ", "\u00a0"))
            last_year = span.start.year
        return out

    def _signed(self, text: str) -> str:
        if text == NOT_AVAILABLE:
            return self.not_available
        return self.minus + text[1:] if text.startswith("-") else text


def operand_places(op: Operand, extra: int = 0) -> int:
    """The decimal places an operand is written to: money whole, percentages to one place, a
    number as written up to 4 (a number written in the strategy in full), `extra` more."""
    if op.kind == "money":
        return 1 + extra if extra else 0
    if op.kind == "rate":
        return (decimals_of(op.value, 6) if op.value is not None else 0) + extra
    base = {"pct": 1, "share": 1, "ratio": 2, "months": 1, "count": 0}.get(op.kind)
    if base is None:  # a number; one written in the strategy, in full
        base = max(4, decimals_of(op.value)) if op.source and op.value is not None else 4
    return base + extra


def deck_formatter(currency: str, locale: str | None, not_available: str = NOT_AVAILABLE,
                   beyond: tuple[str, str] = ("more than %(share)s", "less than %(share)s")) -> Formatter:
    """The deck's figures: with a true minus sign (−), which never breaks from its number, and
    an undefined figure and a share past all or a sliver of an effect in the deck's language."""
    return Formatter(currency, locale, minus="\u2212", not_available=not_available, beyond=beyond)


def _as_locale(locale: str | Locale | None, currency: str) -> Locale:
    return locale if isinstance(locale, Locale) else resolve_locale(locale, currency)


@lru_cache(maxsize=64)
def _pattern(text: str, frac: tuple[int, int] | None = None) -> NumberPattern:
    """The locale's pattern, with `frac` (min, max) decimal places when given."""
    pattern = copy.copy(parse_pattern(text))
    if frac is not None:
        pattern.frac_prec = frac
    return pattern


def shown(value: float, places: int) -> float:
    """`value` as it reads when written to `places` decimal places."""
    return float(_rounded(value, places))


def _rounded(value: float, places: int) -> Decimal:
    """Round half away from zero, as people do (2.5 → 3, 31.25 → 31.3; not banker's rounding).

    Rounded here, from the shortest decimal that is the float, so babel has nothing left
    to round its own (half-even) way.
    """
    exact = Decimal(repr(float(value)))
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP,
                             context=_WIDE)
    return rounded if rounded != 0 else Decimal(0).quantize(rounded)  # never "-0"
