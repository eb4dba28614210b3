"""Money, percentages and numbers as the strategy's locale writes them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from buyin_cli.figures.steps import Operand
from buyin_cli.load.models import Strategy
from buyin_cli.present.locales import LocaleError, resolve_locale
from buyin_cli.present.numbers import (
    Formatter,
    format_money,
    format_number,
    format_pct,
    format_rate,
)

NBSP = "\xa0"  # babel separates the euro sign and the German percent sign with a no-break space


@pytest.mark.parametrize("amount, currency, locale, expected", [
    (123984.4, "GBP", None, "£123,984"),
    (1234567, "EUR", "de_DE", f"1.234.567{NBSP}€"),
    (1234567, "EUR", None, "€1,234,567"),           # default for EUR: en_IE
    (1234567, "USD", None, "$1,234,567"),
    (-93680.2, "GBP", "en_GB", "-£93,680"),
    (1234567, "EUR", "fr_FR", f"1\u202f234\u202f567{NBSP}€"),
    (1234567, "INR", None, "₹12,34,567"),           # en_IN groups lakhs and crores
])
def test_money_in_whole_units_as_the_locale_writes_it(amount, currency, locale, expected):
    assert format_money(amount, currency, locale) == expected


@pytest.mark.parametrize("amount, expected", [(2.5, "£3"), (3.5, "£4"), (-2.5, "-£3"),
                                              (0.4, "£0"), (-0.4, "£0"), (0.5, "£1")])
def test_money_rounds_half_away_from_zero_and_never_shows_minus_zero(amount, expected):
    assert format_money(amount, "GBP") == expected


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), float("-inf")])
def test_undefined_figures_read_n_a(value):
    assert format_money(value, "GBP") == "n/a"
    assert format_pct(value) == "n/a"
    assert format_number(value) == "n/a"
    assert format_rate(value, "GBP") == "n/a"


def test_huge_amounts_do_not_raise():
    assert format_money(1.7e308, "GBP").startswith("£170,000,000")


def test_rate_keeps_cents_only_when_there_are_some():
    assert format_rate(6.8, "GBP") == "£6.80"
    assert format_rate(14500, "GBP") == "£14,500"
    assert format_rate(12.5, "EUR", "de_DE") == f"12,50{NBSP}€"


@pytest.mark.parametrize("value, locale, expected", [
    (70.588235, None, "70.6%"),
    (31.25, None, "31.3%"),       # half away from zero, not babel's half-even 31.2
    (-100, None, "-100.0%"),
    (-0.04, None, "0.0%"),        # never "-0.0%"
    (1234.56, None, "1,234.6%"),
    (70.588235, "de_DE", f"70,6{NBSP}%"),
])
def test_percentages_to_one_decimal_place(value, locale, expected):
    assert format_pct(value, locale) == expected


@pytest.mark.parametrize("value, decimals, locale, expected", [
    (5200, None, None, "5,200"),
    (0.3675, None, None, "0.3675"),
    (48.333333, None, None, "48.3333"),   # as written, up to four places
    (2.5999999999999996, None, None, "2.6"),
    (2.8933, 2, None, "2.89"),
    (6, 2, None, "6.00"),
    (-0.00001, None, None, "0"),
    (1234.5, None, "de_DE", "1.234,5"),
])
def test_numbers(value, decimals, locale, expected):
    assert format_number(value, locale, decimals=decimals) == expected


def test_currency_default_locales():
    assert str(resolve_locale(None, "GBP")) == "en_GB"
    assert str(resolve_locale(None, "USD")) == "en_US"
    assert str(resolve_locale(None, "EUR")) == "en_IE"
    assert str(resolve_locale(None, "PLN")) == "en_US"   # fallback
    assert str(resolve_locale("de_DE", "GBP")) == "de_DE"  # the strategy's choice wins


def test_unknown_locale_is_a_clear_error():
    with pytest.raises(LocaleError) as caught:
        format_money(1, "GBP", "xx_YY")
    assert str(caught.value) == ("unknown locale 'xx_YY'; use a language and country code "
                                 "such as en_GB, en_US, de_DE or fr_FR")


BASE = {"buyin": 1, "organisation": "O", "title": "T", "presenter": {"name": "N", "role": "R"}}


@pytest.mark.parametrize("locale", ["en_GB", "de_DE", "fr", "sr_Latn_RS", "es_419"])
def test_locale_field_accepts_locale_shapes(locale):
    assert Strategy.model_validate({**BASE, "locale": locale}).locale == locale


@pytest.mark.parametrize("locale", ["en-GB", "EN_gb", "english", "", "de_DE.UTF-8"])
def test_locale_field_rejects_other_shapes(locale):
    with pytest.raises(ValidationError, match="expected a locale such as en_GB or de_DE"):
        Strategy.model_validate({**BASE, "locale": locale})


def test_locale_is_optional():
    assert Strategy.model_validate(BASE).locale is None


# --- one formatter for the roi tables and the deck ----------------------------------------

def test_formatter_keeps_a_hyphen_minus_unless_told():
    # The terminal's figures paste into spreadsheets as numbers; the deck asks for "−".
    plain, deck = Formatter("GBP", "en_GB"), Formatter("GBP", "en_GB", minus="\u2212")
    assert [plain.money(-93680.2), plain.percent(-12.34), plain.number(-1.5)] == [
        "-£93,680", "-12.3%", "-1.5"]
    assert [deck.money(-93680.2), deck.percent(-12.34), deck.number(-1.5),
            deck.rate(-12.5)] == ["\u2212£93,680", "\u221212.3%", "\u22121.5", "\u2212£12.50"]
    assert deck.money(None) == "n/a"


def test_formatter_accepts_a_locale_name_or_a_locale():
    assert Formatter("EUR", "de_DE").money(1234) == Formatter("EUR", resolve_locale(
        "de_DE", "EUR")).money(1234) == f"1.234{NBSP}€"
    assert Formatter("EUR", None).money(1234) == "€1,234"


@pytest.mark.parametrize("value, expected", [(80, "80%"), (13.4, "13%"), (13.6, "14%"),
                                             (-0.4, "0%"), (None, "n/a")])
def test_whole_percentages(value, expected):
    assert Formatter("GBP", "en_GB").percent(value, 0) == expected


@pytest.mark.parametrize("kind, value, expected", [
    ("money", 1234.4, "£1,234"), ("rate", 12.5, "£12.50"), ("pct", 70.63, "70.6%"),
    ("share", 0.25, "25.0%"), ("ratio", 1.234, "1.23"), ("months", 5.25, "5.3"),
    ("number", 2.5, "2.5"), ("count", 40, "40"),
])
def test_operand_is_written_as_its_kind_asks(kind, value, expected):
    assert Formatter("GBP", "en_GB").operand(Operand(value, kind, "x")) == expected


def test_whole_percentages_round_half_away_from_zero_like_every_other_figure():
    from buyin_cli.present.numbers import Formatter

    fmt = Formatter("GBP", None)
    assert [fmt.percent(v, 0) for v in (12.5, 13.5, -12.5, -0.2)] == ["13%", "14%", "-13%", "0%"]


@pytest.mark.parametrize("value, expected", [(0.58, "58%"), (0.001, "< 1%"), (0.0, "0%"),
                                             (1.2, "> 100%")])
def test_a_sliver_of_the_effect_is_less_than_one_percent_never_nought(value, expected):
    # A £4,000 roll-out bringing £3.6m a year breaks even on 0.1% of its effect: "0%" would say
    # it needs none of it.
    assert Formatter("GBP", "en_GB").share(value) == expected
