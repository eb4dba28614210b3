"""What every chart and every figures slide must hold, whatever strategy `check` accepted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from buyin_cli.render.pptx.chartfit import legend_rows, rendered, widest
from buyin_cli.render.pptx.chartlines import TITLE_ROOM
from buyin_cli.render.pptx.textfit import lines_at
from buyin_cli.render.pptx.textfit.fonts import text_width

# The legend of a pilot's projection on its pre-pilot trend, drawn where a comparison group would be.
TREND_SERIES = {"Expected on the pre-pilot trend", "Erwartet nach dem Trend vor dem Piloten"}

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
            if len(names) < 2 or names[0] not in named or names[1] in TREND_SERIES:
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
    """A multi-year slide, in a strategy of several initiatives, whose title names none (by its
    title, or its name as people call it: "Pick Right" for "Pick Right, with labels")."""
    from buyin_cli.present.build.own_words import short_name

    titles = [name for i in strategy["initiatives"] for name in (i["title"], short_name(i["title"]))]
    if len(strategy["initiatives"]) < 2:
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


def cut_axes(slides: list[dict[str, Any]]) -> list[str]:
    """A value axis that makes a change look bigger than it is: bars of positive values not
    from zero, a before-and-after line (two points) not from zero either, or a longer line of
    positive values whose axis starts above half its top (a change then drawn at more than
    twice its size)."""
    found = []
    for i, s in enumerate(slides, 1):
        for chart in s["charts"]:
            values = [v for _, vs in chart["series"] for v in vs if v is not None]
            if chart["axis"] is None or not values or min(values) < 0:
                continue
            low, high = chart["axis"]
            line = "LINE" in str(chart["type"]) and len(chart["categories"]) > 2
            if (line and low > high / 2 + 1e-9) or (not line and low != 0):
                found.append(f"slide {i}: {chart['title']!r} ({str(chart['type']).split()[0]}) has an "
                             f"axis of {low:g}–{high:g} for values {min(values):g}–{max(values):g}")
    return found


READABLE = 4.6  # inches: a chart narrower than this leaves its plot a sliver


def narrow_charts(slides: list[dict[str, Any]]) -> list[str]:
    """Charts side by side narrower than READABLE each (two results on a 4:3 slide)."""
    return [f"slide {i}: {chart['title']!r} is {chart['width']:.2f} in wide beside another chart"
            for i, s in enumerate(slides, 1) if len(s["charts"]) > 1 for chart in s["charts"]
            if chart["width"] < READABLE]


def missed_targets_unsaid(slides: list[dict[str, Any]]) -> list[str]:
    """A roll-out's completion charted below its target for a period whose words never say it:
    the share reached must stand in the slide's text, or a missed target reads as met."""
    found = []
    for i, s in enumerate(slides, 1):
        said = " ".join([s["title"] or ""] + [t for _, t in s["body"]] + s["texts"]).replace("\xa0", " ")
        for chart in s["charts"]:
            series = dict(chart["series"])
            done = series.get("Completed", series.get("Abgeschlossen"))
            target = series.get("Target", series.get("Ziel"))
            for period, reached, wanted in zip(chart["categories"], done or [], target or []):
                if reached is not None and wanted is not None and reached < wanted and not re.search(
                        rf"(?<![\d,.]){int(reached * 100 + 0.5 + 1e-9)} ?%", said):  # rounded half up, as said
                    found.append(f"slide {i}: {period} charted at {reached:.0%} against {wanted:.0%}, never said")
    return found


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
        "cut axis": cut_axes(slides),
        "narrow chart": narrow_charts(slides),
        "missed target": missed_targets_unsaid(slides),
    }


# Read from the saved charts themselves: what a renderer is given to lay out ----------------

MIN_FRAME = 2.0 * 72  # points: a chart's frame, the least that leaves a readable plot
LABEL = 12  # points: data, axis and legend labels
PAD, AXIS_GAP = 7, 8  # points a chart keeps inside its frame; between its axis labels and its plot


def _frames(path: Path) -> list[tuple[int, Any]]:
    """Each chart's graphic frame with its slide's number."""
    return [(i, shape) for i, slide in enumerate(Presentation(str(path)).slides, 1)
            for shape in slide.shapes if shape.has_chart]


def _plot_width(shape: Any) -> float:
    """The plot's width (pt): a fixed plot's share of the frame, else the frame less its padding
    and the value axis's widest label."""
    chart = shape.chart
    fixed = chart._chartSpace.chart.plotArea.find(f"{qn('c:layout')}/{qn('c:manualLayout')}/{qn('c:w')}")
    if fixed is not None:
        return Emu(shape.width).pt * float(fixed.get("val"))
    axis = chart.value_axis
    ticks = [v for v in (axis.minimum_scale, axis.maximum_scale) if v is not None]
    return Emu(shape.width).pt - 2 * PAD - AXIS_GAP - widest(ticks, axis.tick_labels.number_format)


def overlaid_legends(path: Path) -> list[str]:
    """A legend drawn over the plot, where a label runs into it."""
    return [f"slide {i}: the legend of {shape.chart.chart_title.text_frame.text!r} is over its plot"
            for i, shape in _frames(path) if shape.chart.has_legend
            and shape.chart.legend.include_in_layout is not False]


def crowded_bar_labels(path: Path) -> list[str]:
    """Column labels wider than the distance between their bars' centres: they run together
    ('£41,000,000£41,400,000')."""
    found = []
    for i, shape in _frames(path):
        chart = shape.chart
        if chart.chart_type != XL_CHART_TYPE.COLUMN_CLUSTERED:
            continue
        plot, labelled = chart.plots[0], []
        count, categories = len(list(plot.series)), len(plot.categories)
        gap, overlap = plot.gap_width / 100, plot.overlap / 100
        slot = _plot_width(shape) / max(categories, 1)
        pitch = slot if count == 1 else slot / (count - (count - 1) * overlap + gap) * (1 - overlap)
        for series in plot.series:
            shown = series._element.find(f"{qn('c:dLbls')}/{qn('c:showVal')}")
            if shown is None or shown.get("val") != "0":
                labelled += list(series.values)
        needed = widest(labelled, plot.data_labels.number_format)
        if needed > pitch:
            found.append(f"slide {i}: labels {needed:.0f} pt wide on bars {pitch:.0f} pt apart in "
                         f"{chart.chart_title.text_frame.text!r}")
    return found


def broken_categories(path: Path) -> list[str]:
    """Level category labels with a word wider than its slot: a renderer breaks it mid-word."""
    found = []
    for i, shape in _frames(path):
        chart = shape.chart
        if chart.chart_type in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.DOUGHNUT):
            continue
        body = chart.category_axis._element.find(f"{qn('c:txPr')}/{qn('a:bodyPr')}")
        if body is not None and body.get("rot") not in (None, "0"):
            continue  # turned: each label on one line
        categories = [str(c) for c in chart.plots[0].categories]
        slot = _plot_width(shape) / max(len(categories), 1)
        words = [w for c in categories for w in c.split() if text_width(w, LABEL) > slot]
        if words:
            found.append(f"slide {i}: {words[0]!r} is wider than its {slot:.0f} pt slot")
    return found


def short_charts(path: Path) -> list[str]:
    """A chart frame too short to leave its plot readable: MIN_FRAME (2 in, on a 16:9 slide
    and on a 4:3, both 7.5 in tall) under what its title takes (wrapped at TITLE_ROOM of the
    frame, as a renderer wraps it) and its legend's rows (a frame of 2 in with a two-line
    title and two legend rows keeps half an inch)."""
    found = []
    for i, shape in _frames(path):
        chart, width = shape.chart, Emu(shape.width).pt
        title = chart.chart_title.text_frame.text if chart.has_title else ""
        names = [series.name for plot in chart.plots for series in plot.series]
        around = (lines_at(title, TITLE_ROOM * width - 2 * PAD, 14, bold=True) * 14 * 1.25 if title else 0) + (
            legend_rows(names, width) * LABEL * 1.2 if len(names) > 1 else 0)
        if Emu(shape.height).pt < MIN_FRAME + around - 1:
            found.append(f"slide {i}: {title!r} is {Emu(shape.height).pt:.0f} pt tall, "
                         f"{around:.0f} pt of it title and legend")
    return found


def unlabelled_lines(path: Path) -> list[str]:
    """A before-and-after line chart whose lines are not labelled at the same points."""
    found = []
    for i, shape in _frames(path):
        chart = shape.chart
        if chart.chart_type not in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS) \
                or len(chart.plots[0].categories) != 2:
            continue
        lines = list(chart.plots[0].series)
        points = [{int(d.find(qn("c:idx")).get("val")) for d in
                   series._element.findall(f"{qn('c:dLbls')}/{qn('c:dLbl')}")} for series in lines]
        # Lines whose labels at a point read the same (a projection from where the pilot began)
        # share one label there.
        code = chart.plots[0].data_labels.number_format if chart.plots[0].has_data_labels else "#,##0.##"
        formats = [(f.get("formatCode") if (f := s._element.find(f"{qn('c:dLbls')}/{qn('c:numFmt')}")) is not None
                    else code) for s in lines]

        reads = [[rendered(v or 0.0, f) for v in series.values] for series, f in zip(lines, formats)]
        points = [p | {n for n in range(2) if any(n in q and reads[o][n] == reads[k][n]
                                                  for o, q in enumerate(points))}
                  for k, p in enumerate(points)]
        if any(p != points[0] for p in points):
            found.append(f"slide {i}: lines of {chart.chart_title.text_frame.text!r} labelled at {points}")
    return found


def _decimals(value: float) -> int:
    text = f"{value:.15g}"
    return 0 if "e" in text or "." not in text else len(text.split(".")[1])


def noisy_values(path: Path) -> list[str]:
    """A value with float noise (179816.00000000017, more figures than any reading has): what an
    editor in PowerPoint sees."""
    return [f"slide {i}: {value!r} in {shape.chart.chart_title.text_frame.text!r}"
            for i, shape in _frames(path) for series in shape.chart.plots[0].series
            for value in series.values if value is not None and float(f"{value:.12g}") != value]


def rounded_labels(path: Path) -> list[str]:
    """Value labels with fewer decimals than the readings have (up to two): a comparison group's
    4.15 labelled "4.2", while the notes say 4.15. Money to whole units and a short form ("£41.0m")
    are a choice, not a loss."""
    found = []
    for i, shape in _frames(path):
        chart = shape.chart
        if not chart.plots[0].has_data_labels and not any(
                s._element.find(f"{qn('c:dLbls')}/{qn('c:dLbl')}") is not None for s in chart.plots[0].series):
            continue
        labels = chart.plots[0].data_labels.number_format if chart.plots[0].has_data_labels else None
        for series in chart.plots[0].series:
            own = series._element.find(f"{qn('c:dLbls')}/{qn('c:numFmt')}")
            code = (own.get("formatCode") if own is not None else labels or "").split(";")[0]  # as positives read
            if not code or "%" in code or '"' in code or re.search(r"[0#],+$", code):
                continue  # money (to whole units), a percentage's or a short form's labels
            shown = len(m.group(1)) if (m := re.search(r"\.(0+)", code)) else 0
            needed = min(2, max((_decimals(v) for v in series.values if v is not None), default=0))
            if shown < needed:
                found.append(f"slide {i}: {series.name!r} labelled {code!r}, readings with {needed} decimals")
    return found


def hyphen_minus(path: Path) -> list[str]:
    """A chart's number format that writes a negative with a hyphen ("-£4,000") where the deck's
    text and tables write a true minus ("−£4,000")."""
    return [f"slide {i}: {code!r} in {shape.chart.chart_title.text_frame.text!r}" for i, shape in _frames(path)
            for code in {e.get("formatCode") for e in shape.chart._chartSpace.iter(qn("c:numFmt"))}
            | {e.text for e in shape.chart._chartSpace.iter(qn("c:formatCode"))}
            if code and code != "General" and "−" not in code.partition(";")[2]]


def names_on_negative_bars(path: Path) -> list[str]:
    """Bars below zero whose category names sit on the zero line, on the bar and its label."""
    found = []
    for i, shape in _frames(path):
        chart = shape.chart
        if chart.chart_type not in (XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED) or not any(
                v is not None and v < 0 for series in chart.plots[0].series for v in series.values):
            continue
        position = chart.category_axis._element.find(qn("c:tickLblPos"))
        if position is None or position.get("val") != "low":
            found.append(f"slide {i}: the category names of {chart.chart_title.text_frame.text!r} on its zero line")
    return found


def frame_findings(path: Path) -> dict[str, list[str]]:
    """Each invariant read from the saved charts' frames, by name."""
    return {
        "legend over plot": overlaid_legends(path),
        "crowded labels": crowded_bar_labels(path),
        "broken category": broken_categories(path),
        "short chart": short_charts(path),
        "unlabelled line": unlabelled_lines(path),
        "noisy value": noisy_values(path),
        "rounded label": rounded_labels(path),
        "hyphen minus": hyphen_minus(path),
        "names on negative bars": names_on_negative_bars(path),
    }
