"""The models declare the format: field rules on single values, strict types, nothing extra."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from buyin_cli.load import models
from buyin_cli.load.models import Strategy


def _types(error: ValidationError) -> list[tuple[tuple, str]]:
    return [(tuple(e["loc"]), e["type"]) for e in error.errors()]


def _invalid(data: dict[str, Any]) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as info:
        Strategy.model_validate(data)
    return _types(info.value)


def test_the_valid_strategy(valid_data):
    strategy = Strategy.model_validate(valid_data)
    assert strategy.pilots[0].start.isoformat() == "2025-03-03"
    assert strategy.metrics[0].baseline == 42
    assert strategy.sponsor.usage_targets[0].completion == 0.8


def test_defaults_of_a_minimal_strategy():
    strategy = Strategy.model_validate(
        {"buyin": 1, "organisation": "O", "title": "T", "presenter": {"name": "N", "role": "R"}})
    assert strategy.currency == "USD"
    assert strategy.objectives == [] and strategy.pilots == [] and strategy.briefings == []
    assert strategy.sponsor is None
    assert strategy.discount_rate == 0


def test_the_fields_that_say_how_an_effect_was_isolated_and_what_a_cost_is(valid_data):
    result = valid_data["pilots"][0]["results"][0]
    del result["control_before"], result["control_after"], result["isolation"]
    del result["confidence"]
    result.update(trend_after=39, estimates=[{"share": 0.5, "confidence": 0.8},
                                             {"share": 0.25, "confidence": 1}])
    valid_data["pilots"][0]["control_group"] = "Day shift"
    valid_data["metrics"][0]["per"] = "month"
    valid_data["initiatives"][0]["costs"][0]["category"] = "participants-time"
    valid_data["discount_rate"] = 0.08
    strategy = Strategy.model_validate(valid_data)
    read = strategy.pilots[0].results[0]
    assert (read.trend_after, [(e.share, e.confidence) for e in read.estimates]) == (
        39, [(0.5, 0.8), (0.25, 1)])
    assert (strategy.pilots[0].control_group, strategy.metrics[0].per) == ("Day shift", "month")
    assert strategy.initiatives[0].costs[0].category == "participants-time"
    assert strategy.discount_rate == 0.08


def test_models_are_frozen(valid_data):
    strategy = Strategy.model_validate(valid_data)
    with pytest.raises(ValidationError):
        strategy.title = "Changed"  # type: ignore[misc]  # the point: a frozen model refuses it


def _all_models() -> list[type[BaseModel]]:
    return sorted({obj for obj in vars(models).values()
                   if isinstance(obj, type) and issubclass(obj, models.Model)},
                  key=lambda m: m.__name__)


@pytest.mark.parametrize("model", _all_models(), ids=lambda m: m.__name__)
def test_every_model_forbids_unknown_keys_and_describes_every_field(model):
    assert model.model_config["extra"] == "forbid"
    assert model.model_config["strict"] is True
    assert all(field.description for field in model.model_fields.values())


@pytest.mark.parametrize("path, value, kind", [
    (("metrics", 0, "baseline"), "42", "float_type"),
    (("metrics", 0, "baseline"), True, "float_type"),
    (("metrics", 0, "baseline"), float("inf"), "finite_number"),
    (("metrics", 0, "baseline"), float("nan"), "finite_number"),
    (("audiences", 0, "headcount"), 12.5, "int_type"),
    (("audiences", 0, "headcount"), True, "int_type"),
    (("audiences", 0, "headcount"), 0, "greater_than"),
    (("audiences", 0, "id"), "Pickers", "string_pattern_mismatch"),
    (("audiences", 0, "id"), "-pickers", "string_pattern_mismatch"),
    (("audiences", 0, "name"), "   ", "string_too_short"),
    (("pilots", 0, "results", 0, "isolation"), 1.01, "less_than_equal"),
    (("pilots", 0, "results", 0, "confidence"), -0.01, "greater_than_equal"),
    (("pilots", 0, "learning", "post"), 100.5, "less_than_equal"),
    (("pilots", 0, "cost"), -1, "greater_than_equal"),
    (("pilots", 0, "usage", "completed"), -1, "greater_than_equal"),
    (("pilots", 0, "reaction", "scale"), 0, "greater_than"),
    (("pilots", 0, "results", 0, "per"), "day", "literal_error"),
    (("objectives", 0, "driver"), "both", "literal_error"),
    (("objectives", 0, "metrics"), [], "too_short"),
    (("briefings", 0, "asks"), [], "too_short"),
    (("briefings", 0, "minutes"), 0, "greater_than"),
    (("buyin",), 2, "literal_error"),
    (("discount_rate",), 8, "less_than_equal"),
    (("metrics", 0, "per"), "day", "literal_error"),
    (("pilots", 0, "control_group"), " ", "string_too_short"),
    (("pilots", 0, "results", 0, "trend_after"), "39", "float_type"),
    (("pilots", 0, "results", 0, "estimates"), [], "too_short"),
    (("initiatives", 0, "costs", 0, "category"), "build", "literal_error"),
])
def test_single_value_rules(valid_data, path, value, kind):
    parent = valid_data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    assert _invalid(valid_data) == [(path, kind)]


@pytest.mark.parametrize("text, kind", [
    ("2026-13-31", "value_error"), ("2025-02-29", "value_error"),
    ("2025-3-3", "value_error"), ("03/03/2025", "value_error"),
])
def test_dates_are_strict_iso(valid_data, text, kind):
    valid_data["pilots"][0]["start"] = text
    assert _invalid(valid_data) == [(("pilots", 0, "start"), kind)]


def test_leap_day_is_a_date(valid_data):
    valid_data["pilots"][0]["start"] = "2024-02-29"
    assert Strategy.model_validate(valid_data).pilots[0].start.day == 29


@pytest.mark.parametrize("code, ok", [("GBP", True), ("EUR", True), ("JPY", True),
                                      ("gbp", False), ("UKP", False), ("", False)])
def test_currency_codes(valid_data, code, ok):
    valid_data["currency"] = code
    if ok:
        assert Strategy.model_validate(valid_data).currency == code
    else:
        assert _invalid(valid_data) == [(("currency",), "value_error")]


def test_text_is_stripped(valid_data):
    valid_data["title"] = "  Fewer errors  "
    assert Strategy.model_validate(valid_data).title == "Fewer errors"


def test_unknown_key_is_refused_where_it_is(valid_data):
    valid_data["pilots"][0]["results"][0]["baseline"] = 1
    assert _invalid(valid_data) == [(("pilots", 0, "results", 0, "baseline"), "extra_forbidden")]


def test_accepted_warnings_need_a_reason(valid_data):
    valid_data["pilots"][0]["accept"] = {"W301": "Every site took part."}
    assert Strategy.model_validate(valid_data).pilots[0].accept == {"W301": "Every site took part."}
    valid_data["pilots"][0]["accept"] = {"W301": ""}
    assert _invalid(valid_data) == [(("pilots", 0, "accept", "W301"), "string_too_short")]


def test_the_currency_list_has_every_currency_babel_knows_in_use():
    """check starts without Babel, so the loader keeps its own list: Babel's data keeps it true."""
    from babel.core import get_global

    from buyin_cli.load.currencies import ISO_4217

    in_use = {code for rows in get_global("territory_currencies").values()
              for code, _start, end, tender in rows if end is None and tender}
    assert sorted(in_use - ISO_4217) == []


def test_the_index_is_built_once_and_a_copy_builds_its_own(valid_data):
    valid_data["metrics"].append(dict(valid_data["metrics"][0], id="second-metric"))
    strategy = Strategy.model_validate(valid_data)
    index = strategy.index
    assert strategy.index is index  # kept, not rebuilt on each use
    assert list(index.metrics) == [valid_data["metrics"][0]["id"], "second-metric"]
    assert index.at("metrics")["second-metric"] == 1
    assert index.metrics["second-metric"] is strategy.metrics[1]
    # A copy given other lists must not read the original's index (pydantic copies __dict__).
    fewer = strategy.model_copy(update={"metrics": strategy.metrics[1:]})
    assert list(fewer.index.metrics) == ["second-metric"]
    assert fewer.index.at("metrics")["second-metric"] == 0
    assert list(strategy.index.metrics) == list(index.metrics)  # the original keeps its own
    whole = copy.deepcopy(strategy)
    assert whole.index is not index and whole.index.metrics["second-metric"] is whole.metrics[1]
    assert whole == strategy  # the index is no field: equality is the fields'
