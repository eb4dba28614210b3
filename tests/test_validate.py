"""Validation: every problem in one pass, located, with one line per mistake; never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from buyin_cli.errors import Location, Problem, StrategyInvalid
from buyin_cli.load.strategy import LoadedStrategy, check_strategy, load_strategy
from conftest import VALID_YAML, dump, replace_line


def lines(path) -> list[str]:
    return [str(p) for p in check_strategy(Path(path))[1]]


def test_a_valid_strategy_loads(strategy_file):
    loaded = load_strategy(strategy_file)
    assert isinstance(loaded, LoadedStrategy)
    assert loaded.strategy.organisation == "Kestrel Logistics"
    assert loaded.sources.at(("pilots", 0)).line == 37
    assert check_strategy(strategy_file)[1] == []


def test_load_strategy_raises_with_every_problem_sorted(write):
    text = replace_line(VALID_YAML, "    minutes: 20", "    minutes: 0")
    text = replace_line(text, "    headcount: 120", "    headcount: 0")
    write("s.yaml", text)
    with pytest.raises(StrategyInvalid) as info:
        load_strategy(Path("s.yaml"))
    assert [p.location.line for p in info.value.problems] == [23, 78]
    assert str(info.value) == str(info.value.problems[0])


def test_schema_and_relation_problems_come_together(write):
    text = replace_line(VALID_YAML, "    headcount: 120", "    headcount: 0")
    text = replace_line(text, "    stakeholder: warehouse-manager", "    stakeholder: ceo")
    write("s.yaml", text)
    assert [line.split(" ")[1] for line in lines("s.yaml")] == ["E204", "E302"]


def test_a_typo_of_a_required_key_is_one_line(write):
    write("s.yaml", replace_line(VALID_YAML, "    participants: 20", "    participant: 20"))
    assert lines("s.yaml") == ["s.yaml:40:5: E201 pilots[0].participant: unknown key "
                               "(did you mean 'participants'?)"]


def test_a_comma_inside_braces_that_made_a_key_says_to_quote_the_text(write):
    write("s.yaml", replace_line(VALID_YAML, "      - {text: I check the label twice now., by: Night-shift picker}",
                                 "      - {text: I check the label, twice now, by: Night-shift picker}"))
    assert lines("s.yaml") == [
        "s.yaml:48:35: E201 pilots[0].quotes[0].twice now: unknown key: inside {…} an unquoted comma "
        "ends a value, so YAML read 'twice now' as a key; put the text with the comma in quotes, "
        "e.g. \"…, twice now\""]


def test_a_block_mapping_keeps_the_plain_unknown_key_message(write):
    write("s.yaml", replace_line(VALID_YAML, "    participants: 20", "    participants: 20\n    twice now:"))
    assert "expected one of" in lines("s.yaml")[0]


def test_an_unknown_key_unlike_any_leaves_the_missing_one_reported(write):
    write("s.yaml", replace_line(VALID_YAML, "    participants: 20", "    people: 20"))
    assert sorted(line.split(" ")[1] for line in lines("s.yaml")) == ["E201", "E202"]


def test_dangling_reference_hints(write):
    many = "".join(f"  - {{id: m{i}, name: M, unit: u, better: lower, baseline: 1, target: 0}}\n"
                   for i in range(10))
    write("s.yaml", "buyin: 1\norganisation: O\ntitle: T\npresenter: {name: N, role: R}\n"
                    "metrics:\n" + many +
                    "objectives:\n  - {id: o, title: T, owner: O, driver: gain, "
                    "metrics: [zz-top]}\n"
                    "briefings:\n  - {id: b, stakeholder: ceo, date: 2025-01-01, minutes: 5, "
                    "opening_question: Q, asks: [A]}\n")
    assert lines("s.yaml") == [
        "s.yaml:17:57: E302 objectives[0].metrics[0]: unknown metric 'zz-top' (known: m0, m1, "
        "m2, m3, m4, m5, m6, m7, …)",
        "s.yaml:19:26: E302 briefings[0].stakeholder: unknown stakeholder 'ceo' (there are no "
        "stakeholders yet; add one to 'stakeholders')"]


def test_no_suggestion_of_an_invalid_id(write):
    write("s.yaml", replace_line(VALID_YAML, "  - id: pickers", "  - id: Pickers"))
    assert lines("s.yaml") == [
        "s.yaml:21:9: E204 audiences[0].id: 'Pickers' is not a valid id; use lowercase "
        "letters, digits and hyphens, e.g. 'pickers'",
        "s.yaml:32:17: E302 initiatives[0].audiences[0]: unknown audience 'pickers' "
        "(no audience has a valid id yet)"]


@pytest.mark.parametrize("section, value", [
    ("pilots", 5), ("pilots", [5, "x", None]), ("pilots", [{"results": 3, "usage": [1]}]),
    ("pilots", [{"results": [None, {"metric": 3}], "reaction": {"score": "a", "scale": 1}}]),
    ("pilots", [{"start": "2025-13-01", "end": 4, "usage": {"enrolled": True, "completed": 1}}]),
    ("briefings", [{"focus": 3, "stakeholder": ["x"]}]), ("objectives", [{"metrics": "a"}]),
    ("metrics", [{"id": ["a"]}, {"id": {"b": 1}}]), ("initiatives", {"audiences": ["x"]}),
])
def test_malformed_sections_give_problems_not_crashes(write, valid_data, section, value):
    valid_data[section] = value
    write("s.yaml", dump(valid_data))
    found = check_strategy(Path("s.yaml"))[1]
    assert found and all(p.code.startswith("E") for p in found)


def test_ids_must_be_unique_per_section_not_across_sections(write):
    # The same slug may name an audience and an initiative.
    write("s.yaml", replace_line(VALID_YAML, "  - id: pick-right", "  - id: pickers"))
    assert not [line for line in lines("s.yaml") if " E301 " in line]


def test_problem_order_errors_first_then_by_place():
    here = Path("b.yaml")
    problems = [Problem(Location(here, 9, 1), "W101", "w"),
                Problem(Location(here, 5, 2), "E204", "e"),
                Problem(Location(Path("a.yaml"), 7, 1), "E204", "e"),
                Problem(Location(here, 5, 1), "E201", "e")]
    ordered = sorted(problems, key=Problem.sort_key)
    assert [(str(p.location), p.code) for p in ordered] == [
        ("a.yaml:7:1", "E204"), ("b.yaml:5:1", "E201"), ("b.yaml:5:2", "E204"),
        ("b.yaml:9:1", "W101")]


def test_problem_is_always_one_line():
    problem = Problem(Location(Path("s.yaml"), 1, 1), "E203", "got 'a\nb\r'")
    assert str(problem) == "s.yaml:1:1: E203 got 'a\\nb\\r'"


# --- after the meeting: an outcome, a launch and tracking ---------------------------------

OUTCOME = """\
    outcome:
      held: 2025-09-10
      decisions:
        - {ask: 1, decision: approved, note: From October}
      follow_ups:
        - {action: Send the schedule, owner: Dana Ruiz, due: 2025-09-30}
"""
TRACKING = """\
      - {item: Build the guide, amount: 6000, kind: one-off}
    launch: 2025-10-06
    tracking:
      - {period: 2025-10, enrolled: 60, completed: 41}"""


def test_an_outcome_and_tracking_load(write):
    text = replace_line(VALID_YAML + OUTCOME, "      - {item: Build the guide, amount: 6000, "
                                              "kind: one-off}", TRACKING)
    write("s.yaml", text)
    strategy = load_strategy(Path("s.yaml")).strategy
    outcome = strategy.briefings[0].outcome
    assert outcome.held.isoformat() == "2025-09-10"
    assert (outcome.decisions[0].ask, outcome.decisions[0].decision) == (1, "approved")
    assert outcome.follow_ups[0].done is False  # not done unless it says so
    initiative = strategy.initiatives[0]
    assert initiative.launch.isoformat() == "2025-10-06"
    assert (initiative.tracking[0].period, initiative.tracking[0].completed) == ("2025-10", 41)


def test_a_decision_on_an_ask_the_briefing_lacks(write):
    write("s.yaml", VALID_YAML + OUTCOME.replace("{ask: 1,", "{ask: 2,"))
    assert lines("s.yaml") == ["s.yaml:86:17: E306 briefings[0].outcome.decisions[0].ask: "
                               "ask 2, but the briefing has 1 ask; number the asks from 1 as "
                               "they are listed"]


def test_an_ask_decided_twice(write):
    twice = OUTCOME.replace("        - {ask: 1, decision: approved, note: From October}\n",
                            "        - {ask: 1, decision: approved}\n"
                            "        - {ask: 1, decision: deferred}\n")
    write("s.yaml", VALID_YAML + twice)
    assert lines("s.yaml") == ["s.yaml:87:17: E306 briefings[0].outcome.decisions[1].ask: "
                               "ask 1 is decided twice (first at line 86); record one "
                               "decision per ask"]


def test_a_decision_that_is_not_one_of_the_four(write):
    write("s.yaml", VALID_YAML + OUTCOME.replace("decision: approved", "decision: yes"))
    assert [line.split(" ")[1] for line in lines("s.yaml")] == ["E204"]


def test_tracking_with_more_completed_than_enrolled(write):
    text = replace_line(VALID_YAML, "      - {item: Build the guide, amount: 6000, kind: one-off}",
                        TRACKING.replace("completed: 41", "completed: 61"))
    write("s.yaml", text)
    assert lines("s.yaml") == ["s.yaml:38:52: E304 initiatives[0].tracking[0].completed: 61 "
                               "completed but only 60 enrolled; completed must not exceed "
                               "enrolled"]
