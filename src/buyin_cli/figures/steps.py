"""A figure's working as data: the numbers it is made of, the steps, and the sections they form.

A step keeps its numbers as operands (value, kind, source) rather than text, so
each output writes them in the strategy's locale; `Step.working` holds
`{0}`-style slots for them. explain.py builds them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from buyin_cli.errors import Location
from buyin_cli.records import dataclass

# How the working's signs read as Python arithmetic, for checking that it multiplies out.
_ARITHMETIC = (("×", "*"), ("÷", "/"), ("−", "-"), ("²", "**2"), ("³", "**3"), ("⁴", "**4"))
_PLAIN = re.compile(r"[0-9eE.+\-*/() ]+")

def N_(note: str) -> str:
    """`note` as written: marks a step's note for the catalogues (tools/update_catalogues.py).

    The working and the JSON keep the English; `roi`'s tables, which show a section's
    caveats under them, say it in the strategy's language."""
    return note


Kind = Literal["money", "rate", "number", "count", "pct", "share", "ratio", "months"]


@dataclass(frozen=True)
class Operand:
    """One number in a working: its value, how to write it, and where it was written."""

    value: float | None
    kind: Kind
    label: str  # what it is, e.g. "before", "isolation (default 1)"
    source: Location | None = None  # None for a derived figure or a default


@dataclass(frozen=True)
class Step:
    """How one figure is worked out."""

    figure: str  # e.g. "attributable"
    formula: str  # in words, e.g. "(improvement − control) × isolation × confidence"
    working: str  # the formula with slots {0}, {1}… for the operands
    operands: tuple[Operand, ...]
    result: Operand
    note: str | None = None  # why a figure is undefined, zero or negative, or what it means
    explains: bool = False  # the note says what the figure means (no caveat to repeat elsewhere)
    # A note with the strategy's own names in it is a %(name)s template (marked N_) filled by
    # `note_args` as written, and by `note_words`, the format's words a catalogue translates.
    note_args: tuple[tuple[str, str], ...] = ()
    note_words: tuple[tuple[str, str], ...] = ()

    @property
    def note_text(self) -> str | None:
        """The note as the working and the JSON write it, in English."""
        return self.said_note(lambda text: text)

    def said_note(self, gettext: Callable[[str], str]) -> str | None:
        """The note in the words of `gettext`, its template filled."""
        if not self.note or not (self.note_args or self.note_words):
            return gettext(self.note) if self.note else None
        return gettext(self.note) % {**dict(self.note_args), **{k: gettext(v) for k, v in self.note_words}}

    @property
    def sources(self) -> tuple[Operand, ...]:
        """The operands that were written in the strategy, in order."""
        return tuple(op for op in self.operands if op.source is not None)

    def fill(self, write: Callable[[Operand], str]) -> str:
        """The working with each operand written by `write`."""
        return self.working.format(*(write(op) for op in self.operands))

    def evaluate(self, values: Sequence[float | None]) -> float | None:
        """The working computed with `values` in place of its operands (as a reader would by
        hand); None where a value is missing or the working is not plain arithmetic."""
        if any(v is None for v in values):
            return None
        expression = self.working.format(*(f"({float(v)!r})" for v in values))  # type: ignore[arg-type]
        for sign, python in _ARITHMETIC:
            expression = expression.replace(sign, python)
        if not _PLAIN.fullmatch(expression):
            return None
        try:
            # Only digits and operators reach here (checked above): nothing else can run.
            return float(eval(expression, {"__builtins__": {}}))  # noqa: S307
        except (ArithmeticError, SyntaxError, ValueError):
            return None


@dataclass(frozen=True)
class Section:
    """The steps for one subject: the metrics, a pilot result, a pilot, an initiative."""

    title: str
    steps: tuple[Step, ...]
    subject: tuple[str, ...] = ()  # ("metrics",), ("result", pilot, metric), ("pilot", id), ("initiative", id)

    @property
    def caveats(self) -> list[str]:
        """The notes that qualify a figure (undefined, zero, negative), each once."""
        return self.said_caveats(lambda text: text)

    def said_caveats(self, gettext: Callable[[str], str]) -> list[str]:
        """The caveats in the words of `gettext` (a strategy's language), each once."""
        return list(dict.fromkeys(s.said_note(gettext) or "" for s in self.steps if s.note and not s.explains))
