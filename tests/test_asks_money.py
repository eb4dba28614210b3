"""What an ask asks the room for is the meeting's money; what it only agrees to, or says someone
else pays, is said beside it as that initiative's own, and no card sums it as the meeting's.

Each test is the smallest strategy that shows one finding of a cold review: a card of one
initiative's figures worded as the meeting's, a card that says a title's money another way, an
amount head office bears shown as the room's, a time word inside a name taken as an ask for
time, a backup costing a roll-out nobody in the meeting is asked about.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from buyin_cli.plan.asks import asks_fund, asks_in_place, paid_elsewhere, stated_amount
from test_deck_holds import deck_and_points as _deck


def _second(data: dict[str, Any], title: str, cost: float, headcount: int = 0) -> None:
    """A second initiative, for its own audience when `headcount` is given."""
    audiences = data["initiatives"][0]["audiences"]
    if headcount:
        data["audiences"].append({**copy.deepcopy(data["audiences"][0]), "id": "leads",
                                  "name": "Shift leads", "headcount": headcount})
        audiences = ["leads"]
    data["initiatives"].append({**copy.deepcopy(data["initiatives"][0]), "id": "second", "title": title,
                                "audiences": audiences,
                                "costs": [{"item": "Cards", "amount": cost, "kind": "one-off"}]})


def _timed(data: dict[str, Any]) -> None:
    """Pick Right prices its pickers' time: two hours each, $4,800 for 120."""
    data["initiatives"][0]["costs"].append({"item": "Pickers' time: two hours each", "amount": 40,
                                            "kind": "per-participant", "category": "participants-time"})


@pytest.mark.parametrize("text", [
    "Roll out Pick Right to every aisle, funded by head office",
    "Approve Pick Right for all pickers, paid for by the regional budget",
    "Rollout von Pick Right an allen Standorten, von der Zentrale getragen",
    "Pick Right einführen, finanziert durch die Zentrale"])
def test_an_ask_someone_else_pays_for_funds_nothing_but_says_its_money(valid_data, text):
    from buyin_cli.load.models import Initiative

    initiatives = [Initiative.model_validate(i) for i in valid_data["initiatives"]]
    assert paid_elsewhere(text)
    assert asks_fund(text, None, initiatives) == []
    assert asks_in_place(text, None, initiatives) == ["pick-right"]
    assert asks_fund(text, "pick-right", initiatives) == []


def test_a_pilots_amount_head_office_bears_is_not_the_meetings():
    assert stated_amount("Name two districts for the pilot of Coach (39.600 €, von der Zentrale getragen)") is None
    assert stated_amount("Name two districts for a pilot of Coach for €39,600") == "€39,600"
    # How the time is found is not who pays for it.
    assert not paid_elsewhere("Agree that each operator gets 3.5 paid hours, covered by planned overtime")
    assert not paid_elsewhere("Approve £9,000 for Pick Right, paid from your training budget")


def test_an_ask_head_office_pays_for_is_not_slide_twos_money(valid_data, tmp_path):
    _second(valid_data, "Label Check", 9000)
    valid_data["briefings"][0].update(minutes=45, asks=[
        {"decision": "Approve $6,000 to roll out Pick Right", "initiative": "pick-right"},
        "Roll out Label Check to every aisle, funded by head office"])
    decision = _deck(valid_data, tmp_path)[0][1]
    assert decision["title"].startswith("$6,000 in year one"), decision["title"]
    body = [t for _, t in decision["body"]]
    at = body.index("Roll out Label Check to every aisle, funded by head office")
    assert body[at + 1].startswith("Label Check: $9,000 in year one"), body


def test_cards_that_sum_the_asks_say_what_they_sum(valid_data, tmp_path):
    # Three asks touch two initiatives: 120 pickers' time for Pick Right, and Label Check (for 30
    # shift leads) funded. The cash card names what it funds; the people are the asks' 150.
    _timed(valid_data)
    _second(valid_data, "Label Check", 1140, headcount=30)
    valid_data["briefings"][0].update(minutes=45, asks=[
        "Release each picker for two paid hours in March",
        "Name a buddy on each shift",
        {"decision": "Fund Label Check cards for every shift lead", "initiative": "second"}])
    decision = _deck(valid_data, tmp_path)[0][1]
    assert decision["title"] == (
        "Three decisions today: $1,140 in year one, and $4,800 of the learners' time"), decision["title"]
    texts = decision["texts"]
    assert "to invest in Label Check in year one" in texts, texts
    # The time as the title says it, never "$4.8K"; the people all the asks reach.
    assert "$4,800" in texts and "150" in texts and "people the asks reach" in texts, texts
    assert "30" not in texts and "to invest in year one" not in texts, texts


def test_a_time_word_in_a_name_asks_for_nobodys_time(valid_data, tmp_path):
    # "the Five-Minute Huddle" names the initiative; the ask is for the card's use, not for minutes.
    _timed(valid_data)
    valid_data["initiatives"][0]["title"] = "Five-Minute Huddle"
    valid_data["briefings"][0].update(minutes=45, asks=[
        "Agree to use the Five-Minute Huddle card at every shift start, from 2 November"])
    decision = _deck(valid_data, tmp_path)[0][1]
    said = " ".join([decision["title"]] + [t for _, t in decision["body"]] + decision["texts"])
    assert "4,800" not in said and "learners' time" not in said and "people's time" not in said, said


def test_no_backup_costs_a_roll_out_nobody_in_the_meeting_is_asked_about(valid_data, tmp_path):
    # Label Check serves the same objective, but no ask of this meeting is about it: a hidden
    # "Rolling out Label Check would cost $9,000" answers a question the room was not asked.
    _second(valid_data, "Label Check", 9000)
    valid_data["briefings"][0].update(minutes=45, asks=[
        {"decision": "Approve $6,000 to roll out Pick Right", "initiative": "pick-right"}])
    slides = _deck(valid_data, tmp_path)[0]
    assert not [s["title"] for s in slides if "Label Check" in (s["title"] or "") and "cost" in s["title"]]
    assert any(s["title"].startswith("Pick Right costs $6,000") for s in slides)


def test_a_doubt_stands_beside_the_benefit_it_doubts(valid_data, tmp_path):
    # Leavers 3 → 1 a month: a handful of events. "(from a handful of events)" after a later
    # year's cost reads as about that year; beside the benefit it is about the benefit.
    valid_data["metrics"][0].update(name="Pickers leaving", unit="leavers", value_per_unit=4200)
    valid_data["pilots"][0]["results"][0].update(before=3, after=1, control_before=3, control_after=3)
    valid_data["initiatives"][0].update(horizon_years=3, retention=0.5)
    valid_data["initiatives"][0]["costs"].append({"item": "Licence", "amount": 500, "kind": "per-year"})
    valid_data["briefings"][0]["asks"] = [
        {"decision": "Approve the roll-out to all 120 pickers", "initiative": "pick-right"}]
    body = [t for _, t in _deck(valid_data, tmp_path)[0][1]["body"]]
    line = next(t for t in body if "in year one brings" in t)
    assert re.search(r"a year \([^)]*from a handful of events\), paid back in", line), line
    assert not line.endswith("(from a handful of events)"), line


def test_roll_outs_nobody_asks_money_for_are_one_line_beside_the_asks_for_time(valid_data, tmp_path):
    # The meeting asks for two audiences' time; what both roll-outs would cost and bring is one
    # line naming them, not a heading over a line each: the asks keep their size.
    _timed(valid_data)
    _second(valid_data, "Label Check", 900, headcount=30)  # together they pay back within the year
    valid_data["initiatives"][1]["costs"].append({"item": "Leads' time: one hour each", "amount": 25,
                                                  "kind": "per-participant", "category": "participants-time"})
    pilot = copy.deepcopy(valid_data["pilots"][0])
    pilot.pop("quotes", None)
    valid_data["pilots"].append({**pilot, "id": "second-pilot", "initiative": "second", "group": "Day shift leads"})
    valid_data["briefings"][0].update(minutes=45, asks=[
        "Release each picker for two paid hours in March", "Release each shift lead for one hour in April"])
    body = [t for _, t in _deck(valid_data, tmp_path)[0][1]["body"]]
    assert not any("What the roll-outs would cost" in t for t in body), body
    assert any(t.startswith("Rolled out, Pick Right and Label Check would cost $") for t in body), body
    # One that does not pay back in its year is not netted against the other (together they would): each says its own.
    costs = valid_data["initiatives"][1]["costs"]
    valid_data["initiatives"][1]["costs"] = [{"item": "Cards", "amount": 4000, "kind": "one-off"}, *costs[1:]]
    (tmp_path / "loss").mkdir()
    body = [t for _, t in _deck(valid_data, tmp_path / "loss")[0][1]["body"]]
    assert not any(t.startswith("Rolled out, ") for t in body), body
    assert any(t.startswith("Label Check: $") for t in body) and any(t.startswith("Pick Right: $") for t in body), body
    valid_data["initiatives"][1]["costs"] = costs
    # A name with a comma of its own would read as two of a list: then each name is quoted.
    valid_data["initiatives"][1]["title"] = "Check, then ship"
    (tmp_path / "comma").mkdir()
    body = [t for _, t in _deck(valid_data, tmp_path / "comma")[0][1]["body"]]
    assert any(t.startswith("Rolled out, “Pick Right” and “Check, then ship” would cost $") for t in body), body


@pytest.mark.parametrize(("german", "ask", "said"), [
    (False, "Agree that each shift manager coaches their pickers for three hours",
     "Shift manager coaching, three hours each: $50 a head, $6,000 for the 120 people Pick Right reaches"),
    (True, "Zustimmung, dass jede Schichtleitung ihre Kommissionierer drei Stunden coacht",
     "Coaching durch die Schichtleitung, drei Stunden je Person: 50\u00a0$ pro Kopf, 6.000\u00a0$ für die 120 Personen"
     " der Zielgruppe von „Pick Right“")])
def test_an_ask_for_helpers_time_is_priced_by_their_line_not_the_learners(valid_data, tmp_path, german, ask, said):
    # The pickers' time is $40 a head; their managers' coaching $50. The ask is for the managers' hours.
    _timed(valid_data)
    item = said.split(":")[0]
    valid_data["initiatives"][0]["costs"].append({"item": item, "amount": 50, "kind": "per-participant",
                                                  "category": "delivery"})
    if german:
        valid_data.update(language="de", locale="de_DE")
        valid_data["audiences"][0]["name"] = "Kommissionierer im Lager"
    valid_data["briefings"][0].update(minutes=45, asks=[ask])
    decision = _deck(valid_data, tmp_path)[0][1]
    body = [t for _, t in decision["body"]]
    assert body[body.index(ask) + 1] == said, body
    assert "4,800" not in " ".join(body) and "4.800" not in " ".join(body), body


def test_an_ask_for_helpers_time_with_no_line_of_theirs_says_no_amount(valid_data, tmp_path):
    _timed(valid_data)
    ask = "Agree that each shift manager coaches their pickers for three hours"
    valid_data["briefings"][0].update(minutes=45, asks=[ask])
    decision = _deck(valid_data, tmp_path)[0][1]
    said = " ".join([decision["title"]] + [t for _, t in decision["body"]] + decision["texts"])
    assert "4,800" not in said and "$40" not in said, said


def test_the_german_time_line_names_the_initiative_once(valid_data, tmp_path):
    _timed(valid_data)
    _second(valid_data, "Label Check", 1140, headcount=30)
    valid_data.update(language="de", locale="de_DE")
    valid_data["audiences"][0]["name"] = "Kommissionierer im Lager"
    valid_data["briefings"][0].update(minutes=45, asks=[
        "Jeden Kommissionierer für zwei bezahlte Stunden im März freistellen",
        {"decision": "Label Check für jede Schichtleitung finanzieren", "initiative": "second"}])
    points = _deck(valid_data, tmp_path)[1]
    line = next(t for t in points.splitlines() if "Arbeitszeit der Teilnehmenden" in t)
    assert line.count("Pick Right") == 1, line


@pytest.mark.parametrize(("german", "said"), [(False, "to invest in year one, $4,800 of it people's time"),
                                              (True, "Investition im ersten Jahr, davon 4.800\u00a0$ Arbeitszeit")])
def test_the_cash_card_says_how_much_of_it_is_peoples_time(valid_data, tmp_path, german, said):
    # Pick Right's $10,800 in year one holds $4,800 of the pickers' time: slide 2 and the close say so.
    _timed(valid_data)
    if german:
        valid_data.update(language="de", locale="de_DE")
    valid_data["briefings"][0].update(minutes=45, asks=[{"decision": "Approve Pick Right", "initiative": "pick-right"}])
    slides = _deck(valid_data, tmp_path)[0]
    cards = [n for n, s in enumerate(slides) if said in s["texts"]]
    assert len(cards) == 2 and cards[0] == 1, [s["texts"] for s in slides]
