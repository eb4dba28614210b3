"""How a chart's words fit its frame, measured before it is drawn.

- A value label is as wide as the bar it stands on allows: when "£41,000,000" would
  run into its neighbour, the chart says "£41.0m" (the locale's short form: "41,0 Mio. €"),
  its axis too.
- A category label never breaks inside a word: when a word is wider than its category's
  slot, the labels turn 45°.
- A legend takes the rows its names need, above the plot, never over it.

Widths are estimates in points from the widest font buyin measures with, so they err on
the side of room.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from babel import Locale, UnknownLocaleError

from buyin_cli.render.pptx.textfit import lines_at
from buyin_cli.render.pptx.textfit.fonts import text_width

LABEL_FONT = 12  # points: data, axis and legend labels (charts.CHART_LABEL_FONT)
LINE = 1.2 * LABEL_FONT  # points: one line of a label
FRAME_PAD = 7.0  # points a chart keeps clear inside its frame on each side
LEGEND_KEY = 24.0  # points: a legend entry's key and the space after its name
GAP_WIDTH, OVERLAP = 0.6, -0.1  # between clusters, between a cluster's bars: shares of a bar
# A number format as buyin writes them: a locale, a quoted prefix, the digits, the decimals,
# the scaling commas, a quoted suffix or a percent sign.
FORMAT = re.compile(r'^(\[\$-[0-9A-Fa-f]+\])?((?:"[^"]*")?)([#,0]+?)(?:\.(0+))?(,*)("[^"]*"|%)?$')
SCALES = ((10 ** 9, "1000000000"), (10 ** 6, "1000000"), (10 ** 3, "1000"))


def rendered(value: float, number_format: str) -> str:
    """`value` as `number_format` writes it, in English separators: wide enough to measure (a
    negative's minus as wide as its hyphen)."""
    found = FORMAT.match(number_format.split(";")[0])
    if found is None:
        return f"{value:,.2f}"
    _, prefix, digits, decimals, scaling, suffix = found.groups()
    value = value / 1000 ** len(scaling)
    if suffix == "%":
        value *= 100
    places = len(decimals or "")
    text = f"{value:,.{places}f}" if "," in digits else f"{value:.{places}f}"
    return prefix.strip('"') + text + (suffix or "").strip('"')


def widest(values: Sequence[float | None], number_format: str) -> float:
    """The width (pt) of the widest of `values` written in `number_format`."""
    return max((text_width(rendered(v, number_format), LABEL_FONT) for v in values if v is not None),
               default=0.0)


def plot_width(frame_width: float, tick_width: float) -> float:
    """The plot's width (pt) in a frame `frame_width` wide whose value axis labels are `tick_width`."""
    return max(frame_width - 2 * FRAME_PAD - tick_width - 8, 1.0)


def bar_pitch(plot: float, categories: int, series: int) -> float:
    """The distance (pt) between neighbouring bars' centres: a value label's room."""
    slot = plot / max(categories, 1)
    if series <= 1:
        return slot
    bar = slot / (series + (series - 1) * -OVERLAP + GAP_WIDTH)
    return bar * (1 - OVERLAP)


def short_format(number_format: str, values: Sequence[float | None], language: str | None,
                 step: float | None = None) -> str | None:
    """`number_format` scaled to thousands, millions or billions with the locale's word for
    them ("£41.4m", "41,4 Mio. €"): three figures for the largest value (or as many decimals
    as `step` needs, for an axis), more when two values would otherwise read the same.
    None when the values are too small or the locale has no short word."""
    found = FORMAT.match(number_format)
    numbers = [abs(v) for v in values if v is not None]
    if found is None or found.group(5) or "%" in (found.group(6) or "") or not numbers:
        return None
    patterns = _compact_patterns(language)
    largest = max(numbers)
    if largest < 10 ** 4:  # "£9,500" is short already
        return None
    # The largest scale the largest value reaches; else a tenth of one ("0,6 Mio. €": German
    # has no short word for thousands).
    chosen = next(((scale, patterns[key]) for least in (1.0, 0.1) for scale, key in SCALES
                   if key in patterns and largest >= scale * least), None)
    if chosen is None:
        return None
    scale, word = chosen
    if step is not None:
        scaled_step = step / scale
        places = 0 if float(scaled_step).is_integer() else min(len(f"{scaled_step:.10g}".split(".")[1]), 3)
    else:
        places = min(max(3 - len(str(int(largest / scale))), 0), 2)
        distinct = len({round(v, 9) for v in values if v is not None})
        while places < 3 and len({round(v / scale, places) for v in values if v is not None}) < distinct:
            places += 1
    lcid, prefix, digits, _, _, suffix = found.groups()
    thousands = "," if "," in digits else ""
    number = f"#{thousands}##0" + ("." + "0" * places if places else "") + "," * (len(str(scale)) // 3)
    tail = '"' + word + (suffix or "").strip('"') + '"'
    return (lcid or "") + prefix + number + tail


def _compact_patterns(language: str | None) -> dict[str, str]:
    """The locale's short words for a thousand, a million, a billion ("k", " Mio."), by key;
    a locale with none for a scale ("0": German thousands) leaves it out."""
    try:
        locale = Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return {}
    out = {}
    for _, key in SCALES:
        pattern = locale.compact_decimal_formats.get("short", {}).get("other", {}).get(key)
        text = pattern.pattern if pattern is not None else ""
        if text.startswith("0") and text.strip("0"):
            out[key] = text.lstrip("0").replace("'", "").replace('"', "")
    return out


def labels_turned(categories: Sequence[str], plot: float) -> bool:
    """Whether a category's word is wider than its slot, so its labels must turn to read whole
    (LibreOffice ignores a label skip and breaks such a word mid-way: "Jan / 202 / 6")."""
    if not categories:
        return False
    slot = plot / len(categories)
    # a no-break space holds its words together ("Jan 26"): only an ordinary one lets a label wrap
    return max(text_width(w, LABEL_FONT) for c in categories for w in c.split(" ") or [""]) > slot


def category_height(categories: Sequence[str], plot: float, turned: bool) -> float:
    """The height (pt) the category labels take under a plot `plot` points wide: turned 45°,
    the longest label's diagonal; level, the lines the tallest label wraps to."""
    if turned:
        return max((text_width(c, LABEL_FONT) for c in categories), default=0.0) * 0.71 + LINE
    room = plot / max(len(categories), 1)
    return max((lines_at(c, room, LABEL_FONT) for c in categories), default=1) * LINE


def legend_rows(names: Sequence[str], frame_width: float) -> int:
    """The rows a legend of `names` takes across a frame `frame_width` wide."""
    room = frame_width - 2 * FRAME_PAD
    rows, used = 1, 0.0
    for name in names:
        entry = text_width(name, LABEL_FONT) + LEGEND_KEY
        if entry > room:  # a name wider than the frame wraps onto rows of its own
            rows, used = rows + (1 if used else 0) + math.ceil(entry / room) - 1, room
            continue
        if used and used + entry > room:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


def bar_formats(values: Sequence[float | None], categories: int, series: int, number_format: str,
                tick_format: str, axis: tuple[float, float, float], frame_width: float,
                language: str | None) -> tuple[str, str, bool]:
    """Columns' label format, their value axis's, and whether every series keeps its labels:
    the formats as given while each label fits its bar's room; else the short forms ("£41.0m",
    the axis "£40m"); and when even those are too wide, only the focus series is labelled."""
    low, high, step = axis
    ticks = [low, high]
    short = short_format(number_format, values, language)
    short_ticks = short_format(number_format, ticks, language, step) or tick_format
    for labels, axis_format in ((number_format, tick_format), (short, short_ticks)):
        if labels is None:
            continue
        room = bar_pitch(plot_width(frame_width, widest(ticks, axis_format)), categories, series)
        if widest(values, labels) + 4 <= room:
            return labels, axis_format, True
    if short is None:
        return number_format, tick_format, series <= 1
    return short, short_ticks, series <= 1



def across_format(categories: Sequence[str], number_format: str, tick_format: str, axis: tuple[float, float, float],
                  frame_width: float, language: str | None) -> str:
    """A bar chart's value axis runs across under its bars: its tick labels side by side must not
    run together ("£1,000,000£1,250,000"); where they would, the short form ("£1.25m")."""
    low, high, step = axis
    ticks = [low + n * step for n in range(int(round((high - low) / step)) + 1)] if step > 0 else [low, high]
    names = max((text_width(c, LABEL_FONT) for c in categories), default=0.0)
    plot = max(frame_width - 2 * FRAME_PAD - min(names, 0.4 * frame_width) - 8, 1.0)
    if len(ticks) * (widest(ticks, tick_format) + 6) <= plot:
        return tick_format
    return short_format(number_format, ticks, language, step) or tick_format


def percent_ticks(number_format: str, step: float) -> str:
    """A percentage axis's labels with as many decimals as its step has ("30%" in steps of 10,
    not "30.0%"), each section of the format alike; any other quoted format as it is."""
    if not re.search(r'"[^"]*%"', number_format):  # '"%"', or German '"\u00a0%"'
        return number_format
    decimals = 0 if float(step).is_integer() else len(f"{step:.10g}".split(".")[1])
    sections = []
    for section in number_format.split(";"):
        found = FORMAT.match(section)
        if found is None or found.group(5):
            return number_format
        lcid, prefix, digits, _, _, suffix = found.groups()
        sections.append((lcid or "") + prefix + digits + ("." + "0" * decimals if decimals else "") + (suffix or ""))
    return ";".join(sections)
