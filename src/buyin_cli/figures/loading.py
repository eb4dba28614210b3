"""Whether an initiative's cost is fully loaded: participants' time among its costs.

Phillips' fully loaded cost counts the time participants spend learning instead
of working, usually the largest line. A cost counts as that time when its
`category` says so, or when it is charged per participant and its item names
time (hours, days, backfill, cover…), as "Operators' time: 3.5 hours each" does.
Only a total that holds it may be called fully loaded.
"""

from __future__ import annotations

import re

from buyin_cli.load.models import Cost, Initiative

# Words of a per-participant cost line that is the participants' own time (English, German).
_TIME = re.compile(r"\b(time|hours?|days?|backfill\w*|cover|paid|wages?|salar\w*|overtime)\b"
                   r"|zeit|stunden?\b|vertretung", re.IGNORECASE)


def is_participants_time(cost: Cost) -> bool:
    """Whether a cost line is participants' time: by category, or as its item reads."""
    if cost.category is not None:
        return cost.category == "participants-time"
    return cost.kind == "per-participant" and bool(_TIME.search(cost.item))


def is_fully_loaded(initiative: Initiative) -> bool:
    """Whether the initiative's costs include participants' time."""
    return any(is_participants_time(c) for c in initiative.costs)
