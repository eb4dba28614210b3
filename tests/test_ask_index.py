"""Which initiative an ask names, found through the index of titles and ids as reading every
initiative finds it: the same initiative for any text, whatever its case, accents or symbols."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

from buyin_cli.load.models import Initiative
from buyin_cli.plan.asks import ask_initiative
from buyin_cli.plan.time_asks import folded

# Pieces that meet the matching's edges: case (İ ı ſ K fold to ASCII letters ignoring case,
# ͅ to ι), digits, underscores and hyphens inside words, symbols at a name's ends.
PIECES = ["pick", "Pick", "PICK", "right", "1", "12", "ward-5", "-", " ", "  ", "_", "_x", "(",
          ")", "£5k", "€", ".", "İ", "ı", "ſ", "K", "k", "s", "i", "\u0345", "ι", "ü", "straße",
          "STRASSE", "é", "coach", "roll out", "a"]


def _initiative(id: str, title: str) -> Initiative:
    """An initiative with only what matching reads: its id and title."""
    fields: dict[str, Any] = {"id": id, "title": title}
    return Initiative.model_construct(**fields)


def _every(text: str, initiatives: Sequence[Initiative]) -> str | None:
    """The rule read plainly: search the text for every initiative's title, then every id."""
    def says(words: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text, re.IGNORECASE) is not None

    named = [i for i in initiatives if says(i.title)]
    if named:
        return max(named, key=lambda i: len(i.title)).id
    return next((i.id for i in initiatives if says(i.id)), None)


def _text(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
                    for _ in range(words))


def test_the_index_finds_the_initiative_reading_every_title_finds() -> None:
    rng = random.Random(11)
    for _ in range(30):
        initiatives = []
        for n in range(rng.randint(1, 25)):
            title = _text(rng, rng.randint(1, 3)).strip() or "x"
            slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())) or "i"
            initiatives.append(_initiative(f"{slug}-{n}"[:100], title))
        for _ in range(60):
            text = _text(rng, rng.randint(1, 8))
            if rng.random() < 0.5:  # a text that says a title, in another case or folded
                said = rng.choice(initiatives).title
                said = rng.choice([said, said.upper(), said.lower(), folded(said)])
                text = f"{_text(rng, 1)}{rng.choice(PIECES)}{said}{rng.choice(PIECES)}"
            assert ask_initiative(text, None, initiatives) == _every(text, initiatives), text
    # The index is not only consistent but finds things: a title said in capitals, an id alone.
    pick = [_initiative("pick-right", "Pick Right"),
            _initiative("ward-5", "Ward İnduction")]
    assert ask_initiative("Approve PICK RIGHT", None, pick) == "pick-right"
    assert ask_initiative("Fund ward-5 now", None, pick) == "ward-5"
    assert ask_initiative("Fund ward induction now", None, pick) == "ward-5"


def test_the_index_follows_a_changed_list() -> None:
    """The index is kept per list of initiatives; a list that changes is indexed again."""
    initiatives = [_initiative("pick-right", "Pick Right")]
    assert ask_initiative("Approve Pick Right", None, initiatives) == "pick-right"
    initiatives[0] = _initiative("coach", "Coaching")
    assert ask_initiative("Approve Pick Right", None, initiatives) is None
    assert ask_initiative("Approve coaching", None, initiatives) == "coach"
