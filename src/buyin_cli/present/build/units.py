"""Units for the view: each unit text read once by the unit model, and written for the locale."""

from __future__ import annotations

from babel.numbers import get_currency_symbol

from buyin_cli.load.units import for_one, read_unit, without_scope
from buyin_cli.present.numbers import Formatter, format_money
from buyin_cli.present.view.units import UnitView


def unit_view(text: str, fmt: Formatter) -> UnitView:
    """How `text` reads beside a figure: money in the strategy's currency takes its sign where
    the locale puts it ("£20,250", "20.250 €"); a "%" follows as the locale writes it."""
    unit = read_unit(text)
    words = " " + unit.words if unit.words else ""
    money = unit.currency is not None and _is_ours(unit.currency, fmt)
    if money:
        sample = format_money(1234, fmt.currency, fmt.locale)
        before, sign = sample[: sample.index("1")], sample[sample.rindex("4") + 1:]
    elif unit.percent_sign:
        before, sign = "", fmt.percent_sign()
    else:
        # Another currency reads as written; "score out of 10" reads "6.8 out of 10".
        before, sign, words = "", "", " " + (text.strip() if unit.currency else unit.words)
    return UnitView(text=text, kind=unit.kind, is_percent=unit.is_percent, is_money=money,
                    adds_up=unit.adds_up, takes_period=unit.takes_period,
                    before=before, sign=sign, rest=words,
                    rest_one=words if money or unit.percent_sign
                    else " " * words.startswith(" ") + for_one(words.lstrip(" ")),
                    scope=text[len(without_scope(text)):].lstrip(" ,"))


def as_money(places: int, money: bool) -> int:
    """The decimals a figure is written to: money as money is written, whole or with its cents
    ("38,50 €", never "38,5 €" or "38,504 €"), a working's figure too: "£2,556.67 a month",
    never "£2,556.6667", which no finance reader writes; its line multiplies out to the cent.
    Any other figure as `places` says."""
    return 2 if money and places else places


def _is_ours(sign: str, fmt: Formatter) -> bool:
    """Whether a unit's currency sign or code is the strategy's currency."""
    return sign.upper() == fmt.currency.upper() or sign == get_currency_symbol(
        fmt.currency, locale=fmt.locale)


class Units(dict[str, UnitView]):
    """Every unit text the templates name, read on first use: `view.units["% of calls"]`."""

    def __init__(self, fmt: Formatter) -> None:
        super().__init__()
        self._fmt = fmt

    def __missing__(self, text: str) -> UnitView:
        view = self[text] = unit_view(text, self._fmt)
        return view
