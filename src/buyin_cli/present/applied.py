"""babel's number patterns applied, each (pattern, value, locale, options) once per process.

`roi` at 10k records writes 115,000 figures and a third of them are new: the rest
are the same amount in the same pattern again (a cost in each table that shows
it, a rate in each result). `watch` writes the same deck's figures save after
save. babel's `NumberPattern.apply` is pure: its text follows from the pattern,
the value, the locale's data and the options, under the wide decimal context set
here. So each text is kept by exactly those: the pattern object itself (held, so
its identity is never reused by another), the value's type and its exact text
(`Decimal('1.0')` and `Decimal('1.00')` are equal numbers that babel may write
differently), the locale (equal locales read the same data) and the options.
"""

from __future__ import annotations

from decimal import Context, Decimal, localcontext
from typing import Any

from babel import Locale
from babel.numbers import NumberPattern

_WIDE = Context(prec=400)  # enough digits for the largest float (about 1.8e308)
_KEPT = 32_768  # texts; past that the store starts again (a few MB at most)
_TEXTS: dict[tuple[Any, ...], str] = {}


def applied(pattern: NumberPattern, value: Decimal | float, loc: Locale, **options: Any) -> str:
    """`pattern.apply(value, loc, **options)` under a context wide enough for any float."""
    key = (pattern, type(value), str(value), loc, tuple(options.items()))
    text = _TEXTS.get(key)
    if text is None:
        with localcontext(_WIDE):
            text = pattern.apply(value, loc, **options)
        if len(_TEXTS) >= _KEPT:
            _TEXTS.clear()
        _TEXTS[key] = text
    return text
