"""Several initiatives taken together: their benefit and cost summed, and the figures of the sums.

The deck's decision slide and its numbers table show a total row; its ROI, payback
and break-even share are those of the summed benefit and cost (not an average of
the initiatives' own), with the same formulas as one initiative.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from buyin_cli.figures.compute import InitiativeFigures, payback_months, roi_pct
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class TotalFigures:
    count: int
    benefit: float
    cost: float
    roi_pct: float | None
    bcr: float | None
    payback_months: float | None
    break_even_share: float | None
    roi_pct_at_half: float | None
    longest_payback_months: float | None  # the slowest of them to pay back; None if one never does


def combine(initiatives: Iterable[InitiativeFigures]) -> TotalFigures:
    """The totals of `initiatives`."""
    items = list(initiatives)
    benefit = math.fsum(i.rollout_benefit for i in items)
    cost = math.fsum(i.rollout_cost for i in items)
    paybacks = [i.payback_months for i in items if i.payback_months is not None]
    longest = max(paybacks) if items and len(paybacks) == len(items) else None
    return TotalFigures(
        count=len(items), benefit=benefit, cost=cost, roi_pct=roi_pct(benefit, cost),
        bcr=benefit / cost if cost else None, payback_months=payback_months(benefit, cost),
        break_even_share=cost / benefit if benefit > 0 else None,
        roi_pct_at_half=roi_pct(benefit / 2, cost), longest_payback_months=longest)
