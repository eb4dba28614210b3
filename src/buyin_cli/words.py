"""How buyin writes its own messages: a path into the strategy, a count, a number, a clipped echo of input."""

from __future__ import annotations

import math
from collections.abc import Iterable

ECHO_LIMIT = 40  # characters of the user's own text repeated in a message


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text`, cut to `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, word: str) -> str:
    """'1 error', '2 errors'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def number(value: float | None) -> str:
    """A figure in a message, as precise as it needs to be: 0.37, 78.4, 5,200, 13,030."""
    if finite(value) is None:
        return "n/a"
    places = 2 if abs(value) < 10 else 1 if abs(value) < 1000 else 0
    text = f"{value:,.{places}f}"
    if places:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def dotted(path: Iterable[str | int]) -> str:
    """A path into the strategy as a user writes it: ('pilots', 0, 'cost') → pilots[0].cost.

    Keys are clipped, so an absurdly long key cannot flood a message.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = clip(str(part))
            out += f".{part}" if out else part
    return out


def finite(value: float | None) -> float | None:
    """The value when it is a finite number, else None: a figure that is not one is undefined."""
    if value is None or not math.isfinite(value):
        return None
    return value + 0.0  # -0.0 + 0.0 is 0.0
