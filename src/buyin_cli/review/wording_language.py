"""W004: buyin's own wording in the strategy's language, and what would fall back to English."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.errors import Problem
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.translations import languages, missing


def language_problems(loaded: LoadedStrategy) -> Iterator[Problem]:
    """A warning when the decks would mix English into another language's wording."""
    strategy = loaded.strategy
    language = strategy.wording_language
    counts = missing(language)
    if counts is None or counts[0] == 0:
        return
    absent, total = counts
    key = ("language",) if strategy.language else ("locale",)
    where = loaded.sources.key_at(key)
    # The languages with wording to offer (a catalogue still empty offers none).
    shipped = ", ".join(lang for lang in languages()
                        if (have := missing(lang)) is None or have[0] < have[1])
    if absent == total:
        yield Problem(where, "W004",
                      f"{key[0]}: buyin has no wording in '{language}' yet, so the decks and "
                      f"talking points use English for its own words (it has: {shipped}); add "
                      f"translations/{language}/LC_MESSAGES/buyin.po, translated from "
                      "translations/buyin.pot, to the package")
    else:
        yield Problem(where, "W004",
                      f"{key[0]}: {absent} of {total} of buyin's own messages have no '{language}' "
                      "translation yet and appear in English; complete the catalogue "
                      f"translations/{language}/LC_MESSAGES/buyin.po")
