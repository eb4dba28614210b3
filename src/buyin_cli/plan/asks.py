"""Which initiative each ask funds: the one it links, or the one its text names by title or id."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from buyin_cli.load.models import Briefing, Initiative


@lru_cache(maxsize=4096)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.IGNORECASE)


# The only non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ ı ſ K).
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """`text` with every letter an ASCII letter matches ignoring case made that ASCII letter, lower-case."""
    return text.translate(_TO_ASCII).lower()


def _names(text: str, words: str, lowered: str | None = None) -> bool:
    """Whether `text` holds `words` as whole words, whatever their case.

    Each pattern is compiled once: every briefing's asks are matched against every
    initiative's title and id, more patterns than `re`'s own cache keeps at 10k records.
    `lowered`, the text `folded`, rules out most initiatives without a search: ASCII words
    that match ignoring case are, lower-cased, a part of it.
    """
    if lowered is not None and words.isascii() and words.lower() not in lowered:
        return False
    return _pattern(words).search(text) is not None


def ask_initiative(ask_text: str, linked: str | None,
                   initiatives: Sequence[Initiative]) -> str | None:
    """The id of the initiative an ask funds: its link, else the initiative whose title (the
    longest, when several match) or id the ask's text names, else None."""
    if linked:
        return linked
    lowered = folded(ask_text)
    named = [i for i in initiatives if _names(ask_text, i.title, lowered)]
    if named:
        return max(named, key=lambda i: len(i.title)).id
    return next((i.id for i in initiatives if _names(ask_text, i.id, lowered)), None)


def asked_initiatives(briefing: Briefing, initiatives: Sequence[Initiative]) -> list[str]:
    """The initiatives a briefing's asks fund, in the order of the asks."""
    found = (ask_initiative(a.decision, a.initiative, initiatives) for a in briefing.asks)
    return list(dict.fromkeys(i for i in found if i is not None))
