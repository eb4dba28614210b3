"""The order a pilot's results are charted in: those that carry money first (the roll-out's case
rests on them), what the meeting is about first among each, then as the file gives them (its
author's order: the result they lead with titles the slide); and the result that carries the
pilot's money, whose page the agenda presents on a narrow slide."""

from __future__ import annotations

from collections.abc import Collection

from buyin_cli.figures.compute import Figures
from buyin_cli.load.models import Pilot, Result


def result_order(pilot: Pilot, focus: Collection[str] | None, figures: Figures) -> list[Result]:
    """A pilot's results in the order its evidence charts them: those worth money first (the
    room sees first what earns the roll-out's money, not a score nobody priced), in each those on
    the metrics the meeting is about (`focus`; all when None) first; else as the file gives them."""
    worth = figures.pilots[pilot.id].results
    return sorted(pilot.results, key=lambda r: (not (worth[r.metric].pilot_annual_benefit or 0.0) > 0,
                                                focus is not None and r.metric not in focus))


def top_result(pilot: Pilot, figures: Figures) -> Result | None:
    """The result worth most a year in the pilot, when any is worth something."""
    worth = figures.pilots[pilot.id].results
    top = max(pilot.results, key=lambda r: worth[r.metric].pilot_annual_benefit or 0.0, default=None)
    return top if top is not None and (worth[top.metric].pilot_annual_benefit or 0.0) > 0 else None


def money_pages(pilot: Pilot, focus: Collection[str] | None, figures: Figures, charts: int) -> tuple[int, int]:
    """Of a pilot's evidence pages at `charts` a page (numbered from 0), the last with money on
    what the meeting is about (`focus`) or with the pilot's most money wherever it is: where the
    table's figures come from; and the last with a result on what the meeting is about (-1: none)."""
    ordered = result_order(pilot, focus, figures)
    about = [n for n, r in enumerate(ordered) if focus is None or r.metric in focus]
    top, worth = top_result(pilot, figures), figures.pilots[pilot.id].results
    earning = [n for n, r in enumerate(ordered)
               if r is top or (n in about and (worth[r.metric].pilot_annual_benefit or 0.0) > 0)]
    return max(earning, default=0) // charts, max(about, default=-1) // charts
