"""Every line of `roi --explain` multiplies out, by hand, to the figure it states, at the
precision it shows: a margin of 0.098 is not written $0.10, nor ¥0, and an isolation of
0.140868 not 0.1409."""

from __future__ import annotations

import copy
import re

import pytest

from conftest import dump
from test_figures import BASE


def _strategy(currency: str, value: float) -> dict:
    data = copy.deepcopy(BASE)
    data["currency"] = currency
    data["metrics"][0].update(better="higher", baseline=1000, target=9000, actual=1500,
                              value_per_unit=value, per="week")
    result = data["pilots"][0]["results"][0]
    result.update(before=100_000, after=180_000, control_before=100_000, control_after=104_000,
                  isolation=0.140868, confidence=0.9)
    data["audiences"][0]["headcount"] = 1300  # R = 65
    data["initiatives"][0].update(horizon_years=3, retention=0.7)
    data["discount_rate"] = 0.075
    return data


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _value(text: str) -> tuple[float, int]:
    """A number as written on the page, and its decimal places."""
    digits = _NUMBER.search(text).group().replace(",", "")
    return float(digits), len(digits.partition(".")[2])


def _check(line: str) -> None:
    """'= a × b … = result': the left side, computed from the numbers as shown, rounds to it."""
    left, _, stated = line.strip()[2:].rpartition(" = ")
    if "?" in left or "n/a" in stated or "never" in stated:
        return
    result, places = _value(stated)
    expression = re.sub(r"[£$¥]", "", left).replace(",", "")
    expression = (expression.replace("×", "*").replace("÷", "/").replace("−", "-")
                  .replace("²", "**2").replace("%", ""))
    got = eval(expression, {"__builtins__": {}})  # noqa: S307 - digits and signs only
    if stated.endswith("%") and "× 100" not in left:  # a share: cost ÷ benefit, written as %
        got *= 100
    assert abs(got - result) <= 10 ** -places / 2 * (1 + 1e-9), line


def test_the_trend_line_estimates_npv_and_gap_multiply_out_too(run, write):
    data = _strategy("GBP", 6.8)
    result = data["pilots"][0]["results"][0]
    for key in ("control_before", "control_after", "isolation", "confidence"):
        del result[key]
    result.update(trend_after=113_000, estimates=[{"share": 0.35, "confidence": 0.7},
                                                  {"share": 0.2, "confidence": 0.85},
                                                  {"share": 0.5, "confidence": 0.6}])
    write("s.yaml", dump(data))
    out = run("roi", "s.yaml", "--explain", env={"COLUMNS": "400"}).stdout
    lines = [line for line in out.splitlines() if line.startswith("    = ")]
    for line in lines:
        _check(line)
    assert "= 113,000 − 100,000 = 13,000" in out  # trend_after − before
    assert "(0.35 × 0.7 + 0.2 × 0.85 + 0.5 × 0.6) ÷ 3 = 0.2383" in out
    assert "net present value" in out and "yearly cost of the gap" in out


@pytest.mark.parametrize("currency", ["USD", "JPY"])
def test_every_line_of_the_working_multiplies_out(run, write, currency):
    write("s.yaml", dump(_strategy(currency, 0.098)))
    result = run("roi", "s.yaml", "--explain", env={"COLUMNS": "400"})  # a line each
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("    = ")]
    assert len(lines) > 12
    for line in lines:
        _check(line)
    text = result.stdout
    symbol = {"USD": "$", "JPY": "¥"}[currency]
    assert f"× {symbol}0.098 = " in text and f"{symbol}0.10 " not in text
    assert f"× {symbol}0 = " not in text
    assert "× 0.140868 × 0.9 = " in text


def test_a_change_less_its_comparison_group_is_bracketed_before_it_is_multiplied(valid_data, tmp_path):
    # "10 fewer a month, less 1 for the comparison group × 80% isolation" reads left to right as 10 − 0.8.
    from deck_helpers import read_deck
    from test_deck_holds import brief_and_read

    valid_data["briefings"][0]["minutes"] = 60
    assert brief_and_read(valid_data, tmp_path) == []
    rows = [c for s in read_deck(tmp_path / "out" / "warehouse-manager-briefing.pptx") if s["table"]
            for row in s["table"] for c in row if "for the comparison group" in c]
    assert rows and all(c.startswith("(") and ") × " in c for c in rows), rows
