"""A chart's negatives read as the deck's text writes them: a true minus (−£4,000, −4.000 €),
and a negative bar's label under it, clear of the category names (docs/deck.md, Charts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from buyin_cli.render.pptx.locales import true_minus
from chart_invariants import hyphen_minus, names_on_negative_bars
from deck_helpers import outline_from, pdf_pages, save_deck, to_pdf

MINUS = "\u2212"


def _deck(tmp_path: Path, chart: dict[str, Any], language: str | None = None) -> Path:
    slide = {"layout": "Title Only", "title": "Over three years", "chart": chart, "notes": "n"}
    meta = {"meta": {"language": language}} if language else {}
    save_deck(outline_from({"continued": " (cont.)", **meta, "slides": [slide]}), tmp_path / "deck.pptx")
    return tmp_path / "deck.pptx"


def _chart(path: Path) -> Any:
    return next(s for s in Presentation(str(path)).slides[0].shapes if s.has_chart).chart


def _formats(chart: Any) -> set[str]:
    """Every number format in the chart: its labels', its axis', its cached values'."""
    space = chart._chartSpace
    return {e.get("formatCode") for e in space.iter(qn("c:numFmt"))} | {e.text for e in space.iter(qn("c:formatCode"))}


def _running_net(number_format: str, values: list[float]) -> dict[str, Any]:
    return {"kind": "column", "title": "Running net, by year", "categories": ["Year 1", "Year 2", "Year 3"],
            "number_format": number_format, "series": [{"name": "Running net", "role": "focus", "values": values}]}


def test_money_on_a_chart_writes_a_negative_with_the_texts_minus(tmp_path):
    chart = _chart(_deck(tmp_path, _running_net('"£"#,##0', [-4000, 6000, 12000])))
    assert _formats(chart) == {f'"£"#,##0;"{MINUS}£"#,##0'}  # −£4,000, as the table beside it says
    assert hyphen_minus(tmp_path / "deck.pptx") == []


def test_a_german_chart_keeps_its_locale_and_writes_the_same_minus(tmp_path):
    chart = _chart(_deck(tmp_path, _running_net('#,##0"\u00a0€"', [-37820.8, 62633.6, 136174.4]), "de-DE"))
    assert _formats(chart) == {f'[$-407]#,##0"\u00a0€";"{MINUS}"#,##0"\u00a0€"'}  # −37.821 €


@pytest.mark.parametrize(("given", "written"), [
    ("#,##0.00", f'#,##0.00;"{MINUS}"#,##0.00'),
    ('0"%"', f'0"%";"{MINUS}"0"%"'),
    ('[$-809]"£"#,##0.0,,"m"', f'[$-809]"£"#,##0.0,,"m";"{MINUS}£"#,##0.0,,"m"'),
    ('"£"#,##0;("£"#,##0)', '"£"#,##0;("£"#,##0)'),  # says how to write negatives already
])
def test_every_format_says_its_negatives_with_a_true_minus(given, written):
    assert true_minus(given) == written


def test_a_negative_bars_label_stands_under_it_and_the_category_names_under_the_plot(tmp_path):
    # On the zero line, "Year 1" ran into the negative bar and its label: the names go to the
    # foot of the plot, the label outside the bar's end, below it.
    chart = _chart(_deck(tmp_path, _running_net('"£"#,##0', [-37821, 62634, 136174])))
    assert chart.category_axis._element.find(qn("c:tickLblPos")).get("val") == "low"
    labels = chart.plots[0]._element.find(qn("c:dLbls"))
    assert labels.find(qn("c:dLblPos")).get("val") == "outEnd"
    assert chart.value_axis.minimum_scale < -37821
    assert names_on_negative_bars(tmp_path / "deck.pptx") == []


def test_the_category_names_of_bars_all_above_zero_stay_under_their_bars(tmp_path):
    chart = _chart(_deck(tmp_path, _running_net('"£"#,##0', [4000, 6000, 12000])))
    position = chart.category_axis._element.find(qn("c:tickLblPos"))
    assert position is None or position.get("val") != "low"


@pytest.mark.libreoffice
def test_libreoffice_writes_a_german_negative_as_the_table_does(tmp_path):
    deck = _deck(tmp_path, _running_net('#,##0"\u00a0€"', [-37820.8, 62633.6, 136174.4]), "de-DE")
    text = "".join(pdf_pages(to_pdf(deck, tmp_path))).replace("\u00a0", " ")
    assert f"{MINUS}37.821 €" in text and f"{MINUS}50.000 €" in text and "-37" not in text


def test_a_money_level_on_a_line_keeps_its_readings_decimals_and_money_bars_stay_whole(tmp_path):
    # An average receipt of £6.38 → £6.71 drawn as "£6 → £7" would hide the change the title states.
    line = {"kind": "line", "title": "Average receipt, £", "categories": ["Before", "After"],
            "number_format": '"£"#,##0', "series": [{"name": "Pilot", "role": "focus", "values": [6.38, 6.71]}]}
    (tmp_path / "line").mkdir()
    labels = {f for f in _formats(_chart(_deck(tmp_path / "line", line))) if "0.00" in f}
    assert labels and all(f.startswith('"£"#,##0.00;') for f in labels)
    (tmp_path / "bars").mkdir()
    bars = _formats(_chart(_deck(tmp_path / "bars", _running_net('"£"#,##0', [529972.48, 995356.1, 1342143.3]))))
    assert not any("0.0" in f for f in bars)


def test_a_share_on_an_evidence_chart_says_its_percent_sign(valid_data, tmp_path):
    # On-time deliveries, 90% → 94%: the axis and labels read "90%", never a bare "90" (nor Excel's own
    # %, which would multiply the readings by a hundred).
    from test_deck_holds import brief_and_read

    valid_data["metrics"][0].update(name="On-time deliveries", unit="% of deliveries on time", better="higher",
                                    baseline=88, target=97)
    valid_data["pilots"][0]["results"][0].update(before=90, after=94, control_before=90, control_after=91)
    assert brief_and_read(valid_data, tmp_path) == []
    deck = Presentation(str(tmp_path / "out" / "warehouse-manager-briefing.pptx"))
    charts = [s.chart for slide in deck.slides for s in slide.shapes if s.has_chart and s.chart.has_title
              and "On-time deliveries" in s.chart.chart_title.text_frame.text]
    formats = set().union(*(_formats(c) for c in charts))
    assert formats and all('"%"' in f for f in formats), formats
