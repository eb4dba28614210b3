"""The meeting's arithmetic: how many slides its minutes present, and how many charts a slide holds.

A third of the meeting stays for questions; the rest is presented at about 1.5 minutes a
slide, so at most ⌈(⅔ × minutes) ÷ 1.5⌉ content slides are presented, besides the title
and the questions (docs/deck.md).
"""

from __future__ import annotations

import math

MINUTES_PER_SLIDE = 1.5
DISCUSSION_SHARE = 1 / 3
BACKUP_LIMIT = 15  # hidden slides at most: what the presented slides lead to
CHARTS_PER_SLIDE = 2  # a pilot's results are charted two to a slide, where both have room
# Points: a chart narrower than this leaves its plot a sliver (4.6 in); two share a slide
# only when each keeps it, with CHART_GAP between them. A 16:9 slide's content area
# (about 12 in) holds two; a 4:3 one's (9 in) gives each result a slide of its own.
CHART_MIN_WIDTH, CHART_GAP = 4.6 * 72, 0.3 * 72


def slide_budget(minutes: int) -> int:
    """⌈(⅔ × minutes) ÷ 1.5⌉: the content slides a meeting of `minutes` presents."""
    return math.ceil(round(minutes * (1 - DISCUSSION_SHARE) / MINUTES_PER_SLIDE, 9))


def charts_per_slide(width: float | None) -> int:
    """How many of a pilot's results share a slide whose content area is `width` points wide
    (None: the bundled template's, which holds CHARTS_PER_SLIDE)."""
    if width is None:
        return CHARTS_PER_SLIDE
    fit = int((width + CHART_GAP) // (CHART_MIN_WIDTH + CHART_GAP))
    return max(1, min(CHARTS_PER_SLIDE, fit))


def minutes_for(slides: int) -> int:
    """The fewest whole minutes whose budget holds `slides` content slides."""
    minutes = max(1, math.floor(slides * MINUTES_PER_SLIDE / (1 - DISCUSSION_SHARE)) - 2)
    while slide_budget(minutes) < slides:
        minutes += 1
    return minutes
