"""German sentences set the names a trainer writes where no article or case is needed: a group, a
metric, a stakeholder or an initiative is capitalised text whose gender and case we cannot know, so
it stands after a colon, as a label, as a subject or quoted as a title, never after "bei" or "für"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from buyin_cli.present.language import translations
from deck_helpers import read_deck
from test_deck_holds import brief_and_read

DECK = "warehouse-manager-briefing"
CATALOGUE = Path(__file__).parents[1] / "src/buyin_cli/translations/de/LC_MESSAGES/buyin.po"
# Placeholders that hold a name someone wrote (`whom` is a person's, which may follow "für"; a group's is `group`).
NAMES = ("group", "control", "metric", "metrics", "learning", "rollout", "audiences", "initiative", "title", "name")
BEFORE = re.compile(r"\b(?:bei|beim|für|von|vom|mit|zu|zum|zur|an|am|auf|aus|im|nach|vor|durch|ohne|gegen|seit|"
                    r"der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|jedes|jeder)\s+%\(("
                    + "|".join(NAMES) + r")\)s", re.IGNORECASE)


def test_no_german_sentence_declines_a_name_someone_wrote():
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    glued = [(m.id, s) for m in catalogue if m.id for s in ([m.string] if isinstance(m.string, str) else m.string)
             if BEFORE.search(s or "")]
    assert glued == []


def _german(data: dict[str, Any], folder: Path) -> list[dict[str, Any]]:
    data["locale"] = "de_DE"
    data["metrics"][0]["name"] = "Fehlerhafte Kommissionierungen"
    data["pilots"][0].update(group="Nachtschicht Halle 2", control_group="Tagschicht Halle 3")
    assert brief_and_read(data, folder) == []
    return read_deck(folder / "out" / f"{DECK}.pptx")


def test_a_german_result_names_its_comparison_group_as_a_label_and_quotes_its_initiative(valid_data, tmp_path):
    notes = re.sub(r"[\u00a0\u202f]", " ", " ".join(s["notes"] for s in _german(valid_data, tmp_path)))
    # The whole result, said once in the decision's notes: no "bei Tagschicht Halle 3", no "Pick Right zugerechnet: …".
    assert ("Nachtschicht Halle 2: Fehlerhafte Kommissionierungen um 25 % gesenkt; zum Vergleich Tagschicht Halle 3: "
            "um 2 %; „Pick Right“ zugerechnet: −16 %") in notes, notes


def test_the_shortest_german_result_title_keeps_its_metric_and_change():
    words = translations("de")
    assert words.gettext("%(metric)s in the pilot: down %(change)s") % {"metric": "Wartezeit", "change": "39 %"} == (
        "Wartezeit im Pilotprojekt: um 39 % gesunken")
    # The learning's share before the learning: "15 % der Weiterbildung" would read as 15% of the training.
    assert words.gettext("; we credit the learning with %(credited)s") % {"credited": "15 %"} == (
        "; der Weiterbildung rechnen wir 15 % zu")


def test_a_german_result_without_a_comparison_names_its_metric_in_brackets(valid_data, tmp_path):
    valid_data["metrics"].append({"id": "rework", "name": "Durchschnittliche Nacharbeit", "unit": "Minuten",
                                  "better": "lower", "baseline": 30, "target": 20, "value_per_unit": 2})
    valid_data["objectives"][0]["metrics"].append("rework")
    valid_data["pilots"][0]["results"].append({"metric": "rework", "per": "month", "before": 30, "after": 24,
                                               "isolation": 0.5, "confidence": 0.8})
    said = " ".join(" ".join(s["texts"]) + " " + s["notes"] for s in _german(valid_data, tmp_path))
    assert "Keine Vergleichsgruppe (Durchschnittliche Nacharbeit): Wir rechnen der Weiterbildung 50" in said, said
    assert "Es gab keine Vergleichsgruppe (Durchschnittliche Nacharbeit), daher" in said, said
    assert not re.search(r"\b(?:bei|für|Für) Durchschnittliche", said), said


def test_a_german_group_is_named_as_a_label_on_the_cover_and_in_the_talking_points(valid_data, tmp_path):
    valid_data["stakeholders"][0].update(name="Runde der Schichtleitungen", role="Schichtleitungen aller Hallen")
    cover = _german(valid_data, tmp_path)[0]
    points = (tmp_path / "out" / f"{DECK}.md").read_text("utf-8")
    assert cover["subtitle"].startswith(
        "Entscheidungsvorlage · Runde der Schichtleitungen (Schichtleitungen aller Hallen)"), cover["subtitle"]
    assert "**Für: Runde der Schichtleitungen**" in points


def test_the_last_title_form_of_a_credited_result_keeps_its_metric():
    # "The pilot group: 8 points credited to the learning" lost what was measured.
    words = translations("de")
    assert words.gettext("%(metric)s: %(credited)s credited to the learning") % {
        "metric": "Termintreue", "credited": "8,3 Prozentpunkte"} == (
        "Termintreue: 8,3 Prozentpunkte rechnen wir der Weiterbildung zu")
