"""A step of the working written so that it multiplies out, by hand, to the figure it states.

Money is written in whole units and a derived number to 4 places; an intermediate
figure rounded that way can make a line of the working disagree with its own
result (£27,722 × 6 is not £166,333). Each line is therefore written with the
fewest extra decimal places at which the numbers as shown give the result as
shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from buyin_cli.figures.steps import Operand, Step
from buyin_cli.present.numbers import Formatter, operand_places, shown

MAX_EXTRA = 6  # decimal places beyond the usual: past them a figure is a float's noise


def exact_working(step: Step, w: Formatter,
                  write: Callable[[Operand, int], str] | None = None) -> str:
    """`step`'s working filled in at the precision that multiplies out to its result."""
    write = write or w.operand
    stated = write(step.result, 0)
    for extra in range(MAX_EXTRA + 1):
        got = step.evaluate([_shown(op, extra) for op in step.operands])
        if got is None or write(replace(step.result, value=got), 0) == stated:
            break
    return step.fill(lambda op: write(op, extra))


def _shown(op: Operand, extra: int) -> float | None:
    """The operand's value as a reader takes it from the page."""
    if op.value is None:
        return None
    places = operand_places(op, extra)
    if op.kind == "share":
        return shown(op.value * 100, places) / 100
    return shown(op.value, places)
