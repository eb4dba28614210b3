"""Which locale writes a strategy's figures: the one it names, else one where its currency is at home."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from buyin_cli.errors import BuyinError

# When a strategy names no locale: an English-language locale where the currency is at home,
# so a team writing in English sees its own conventions (£ before the amount for GBP,
# € before it in Ireland). A German team writes `locale: de_DE` to get `1.234 €`.
DEFAULT_LOCALES = {
    "GBP": "en_GB", "USD": "en_US", "EUR": "en_IE", "AUD": "en_AU", "CAD": "en_CA",
    "NZD": "en_NZ", "INR": "en_IN", "ZAR": "en_ZA", "SGD": "en_SG", "HKD": "en_HK",
    "CHF": "de_CH", "SEK": "sv_SE", "NOK": "nb_NO", "DKK": "da_DK",
}
FALLBACK_LOCALE = "en_US"


class LocaleError(BuyinError):
    """The strategy names a locale that is not known."""


def resolve_locale(locale: str | None, currency: str) -> Locale:
    """The babel Locale for a strategy's `locale` (or the currency's default)."""
    name = locale or DEFAULT_LOCALES.get(currency, FALLBACK_LOCALE)
    return _locale(name)


@lru_cache(maxsize=32)
def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        raise LocaleError(f"unknown locale '{name}'; use a language and country code such as "
                          "en_GB, en_US, de_DE or fr_FR") from None
