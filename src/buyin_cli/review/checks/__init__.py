"""The readiness rules, one module per buy-in method; a new rule goes in its method's module."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.review.checks import asks, gaps, handful, managers, meeting, plausibility, prove, results, totals
from buyin_cli.review.context import Check, Context

FAMILIES = (results.checks, gaps.checks, prove.checks, plausibility.checks, handful.checks,
            managers.checks, meeting.checks, asks.checks, totals.checks)


def all_checks(ctx: Context) -> Iterator[Check]:
    """Every rule applied to every subject it concerns, method by method."""
    for family in FAMILIES:
        yield from family(ctx)
