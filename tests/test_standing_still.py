"""The cost of standing still: what today's gap to target costs a year, said only where it exists."""

from __future__ import annotations

from typing import Any

import pytest

from deck_helpers import brief_valid

# Picking errors: 42 now, target 25, per month, $30 each: 17 × 12 × 30 a year.
SENTENCE = "Picking errors: today's gap to target costs $6,120 a year"


_brief = brief_valid


def _lines(slide: dict[str, Any]) -> list[str]:
    return [text for _, text in slide["body"]]


def _business_case(deck: list[dict[str, Any]]) -> dict[str, Any]:
    return next(s for s in deck if (s["title"] or "").startswith("Picking errors:"))


def test_a_metric_with_a_period_and_a_value_says_what_its_gap_costs(valid_data, write, run,
                                                                   workdir):
    valid_data["metrics"][0]["per"] = "month"
    deck, points = _brief(valid_data, write, run, workdir)
    assert SENTENCE in _lines(_business_case(deck))
    assert SENTENCE in _lines(deck[1])  # the decision slide frames the ask with it
    assert len([s for s in deck if s["title"] == deck[1]["title"]]) == 1  # still one slide
    assert SENTENCE in deck[1]["notes"] and SENTENCE in _business_case(deck)["notes"]
    assert f"- {SENTENCE}" in points


@pytest.mark.parametrize("change", [{}, {"per": "month", "actual": 20}, {"per": "month", "actual": 25}],
                         ids=["without per", "past the target", "at the target"])
def test_no_sentence_without_the_figure_or_once_the_target_is_met(change, valid_data, write,
                                                                  run, workdir):
    valid_data["metrics"][0].update(change)
    deck, points = _brief(valid_data, write, run, workdir)
    said = " ".join(" ".join(_lines(s) + [s["notes"]]) for s in deck) + points
    assert "gap to target costs" not in said and "standing still" not in said
    assert "costs $0" not in said


def test_the_cost_of_standing_still_reads_in_german(valid_data, write, run, workdir):
    valid_data["metrics"][0]["per"] = "month"
    valid_data["locale"] = "de_DE"
    deck, points = _brief(valid_data, write, run, workdir)
    sentence = "Picking errors: Die heutige Lücke zum Ziel kostet 6.120\u00a0$ im Jahr"
    assert sentence in _lines(deck[1]) and sentence in points


def test_an_objective_slide_leads_with_the_metric_whose_gap_costs_money(valid_data, write, run, workdir):
    # A service level listed first, with a history to chart, would push the priced metric it
    # drives out of the title and the chart.
    valid_data["metrics"][0]["per"] = "month"
    valid_data["metrics"].insert(0, {
        "id": "on-time", "name": "Orders shipped on time", "unit": "% of orders", "better": "higher",
        "baseline": 91, "target": 97, "actual": 92, "accept": {"W103": "A service level."},
        "history": [{"period": "2025-01", "value": 91}, {"period": "2025-02", "value": 92}]})
    valid_data["objectives"][0]["metrics"] = ["on-time", "pick-errors"]
    deck, _ = _brief(valid_data, write, run, workdir)
    case = _business_case(deck)
    assert SENTENCE in _lines(case) and any("Orders shipped on time" in line for line in _lines(case))
    assert not any((s["title"] or "").startswith("Orders shipped on time:") for s in deck)


def test_a_scoped_unit_names_its_scope_with_the_metric_not_between_the_figures(valid_data, write, run, workdir):
    # "down from 42 to 38 errors a month, all warehouses, 13 errors above the target" reads as a list.
    valid_data["metrics"][0].update(unit="errors, all warehouses", per="month", actual=38)
    deck, _ = _brief(valid_data, write, run, workdir)
    title = next(s["title"] for s in deck if (s["title"] or "").startswith("Picking errors, all warehouses: "))
    assert title.startswith("Picking errors, all warehouses: down from 42 to 38 errors a month, 13 errors above"), title
