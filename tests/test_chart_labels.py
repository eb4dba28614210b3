"""Lines' value labels drawn apart: close or flat lines' labels never on each other, and lines
whose labels would read the same labelled once (docs/deck.md, Charts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from buyin_cli.render.outline.model import Chart
from buyin_cli.render.pptx.chartlines import labelled_points
from chart_invariants import unlabelled_lines
from deck_helpers import SAMPLE, outline_from, save_deck


def _line(*values: list[float], number_format: str | None = None, names: list[str] | None = None) -> dict[str, Any]:
    names = names or ["Pilot", "Comparison", "Expected", "Other"][:len(values)]
    chart = {"kind": "line", "title": "On-time departures, %", "categories": ["Before", "After"],
             "series": [{"name": name, "values": list(v)} for name, v in zip(names, values)]}
    return {**chart, "number_format": number_format} if number_format else chart


def _positions(tmp_path: Path, chart: dict[str, Any]) -> dict[str, dict[int, str]]:
    """Each series' labelled points and where each label sits, read back from the saved deck."""
    slide = {"layout": "Title and Content", "title": "A chart", "chart": chart, "notes": "n"}
    save_deck(outline_from({**SAMPLE, "slides": [slide]}), tmp_path / "deck.pptx")
    frame = next(s for s in Presentation(str(tmp_path / "deck.pptx")).slides[0].shapes if s.has_chart)
    return {series.name: {int(d.find(qn("c:idx")).get("val")): d.find(qn("c:dLblPos")).get("val")
                          for d in series._element.findall(f"{qn('c:dLbls')}/{qn('c:dLbl')}")}
            for series in frame.chart.plots[0].series}


def test_two_close_lines_are_labelled_one_above_one_below(tmp_path):
    assert _positions(tmp_path, _line([79, 83], [80, 82])) == {
        "Pilot": {0: "b", 1: "t"}, "Comparison": {0: "t", 1: "b"}}


def test_three_close_lines_label_the_one_between_to_the_side(tmp_path):
    # Above and below are taken: the line between is labelled beside its point, after the last
    # point (right) and before the first (left), where no other label is.
    assert _positions(tmp_path, _line([80.2, 83.1], [80.1, 83.0], [80.0, 82.9])) == {
        "Pilot": {0: "t", 1: "t"}, "Comparison": {0: "l", 1: "r"}, "Expected": {0: "b", 1: "b"}}


def test_four_lines_label_the_two_between_outside_where_they_stand_apart(tmp_path):
    # Half a point apart on the plot, each label beside its point has room on the outer side,
    # where no line runs: before the first point, after the last.
    # (On a 4-7 axis, a template's own axis_min: a before-and-after line otherwise starts at zero.)
    chart = {**_line([5, 6.5], [5.5, 6], [6, 5.5], [6.5, 5], number_format="0.0"), "axis_min": 4}
    assert _positions(tmp_path, chart) == {
        "Pilot": {0: "b", 1: "t"}, "Comparison": {0: "l", 1: "r"}, "Expected": {0: "l", 1: "r"},
        "Other": {0: "t", 1: "b"}}


def test_two_labels_between_that_would_be_drawn_on_each_other_take_a_side_each(tmp_path):
    # 6.02 and 6.00 stand closer on the plot than a label is tall: the second goes inside.
    chart = {**_line([5, 7], [5.5, 6.02], [6, 6.0], [6.5, 5], number_format="0.00"), "axis_min": 4}
    assert _positions(tmp_path, chart) == {
        "Pilot": {0: "b", 1: "t"}, "Comparison": {0: "l", 1: "r"}, "Expected": {0: "l", 1: "l"},
        "Other": {0: "t", 1: "b"}}


def _at(code: str) -> Any:
    from pptx.enum.chart import XL_LABEL_POSITION

    return {"t": XL_LABEL_POSITION.ABOVE, "b": XL_LABEL_POSITION.BELOW, "r": XL_LABEL_POSITION.RIGHT,
            "l": XL_LABEL_POSITION.LEFT}[code]


def test_lines_whose_labels_read_the_same_share_one_label(tmp_path):
    # 79.96 and 80.04 both read "80": two labels "80" above and below would say two values; one says it.
    chart = _line([70, 79.96], [72, 80.04], number_format="0")
    assert _positions(tmp_path, chart) == {"Pilot": {0: "b", 1: "t"}, "Comparison": {0: "t"}}
    assert unlabelled_lines(tmp_path / "deck.pptx") == []


def test_a_target_the_line_reaches_keeps_its_own_label():
    # The same value, but not the same words: "396" and "Target 396" are both said, apart.
    chart = Chart.model_validate({"kind": "line", "title": "Complaints", "categories": ["Q1", "Q2", "Q3"],
                                  "series": [{"name": "Complaints", "values": [420, 404, 396]},
                                             {"name": "Target", "role": "target", "values": [396] * 3,
                                              "end_label": "Target 396"}]})
    assert labelled_points(chart) == {2: {0: _at("t"), 1: _at("b")}}
