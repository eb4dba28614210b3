"""Standard output and error as a CI log reads them: no runner command and no lone surrogate, whoever printed.

Messages escape what they echo (words.printable), but some doors print without a
message: JSON output, the command-line library's usage errors naming a file, a
table. Every write to the two streams passes here, so what came from a strategy
is inert to every CI runner in every format, and a lone surrogate, which no
UTF-8 stream can encode, is written as its escape instead of ending the command.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from buyin_cli.words import inert

_SURROGATE = re.compile("[\ud800-\udfff]")
# The start of a runner command a write may end with, held until the next write shows
# whether it continues as one (a table may print '#' and '#[' in two writes).
_OPEN_TAIL = re.compile(r"#(#(v(s(o)?)?)?)?\Z", re.IGNORECASE)


class InertStream:
    """A text stream that writes through to `target` with every runner command broken."""

    def __init__(self, target: TextIO):
        self._target = target
        self._held = ""

    def write(self, text: object) -> int:
        if not isinstance(text, str):  # a text stream refuses bytes (click probes with b"")
            return self._target.write(text)  # type: ignore[arg-type]
        joined = self._held + text
        tail = _OPEN_TAIL.search(joined)
        self._held = tail.group() if tail else ""
        ready = joined[: len(joined) - len(self._held)]
        if ready:
            self._target.write(_SURROGATE.sub(_escape, inert(ready)))
        return len(text)

    def flush(self) -> None:
        if self._held:
            self._target.write(self._held)
            self._held = ""
        self._target.flush()

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # bytes written there would pass unchecked
            raise AttributeError(name)
        return getattr(self._target, name)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


@contextmanager
def inert_streams() -> Iterator[None]:
    """sys.stdout and sys.stderr made inert for the duration, then flushed and restored."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertStream(saved[0]), InertStream(saved[1])
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can reach it
                pass
        sys.stdout, sys.stderr = saved
