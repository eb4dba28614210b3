"""Figures written from the kept texts are babel's own, whatever was written before them."""

from __future__ import annotations

import random
from decimal import Context, Decimal, localcontext
from typing import Any

from babel import Locale
from babel.numbers import parse_pattern

from buyin_cli.present import applied as store
from buyin_cli.present.applied import applied
from buyin_cli.present.numbers import format_money, format_number, format_pct

LOCALES = [Locale.parse(name) for name in ("en_GB", "de_DE", "en_IN", "fr_CH", "ja_JP")]


def _babel(pattern: Any, value: Any, loc: Locale, **options: Any) -> str:
    with localcontext(Context(prec=400)):
        return str(pattern.apply(value, loc, **options))


def test_every_text_is_babels() -> None:
    rng = random.Random(11)
    patterns = [parse_pattern(text) for text in ("#,##0.00", "#,##0.###", "¤#,##0", "#,##0%")]
    values: list[Decimal | float] = [Decimal("1.0"), Decimal("1.00"), Decimal("1"), Decimal("-0"),
                                     Decimal("0.000"), Decimal("1E+3"), Decimal("1000"), 1.0, -0.0,
                                     1e300, Decimal("123456789.125"), Decimal("-2.5")]
    values += [Decimal(rng.randrange(-10**9, 10**9)).scaleb(-rng.randrange(0, 6)) for _ in range(60)]
    store._TEXTS.clear()
    for _ in range(2):  # the second time from the store
        for pattern in patterns:
            for value in values:
                for loc in LOCALES:
                    assert applied(pattern, value, loc) == _babel(pattern, value, loc)
                    options = {"currency": "EUR", "currency_digits": False}
                    assert applied(pattern, value, loc, **options) == _babel(pattern, value, loc,
                                                                              **options)
    assert store._TEXTS, "nothing was kept"


def test_equal_numbers_written_differently_are_kept_apart() -> None:
    pattern = parse_pattern("#,##0.###")
    pattern.frac_prec = (0, 3)
    loc = LOCALES[0]
    texts = {applied(pattern, value, loc) for value in (Decimal("1.5"), Decimal("1.50"), 1.5)}
    assert texts == {_babel(pattern, v, loc) for v in (Decimal("1.5"), Decimal("1.50"), 1.5)}
    assert applied(pattern, Decimal("1E+3"), loc) == _babel(pattern, Decimal("1E+3"), loc)


def test_the_store_starts_again_when_full(monkeypatch) -> None:
    monkeypatch.setattr(store, "_KEPT", 5)
    store._TEXTS.clear()
    pattern, loc = parse_pattern("#,##0"), LOCALES[1]
    for n in range(12):
        assert applied(pattern, Decimal(n * 1000), loc) == _babel(pattern, Decimal(n * 1000), loc)
        assert len(store._TEXTS) <= 5


def test_the_formatters_write_the_same_figures_twice() -> None:
    store._TEXTS.clear()
    first = [(format_money(v, "EUR", "de_DE"), format_number(v, "en_GB", decimals=2),
              format_pct(v, "fr_CH")) for v in (0.0, -0.004, 1234.5, 1e15, -987654.321)]
    again = [(format_money(v, "EUR", "de_DE"), format_number(v, "en_GB", decimals=2),
              format_pct(v, "fr_CH")) for v in (0.0, -0.004, 1234.5, 1e15, -987654.321)]
    assert first == again
    assert first[2][1] == "1,234.50"
