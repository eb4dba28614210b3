"""Words that say one thing once and where it belongs: each test is the smallest strategy that shows
one finding of a cold review, in English and German (a pilot's return labelled as its roll-out's, a
chart title that says the unit's words twice, an initiative's name unquoted mid-sentence in German, a
unit's scope glued before the verb, a name with a comma joined to its role by another comma). Every
deck is also read back against the invariants (deck_invariants.py)."""

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

BRIEFING = "warehouse-manager-briefing"
ROLL_OUT_LOSES = {"en": "The ROI shown is the pilot's; its roll-out would not pay back in year one.",
                  "de": "Der gezeigte ROI ist der des Pilotprojekts; "
                        "der Rollout würde sich im ersten Jahr nicht amortisieren."}


def _slides(data: dict[str, Any], folder: Path, four_three: bool = False) -> list[dict[str, Any]]:
    """The slides of the strategy's one briefing, after every deck held its invariants."""
    for pilot in data["pilots"]:  # the rate is valued per pilot-sized group: no W317 caveat
        pilot.setdefault("accept", {"W317": "Each error is valued for a group the pilot's size."})
    assert brief_and_read(data, folder, four_three=four_three) == []
    return read_deck(folder / "out" / f"{BRIEFING}.pptx")


def briefed_unheld(data: dict[str, Any], folder: Path) -> list[dict[str, Any]]:
    """The slides of a strategy whose unit the invariants do not know (they read any unit they did not make
    as a level, which never says a period): checked and briefed without them."""
    path = folder / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    assert invoke(["check", str(path)]).exit_code == 0
    briefed = invoke(["brief", str(path), "-o", str(folder / "out")])
    assert briefed.exit_code == 0, briefed.output
    return read_deck(folder / "out" / f"{BRIEFING}.pptx")


def _said(slides: list[dict[str, Any]]) -> list[str]:
    """Every text on the slides, the non-breaking spaces of German figures read as spaces."""
    return [re.sub(r"[\u00a0\u202f\u2060]", " ", t) for s in slides for t in s["texts"] + [s["title"] or ""]]


def _roll_out_loses(data: dict[str, Any], language: str) -> None:
    """The pilot paid back ($1,000 for $2,333 a year); its roll-out ($20,000 for $14,000) would not (W316)."""
    data["pilots"][0]["cost"] = 1000
    data["initiatives"][0]["costs"][0]["amount"] = 20000
    data["briefings"][0]["minutes"] = 45
    if language == "de":
        data["locale"] = "de_DE"


def _chain_of_impact(language: str, folder: Path, data: dict[str, Any], four_three: bool) -> None:
    _roll_out_loses(data, language)
    said = _said(_slides(data, folder, four_three))
    roi = next(t for t in said if t.endswith(("133%", "133 %")))
    # The box names the pilot's return, whatever its width; the roll-out's shortfall is never its label.
    assert roi.split("\n")[0] == {"en": "ROI in the pilot", "de": "ROI im Pilotprojekt"}[language], roi
    assert not re.search(r"roll-?out", roi, re.IGNORECASE), roi
    assert any(ROLL_OUT_LOSES[language] in t for t in said), said


def test_a_pilots_return_is_the_pilots_and_its_roll_outs_loss_is_said_apart(valid_data, tmp_path):
    _chain_of_impact("en", tmp_path, valid_data, four_three=False)


def test_a_narrow_pilots_return_is_the_pilots_too(valid_data, tmp_path):
    _chain_of_impact("en", tmp_path, valid_data, four_three=True)


def test_a_german_pilots_return_is_the_pilots_and_its_roll_outs_loss_is_said_apart(valid_data, tmp_path):
    _chain_of_impact("de", tmp_path, valid_data, four_three=True)


def _metric_says_its_unit(data: dict[str, Any], name: str, unit: str) -> None:
    data["metrics"][0].update(name=name, unit=unit, per="quarter")
    data["pilots"][0]["results"][0]["per"] = "quarter"


def test_a_chart_title_says_the_units_words_once_when_the_name_holds_them(valid_data, tmp_path):
    # "Picking errors with damage with damage per quarter" said the unit's last words twice.
    _metric_says_its_unit(valid_data, "Picking errors with damage", "errors with damage")
    titles = [c["title"] for s in briefed_unheld(valid_data, tmp_path) for c in s["charts"]]
    assert "Picking errors with damage per quarter" in titles, titles
    assert not [t for t in titles if t and "with damage with damage" in t]


def test_a_german_chart_title_says_the_units_words_once(valid_data, tmp_path):
    valid_data["locale"] = "de_DE"
    _metric_says_its_unit(valid_data, "Stationäre Stürze mit Schaden", "Stürze mit Schaden")
    titles = [c["title"] for s in briefed_unheld(valid_data, tmp_path) for c in s["charts"]]
    assert "Stationäre Stürze mit Schaden pro Quartal" in titles, titles


def test_a_tiny_count_names_its_events_once(valid_data, tmp_path):
    # A handful of events says its readings, the metric's name as their noun since it holds the unit's words
    # whole (the shorter title then says "In the pilot: …", never "Picking errors with damage in the pilot: errors
    # with damage …"); before, only a name ending in the unit's first word was its noun.
    _metric_says_its_unit(valid_data, "Picking errors with damage", "errors with damage")
    valid_data["metrics"][0].update(baseline=40, target=25)
    valid_data["pilots"][0]["results"][0].update(before=4, after=2, control_before=4, control_after=4)
    said = " ".join(_said(briefed_unheld(valid_data, tmp_path)))
    assert "Night shift: picking errors with damage a quarter down from 4 to 2" in said, said
    assert "with damage with damage" not in said


def test_a_german_title_quotes_an_initiative_named_inside_its_sentence(valid_data, tmp_path):
    _roll_out_loses(valid_data, "de")
    valid_data["initiatives"][0]["title"] = "Beim ersten Griff richtig"
    # A second initiative that pays back: the decision's title names the one that does not, mid-sentence.
    valid_data["initiatives"].append({**copy.deepcopy(valid_data["initiatives"][0]), "id": "label-check",
                                      "title": "Etikett zweimal lesen", "costs": [
                                          {"item": "Build the card", "amount": 500, "kind": "one-off"}]})
    valid_data["pilots"].append({**copy.deepcopy(valid_data["pilots"][0]), "id": "label-pilot",
                                 "initiative": "label-check"})
    valid_data["briefings"][0]["asks"] = ["Approve both roll-outs"]
    titles = [s["title"] for s in _slides(valid_data, tmp_path) if s["title"]]
    named = [t for t in titles if "Beim ersten Griff richtig" in t]
    assert any(", aber „Beim ersten Griff richtig“ amortisiert sich nicht" in t for t in named), named
    # Mid-sentence or as a sentence's subject, the name is quoted; as a label before a colon it may stand alone.
    assert not [t for t in named if not t.startswith("Beim ersten Griff richtig:")
                                   and "„Beim ersten Griff richtig“" not in t], named
    words = translations("de")
    assert words.gettext("Over %(years)s years, %(title)s has a net present value of %(npv)s") % {
        "years": 3, "title": "Beim ersten Kontakt gelöst", "npv": "124.554 €"} == (
        "Über 3 Jahre hat „Beim ersten Kontakt gelöst“ einen Kapitalwert von 124.554 €")
    assert words.gettext("%(benefit)s a year for %(cost)s, but %(losing)s does not pay back within the year") % {
        "cost": "268.900 €", "benefit": "312.085 €", "losing": "Beim ersten Kontakt gelöst"} == (
        "312.085 € pro Jahr für 268.900 €, aber „Beim ersten Kontakt gelöst“ amortisiert sich nicht im ersten Jahr"
    )


def test_a_german_reading_with_a_scope_comes_after_its_verb(valid_data, tmp_path):
    # "von 48 auf 44 Fehler im Monat, alle Hallen gesunken" glued the scope before the verb.
    valid_data["locale"] = "de_DE"
    valid_data["metrics"][0].update(name="Fehlgriffe", unit="Fehlgriffe pro Monat, alle Hallen", baseline=48, actual=44)
    words = translations("de")
    assert words.gettext("%(metric)s: down from %(baseline)s to %(actual)s") % {
        "metric": "Beschwerden", "baseline": "48", "actual": "44 pro Monat, beide Servicecenter"} == (
        "Beschwerden: gesunken von 48 auf 44 pro Monat, beide Servicecenter")
    said = _said(briefed_unheld(valid_data, tmp_path))
    assert any(t.startswith("Fehlgriffe, alle Hallen: gesunken von 48 auf 44 Fehlgriffe pro Monat") for t in said), said
    assert not [t for t in said if "alle Hallen gesunken" in t]


def _name_with_a_comma(data: dict[str, Any], language: str) -> dict[str, Any]:
    data["stakeholders"][0].update({"en": {"name": "Shift leads, both halls", "role": "Shift leads of Halls 2 and 3"},
                                    "de": {"name": "Schichtleitungen, beide Hallen",
                                           "role": "Schichtleitungsrunde Lager"}}[language])
    if language == "de":
        data["locale"] = "de_DE"
    return data


def test_a_name_with_a_comma_keeps_its_role_apart_on_the_cover(valid_data, tmp_path):
    cover = _slides(_name_with_a_comma(valid_data, "en"), tmp_path)[0]
    points = (tmp_path / "out" / f"{BRIEFING}.md").read_text("utf-8")
    assert cover["subtitle"].startswith(
        "Briefing for Shift leads, both halls (shift leads of Halls 2 and 3) · "), cover["subtitle"]
    assert "**For Shift leads, both halls** (shift leads of Halls 2 and 3) · " in points


def test_a_german_name_with_a_comma_keeps_its_role_apart_on_the_cover(valid_data, tmp_path):
    cover = _slides(_name_with_a_comma(valid_data, "de"), tmp_path)[0]
    assert cover["subtitle"].startswith(
        "Entscheidungsvorlage · Schichtleitungen, beide Hallen (Schichtleitungsrunde Lager) · "), cover
    # One person's role still follows their name after a comma.
    one = translations("de").gettext("Briefing for %(whom)s, %(role)s · %(date)s")
    assert one % {"whom": "Tanya Brooks", "role": "Lagerleitung", "date": "9. September 2025"} == (
        "Entscheidungsvorlage · Tanya Brooks, Lagerleitung · 9. September 2025")  # a label: no "für" wanting an article


def test_the_talking_points_never_put_a_possessive_on_a_name(valid_data, tmp_path):
    # "Matrons, all three hospitals's concerns" or "Tanya Brooks's": the heading names them after "by".
    from test_deck_holds import deck_and_points

    valid_data["stakeholders"][0]["name"] = "Tanya Brooks"
    _, points = deck_and_points(valid_data, tmp_path)
    assert "## Concerns raised by Tanya Brooks, and our answers" in points and "'s concerns" not in points


@pytest.mark.parametrize(("written", "said"), [
    ("Hughes, Gareth", "Gareth Hughes"), ("O'Neill, Sarah", "Sarah O'Neill"),
    ("van Dijk, Anna", "Anna van Dijk"), ("Vogel, Dr. Katrin", "Dr. Katrin Vogel"),
    ("Smith-Jones, Ann-Marie", "Ann-Marie Smith-Jones"),
    # Not a surname and a given name: as written.
    ("Shift leads, both halls", "Shift leads, both halls"),
    ("Schichtleitungen, beide Hallen", "Schichtleitungen, beide Hallen"),
    ("Depot Managers' Forum, North", "Depot Managers' Forum, North"),
    ("Müller, Werksleiterin", "Müller, Werksleiterin"), ("Brooks, HR", "Brooks, HR"),
    ("Sarah O'Neill, Director", "Sarah O'Neill, Director"), ("Jo Whitaker", "Jo Whitaker")])
def test_a_name_is_said_given_name_first_only_when_written_surname_first(written, said):
    from buyin_cli.review.heuristics import said_name

    assert said_name(written) == said
