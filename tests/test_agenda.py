"""The meeting's one model of time: what a briefing presents in its minutes, and what waits."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.strategy import check_strategy, load_strategy
from buyin_cli.plan.agenda import plan_agenda
from buyin_cli.plan.minutes import BACKUP_LIMIT, charts_per_slide, minutes_for, slide_budget
from buyin_cli.plan.results import result_order
from conftest import dump

ROOT = Path(__file__).resolve().parents[1]


def test_the_budget_leaves_a_third_for_questions_at_a_slide_and_a_half():
    assert slide_budget(15) == 7 and slide_budget(30) == 14 and slide_budget(45) == 20


@given(st.integers(min_value=1, max_value=200))
def test_minutes_for_is_the_shortest_meeting_that_fits(slides: int):
    minutes = minutes_for(slides)
    assert slide_budget(minutes) >= slides
    assert minutes == 1 or slide_budget(minutes - 1) < slides


@given(st.integers(min_value=1, max_value=600))
def test_the_budget_matches_the_guide(minutes: int):
    assert slide_budget(minutes) == math.ceil(minutes * 2 / 3 / 1.5 - 1e-9)


def _agenda(example: str, briefing: str, minutes: int | None = None, width: float | None = None):
    loaded = load_strategy(ROOT / "examples" / example)
    strategy = loaded.strategy
    chosen = next(b for b in strategy.briefings if b.id == briefing)
    if minutes is not None:
        chosen = chosen.model_copy(update={"minutes": minutes})
    return plan_agenda(strategy, compute_figures(strategy), chosen, width=width)


def test_the_numbers_chart_waits_behind_the_evidence_that_carries_the_money():
    # 20 minutes on a 4:3 slide: the table is essential; its bars repeat it as a picture, so the
    # one course shown, then (with time) the second page of Safe Hands' pilot (a result worth money),
    # are presented before them. The demo comes first: 16:9 presents it in these minutes too.
    narrow = _agenda("northwind-manufacturing.yaml", "coo-briefing", 20, width=648)
    assert narrow.state("numbers") == "presented"
    assert narrow.state("showcase") == "presented"
    assert narrow.state("numbers_chart") == "backup"
    assert _agenda("northwind-manufacturing.yaml", "coo-briefing", 25, width=648).pages["press-line-2-safe-hands"] == 2
    # On 16:9 the one showcase the method asks for comes before the bars too; with five minutes more, both.
    wide = _agenda("northwind-manufacturing.yaml", "coo-briefing", 20)
    assert (wide.state("showcase"), wide.state("numbers_chart")) == ("presented", "backup")
    assert _agenda("northwind-manufacturing.yaml", "coo-briefing", 25).state("numbers_chart") == "presented"


def test_focus_narrows_objectives_initiatives_and_pilots():
    agenda = _agenda("harbour-bank", "ops-director-briefing")
    assert agenda.objectives == ("fewer-complaints", "more-needs-met")
    assert "stay-and-grow" not in agenda.initiatives
    assert "stay-and-grow-first-six" not in agenda.pilots


def test_each_objective_a_briefing_names_in_its_focus_comes_before_what_it_did_not_ask_for():
    # 14 minutes hold both focus objectives' slides, or one and what we heard: the one the
    # briefing names wins; the sponsor and the showcase wait.
    agenda = _agenda("harbour-bank", "ops-director-briefing", 14)
    assert [agenda.state("business_case", o) for o in agenda.objectives] == ["presented"] * 2
    assert agenda.state("heard") == "backup"


@pytest.mark.parametrize(("example", "briefing"), [("harbour-bank", "ops-director-briefing"),
                                                 ("northwind-manufacturing.yaml", "coo-briefing")])
def test_a_narrow_template_presents_the_same_sections_and_leaves_further_results_in_the_backup(
        example, briefing):
    # On 4:3 each result has a slide of its own: a pilot's further pages come after what we
    # heard, so the room sees the same objectives and concerns as on 16:9.
    for minutes in range(6, 40):
        wide, narrow = _agenda(example, briefing, minutes), _agenda(example, briefing, minutes, 648)
        for section in ("decision", "asks", "business_case", "evidence", "numbers", "heard"):
            keys = {k for s, k in wide.states if s == section}
            assert {k: narrow.state(section, k) for k in keys} == {k: wide.state(section, k) for k in keys}
        assert narrow.state("showcase") == wide.state("showcase")  # the demo, whatever the template
        assert narrow.presented_slides <= narrow.budget
        assert sorted(narrow.pages) == sorted(p for s, p in narrow.states
                                              if s == "evidence" and narrow.state(s, p) == "presented")
    assert any(n > 1 for n in _agenda(example, briefing, 60, 648).pages.values())


def test_presented_slides_never_exceed_the_budget_and_the_backup_is_bounded():
    for minutes in (5, 10, 15, 30, 45, 90):
        agenda = _agenda("northwind-manufacturing.yaml", "coo-briefing", minutes)
        assert agenda.presented_slides <= agenda.budget
        backup = agenda.units("backup")
        assert len(backup) <= BACKUP_LIMIT
        assert agenda.state("decision") == "presented" and agenda.state("asks") == "presented"


def test_a_short_meeting_moves_the_rest_to_backup_in_story_order():
    agenda = _agenda("northwind-manufacturing.yaml", "coo-briefing", 15)
    assert agenda.budget == 7
    assert agenda.state("costs", "safe-hands") == "backup"
    sections = [s for s, _ in agenda.units("backup")]
    assert sections == sorted(sections, key=["decision", "business_case", "heard", "learners", "costs",
                                             "evidence", "quotes", "numbers", "numbers_chart", "years", "endorsement",
                                             "showcase", "asks", "working"].index)


@pytest.mark.parametrize("section", ["objectives", "initiatives", "pilots", "stakeholders"])
def test_the_planner_reads_one_item_an_id_because_the_loader_refuses_a_second(
        section, valid_data, write):
    # The planner looks items up by id (Strategy.index) with no rule for an id written
    # twice: a strategy that does so never reaches it.
    valid_data[section].append(copy.deepcopy(valid_data[section][0]))
    loaded, problems = check_strategy(write("s.yaml", dump(valid_data)))
    assert loaded is None
    assert [p.code for p in problems] == ["E301"]
    assert f"duplicate {section[:-1]} id" in problems[0].message


def _valid_agenda(data, write, asks):
    data["initiatives"][0]["horizon_years"] = 3
    data["briefings"][0].update(minutes=45, asks=asks)
    loaded, problems = check_strategy(write("s.yaml", dump(data)))
    assert loaded is not None, problems
    strategy = loaded.strategy
    return plan_agenda(strategy, compute_figures(strategy), strategy.briefings[0])


@pytest.mark.parametrize("ask", ["Agree a pilot of Pick Right on the night shift",
                                 "Support Pick Right in the March review",
                                 # Naming nothing, and asking for people's time, not money:
                                 "Approve two hours for each picker in March",
                                 "Freigabe jedes Kommissionierers für zwei Stunden im März"])
def test_money_no_ask_asks_for_waits_in_the_backup(ask, valid_data, write):
    # The meeting is asked for no money: what the roll-out would cost is ready for the question.
    agenda = _valid_agenda(valid_data, write, [ask])
    assert agenda.state("costs", "pick-right") == "backup"
    assert agenda.state("years", "pick-right") == "backup"
    assert agenda.state("evidence", "pick-right-pilot") == "presented"


@pytest.mark.parametrize("ask", [{"decision": "Approve the budget", "initiative": "pick-right"},
                                 "Approve $6,000 to roll out Pick Right",
                                 "Approve the roll-out to all 120 pickers",
                                 "Approve the training budget for next year"])
def test_money_an_ask_asks_for_is_presented(ask, valid_data, write):
    # Linked, named, or asked for without a name (it may be any initiative the deck shows).
    agenda = _valid_agenda(valid_data, write, [ask])
    assert agenda.state("costs", "pick-right") == "presented"
    assert agenda.state("years", "pick-right") == "presented"


def test_two_results_share_a_slide_only_where_both_charts_keep_a_readable_plot():
    assert charts_per_slide(None) == 2  # the bundled 16:9 template
    assert charts_per_slide(873.6) == 2  # 16:9: two charts of 5.9 in
    assert charts_per_slide(648) == 1  # 4:3: two would be 4.35 in each


def _two_results(data, write, injuries_worth: float | None, focus: list[str] | None):
    """The pilot measures picking errors (the objective's) and injuries (a second objective's),
    the injuries worth `injuries_worth` each (None: not priced); the briefing names `focus` (None: none)."""
    data["metrics"].append({"id": "injuries", "name": "Lost-time injuries", "unit": "injuries",
                            "better": "lower", "baseline": 6, "target": 3, "value_per_unit": injuries_worth})
    if injuries_worth is None:
        data["metrics"][-1].pop("value_per_unit")
    data["objectives"].append({**copy.deepcopy(data["objectives"][0]), "id": "safer",
                               "title": "Fewer injuries on the pick face", "metrics": ["injuries"]})
    data["initiatives"][0]["objectives"].append("safer")
    data["pilots"][0]["results"].append({"metric": "injuries", "per": "quarter", "before": 3, "after": 2,
                                         "control_before": 3, "control_after": 3})
    if focus is None:
        data["briefings"][0].pop("focus", None)
    else:
        data["briefings"][0]["focus"] = focus
    loaded, problems = check_strategy(write("s.yaml", dump(data)))
    assert loaded is not None, problems
    strategy = loaded.strategy
    return strategy, compute_figures(strategy)


@pytest.mark.parametrize(("worth", "focus", "first"), [
    (100, ["safer"], "injuries"),  # both priced, the meeting is about injuries: they lead
    (100, None, "pick-errors"),  # no focus: the author's order, whichever carries more money
    (90000, None, "pick-errors"),
    (None, ["safer"], "pick-errors"),  # what earns the roll-out's money before a result nobody priced
    (None, None, "pick-errors")])
def test_a_pilots_results_are_led_by_money_then_the_focus_then_the_authors_order(worth, focus, first, valid_data,
                                                                                 write):
    strategy, figures = _two_results(valid_data, write, worth, focus)
    focused = {"injuries"} if focus else None
    assert result_order(strategy.pilots[0], focused, figures)[0].metric == first


def test_on_a_narrow_slide_the_result_that_carries_the_money_is_presented_after_what_we_heard(
        valid_data, write):
    # Safety is the meeting's focus: its result has page one; picking errors carry the money,
    # so their page comes next rather than waiting in the backup.
    strategy, figures = _two_results(valid_data, write, 100, ["safer"])
    briefing = strategy.briefings[0].model_copy(update={"minutes": 30})
    wide = plan_agenda(strategy, figures, briefing)
    narrow = plan_agenda(strategy, figures, briefing, width=648)
    assert wide.pages == {"pick-right-pilot": 1}
    assert narrow.pages == {"pick-right-pilot": 2}
    assert narrow.state("heard") == wide.state("heard") == "presented"


def test_an_ask_for_the_learners_time_leads_with_the_pilots_of_the_initiative_it_is_for(valid_data, write):
    # "Release each picker..." names no initiative; Pick Right prices the pickers' time, so the
    # ask is about it: its pilot comes before the one of an initiative the meeting is asked to run.
    valid_data["initiatives"].insert(0, {**copy.deepcopy(valid_data["initiatives"][0]),
                                         "id": "label-check", "title": "Label Check"})
    valid_data["pilots"].insert(0, {**copy.deepcopy(valid_data["pilots"][0]), "id": "label-check-pilot",
                                    "initiative": "label-check", "group": "Day shift"})
    valid_data["initiatives"][1]["costs"].append({"item": "Pickers' time, two hours each", "amount": 40,
                                                  "kind": "per-participant", "category": "participants-time"})
    valid_data["accept"] = {"W315": "Two ways to the same errors, compared for this test."}
    agenda = _valid_agenda(valid_data, write, ["Release each picker for two paid hours in March",
                                               "Agree to run Label Check at every shift start"])
    assert agenda.pilots[:2] == ("pick-right-pilot", "label-check-pilot")


def test_the_numbers_are_essential_only_where_the_asks_ask_for_money(valid_data, write):
    # Asked for people's time, the meeting is not asked for the money: the numbers are no
    # essential, and wait in the backup for the question, as its cost slides do.
    money = _valid_agenda(copy.deepcopy(valid_data), write, ["Approve $6,000 to roll out Pick Right"])
    time = _valid_agenda(valid_data, write, ["Release each picker for two paid hours in March"])
    assert money.essential_slides - time.essential_slides == 1
    assert (money.state("numbers"), time.state("numbers")) == ("presented", "backup")  # 45 minutes


def test_an_asked_roll_out_that_pays_back_after_its_first_year_presents_its_years(valid_data, write):
    # $20,000 for $14,000 a year does not pay back in year one: the three years that do answer
    # the numbers slide, right after it, before what the room did not ask for.
    valid_data["initiatives"][0]["costs"][0]["amount"] = 20000
    valid_data["initiatives"][0]["horizon_years"] = 3
    valid_data["briefings"][0].update(minutes=12, asks=["Approve $20,000 to roll out Pick Right"])
    loaded, problems = check_strategy(write("s.yaml", dump(valid_data)))
    assert loaded is not None, problems
    strategy = loaded.strategy
    agenda = plan_agenda(strategy, compute_figures(strategy), strategy.briefings[0])
    assert agenda.state("numbers") == agenda.state("years", "pick-right") == "presented"
    assert agenda.state("costs", "pick-right") == "backup"


def test_focus_evidence_that_carries_money_comes_before_an_objective_the_meeting_did_not_ask_about(
        valid_data, write):
    # On 4:3, 20 minutes: Pick Right's pilot has a second page on the focus (injuries, worth money);
    # Label Check, also asked for, serves an objective outside the focus. Its page is presented
    # before that objective's metric slide.
    _two_results(valid_data, write, 100, None)  # injuries, worth money, on a second objective
    data = copy.deepcopy(valid_data)
    data["briefings"][0]["focus"] = [valid_data["objectives"][0]["id"], "safer"]
    data["metrics"].append({"id": "returns", "name": "Customer returns", "unit": "complaints", "better": "lower",
                            "baseline": 200, "target": 120, "value_per_unit": 45})
    data["objectives"].append({**copy.deepcopy(data["objectives"][0]), "id": "fewer-returns",
                               "title": "Fewer returns", "metrics": ["returns"]})
    data["initiatives"].append({**copy.deepcopy(data["initiatives"][0]), "id": "label-check",
                                "title": "Label Check", "objectives": ["fewer-returns"]})
    data["pilots"].append({**copy.deepcopy(data["pilots"][0]), "id": "label-check-pilot", "initiative": "label-check",
                           "group": "Day shift", "results": [{"metric": "returns", "per": "month", "before": 30,
                                                              "after": 20, "control_before": 30, "control_after": 29}]})
    data["pilots"][1].pop("quotes", None)
    data["briefings"][0].pop("showcase", None)  # the course shown comes before further pages
    data["briefings"][0].update(minutes=20, asks=[{"decision": "Approve Pick Right", "initiative": "pick-right"},
                                                  {"decision": "Approve Label Check", "initiative": "label-check"}])
    loaded, problems = check_strategy(write("s2.yaml", dump(data)))
    assert loaded is not None, problems
    strategy = loaded.strategy
    narrow = plan_agenda(strategy, compute_figures(strategy), strategy.briefings[0], width=648)
    assert narrow.pages["pick-right-pilot"] == 2
    assert narrow.state("business_case", "fewer-returns") == "backup"
