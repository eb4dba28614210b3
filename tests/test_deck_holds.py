"""Decks hold on any strategy `check` accepts: seeded strategies of varied structure, read back.

A few seeds run by default; `BUYIN_DECK_SEEDS=200` runs two hundred (the seeds a
failure names reproduce it: `BUYIN_DECK_SEEDS=17..18`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from conftest import dump, invoke
from deck_invariants import all_findings
from strategy_maker import UNITS, SUMMED, UNIT, make_strategy

DRAFT = False


def _seeds() -> list[int]:
    wanted = os.environ.get("BUYIN_DECK_SEEDS", "4")
    if ".." in wanted:
        low, high = wanted.split("..")
        return list(range(int(low), int(high)))
    return list(range(int(wanted)))


def _levels(strategy: dict[str, Any]) -> set[str]:
    """The metrics whose unit is a level (read, not summed, over a period)."""
    summed = {row[UNIT[0]] for row in UNITS if row[SUMMED]} | {row[UNIT[1]] for row in UNITS
                                                                if row[SUMMED]}
    return {m["id"] for m in strategy["metrics"] if m["unit"] not in summed}


def brief_and_read(strategy: dict[str, Any], folder: Path, four_three: bool = False,
                   ) -> list[str]:
    """Check, brief and read back every deck of `strategy`; the findings, or [] when it holds."""
    path = folder / "s.yaml"
    path.write_text(dump(strategy), encoding="utf-8")
    checked = invoke(["check", str(path)])
    assert checked.exit_code == 0, checked.output  # the maker writes only valid strategies
    figures = json.loads(invoke(["roi", str(path), "--format", "json"]).stdout)
    args = ["brief", str(path), "-o", str(folder / "out")]
    if "W307" in checked.output and DRAFT:
        args.append("--draft")
    if four_three:
        template = folder / "four-three.pptx"
        Presentation().save(str(template))  # python-pptx's own 4:3 deck
        args += ["--pptx-template", str(template)]
    briefed = invoke(args)
    assert briefed.exit_code == 0, briefed.output
    findings = []
    for briefing in strategy["briefings"]:
        deck = folder / "out" / f"{briefing['id']}.pptx"
        points = (folder / "out" / f"{briefing['id']}.md").read_text(encoding="utf-8")
        findings += [f"{briefing['id']}: {line}" for line in
                     all_findings(deck, points, strategy, briefing, figures, _levels(strategy))]
    return findings


@pytest.mark.parametrize("seed", _seeds())
def test_a_generated_strategy_gives_decks_that_hold(seed: int, tmp_path: Path) -> None:
    findings = brief_and_read(make_strategy(seed), tmp_path, four_three=seed % 3 == 2)
    assert not findings, f"seed {seed}:\n" + "\n".join(findings)
