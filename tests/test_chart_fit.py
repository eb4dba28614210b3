"""Charts whose words read whole on any slide: labels short enough for their bars, legends
off the plot, lines labelled alike, category words never broken, a plot never a sliver."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from buyin_cli.render.pptx.chartfit import short_format
from buyin_cli.render.pptx.paging import CHART_MIN_HEIGHT, FLATTEST, UNDER_TABLE
from deck_helpers import SAMPLE, outline_from, save_deck

REVENUE = [41_000_000, 41_400_000, 43_000_000]
MONTHS = ["Jan 2026", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct"]


@pytest.mark.parametrize(("base", "values", "language", "short"), [
    ('"£"#,##0', REVENUE, "en-GB", '"£"#,##0.0,,"m"'),
    ('[$-407]#,##0"\u00a0€"', REVENUE, "de-DE", '[$-407]#,##0.0,,"\u00a0Mio.\u00a0€"'),
    ('"£"#,##0', [626_588, 1_740_166], "en-GB", '"£"#,##0.00,,"m"'),
    ('"£"#,##0', [410_000, 95_000], "en-GB", '"£"#,##0,"k"'),
    ('#,##0"\u00a0€"', [410_000, 95_000], "de-DE", '#,##0.00,,"\u00a0Mio.\u00a0€"'),
    ('"£"#,##0', [9_500, 4_000], "en-GB", None),  # short already
    ('0"%"', [45_000, 50_000], "en-GB", None),  # a percentage is never scaled
])
def test_a_short_form_names_its_scale_in_the_locales_words(base, values, language, short):
    assert short_format(base, values, language) == short


def _deck(tmp_path: Path, slide: dict[str, Any], template: Path | None = None) -> Any:
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx", template)
    return Presentation(str(tmp_path / "deck.pptx"))


def _four_three(tmp_path: Path) -> Path:
    path = tmp_path / "four-three.pptx"
    Presentation().save(str(path))  # python-pptx's own 4:3 deck
    return path


def _charts(prs: Any) -> list[Any]:
    return [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def _revenue(body: bool) -> dict[str, Any]:
    chart = {"kind": "column", "title": "Revenue, £ a month", "categories": ["Baseline", "Now", "Target"],
             "number_format": '"£"#,##0', "series": [{"name": "Revenue", "values": REVENUE}]}
    return {"layout": "Title and Content", "title": "Revenue", "chart": chart, "notes": "n",
            **({"body": ["Revenue grew", "It grows further"]} if body else {})}


def test_money_too_wide_for_its_bars_reads_short_and_its_axis_too(tmp_path):
    chart = _charts(_deck(tmp_path, _revenue(body=True), _four_three(tmp_path)))[0].chart
    # No locale: CLDR's root English; a negative with the text's minus sign.
    assert chart.plots[0].data_labels.number_format == '"£"#,##0.0,,"M";"−£"#,##0.0,,"M"'
    assert chart.value_axis.tick_labels.number_format == '"£"#,##0,,"M";"−£"#,##0,,"M"'


def test_money_with_room_on_its_bars_keeps_every_digit(tmp_path):
    chart = _charts(_deck(tmp_path, _revenue(body=False)))[0].chart
    assert chart.plots[0].data_labels.number_format == '"£"#,##0;"−£"#,##0'


def _before_after(values: list[float], control: list[float]) -> dict[str, Any]:
    chart = {"kind": "line", "title": "Waiting time, minutes", "categories": ["Before", "After"],
             "series": [{"name": "Pilot stores", "role": "focus", "values": values},
                        {"name": "Comparison stores", "role": "context", "values": control}]}
    return {"layout": "Title and Content", "title": "Waits", "chart": chart, "notes": "n",
            "body": ["Waits fell"]}


def _point_labels(series: Any) -> dict[int, str]:
    """Each labelled point of a series and where its label sits."""
    return {int(d.find(qn("c:idx")).get("val")): d.find(qn("c:dLblPos")).get("val")
            for d in series._element.findall(f"{qn('c:dLbls')}/{qn('c:dLbl')}")}


def test_every_line_is_labelled_at_both_ends_the_higher_above(tmp_path):
    chart = _charts(_deck(tmp_path, _before_after([24.0, 21.0], [23.0, 22.5])))[0].chart
    pilot, control = chart.plots[0].series
    assert _point_labels(pilot) == {0: "t", 1: "b"}  # above the comparison before, below it after
    assert _point_labels(control) == {0: "b", 1: "t"}


def test_a_legend_stands_above_the_plot_never_over_it(tmp_path):
    chart = _charts(_deck(tmp_path, _before_after([24.0, 21.0], [23.0, 22.5])))[0].chart
    assert chart.has_legend and chart.legend.include_in_layout is False


def _trend(categories: list[str]) -> dict[str, Any]:
    chart = {"kind": "line", "title": "Errors a month", "categories": categories,
             "series": [{"name": "Errors", "role": "focus", "values": list(range(170, 170 + len(categories)))}]}
    return {"layout": "Title and Content", "title": "Errors", "chart": chart, "notes": "n",
            "body": ["Errors fell"]}


def _rotation(chart: Any) -> int:
    return int(chart.category_axis._element.find(f"{qn('c:txPr')}/{qn('a:bodyPr')}").get("rot"))


def test_month_labels_too_wide_for_their_slots_turn_rather_than_break(tmp_path):
    assert _rotation(_charts(_deck(tmp_path, _trend(MONTHS), _four_three(tmp_path)))[0].chart) == -2700000


def test_labels_with_room_stay_level(tmp_path):
    assert _rotation(_charts(_deck(tmp_path, _trend(MONTHS[:4])))[0].chart) == 0


def _years(rows: int, footnote_lines: int = 2) -> dict[str, Any]:
    chart = {"kind": "column", "title": "Running net, by year", "categories": [f"Year {n}" for n in range(1, 4)],
             "series": [{"name": "Running net", "values": [626_588, 1_265_061, 1_740_166]}]}
    table = {"columns": ["Year", "Benefit", "Cost", "Running net"],
             "rows": [[f"Year {n} of the plan", "£871,298", "£244,710", "£626,588"] for n in range(1, rows + 1)],
             "total": ["Total", "£2,014,876", "£274,710", "£1,740,166"], "align": ["left", "right", "right", "right"]}
    footnote = " ".join(["Later years keep 75% of the year before's benefit and pay only the yearly costs, "
                         "with the net present value at 7% a year."] * footnote_lines)
    return {"layout": "Title Only", "title": "Over three years", "table": table, "chart": chart, "notes": "n",
            "footnote": footnote}


@pytest.mark.parametrize("rows", [3, 7, 20])
def test_a_chart_under_a_table_keeps_a_readable_height(tmp_path, rows):
    prs = _deck(tmp_path, _years(rows), _four_three(tmp_path))
    frame = _charts(prs)[0]
    assert frame.height >= CHART_MIN_HEIGHT * 12700
    if rows == 3:  # not squashed flat: on 4:3 the table leaves too little, and the chart has a page of its own
        assert frame.height / 12700 >= max(UNDER_TABLE, frame.width / 12700 / FLATTEST)


def test_a_chart_the_table_leaves_no_room_takes_a_page_of_its_own(tmp_path):
    prs = _deck(tmp_path, _years(3, footnote_lines=8), _four_three(tmp_path))
    on = [n for n, slide in enumerate(prs.slides) if any(s.has_chart for s in slide.shapes)]
    assert len(prs.slides) == 2 and on == [1]
    assert not any(s.has_table for s in prs.slides[1].shapes)
    assert _charts(prs)[0].height >= CHART_MIN_HEIGHT * 12700


def test_a_bar_charts_value_axis_across_never_runs_its_labels_together():
    # On a 4:3 slide, "£1,000,000£1,250,000": six ticks of ten characters in a plot beside long names.
    from buyin_cli.render.pptx.chartfit import across_format

    money, ticks = '"£"#,##0', '"£"#,##0'
    names = ["Safe Starts, Every Shift", "Right First Time: Design-to-Site Reviews"]
    narrow = across_format(names, money, ticks, (0, 1_250_000, 250_000), 430, None)
    assert narrow != ticks and "M" in narrow.upper()
    assert across_format(names, money, ticks, (0, 1_250_000, 250_000), 1200, None) == ticks
    assert across_format(["A", "B"], money, ticks, (0, 800, 200), 300, None) == ticks  # short already


def test_a_percentage_axis_shows_the_decimals_its_step_has():
    # "30.0% … 70.0%" in steps of 10 shows decimals that mean nothing; steps of 2.5 need one.
    from buyin_cli.render.pptx.chartfit import percent_ticks

    level = '[$-809]#,##0.0"%";"−"#,##0.0"%"'
    assert percent_ticks(level, 10.0) == '[$-809]#,##0"%";"−"#,##0"%"'
    assert percent_ticks(level, 2.5) == level
    assert percent_ticks('[$-809]"£"#,##0;"−£"#,##0', 5.0) == '[$-809]"£"#,##0;"−£"#,##0'
    german = '[$-407]#,##0.00"\u00a0%";"−"#,##0.00"\u00a0%"'
    assert percent_ticks(german, 0.2) == '[$-407]#,##0.0"\u00a0%";"−"#,##0.0"\u00a0%"'


@pytest.mark.parametrize(("locale", "periods", "labels"), [
    ("en_GB", ["2026-01", "2026-03", "2027-01"], ["Jan\u00a026", "Mar", "Jan\u00a027"]),
    ("de_DE", ["2026-01", "2026-03"], ["Jan\u00a026", "Mär"]),
    ("en_GB", ["2026-Q1", "2026-Q2"], ["Q1\u00a02026", "Q2"]),
])
def test_a_time_axis_label_is_short_and_held_to_its_year(locale, periods, labels):
    # "Jan 2026" broke into "Jan / 2026" under a narrow (4:3) plot: the year is two digits on a
    # month and a no-break space holds it to its period.
    from buyin_cli.present.numbers import Formatter

    assert Formatter("GBP", locale).period_axis(periods) == labels


def test_a_label_held_by_a_no_break_space_turns_rather_than_breaks():
    from buyin_cli.render.pptx.chartfit import labels_turned

    months = ["Jan\u00a026", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert not labels_turned(months[:6], 300)  # six labels have room each
    assert labels_turned(months, 12 * 35)  # twelve do not: the held label turns whole (the last resort)
    assert not labels_turned(["Jan 2026", *months[1:]], 12 * 35)  # each word of it fits: LibreOffice would wrap it
