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
