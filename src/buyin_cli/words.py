"""How buyin writes its own messages: a path into the strategy, a count, a number, a clipped echo of input."""

from __future__ import annotations

import functools
import gettext
import math
import re
from collections.abc import Iterable

ECHO_LIMIT = 40  # characters of the user's own text repeated in a message
# A figure this large is written in short scientific form (1.11e+20), so an absurd value from
# the input (a cost of 1e300, an ask of 400 digits) cannot flood a message line.
LARGE = 1e15
_DIGITS_SHOWN = 12  # digits of an over-long written number echoed before its length

# Characters that never belong in a strategy's text, wherever they were written: C0 and C1
# controls but tab and line feed (ESC starts terminal escapes, NUL ends strings), NEL and
# the Unicode line and paragraph separators (YAML counts them as line breaks, so they
# would shift every later line number), the bidirectional embeddings, overrides and
# isolates (U+202E makes text read in another order than it is written) and the
# noncharacters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# Echoed, these are escaped too: zero-width characters and the byte-order mark, which
# would make 'basel\u200bine' read as 'baseline', and lone surrogates, which no stream
# can encode (a UTF-8 terminal or log would fail on them).
_UNPRINTABLE = re.compile(CONTROL.pattern[:-1] + "\t\n\r\u180e\u200b-\u200f\u2060-\u2064"
                          "\ufeff\ud800-\udfff]")
# CI runners act on a command anywhere in a line, not only at its start: GitHub's legacy
# `##[error]…` (its runner looks for '##[' in every line) and Azure Pipelines' `##vso[…]`.
RUNNER_COMMAND = re.compile(r"##(?=\[|vso\[)", re.IGNORECASE)
_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text`, cut to `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def abbreviated(written: str) -> str:
    """A number as the user wrote it ('$1,200', '€95k'), or, when it runs past a message's
    room, its start and how many digits it has: '$111111111111… (400 digits)'."""
    digits = sum(c.isdigit() for c in written)
    if digits <= _DIGITS_SHOWN + 3:
        return clip(written)
    kept, seen = "", 0
    for char in written:
        if seen == _DIGITS_SHOWN:
            break
        kept += char
        seen += char.isdigit()
    return f"{clip(kept)}… ({digits:,} digits)"


def printable(text: str) -> str:
    """`text` as one line a terminal or CI log shows as it is: line breaks, tabs and
    control characters written as escapes (`\\n`, `\\x1b`, `\\u202e`).

    Whatever a user wrote (a name, a file name) cannot then start a line of its own,
    move the cursor, recolour the terminal or reorder what follows it.
    """
    return inert(_UNPRINTABLE.sub(_escape, text))


def inert(text: str) -> str:
    """`text` with every CI runner command a runner finds inside a line (`##[error]`,
    `##vso[`) broken by escaping its second '#' as `\\u0023`, which reads as printable()'s other
    escapes do and which JSON decodes back to the '#': no runner acts on it."""
    return RUNNER_COMMAND.sub(r"#\\u0023", text) if "##" in text else text


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def plural(n: int, one: str, many: str) -> str:
    """'1 error', '2 errors', '2 analyses': the count with the word's form for it.

    Both forms are written out, as gettext's ngettext takes them, so an irregular plural
    is never an 's' glued on, and a catalogue can give a language's own forms later.
    """
    return f"{n} {_messages().ngettext(one, many, n)}"


@functools.cache
def _messages() -> gettext.NullTranslations:
    """The catalogue `gettext.ngettext` would use (its default domain's), found once:
    ngettext searches the disk for it at every call (1,500 times in a 10k-record check)."""
    return gettext.translation(gettext.textdomain(), fallback=True)


def number(value: float | None) -> str:
    """A figure in a message, as precise as it needs to be: 0.37, 78.4, 5,200, 13,030."""
    if (value := finite(value)) is None:
        return "n/a"
    if abs(value) >= LARGE:
        return f"{value:.3g}"
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
