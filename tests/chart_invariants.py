"""What every chart and every figures slide must hold, whatever strategy `check` accepted."""

from __future__ import annotations

import re
from typing import Any

# The words a chart's source line, a years table and a cost table's category column start with.
SOURCE = re.compile(r"^(?:Source|Quelle): ")
YEAR_COLUMN = ("Year", "Jahr")
CATEGORY_COLUMN = ("Category", "Kategorie")
# A trend chart's event labels, as they read when they name no one.
BARE_MARKS = {"Pilot", "Launch", "Einführung"}


def unnamed_series(slides: list[dict[str, Any]]) -> list[str]:
    """A chart of two or more series with no legend, or a series with no name."""
    return [f"slide {i}: {chart['title']!r} has {len(chart['series'])} series and no legend"
            for i, s in enumerate(slides, 1) for chart in s["charts"]
            if len(chart["series"]) > 1 and not chart["legend"]] + [
        f"slide {i}: a series with no name in {chart['title']!r}"
        for i, s in enumerate(slides, 1) for chart in s["charts"]
        for name, _ in chart["series"] if not name.strip()]


def untitled_charts(slides: list[dict[str, Any]]) -> list[str]:
    """A chart without a title saying what it shows."""
    return [f"slide {i}: a chart of {[n for n, _ in chart['series']]} has no title"
            for i, s in enumerate(slides, 1) for chart in s["charts"] if not chart["title"]]


def comparisons_unnamed(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A pilot's chart against its comparison group whose legend does not use the group's given
    name (the slide's title names it too; the chart's own stays short for its plot)."""
    found = []
    named = {p["group"]: p["control_group"] for p in strategy["pilots"] if p.get("control_group")}
    for i, s in enumerate(slides, 1):
        for chart in s["charts"]:
            names = [n for n, _ in chart["series"]]
            if len(names) < 2 or names[0] not in named:
                continue
            control = named[names[0]]
            if names[1] != control:
                found.append(f"slide {i}: {names[0]!r} against {names[1]!r}, titled "
                             f"{chart['title']!r}: the comparison is {control!r}")
    return found


def bare_marks(slides: list[dict[str, Any]]) -> list[str]:
    """A pilot or launch marked on a trend chart with no name."""
    return [f"slide {i}: a mark reads {text!r}" for i, s in enumerate(slides, 1)
            for text in s["texts"] if text.strip() in BARE_MARKS]


def unsourced_money_charts(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A chart of figures buyin worked out (each initiative's money) with no source line."""
    titles = {i["title"] for i in strategy["initiatives"]}
    return [f"slide {i}: {s['title']!r} charts the initiatives with no source line"
            for i, s in enumerate(slides, 1)
            if any(set(c["categories"]) <= titles for c in s["charts"])
            and not any(SOURCE.match(t) for t in s["texts"])]


def years_unnamed(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A multi-year slide, in a strategy of several initiatives, whose title names none."""
    titles = [i["title"] for i in strategy["initiatives"]]
    if len(titles) < 2:
        return []
    return [f"slide {i}: {s['title']!r} does not say whose years these are"
            for i, s in enumerate(slides, 1)
            if s["table"] and s["table"][0][0] in YEAR_COLUMN
            and not any(t in (s["title"] or "") for t in titles)]


def categories_hidden(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> list[str]:
    """A cost table of an initiative whose costs give categories that does not show them.

    A cost table is known by its rows: the initiative's items, then the year's total. Where
    two initiatives list the same items, only one whose costs all lack a category excuses it.
    """
    found = []
    for initiative in strategy["initiatives"]:
        items = [c["item"] for c in initiative["costs"]]
        if any(not any(c.get("category") for c in other["costs"])
               for other in strategy["initiatives"] if [c["item"] for c in other["costs"]] == items):
            continue
        for i, s in enumerate(slides, 1):
            table = s["table"] or []
            if table and [row[0] for row in table[1:-1]] == items and table[0][1] not in CATEGORY_COLUMN:
                found.append(f"slide {i}: the costs of {initiative['title']!r} hide their "
                             "categories")
    return found


READABLE = 4.6  # inches: a chart narrower than this leaves its plot a sliver


def narrow_charts(slides: list[dict[str, Any]]) -> list[str]:
    """Charts side by side narrower than READABLE each (two results on a 4:3 slide)."""
    return [f"slide {i}: {chart['title']!r} is {chart['width']:.2f} in wide beside another chart"
            for i, s in enumerate(slides, 1) if len(s["charts"]) > 1 for chart in s["charts"]
            if chart["width"] < READABLE]


def chart_findings(slides: list[dict[str, Any]], strategy: dict[str, Any]) -> dict[str, list[str]]:
    """Each chart invariant's findings for one deck, by name."""
    return {
        "legend": unnamed_series(slides),
        "chart title": untitled_charts(slides),
        "comparison name": comparisons_unnamed(slides, strategy),
        "bare mark": bare_marks(slides),
        "source": unsourced_money_charts(slides, strategy),
        "years": years_unnamed(slides, strategy),
        "categories": categories_hidden(slides, strategy),
        "narrow chart": narrow_charts(slides),
    }
