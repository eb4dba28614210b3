"""Small readings of a strategy's own words that the view reports as facts, not as wording.

Whether a unit is a percentage, whether it already says its period: the
templates choose the words ("points", "per week"); these only say which applies.
"""

from __future__ import annotations

import re

from buyin_cli.load.units import read_unit


def is_percent(unit: str) -> bool:
    """Whether a metric's unit is a percentage, so that a change is in percentage points."""
    return read_unit(unit).is_percent


def has_period(unit: str) -> bool:
    """Whether a reading needs no period said after its unit: the unit names its own
    ("injuries per quarter"), or it is a level, read and never summed over a period
    ("%", "seconds", "points")."""
    return not read_unit(unit).takes_period


def is_level(unit: str) -> bool:
    """Whether a unit is a level, the same for a group of any size (a %, a score, a duration),
    rather than a count or money that adds up over people."""
    return not read_unit(unit).adds_up


# Where a title's name ends and its description starts: "Right First Time: locating…",
# "Dispatch Coaching, for control-room planners…", "Pick Right – with labels". A comma
# before anything else may be a list ("Calls, complaints and recalls"), so it does not end it.
_DESCRIBED = re.compile(r"\s*(?::\s|\s[–—-]\s|,\s(?=(?:for|with|in|on|at|to|from|by|für|mit|zur|"
                        r"zum|bei|im|in|an|von|durch)\b))")


def short_name(title: str) -> str:
    """What people call an initiative in a label: its title up to where the title goes on to
    describe it, else the whole title (never a cut: the part kept is the name as written)."""
    head = _DESCRIBED.split(title, maxsplit=1)[0].strip()
    return head if len(head) >= 3 else title
