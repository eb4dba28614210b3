"""Charts keep a readable plot: the layout gives them room, never a word cut (docs/deck.md, Charts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx import Presentation

from chart_invariants import short_charts
from deck_helpers import outline_from, save_deck

WHO = "Pilotgruppe: Linie 3, alle drei Schichten, 40 Personen, 3. März 2025 bis 28. Juli 2025."
CAVEAT = "Keine Vergleichsgruppe (Bearbeitungszeit): Wir rechnen der Weiterbildung 80 % der Veränderung zu."
REASONS = " ".join(["Ungewöhnlich hohe Rendite: eine Obergrenze, bis der Rollout sie bestätigt."] * 5)
FLOW = [{"label": label, "value": "3,5 / 5"} for label in ("Reaktion", "Lernen", "Anwendung", "Wirkung", "ROI")]


def _deck(slides: list[dict[str, Any]], folder: Path, four_three: bool = False) -> Path:
    path, template = folder / "deck.pptx", None
    if four_three:
        template = folder / "four-three.pptx"
        Presentation().save(str(template))
    outline = {"meta": {"language": "de-DE"}, "continued": " (Forts.)", "slides": [{"notes": "n", **s} for s in slides]}
    save_deck(outline_from(outline), path, template)
    return path


def _two_charts() -> list[dict[str, Any]]:
    return [{"kind": "line", "title": "Bearbeitungszeit, Sekunden je Anruf", "categories": ["Vorher", "Nachher"],
             "series": [{"name": "Linie 3, alle drei Schichten", "values": [308, 251]}], "source": "Quelle: CRM"},
            {"kind": "line", "title": "Fehlkommissionierungen, Fehler je 10.000 Zeilen",
             "categories": ["Vorher", "Nachher"],
             "series": [{"name": "Linie 3, alle drei Schichten", "values": [31.8, 27.3]},
                        {"name": "Frühschicht", "values": [31.8, 30.5]}], "source": "Quelle: CRM"}]


def test_two_charts_under_a_flow_keep_their_plot_and_who_took_part_stays_under_them(tmp_path):
    # Two charts side by side, the second with a two-line title and a legend, under a chain of
    # impact and over a four-line footnote: the chain takes its least height and the footnote
    # its shortest form, who took part; the whole of it is said from the notes, once.
    footnote = f"{WHO} {CAVEAT} {REASONS}"
    path = _deck([{"layout": "Title and Content", "title": "Linie 3, alle drei Schichten: Bearbeitungszeit um 19 % "
                   "gesunken; der Weiterbildung rechnen wir 12 % zu", "flow": FLOW, "charts": _two_charts(),
                   "footnote": footnote, "short_footnote": [f"{WHO} {CAVEAT}", WHO]}], tmp_path)
    assert short_charts(path) == []
    slide = Presentation(str(path)).slides[0]
    shown = [s.text_frame.text for s in slide.shapes if s.has_text_frame and not s.is_placeholder]
    assert any(text.startswith(WHO) for text in shown) and not any(REASONS in text for text in shown)


def test_who_took_part_stays_under_the_charts_when_even_the_caveats_leave_no_room(tmp_path):
    caveats = " ".join([CAVEAT] * 7)
    footnote = f"{WHO} {caveats} {REASONS}"
    path = _deck([{"layout": "Title and Content", "title": "Linie 3, alle drei Schichten: Bearbeitungszeit um 19 % "
                   "gesunken; der Weiterbildung rechnen wir 12 % zu", "flow": FLOW, "charts": _two_charts(),
                   "footnote": footnote, "short_footnote": [f"{WHO} {caveats}", WHO]}], tmp_path)
    assert short_charts(path) == []
    slide = Presentation(str(path)).slides[0]
    assert WHO in [s.text_frame.text for s in slide.shapes if s.has_text_frame and not s.is_placeholder]
    assert slide.notes_slide.notes_text_frame.text.count(footnote) == 1
    assert slide.notes_slide.notes_text_frame.text.count(footnote) == 1
    assert sum(s.has_chart for s in slide.shapes) == 2


def test_charts_whose_titles_wrap_are_measured_as_they_wrap(tmp_path):
    # A renderer wraps a chart's title at most of the frame's width, not all of it: a title of
    # two lines takes its second line from the plot unless the layout counts it.
    path = _deck([{"layout": "Title and Content", "title": "Fehlkommissionierungen", "flow": FLOW,
                   "charts": _two_charts(), "footnote": f"{WHO} {CAVEAT} {REASONS}", "short_footnote": WHO}], tmp_path)
    assert short_charts(path) == []
    frames = [s for s in Presentation(str(path)).slides[0].shapes if s.has_chart]
    assert len(frames) == 2 and all(f.height >= frames[0].height for f in frames)


def test_a_chart_under_a_table_is_not_squashed_flat(tmp_path):
    # The years: a table of four rows and the running net's three columns under it. Across a
    # 16:9 slide a 2-inch frame read squashed flat: the chart keeps 1/FLATTEST of its width in
    # height under the table; on 4:3, where the table leaves less, it takes a page of its own.
    from buyin_cli.render.pptx.paging import FLATTEST, UNDER_TABLE

    table = {"columns": ["Year", "Benefit", "Cost", "Running net", "Net in today's money"],
             "align": ["left"] + ["right"] * 4,
             "rows": [["Year 1 (the headline)", "£268,212", "£96,440", "£171,772", "£171,772"],
                      ["Year 2", "£160,927", "£8,000", "£324,699", "£139,025"],
                      ["Year 3", "£96,557", "£8,000", "£413,256", "£73,187"]],
             "total": ["3 years", "£525,696", "£112,440", "£413,256", "£383,984"]}
    chart = {"kind": "column", "title": "Running net in today's money, by year",
             "categories": ["Year 1", "Year 2", "Year 3"],
             "series": [{"name": "Net", "values": [171772, 310797, 383984]}]}
    for four_three in (False, True):
        path = _deck([{"layout": "Title Only", "title": "Three years", "table": table, "chart": chart,
                       "footnote": "The headline is the first year. Net present value at a discount rate of 10%."}],
                     tmp_path, four_three)
        frames = [s for slide in Presentation(str(path)).slides for s in slide.shapes if s.has_chart]
        (frame,) = frames
        assert frame.height / 12700 >= max(UNDER_TABLE, frame.width / 12700 / FLATTEST), four_three
        # On 16:9 the table reads smaller to leave it that, on the one slide.
        assert len(Presentation(str(path)).slides) == 1 + four_three
