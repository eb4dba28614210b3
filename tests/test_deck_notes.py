"""What the notes, the talking points and the backup slides claim holds on the data: each claim at
its smallest case (the invariants in notes_invariants.py hold it on generated strategies)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from deck_helpers import read_deck
from notes_invariants import notes_precision
from test_deck_holds import brief_and_read

DECK = "warehouse-manager-briefing"


def _brief(data: dict[str, Any], folder: Path) -> tuple[list[dict[str, Any]], str]:
    """The slides and talking points of the strategy's one briefing, after its invariants held."""
    assert brief_and_read(data, folder) == []
    return read_deck(folder / "out" / f"{DECK}.pptx"), (folder / "out" / f"{DECK}.md").read_text("utf-8")


def _notes(slides: list[dict[str, Any]]) -> str:
    return " ".join(s["notes"] for s in slides)


def _uncompared(data: dict[str, Any], **credit: float) -> dict[str, Any]:
    """The strategy with its one result measured with no comparison group, credited as given."""
    result = data["pilots"][0]["results"][0]
    for key in ("control_before", "control_after", "isolation", "confidence"):
        result.pop(key)
    result.update(credit)
    data["briefings"][0]["minutes"] = 60
    return data


@pytest.mark.parametrize("credit", [{}, {"isolation": 1}, {"isolation": 1, "confidence": 1}])
def test_a_result_nothing_isolates_is_credited_whole_in_the_notes(valid_data, tmp_path, credit):
    notes = _notes(_brief(_uncompared(valid_data, **credit), tmp_path)[0])
    assert ("there was no comparison group and nothing isolates the change from other causes, "
            "so we credit the learning with all of it") in notes
    assert "isolation estimate gives it" not in notes
    # Nor do the numbers call the figures conservative, or discounted by a confidence of 1.
    assert "conservative and isolated" not in notes and "discounted for" not in notes
    assert "The numbers are for one year. The benefit counts the whole change, as nothing isolates it." in notes


def test_a_whole_change_discounted_for_confidence_says_so(valid_data, tmp_path):
    notes = _notes(_brief(_uncompared(valid_data, isolation=1, confidence=0.7), tmp_path)[0])
    assert "credit the learning with all of it. Only our confidence in it, 70%, discounts it." in notes


def test_an_isolation_estimate_below_one_is_the_share_credited(valid_data, tmp_path):
    notes = _notes(_brief(_uncompared(valid_data, isolation=0.6), tmp_path)[0])
    assert "only with the share of the change our isolation estimate gives it" in notes
    assert "all of it" not in notes


def test_a_comparison_group_with_nothing_else_discounts_nothing_further(valid_data, tmp_path):
    result = valid_data["pilots"][0]["results"][0]
    result.update(isolation=1, confidence=1)
    notes = _notes(_brief(valid_data, tmp_path)[0])
    assert "we only count what the comparison group did not also get." in notes
    assert "discount it further" not in notes


def test_the_decision_title_says_payback_and_break_even_as_two_facts(valid_data, tmp_path):
    valid_data["initiatives"][0]["costs"][0]["amount"] = 10000  # 71% of the pilot effect to break even
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve the roll-out", "initiative": "pick-right"}]
    title = _brief(valid_data, tmp_path)[0][1]["title"]
    assert "paid back in 8.6 months; it breaks even if 71% of the pilot effect holds" in title, title


def test_a_shorter_decision_title_keeps_both_facts(valid_data, tmp_path):
    valid_data["initiatives"][0]["costs"][0]["amount"] = 10000
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve the roll-out", "initiative": "pick-right"}]
    assert brief_and_read(valid_data, tmp_path, four_three=True) == []
    title = read_deck(tmp_path / "out" / f"{DECK}.pptx")[1]["title"]
    assert "8.6 months" in title and "71% of the pilot effect" in title, title


def _two_meetings(data: dict[str, Any]) -> dict[str, Any]:
    """Two initiatives for two audiences, each asked for in its own meeting."""
    data["audiences"].append({**data["audiences"][0], "id": "packers", "name": "Packers", "headcount": 45})
    data["initiatives"].append({**data["initiatives"][0], "id": "pack-right", "title": "Pack Right",
                                "audiences": ["packers"]})
    first = {**data["briefings"][0], "minutes": 60,
             "asks": [{"decision": "Approve Pick Right", "initiative": "pick-right"}]}
    data["briefings"] = [first, {**first, "id": "packing", "asks": [
        {"decision": "Approve Pack Right", "initiative": "pack-right"}]}]
    return data


def test_the_sponsors_target_means_the_same_in_every_deck(valid_data, tmp_path):
    assert brief_and_read(_two_meetings(valid_data), tmp_path) == []
    titles = {name: next(s["title"] for s in read_deck(tmp_path / "out" / f"{name}.pptx")
                         if s["title"].startswith("Ana Silva")) for name in (DECK, "packing")}
    # The same words in both: the sponsor's target is a share of each roll-out's people, not of the
    # one roll-out a meeting happens to be asked for.
    assert titles[DECK] == titles["packing"] == (
        "Ana Silva, Chief Operating Officer, backs it and expects 80% of the people each roll-out reaches to "
        "have completed it by Q4\u00a02025")


@pytest.mark.parametrize(("locale", "claim"), [("en_GB", "usage targets"), ("de_DE", "Abschlussziele")])
def test_a_sponsor_without_targets_is_said_to_have_none(valid_data, tmp_path, locale, claim):
    valid_data["locale"] = locale
    del valid_data["sponsor"]["usage_targets"]
    valid_data["briefings"][0]["minutes"] = 60
    sponsor = next(s for s in _brief(valid_data, tmp_path)[0] if s["title"].startswith("Ana Silva"))
    assert claim not in sponsor["notes"] and "Ana Silva" in sponsor["notes"]


def _free(data: dict[str, Any]) -> dict[str, Any]:
    data["initiatives"][0]["costs"] = [{"item": "Team leaders' own time", "amount": 0, "kind": "one-off"}]
    data["pilots"][0]["cost"] = 0
    data["briefings"][0].update(minutes=60, asks=[{"decision": "Approve the roll-out", "initiative": "pick-right"}])
    return data


def test_a_zero_cost_initiative_reads_in_the_talking_points_as_in_the_deck(valid_data, tmp_path):
    slides, points = _brief(_free(valid_data), tmp_path)
    # Marked as the review doubts it, as on slide 2: nothing spent pays back at once (W310).
    assert ("- **Pick Right** (an upper bound; a level scaled up like a count): costs nothing in cash "
            "and brings $13,997 a year") in points
    assert "1. Approve the roll-out: costs nothing in cash and brings $13,997 a year" in points
    assert "- **Pilot, Night shift**: 20 people, no cost in cash, benefit $2,333 a year" in points
    assert "n/a" not in points and "$0" not in points
    assert not [cell for s in slides for row in s["table"] or [] for cell in row if "n/a" in cell]
    cost = next(s for s in slides if s["title"].startswith("Pick Right costs nothing in cash"))
    assert "it costs nothing in cash for the 120 people it reaches" in cost["notes"]
    assert "about $0" not in cost["notes"]


def test_a_readiness_flag_said_twice_alike_is_listed_once(valid_data, tmp_path):
    # Two results of one pilot that nothing isolates: two W301 about the same pilot.
    valid_data["metrics"].append({**valid_data["metrics"][0], "id": "mis-ships", "name": "Mis-shipped orders",
                                  "unit": "orders"})
    valid_data["objectives"][0]["metrics"].append("mis-ships")
    results = valid_data["pilots"][0]["results"]
    results.append({**results[0], "metric": "mis-ships"})
    for result in results:
        for key in ("control_before", "control_after", "isolation", "confidence"):
            result.pop(key)
    slides, points = _brief(valid_data, tmp_path)
    assert points.count("- A pilot result that isolates nothing, or credits all of the change to the "
                        "learning (Night shift)\n") == 1
    flags = next(s for s in slides if s["title"].startswith("What the readiness review flags"))
    rows = flags["table"][1:]
    assert len(rows) > 1 and len(rows) == len({tuple(r) for r in rows})
    assert all(cell[:1].isupper() for row in rows for cell in row if cell)


def test_a_level_scaled_like_a_count_is_among_the_flags(valid_data, tmp_path):
    valid_data["metrics"][0].update(unit="% of lines picked right", better="higher", baseline=80, target=95)
    valid_data["pilots"][0]["results"][0].update(before=80, after=90, control_before=80, control_after=81)
    slides, _ = _brief(valid_data, tmp_path)
    flags = next(s for s in slides if s["title"].startswith("What the readiness review flags"))
    # One row reads down as pairs: the flag is a cell, whichever way the table turns.
    assert any(cell.startswith("A level (a %, a score") for row in flags["table"] for cell in row)


def test_the_notes_say_the_credit_as_the_working_writes_it(valid_data, tmp_path):
    slides, points = _brief(valid_data, tmp_path)  # 40 → 30, less 1, × 80% × 90% = 6.48
    notes = _notes(slides)
    # One figure, one text: the working multiplies out 6.48, so the notes say 6.48, never 6.5.
    assert "We credit the learning with 6.48 errors per 10,000 lines" in notes and "6.5 errors" not in notes
    assert "= 6.48 errors per 10,000 lines" in points


def test_a_mean_of_estimates_is_said_to_one_decimal_and_multiplied_exactly_in_the_working(valid_data, tmp_path):
    # Every output rounds a percentage to one decimal; only the working's line multiplies the exact mean.
    estimates = [{"share": share, "confidence": 1} for share in (0.5, 0.45, 0.51)]  # mean 48.67%
    data = _uncompared(valid_data)
    data["pilots"][0]["results"][0]["estimates"] = estimates
    slides, _ = _brief(data, tmp_path)
    said = _notes(slides) + " ".join(t for s in slides if not s["hidden"] for t in s["texts"])
    assert "(48.7%, the mean of 3 participants' estimates)" in said and "48.67%" not in said
    working = [row for s in slides if s["table"] for row in s["table"] if any("48.67%" in cell for cell in row)]
    assert working, "the working multiplies the exact mean"


def test_the_notes_precision_invariant_finds_a_number_said_finer_than_shown():
    slide: dict[str, Any] = {"title": "Team North: up from 69% to 80.5%", "body": [], "texts": [], "table": None,
             "charts": [], "notes": "We credit the learning with 5.208 points, 48.67% of it; 150,560.0% in 3 years."}
    assert len(notes_precision([slide], {"locale": "en_GB"})) == 3
    slide["notes"] = "We credit the learning with 5.2 points, 48.7% of it; 150,600% in 3 years; 412.3% a year."
    assert notes_precision([slide], {"locale": "en_GB"}) == []
    # A figure the deck's working writes is said as it writes it.
    working = {**slide, "title": "How we get there", "notes": "We credit the learning with 5.208 points.",
               "table": [["Result", "Credited"], ["Team North", "× 48.67% = 5.208 points"]]}
    assert notes_precision([slide, working], {"locale": "en_GB"}) == []
    german = {**slide, "title": "Von 69 % auf 80,5 %", "notes": "5,208 Punkte; 1.000 Anrufe"}
    assert notes_precision([german], {"locale": "de_DE"}) == ["slide 1 notes say '5,208', the slide 1 decimals at most"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_numbers_notes_keep_one_space_where_nothing_is_credited(valid_data, tmp_path, language):
    # The comparison group improved as much as the pilot: nothing is counted, and a small pilot's caveat follows.
    valid_data["language"] = language
    valid_data["pilots"][0].update(participants=5, usage={"enrolled": 5, "completed": 5})
    valid_data["pilots"][0]["results"][0].update(control_before=40, control_after=30)
    brief_and_read(valid_data, tmp_path)  # its findings are other slides'; the notes are read here
    slides = read_deck(tmp_path / "out" / f"{DECK}.pptx")
    numbers = next(s for s in slides if s["notes"].split("] ")[-1].startswith(("The numbers are", "Die Zahlen gelten")))
    assert "  " not in numbers["notes"] and " \n" not in numbers["notes"], numbers["notes"]


@pytest.mark.parametrize(("language", "flag"), [
    ("en", "A level (a %, a score, a duration, an average, a rate) whose pilot benefit is scaled up to everyone "
           "the roll-out reaches as if it were a count"),
    ("de", "Ein Niveau (ein %, ein Punktwert, eine Dauer, ein Durchschnitt, eine Quote), dessen Nutzen im Piloten "
           "auf alle hochgerechnet wird, die der Rollout erreicht, als wäre es eine Anzahl")])
def test_a_level_scaled_like_a_count_is_flagged_in_words_not_by_its_factor(valid_data, tmp_path, language, flag):
    # The room hears what is scaled up to whom; "the scale-up R" is check's and roi's term, not a meeting's.
    valid_data["language"] = language
    valid_data["pilots"][0]["accept"] = {"W317": "Each error is valued for a group the pilot's size."}
    slides, points = _brief(valid_data, tmp_path)
    cells = [cell for s in slides if s["hidden"] and s["table"] for row in s["table"] for cell in row]
    assert flag in cells and f"- {flag} (Night shift)" in points
    said = points + " ".join(t for s in slides for t in s["texts"] + [s["notes"]])
    assert "scale-up R" not in said and "Hochrechnungsfaktor" not in said


@pytest.mark.parametrize(("language", "unit", "said"), [
    ("en", "errors", "× $30 per error"),
    ("de", "errors", "× 30 $ je error"),
    ("en", "% of lines picked right", "× $30 per point a month"),
    ("de", "% of lines picked right", "× 30 $ je Prozentpunkt pro Monat")])
def test_the_working_says_what_one_unit_is_worth_in_its_unit(valid_data, tmp_path, language, unit, said):
    # "× 12 a year × £3,000" left the reader to guess £3,000 of what: a point held a month, one error.
    valid_data.update(language=language, locale="de_DE" if language == "de" else "en_US")
    valid_data["metrics"][0]["unit"] = unit
    if unit.startswith("%"):
        valid_data["metrics"][0].update(better="higher", baseline=80, target=95)
        valid_data["pilots"][0]["results"][0].update(before=80, after=90, control_before=80, control_after=81)
        valid_data["pilots"][0]["accept"] = {"W317": "Each point is valued for a group the pilot's size."}
    brief_and_read(valid_data, tmp_path)  # its findings are other slides' (a bare count's unit)
    slides, points = read_deck(tmp_path / "out" / f"{DECK}.pptx"), (tmp_path / "out" / f"{DECK}.md").read_text("utf-8")
    working = [cell for s in slides if s["hidden"] and s["table"] for row in s["table"] for cell in row]
    assert any(said in cell.replace("\xa0", " ") for cell in working), working
    assert said in points.replace("\xa0", " ")


def test_the_opening_names_as_many_pilots_as_the_deck_has(valid_data, tmp_path):
    # "the evidence from the pilot" in a deck that shows two pilots reads as if one were missing.
    (tmp_path / "one").mkdir(), (tmp_path / "two").mkdir()
    slides, _ = _brief(valid_data, tmp_path / "one")
    assert "the evidence from the pilot," in slides[0]["notes"]
    valid_data["pilots"].append({**valid_data["pilots"][0], "id": "second-pilot", "group": "Day shift"})
    slides, _ = _brief(valid_data, tmp_path / "two")
    assert "the evidence from the pilots," in slides[0]["notes"]
