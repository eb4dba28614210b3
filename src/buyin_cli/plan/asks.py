"""Which initiative each ask funds: the one it links, or the one its text names by title or id."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from buyin_cli.load.models import Briefing, Initiative


@lru_cache(maxsize=4096)
def _pattern(words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.IGNORECASE)


def _names(text: str, words: str, lowered: str | None = None) -> bool:
    """Whether `text` holds `words` as whole words, whatever their case.

    Each pattern is compiled once: every briefing's asks are matched against every
    initiative's title and id, more patterns than `re`'s own cache keeps at 10k records.
    `lowered`, the text in lower case when it is ASCII, rules out most initiatives without
    a search: between ASCII texts, a match ignoring case is a match of the lower-case forms.
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
    lowered = ask_text.lower() if ask_text.isascii() else None
    named = [i for i in initiatives if _names(ask_text, i.title, lowered)]
    if named:
        return max(named, key=lambda i: len(i.title)).id
    return next((i.id for i in initiatives if _names(ask_text, i.id, lowered)), None)


def asked_initiatives(briefing: Briefing, initiatives: Sequence[Initiative]) -> list[str]:
    """The initiatives a briefing's asks fund, in the order of the asks."""
    found = (ask_initiative(a.decision, a.initiative, initiatives) for a in briefing.asks)
    return list(dict.fromkeys(i for i in found if i is not None))
