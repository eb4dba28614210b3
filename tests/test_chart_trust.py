"""A chart a finance reader trusts: its data as meant, its labels as precise as its readings,
a trend's projection drawn, its marks and legends clear of each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from buyin_cli.render.pptx.chartlines import labelled_points, plot_box
from chart_invariants import noisy_values, rounded_labels, unlabelled_lines
from deck_helpers import SAMPLE, outline_from, save_deck


def _deck(tmp_path: Path, chart: dict[str, Any]) -> Path:
    slide = {"layout": "Title and Content", "title": "A chart", "chart": chart, "notes": "n"}
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx")
    return tmp_path / "deck.pptx"


def _chart(path: Path) -> Any:
    return next(s for s in Presentation(str(path)).slides[0].shapes if s.has_chart)


def test_values_are_written_as_meant_without_float_noise(tmp_path) -> None:
    noisy = {"kind": "clustered_column", "title": "Running net", "categories": ["Year 1", "Year 2"],
             "series": [{"name": "Net", "values": [179816.00000000017, 0.1 + 0.2]}]}
    deck = _deck(tmp_path, noisy)
    assert list(_chart(deck).chart.plots[0].series[0].values) == [179816.0, 0.3]
    assert noisy_values(deck) == []


def test_the_invariant_finds_float_noise(tmp_path, monkeypatch) -> None:
    from buyin_cli.render.pptx import charts

    monkeypatch.setattr(charts, "meant", lambda v: v)
    deck = _deck(tmp_path, {"kind": "column", "title": "Net", "categories": ["Year 1"],
                            "series": [{"name": "Net", "values": [179816.00000000017]}]})
    assert noisy_values(deck) == ["slide 1: 179816.00000000017 in 'Net'"]


def test_labels_show_as_many_decimals_as_the_readings_have(tmp_path) -> None:
    # A score out of 5: the comparison group's 4.15 is labelled "4.15", as the notes say it, not "4.2".
    chart = {"kind": "line", "title": "Guest rating, points out of 5", "categories": ["Before", "After"],
             "series": [{"name": "Pilot", "values": [4.1, 4.3]}, {"name": "Comparison", "values": [4.1, 4.15]}]}
    deck = _deck(tmp_path, chart)
    formats = {s._element.find(".//{*}dLbls/{*}numFmt").get("formatCode") for s in _chart(deck).chart.plots[0].series}
    assert formats == {'#,##0.00;"−"#,##0.00'}
    assert rounded_labels(deck) == []


def test_the_invariant_finds_a_label_rounding_its_reading(tmp_path) -> None:
    chart = {"kind": "line", "title": "Rating", "categories": ["Before", "After"], "number_format": "#,##0.0",
             "series": [{"name": "Pilot", "values": [4.1, 4.15]}]}
    assert rounded_labels(_deck(tmp_path, chart)) == ["slide 1: 'Pilot' labelled '#,##0.0', readings with 2 decimals"]


def test_a_bar_charts_legend_reads_in_the_order_of_its_bars(tmp_path) -> None:
    chart = {"kind": "clustered_bar", "title": "Benefit a year against cost in year one",
             "categories": ["Check, Count, Confirm", "Counter Coaching"],
             "series": [{"name": "Benefit a year", "values": [871297.6, 420000]},
                        {"name": "Cost, year one", "values": [244710, 74000]}]}
    plot = _chart(_deck(tmp_path, chart)).chart
    # Drawn from the bottom up on an axis not reversed: the first category and series on top, and
    # the legend, listed from the bottom bar up, names the benefit first too.
    assert not plot.category_axis.reverse_order
    assert list(plot.plots[0].categories) == ["Counter Coaching", "Check, Count, Confirm"]
    assert [s.name for s in plot.plots[0].series] == ["Cost, year one", "Benefit a year"]
    assert list(plot.plots[0].series[1].values) == [420000, 871297.6]


def test_a_projection_from_where_the_pilot_began_shares_its_label_there(tmp_path) -> None:
    from buyin_cli.render.outline.model import Chart

    chart = {"kind": "line", "title": "Check-in wait, minutes", "categories": ["Before", "After"],
             "series": [{"name": "Pilot", "values": [8.2, 5.9]},
                        {"name": "Expected on the pre-pilot trend", "role": "expected", "values": [8.2, 7.9]}]}
    points = labelled_points(Chart.model_validate(chart))
    assert {p: sorted(where) for p, where in points.items()} == {0: [0], 1: [0, 1]}
    deck = _deck(tmp_path, chart)
    assert unlabelled_lines(deck) == []
    projection = _chart(deck).chart.plots[0].series[1]
    assert projection.format.line.dash_style is not None  # dashed: what would have happened anyway


def test_a_marks_label_sits_under_the_legend_and_above_the_plot(tmp_path) -> None:
    from buyin_cli.render.outline.model import Chart

    chart = {"kind": "line", "title": "Upsell revenue at the front desk, € a month, all hotels",
             "categories": ["Q1 2026", "Q2", "Q3"],
             "series": [{"name": "Upsell revenue at the front desk", "values": [181000, 184000, 190000]},
                        {"name": "Target", "role": "target", "values": [230000] * 3, "end_label": "Target 230,000"}],
             "marks": [{"label": "Pilot: six city hotels, region south", "start": 1, "end": 2}]}
    deck = _deck(tmp_path, chart)
    frame = _chart(deck)
    legend = frame.chart._chartSpace.chart.find(".//{*}legend/{*}layout/{*}manualLayout")
    legend_bottom = float(legend.find("{*}y").get("val")) + float(legend.find("{*}h").get("val"))
    _, top, _, _ = plot_box(Chart.model_validate(chart), Emu(frame.width).pt, Emu(frame.height).pt, False)
    (label,) = [s for s in Presentation(str(deck)).slides[0].shapes
                if s.has_text_frame and s.text_frame.text.startswith("Pilot:")]
    assert frame.top + legend_bottom * frame.height <= label.top + 1
    assert label.top + label.height <= frame.top + top * frame.height + 1


def test_several_marks_are_numbered_so_each_label_names_its_own_rule(tmp_path) -> None:
    chart = {"kind": "line", "title": "Lost-time injuries per quarter", "categories": ["Q1", "Q2", "Q3", "Q4"],
             "series": [{"name": "Lost-time injuries", "values": [15, 14, 12, 13]}],
             "marks": [{"label": "Pilot: Dublin DC, all shifts", "start": 1, "end": 3},
                       {"label": "Pilot: Galway DC, all shifts", "start": 2, "end": 3}]}
    shapes = list(Presentation(str(_deck(tmp_path, chart))).slides[0].shapes)
    texts = [s.text_frame.text for s in shapes if s.has_text_frame and s.text_frame.text]
    assert "1  Pilot: Dublin DC, all shifts" in texts and "2  Pilot: Galway DC, all shifts" in texts
    tags = [s for s in shapes if not s.is_placeholder and s.has_text_frame and s.text_frame.text in ("1", "2")]
    rules = [s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.LINE and s.width == 0]
    assert sorted(t.text_frame.text for t in tags) == ["1", "2"]
    assert sorted(r.left for r in rules) == sorted(t.left - Pt(3) for t in tags)
    # No theme style on a rule: its shadow would read as a second line beside it.
    assert all(r._element.find(qn("p:style")) is None for r in rules)
