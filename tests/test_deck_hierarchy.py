"""The deck's type hierarchy: what matters never reads smaller than what frames it."""

from __future__ import annotations

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from buyin_cli.present.numbers import Formatter
from chart_invariants import short_charts
from deck_helpers import read_deck
from deck_invariants import long_titles
from test_deck_holds import brief_and_read
from test_deck_layout import CALLOUTS, _body, _deck


def test_points_under_a_heading_read_as_large_as_the_bullets_beside_it(tmp_path):
    # Slide 2: the asks stand under "What we ask you to decide"; the evidence line beside
    # them must not read larger than they do.
    body = [{"text": "Scrap: today's gap to target costs £388,960 a year", "detail": True},
            {"text": "What we ask you to decide", "bold": True, "detail": True},
            {"text": "Approve the roll-out of Pick Right to all 120 staff", "level": 1},
            {"text": "$4,000 in year one brings $421,200 a year", "level": 2},
            {"text": "Evidence: Line 3 cut scrap 20% while Line 2 fell 4%", "detail": True}]
    path = _deck([{"layout": "Title and Content", "whole": True, "title": "$4,000 brings $421,200 a year",
                   "callouts": CALLOUTS, "body": body}], tmp_path)
    sizes = {p.text: p.runs[0].font.size.pt for p in _body(path).paragraphs}
    ask, money, evidence = (sizes[b["text"]] for b in body[2:])
    assert ask == sizes[body[1]["text"]] >= evidence, sizes
    assert ask > money, sizes  # a point under an ask still steps down


def test_the_big_numbers_labels_share_one_size(tmp_path):
    path = _deck([{"layout": "Title and Content", "title": "£189,000 brings £427,000 a year",
                   "callouts": CALLOUTS, "body": ["Approve the roll-out to all 240 operators"]}],
                 tmp_path, four_three=True)
    slide = Presentation(str(path)).slides[0]
    labels = {s.text_frame.paragraphs[0].runs[0].font.size.pt for s in slide.shapes
              if not s.is_placeholder and s.has_text_frame and s.text_frame.text in [c["label"] for c in CALLOUTS]}
    assert len(labels) == 1, labels


QUESTION = "Was wäre es Ihnen wert, wenn jede Abteilungsleitung wüsste, wer im Team ans Gehen denkt?"


def test_the_opening_question_stands_whole_and_numbered_on_a_swapped_section_header(tmp_path):
    # python-pptx's 4:3 section header is swapped for the title layout; the question is too long
    # for two lines of its centre title at 20 pt, so it took "Your questions" and lost its footer.
    path = _deck([{"layout": "Title Slide", "title": "Kestrel"},
                  {"layout": "Section Header", "title": QUESTION, "short_title": "Ihre Fragen",
                   "subtitle": "Fragen und Diskussion"}], tmp_path, four_three=True)
    slide = Presentation(str(path)).slides[1]
    assert slide.shapes.title.text_frame.text == QUESTION
    assert slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt >= 24
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "Kestrel" in texts and any(s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
                                      for s in slide.shapes), texts
    assert long_titles(path) == []
    cover = Presentation(str(path)).slides[0]
    assert cover.shapes.title.text_frame.text == "Kestrel" and len(list(cover.shapes)) == 1


def test_a_short_text_set_large_never_reads_larger_than_its_title(tmp_path):
    # The showcase on 4:3: a long title at 25 pt over a two-line statement set at 32 pt.
    title = "So sieht es aus – Checkliste Doppelzimmer Superior, auf dem Tablet am Etagenwagen"
    path = _deck([{"layout": "Section Header", "title": title,
                   "body": ["Live-Demo: zwei Minuten aus dem Kurs, aufgebaut auf dem, was Ihre Leute brauchen"],
                   "link": {"text": "Kurs öffnen", "url": "https://example.org/kurs"}}], tmp_path, four_three=True)
    slide = Presentation(str(path)).slides[0]
    heading = slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt
    body = [r.font.size.pt for p in _body(path).paragraphs for r in p.runs]
    assert body and max(body) <= heading, (heading, body)


def test_a_sponsors_long_target_takes_a_shorter_title_its_date_whole_on_four_three(valid_data, tmp_path):
    # A long name and roll-out left even the title without the sponsor's role three lines long
    # at 20 pt on 4:3, parting "Q4" from "2025".
    valid_data["sponsor"].update(name="Klaus-Peter Brandt", role="Chairman of the Executive Board")
    valid_data["initiatives"][0]["title"] = "Pick Right First Time"
    assert brief_and_read(valid_data, tmp_path, four_three=True) == []  # no title over two lines
    deck = read_deck(tmp_path / "out" / "warehouse-manager-briefing.pptx")
    title = next(s["title"] for s in deck if s["title"].startswith("Klaus-Peter"))
    assert title.endswith("by Q4\u00a02025"), title


def test_a_period_keeps_its_year_on_its_line():
    fmt = Formatter("EUR", "de_DE")
    assert fmt.period("2027-Q2") == "Q2\u00a02027" and fmt.period("2026-06") == "Juni\u00a02026"
    assert fmt.period("Spring intake") == "Spring intake"  # a period written freely stays as written


FOOT = ("Pilotgruppe: Hotels Augsburg, Regensburg, Passau und Landshut, 64 Personen, 4. Mai 2026 bis "
        "25. September 2026; Vergleichsgruppe: Hotels Würzburg, Bamberg und Erlangen. Von Anteil, Punktwert "
        "oder Dauer hochgerechnet: Ein Prozentpunkt ist 1.800 € im Monat für vier Hotels wie die des "
        "Piloten wert; der Rollout umfasst rund zehn solche Gruppen von Hotels. Außerdem beobachtet, aber "
        "nicht in Geld bewertet: Weniger Reibung zwischen Rezeption und Housekeeping bei Reklamationen.")


def test_a_chart_under_a_flow_and_over_a_long_footnote_keeps_a_readable_plot(tmp_path):
    # An evidence slide on 4:3: the chain of impact above, five lines of footnote under the
    # chart, which kept a 2-inch frame but only half an inch of plot under its title and legend.
    steps = [{"label": label, "value": value} for label, value in (
        ("Reaktion", "4,4 / 5"), ("Lernen", "58 % → 86 %"), ("Anwendung", "62 % → 91 %"),
        ("Wirkung", "−2,7 Prozentpunkte"), ("ROI im Pilotprojekt", "156,4 %"))]
    chart = {"kind": "line", "title": "Nachreinigungsquote, %", "categories": ["Vorher", "Nachher"],
             "series": [{"name": "Hotels Augsburg, Regensburg, Passau und Landshut", "values": [6.8, 4.1]},
                        {"name": "Hotels Würzburg, Bamberg und Erlangen", "values": [6.6, 6.2]}],
             "source": "Quelle: Housekeeping-Modul des PMS"}
    path = _deck([{"layout": "Title and Content", "title": "Die Pilotgruppe: 1,5 Prozentpunkte zugerechnet",
                   "flow": steps, "chart": chart, "footnote": FOOT}], tmp_path, four_three=True)
    assert short_charts(path) == []
    slide = Presentation(str(path)).slides[0]
    texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert FOOT in slide.notes_slide.notes_text_frame.text or FOOT in texts  # said, never cut
    assert "−2,7 Prozentpunkte" in texts and "ROI im Pilotprojekt" in texts
