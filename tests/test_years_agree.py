"""`buyin roi`'s years, in the terminal and the workbook, are the deck's years to the unit."""

from __future__ import annotations

from typing import Any

import openpyxl

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.strategy import load_strategy
from buyin_cli.present.numbers import shown
from buyin_cli.present.said import years_shown
from conftest import dump, invoke
from deck_helpers import read_deck
from test_deck_holds import brief_and_read


def _discounted(data: dict[str, Any]) -> dict[str, Any]:
    """Three years at 3.5% a year, 80% kept: year 2's net in today's money is $9,852.50… on its
    own rounded to $9,853, but $9,852 where the years add up to the NPV of $24,278."""
    data["discount_rate"] = 0.035
    data["initiatives"][0].update(horizon_years=3, retention=0.8)
    data["initiatives"][0]["costs"].append({"item": "Licence", "amount": 1000, "kind": "per-year"})
    return data


def test_the_two_roundings_differ_here(valid_data, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(dump(_discounted(valid_data)), encoding="utf-8")
    years = compute_figures(load_strategy(path).strategy).initiatives["pick-right"].years
    assert [shown(y.discounted_net, 0) for y in years] != [s.today for s in years_shown(years)]


def test_roi_says_the_decks_years(valid_data, tmp_path):
    assert brief_and_read(_discounted(valid_data), tmp_path) == []
    [table] = [s["table"] for s in read_deck(tmp_path / "out" / "warehouse-manager-briefing.pptx")
               if s["table"] and "Net in today's money" in s["table"][0]]
    deck = [row[3] for row in table[1:4]]
    assert deck == ["$6,997", "$9,852", "$7,429"]
    path = tmp_path / "s.yaml"
    [line] = [x for x in invoke(["roi", str(path)]).stdout.splitlines() if x.startswith("Net in today's money")]
    assert line.split()[-3:] == deck
    out = tmp_path / "f.xlsx"
    assert invoke(["roi", str(path), "--format", "xlsx", "--out", str(out)]).exit_code == 0
    sheet = openpyxl.load_workbook(out, data_only=True)["Years"]
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [f"${r[4]:,.0f}" for r in rows] == deck
    assert sum(r[4] for r in rows) == 24278  # the NPV as the deck states it


def test_the_years_chart_runs_in_todays_money_to_the_npv_its_title_says(valid_data, tmp_path):
    # A title of "a net present value of $24,278" over bars of the undiscounted running net,
    # ending elsewhere, shows a finance reader two figures for one.
    assert brief_and_read(_discounted(valid_data), tmp_path) == []
    [years] = [s for s in read_deck(tmp_path / "out" / "warehouse-manager-briefing.pptx")
               if s["table"] and "Net in today's money" in s["table"][0]]
    [(name, values)] = years["chart"]["series"]
    assert "today's money" in name and values == [6997, 6997 + 9852, 24278]
