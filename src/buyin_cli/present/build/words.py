"""Small readings of a strategy's own words that the view reports as facts, not as wording.

Whether a unit is a percentage, whether it already says its period: the
templates choose the words ("points", "per week"); these only say which applies.
"""

from __future__ import annotations

import re

_PERCENT = re.compile(r"%|\bper ?cent\b|\bprozent\b", re.IGNORECASE)
# "injuries per quarter", "parts a week", "hours/week", "Teile pro Woche", "je Monat"; not
# a rate's base ("complaints per 1,000 calls") or a window ("no repeat call in 7 days").
_PERIOD = re.compile(r"(?:\b(?:per|a|an|every|pro|je|im|in)\s+|/\s*)"
                     r"(?:day|week|fortnight|month|quarter|year|annum|shift|"
                     r"tag|woche|monat|quartal|jahr|schicht)\b", re.IGNORECASE)


def is_percent(unit: str) -> bool:
    """Whether a metric's unit is a percentage, so that a change is in percentage points."""
    return bool(_PERCENT.search(unit))


def has_period(unit: str) -> bool:
    """Whether a unit already says the period of a reading ("injuries per quarter")."""
    return bool(_PERIOD.search(unit))


def direction(before: float, after: float) -> str:
    """'down', 'up' or 'flat'."""
    return "down" if after < before else "up" if after > before else "flat"
