"""Words that keep a figure with what it counts, and a slide apart from its neighbours: each test is the smallest
strategy that shows one finding of a cold review, in English and German (a gap to target said without its unit).
Every deck is read back against the invariants (deck_invariants.py) where they know the strategy's units."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from buyin_cli.present.language import translations
from conftest import dump, invoke
from deck_helpers import read_deck
from test_deck_holds import brief_and_read
from test_words_said_once import briefed_unheld

BRIEFING = "warehouse-manager-briefing"


def _titles(data: dict[str, Any], folder: Path, four_three: bool = False, held: bool = True) -> list[str]:
    """The slide titles of the strategy's one briefing, no-break spaces read as spaces; after every deck held its
    invariants, or (`held` false, for a unit the invariants do not read) checked and briefed without them."""
    if held:
        assert brief_and_read(data, folder, four_three) == []
    slides = read_deck(folder / "out" / f"{BRIEFING}.pptx") if held else briefed_unheld(data, folder)
    return [re.sub(r"[\u00a0\u202f]", " ", s["title"] or "") for s in slides]


def _metric(data: dict[str, Any], language: str, **fields: Any) -> None:
    data["metrics"][0].update(fields)
    if language == "de":
        data["locale"] = "de_DE"


@pytest.mark.parametrize(("language", "unit", "readings", "said"), [
    ("en", "errors, all halls", (42, 30, 25),
     "all halls: down from 42 to 30 errors a month, 5 errors above the target of 25"),
    ("de", "Fehler, alle Hallen", (42, 30, 25),
     "alle Hallen: gesunken von 42 auf 30 Fehler pro Monat, 5 Fehler über dem Ziel von 25"),
    ("en", "injuries per quarter", (9, 7, 4),
     "down from 9 to 7 injuries per quarter, 3 injuries above the target of 4"),
    ("de", "kg pro Woche, alle Filialen", (9600, 9300, 7700),
     "alle Filialen: gesunken von 9.600 auf 9.300 kg pro Woche, 1.600 kg über dem Ziel von 7.700"),
    ("en", "hours", (19, 17.5, 12), "down from 19.0 to 17.5 hours, 5.5 hours above the target of 12.0"),
    ("de", "€ je Bon", (6.8, 6.48, 6.1), "gesunken von 6,80 auf 6,48 € je Bon, 0,38 € über dem Ziel von 6,10"),
    ("en", "points out of 100", (92, 84, 76), "down from 92 to 84 out of 100, 8 points above the target of 76"),
    ("de", "Punkte von 100", (92, 84, 76), "gesunken von 92 auf 84 von 100, 8 Punkte über dem Ziel von 76"),
])
def test_a_gap_to_target_carries_its_unit(valid_data, tmp_path, language, unit, readings, said):
    # "5 above the target of 14", "0,42 unter dem Ziel von 6,90", "8 unter dem Ziel": the gap said no unit.
    baseline, actual, target = readings
    _metric(valid_data, language, unit=unit, baseline=baseline, actual=actual, target=target, per="month")
    valid_data["pilots"][0]["participants"] = 120  # the whole audience: the roll-out adds nothing the gap cannot hold
    valid_data["pilots"][0]["results"][0].update(before=baseline, after=actual, control_before=baseline,
                                                 control_after=baseline)
    titles = _titles(valid_data, tmp_path, held=False)
    assert any(t.endswith(said) for t in titles), titles


def _charts(data: dict[str, Any], folder: Path) -> list[str]:
    """The chart titles of the strategy's one briefing, checked and briefed (the invariants read no unit they did
    not make)."""
    _titles(data, folder, held=False)
    return [c["title"] for s in read_deck(folder / "out" / f"{BRIEFING}.pptx") for c in s["charts"] if c["title"]]


@pytest.mark.parametrize(("language", "name", "unit", "said"), [
    ("en", "Tickets reopened", "reopened tickets, all teams",
     ["Tickets reopened per month, all teams", "Tickets reopened per month"]),
    ("en", "Lost account", "accounts", ["Lost account per month"]),
    ("de", "Wieder geöffnete Tickets", "Ticket, alle Teams",
     ["Wieder geöffnete Tickets pro Monat, alle Teams", "Wieder geöffnete Tickets pro Monat"]),
])
def test_a_chart_title_says_the_unit_once_when_the_name_holds_its_words_in_another_order(
        valid_data, tmp_path, language, name, unit, said):
    # "Tickets reopened tickets per month": the name held the unit's noun, but not as the unit's first words.
    _metric(valid_data, language, name=name, unit=unit, per="month", actual=33)
    titles = _charts(valid_data, tmp_path)
    assert all(t in titles for t in said), titles
    assert not [t for t in titles if re.search(r"(?i)tickets? \w+ tickets?|account accounts", t)], titles


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", 'I now ask: "Anything else with that?" and mostly they say yes.',
     "“I now ask: ‘Anything else with that?’ and mostly they say yes.”"),
    ("en", "I now ask: “Anything else with that?” and mostly they say yes.",
     "“I now ask: ‘Anything else with that?’ and mostly they say yes.”"),
    ("de", "Ich frage jetzt einfach: „Darf's noch eine Brezel sein?“ – und meistens ja.",
     "„Ich frage jetzt einfach: ‚Darf's noch eine Brezel sein?‘ – und meistens ja.“"),
])
def test_a_quote_inside_a_quote_takes_the_secondary_marks(valid_data, tmp_path, language, text, said):
    # „Ich frage jetzt einfach: „Darf's …?“ – …“ nested the same marks.
    _metric(valid_data, language)
    valid_data["pilots"][0]["quotes"] = [{"text": text, "by": "Night-shift picker"}]
    valid_data["briefings"][0]["minutes"] = 45
    slides = read_deck(_briefed_deck(valid_data, tmp_path))
    texts = [t for s in slides for t in [s["title"] or ""] + s["texts"] + [b for _, b in s["body"]]]
    assert any(said in t for t in texts), [t for t in texts if "Brezel" in t or "Anything" in t]


def _briefed_deck(data: dict[str, Any], folder: Path) -> Path:
    """The deck of the strategy's one briefing, after every deck held its invariants."""
    assert brief_and_read(data, folder) == []
    return folder / "out" / f"{BRIEFING}.pptx"


def _two_pilots(data: dict[str, Any], language: str) -> dict[str, Any]:
    """Two initiatives, each piloted by a group with a long name; asks for time, which fund neither."""
    _metric(data, language, name={"en": "Picking errors that reach the customer as a return",
                                  "de": "Fehlgriffe mit Retoure durch den Kunden im Versand"}[language])
    first = data["pilots"][0]
    first["group"] = "Night shift pickers of Halls 2 and 3 at the Columbus warehouse and the Dayton cross-dock"
    data["initiatives"].append({**copy.deepcopy(data["initiatives"][0]), "id": "label-check", "title": "Label Twice"})
    data["pilots"].append({**copy.deepcopy(first), "id": "label-pilot", "initiative": "label-check",
                           "group": "Day shift pickers of Halls 4 and 5 at the Columbus warehouse and the Dayton "
                                    "cross-dock"})
    data["pilots"][1]["results"][0].update(after=34)
    data["briefings"][0].update(minutes=45, asks=["Release two hours a picker in January",
                                                  "Name a coach for each hall"])
    return data


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("credits_all", [False, True])
def test_short_titles_tell_the_pilots_apart_and_keep_whom_they_credit(valid_data, tmp_path, language, credits_all):
    # Three pilots all titled "Die Pilotgruppe: …" on 4:3; the shortest credit title dropped the change and the
    # initiative.
    data = _two_pilots(valid_data, language)
    if credits_all:  # no comparison group, isolation or confidence: the title credits all, and names no initiative
        for pilot in data["pilots"]:  # each error valued for a group the pilot's size: no scale-up past the baseline
            pilot["accept"] = {"W317": "Each error is valued for a group the pilot's size."}
            for key in ("control_before", "control_after", "isolation", "confidence"):
                pilot["results"][0].pop(key)
    titles = _titles(data, tmp_path, four_three=True, held=not credits_all)
    assert not [t for t in titles if t.startswith(("The pilot group", "Die Pilotgruppe"))], titles
    # Each pilot's slide names its group or its initiative.
    for pilot, name in zip(data["pilots"], ("Pick Right", "Label Twice")):
        assert any((name in t or pilot["group"] in t) and "%" in t for t in titles), (name, titles)
    assert not [t for t in titles if re.search(r"(credited to the learning|der Weiterbildung rechnen wir [^;]* zu)$", t)
                and not re.search(r"[+−]\d", t)], titles


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_decision_for_time_says_what_the_pilots_showed(valid_data, tmp_path, language):
    # "Drei Entscheidungen für heute, um auf dem aufzubauen, was der Pilot gezeigt hat": three pilots, and no point.
    decision = _titles(_two_pilots(valid_data, language), tmp_path, four_three=True)[1]
    assert "Picking errors" in decision or "Fehlgriffe" in decision or "picking errors" in decision, decision
    words = translations(language)
    assert words.gettext("%(decisions)s today, to build on what the pilots showed") % {
        "decisions": {"en": "Three decisions", "de": "Drei Entscheidungen"}[language]} in (
        "Three decisions today, to build on what the pilots showed",
        "Drei Entscheidungen für heute, um auf dem aufzubauen, was die Piloten gezeigt haben")


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_sponsor_in_the_room_is_not_invited(valid_data, tmp_path, language):
    # "Zur Unterstützung eingeladen: Markus Pfeiffer", who sat in the meeting's own audience.
    from test_deck_holds import deck_and_points

    _metric(valid_data, language)
    valid_data["stakeholders"][0]["name"] = "Board: Tanya Brooks, Ana Silva"
    valid_data["briefings"][0]["minutes"] = 45
    _, points = deck_and_points(valid_data, tmp_path)
    words = translations(language)
    invited = words.gettext("Sponsor invited: %(name)s, %(role)s")
    in_the_room = words.gettext("Sponsor in the room: agree beforehand what %(name)s will say in support")
    assert invited % {"name": "Ana Silva", "role": "Chief Operating Officer"} not in points
    assert in_the_room % {"name": "Ana Silva"} in points


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_cost_with_no_amount_per_person_says_nothing_is_multiplied(valid_data, tmp_path, language):
    # "Beträge pro Person sind mit den 520 … multipliziert" beside costs that were all one-off.
    _metric(valid_data, language)
    slides = read_deck(_briefed_deck(valid_data, tmp_path))
    notes = " ".join(s["notes"] for s in slides)
    assert "Say the total" in notes or "Nennen Sie die Summe" in notes, notes
    assert not re.search("Per-participant|pro Person", notes), notes
    valid_data["initiatives"][0]["costs"].append({"item": "Trainer", "amount": 40, "kind": "per-participant"})
    slides = read_deck(_briefed_deck(valid_data, tmp_path))
    assert re.search("Per-participant amounts are multiplied|Beträge pro Person", " ".join(s["notes"] for s in slides))


@pytest.mark.parametrize(("language", "unit", "said"), [
    ("de", "€ je Bon", "gestiegen von 6,40 auf 6,48\u00a0€ je Bon"),
    ("en", "kg a week", "up from 6.40 to 6.48\u00a0kg a week"),
])
def test_a_figure_keeps_its_units_symbol_on_its_line(valid_data, tmp_path, language, unit, said):
    # A narrow title broke between "6,48" and "€ je Bon": a no-break space holds a figure to its unit's symbol.
    _metric(valid_data, language, unit=unit, baseline=6.4, actual=6.48, target=6.9, better="higher")
    valid_data["pilots"][0]["participants"] = 120
    valid_data["pilots"][0]["results"][0].update(before=6.4, after=6.48, control_before=6.4, control_after=6.4)
    path = tmp_path / "s.yaml"
    path.write_text(dump(valid_data), encoding="utf-8")
    assert invoke(["brief", str(path), "-o", str(tmp_path / "out")]).exit_code == 0
    titles = [s["title"] or "" for s in read_deck(tmp_path / "out" / f"{BRIEFING}.pptx")]
    assert any(said in t for t in titles), titles
