"""Money in the review: amounts read from an ask's text, and amounts written in a warning.

An amount counts when it carries the strategy's currency, as a symbol or the ISO
code, before or after the number: `£93,680`, `$950,000`, `€1.2m`, `1.234.567 €`,
`GBP 93,680`, `£95k`. Separators are read without a locale: a number with both
`.` and `,` has its decimals after the last one; one kind repeated groups
thousands; a single one before exactly three digits groups thousands (money is
never written to three decimals) unless a scale word follows (`€1.234m`), else it
marks decimals. A scale word (k, m, bn, thousand, million, Mio, Mrd…) makes the
amount as precise as it is written: `£95k` is 95,000 give or take 500.

Warnings write money and numbers as the deck does, in the strategy's `locale`
(`93.680 €`, `13.030 %` for de_DE), through Babel, which is imported only when a
strategy names a locale: `check` stays quick for the rest. Without one, money reads
in whole units after the currency's symbol (`£93,680`), or before its code when
buyin knows no symbol for it, and numbers in English (`13,030`), which is how the
currency's home locale writes them for the usual currencies.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from buyin_cli.records import dataclass
from buyin_cli.words import LARGE, abbreviated, finite, number

# The symbols people write for each currency; the first is the one warnings write.
SYMBOLS: dict[str, tuple[str, ...]] = {
    "GBP": ("£",), "USD": ("$", "US$"), "EUR": ("€",), "JPY": ("¥", "￥"), "CNY": ("¥", "CN¥", "元"),
    "INR": ("₹", "Rs.", "Rs"), "AUD": ("A$", "AU$", "$"), "CAD": ("C$", "CA$", "$"),
    "NZD": ("NZ$", "$"), "HKD": ("HK$", "$"), "SGD": ("S$", "$"), "MXN": ("MX$", "$"),
    "BRL": ("R$",), "CHF": ("Fr.", "SFr."), "SEK": ("kr",), "NOK": ("kr",), "DKK": ("kr.", "kr"),
    "ZAR": ("R",), "KRW": ("₩",), "PLN": ("zł",), "CZK": ("Kč",), "HUF": ("Ft",),
    "TRY": ("₺",), "ILS": ("₪",), "RUB": ("₽",), "UAH": ("₴",), "NGN": ("₦",), "PHP": ("₱",),
    "THB": ("฿",), "VND": ("₫",),
}
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6,
          "bn": 1e9, "mrd": 1e9, "billion": 1e9}
# How far two amounts may differ and still be the same figure: rounding to whole units,
# or to a round number a person would say.
TOLERANCE = 0.005

_NUMBER = r"\d+(?:[,.'\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
_SCALE = r"(?:\s?(?P<{0}>k|K|m|M|mn|bn|Mio\.?|Mrd\.?|thousand|million|billion)(?![A-Za-z]))?"


@dataclass(frozen=True)
class Amount:
    """A money amount written in text."""

    text: str  # as written, e.g. "£95k"; abbreviated when it runs past a message's room
    value: float
    precision: float  # how far from `value` the writer may have rounded: 500 for "£95k", else 0

    def matches(self, figure: float) -> bool:
        """Whether this amount states `figure`, allowing for the way it was rounded."""
        slack = max(0.5, self.precision, TOLERANCE * abs(figure))
        return abs(self.value - figure) <= slack


def amounts_in(text: str, currency: str) -> list[Amount]:
    """Every amount of `currency` written in `text`, in order."""
    found = []
    for match in _pattern(currency).finditer(text):
        number = match.group("n1") or match.group("n2")
        scale = match.group("s1") or match.group("s2")
        value, decimals = _read(number, scaled=bool(scale))
        factor = SCALES[scale.lower().rstrip(".")] if scale else 1.0
        precision = 0.5 * 10 ** -decimals * factor if scale else 0.0
        found.append(Amount(abbreviated(match.group(0).strip()), value * factor, precision))
    return found


def written(amount: float | None, currency: str, *, exact: bool = False) -> str:
    """`amount` in whole units with the currency's symbol: £93,680, or 93,680 XYZ; n/a for none.

    `exact`: keep the cents of an amount that has them (a value per unit: £6.80).
    """
    if (amount := finite(amount)) is None:
        return "n/a"  # as words.number() writes a figure that is not defined
    symbols = SYMBOLS.get(currency)
    places = 2 if exact and not float(amount).is_integer() else 0
    whole = f"{abs(amount):.3g}" if abs(amount) >= LARGE else f"{abs(amount):,.{places}f}"
    sign = "-" if round(amount, places) < 0 else ""
    symbol = symbols[0] if symbols else ""
    if symbol and (symbol.endswith("$") or not any(c.isalpha() for c in symbol)):
        return f"{sign}{symbol}{whole}"
    return f"{sign}{whole} {currency}"


class Writer:
    """Money and numbers in a warning, as the strategy's locale writes them (see above)."""

    def __init__(self, currency: str, locale: str | None):
        self.currency = currency
        self.locale = locale

    def money(self, amount: float | None, *, exact: bool = False) -> str:
        """Whole units (`exact`: with the cents of an amount that has them)."""
        if self.locale is None or (amount := finite(amount)) is None or abs(amount) >= LARGE:
            return written(amount, self.currency, exact=exact)
        places = 2 if exact and not float(amount).is_integer() else 0
        return _babel(self.locale, "currency", amount, (places, places), self.currency)

    def number(self, value: float | None) -> str:
        """As precise as it needs to be, as words.number() chooses: 0.37, 78.4, 5,200."""
        if self.locale is None or (value := finite(value)) is None or abs(value) >= LARGE:
            return number(value)
        return _babel(self.locale, "decimal", value, (0, _places(value)))

    def percent(self, value: float | None) -> str:
        """A percentage (already × 100), with the locale's sign: 13,030% or 13.030 %."""
        if self.locale is None or (value := finite(value)) is None or abs(value) >= LARGE:
            return f"{number(value)}%"
        return _babel(self.locale, "percent", value / 100, (0, _places(value)), shift=2)


def _places(value: float) -> int:
    return 2 if abs(value) < 10 else 1 if abs(value) < 1000 else 0


def _babel(locale: str, kind: str, value: float, frac: tuple[int, int], currency: str = "",
           shift: int = 0) -> str:
    """`value` through the locale's pattern of `kind`, rounded half up to `frac`'s places."""
    from babel.numbers import parse_pattern

    loc = _locale(locale)
    formats: Any = {"currency": loc.currency_formats["standard"], "decimal": loc.decimal_formats[None],
                    "percent": loc.percent_formats[None]}[kind]
    pattern = parse_pattern(formats.pattern)
    pattern.frac_prec = frac
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-(frac[1] + shift)),
                                                    rounding=ROUND_HALF_UP)
    rounded = rounded if rounded != 0 else abs(rounded)  # never "-0"
    text: str = (pattern.apply(rounded, loc, currency=currency, currency_digits=False)
                 if currency else pattern.apply(rounded, loc))
    return text


@lru_cache(maxsize=8)
def _locale(name: str) -> Any:
    from babel import Locale

    return Locale.parse(name)


@lru_cache(maxsize=16)
def _pattern(currency: str) -> re.Pattern[str]:
    markers = sorted({currency, *SYMBOLS.get(currency, ())}, key=len, reverse=True)
    marker = "|".join(_marker(m) for m in markers)
    before = rf"(?:{marker})\s?(?P<n1>{_NUMBER}){_SCALE.format('s1')}"
    after = rf"(?P<n2>{_NUMBER}){_SCALE.format('s2')}\s?(?:{marker})"
    return re.compile(rf"(?<![\d.,]){before}|(?<![\d.,]){after}")


def _marker(symbol: str) -> str:
    """A symbol as a pattern; one made of letters must stand apart from a word ('kr', 'GBP')."""
    escaped = re.escape(symbol)
    if symbol[0].isalpha():
        escaped = r"(?<![A-Za-z])" + escaped
    if symbol[-1].isalpha():
        escaped += r"(?![A-Za-z])"
    return escaped


def _read(number: str, scaled: bool) -> tuple[float, int]:
    """The value of a written number, and how many decimals it was written with."""
    digits = re.sub(r"['\u00a0\u202f ]", "", number)
    marks = [c for c in digits if c in ".,"]
    decimal = None
    if "." in marks and "," in marks:
        decimal = marks[-1]
    elif marks and len(marks) == 1:
        tail = digits.rsplit(marks[0], 1)[1]
        decimal = marks[0] if scaled or len(tail) != 3 else None
    if decimal is None:
        return float(re.sub(r"[.,]", "", digits)), 0
    whole, fraction = digits.rsplit(decimal, 1)
    return float(re.sub(r"[.,]", "", whole) + "." + fraction), len(fraction)
