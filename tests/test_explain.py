"""The working behind each figure: formula, the strategy's numbers, and where they were written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from buyin_cli.figures.explain import explain_figures
from buyin_cli.figures.export import explanation_json
from buyin_cli.figures.steps import Operand, Section, Step
from buyin_cli.load.strategy import load_strategy

# Line numbers matter below: keep the layout.
STRATEGY = """\
buyin: 1
organisation: Kestrel
title: Fewer errors
presenter: {name: Dana, role: Lead}
currency: GBP
metrics:
  - id: errors
    name: Picking errors
    unit: per 10k lines
    better: lower
    baseline: 42
    target: 25
    value_per_unit: 30
  - id: speed
    name: Lines per hour
    unit: lines
    better: higher
    baseline: 100
    target: 100
audiences:
  - {id: pickers, name: Pickers, headcount: 100, gaps: {}}
  - {id: packers, name: Packers, headcount: 20, gaps: {}}
initiatives:
  - id: pick
    title: Pick Right
    format: blended
    audiences: [pickers, packers]
    objectives: [o]
    costs:
      - {item: Build, amount: 6000, kind: one-off}
      - {item: Time, amount: 44, kind: per-participant}
pilots:
  - id: night
    initiative: pick
    group: Night shift
    participants: 20
    start: 2025-03-03
    end: 2025-05-30
    cost: 0
    results:
      - metric: errors
        per: month
        before: 40
        after: 30
        control_before: 41
        control_after: 40
        isolation: 0.8
      - metric: speed
        per: week
        before: 100
        after: 104
objectives:
  - {id: o, title: Fewer errors, owner: COO, driver: pain, metrics: [errors]}
"""


@pytest.fixture
def sections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Section]:
    monkeypatch.chdir(tmp_path)
    Path("s.yaml").write_text(STRATEGY, encoding="utf-8")
    return {s.title: s for s in explain_figures(load_strategy(Path("s.yaml")))}


def plain(op: Operand) -> str:
    return "n/a" if op.value is None else f"{op.value:g}"


def step(sections: dict[str, Section], title: str, figure: str) -> Step:
    return next(s for s in sections[title].steps if s.figure == figure)


def where(s: Step) -> list[str]:
    return [f"{op.label} {op.source}" for op in s.sources]


def test_sections_follow_the_figures(sections):
    assert list(sections) == ["Metrics: progress toward target",
                              "Pilot night · Picking errors", "Pilot night · Lines per hour",
                              "Pilot night: benefit and ROI", "Initiative pick: roll-out"]


def test_improvement_names_the_readings_it_used(sections):
    s = step(sections, "Pilot night · Picking errors", "improvement")
    assert s.formula == "before − after (lower is better)"
    assert s.fill(plain) == "40 − 30"
    assert s.result.value == 10
    assert where(s) == ["before s.yaml:43:17", "after s.yaml:44:16"]


def test_higher_is_better_reads_after_minus_before(sections):
    s = step(sections, "Pilot night · Lines per hour", "improvement")
    assert s.formula == "after − before (higher is better)"
    assert s.fill(plain) == "104 − 100"


def test_attributable_shows_defaults_without_a_source(sections):
    s = step(sections, "Pilot night · Picking errors", "attributable")
    assert s.fill(plain) == "(10 − 1) × 0.8 × 1"    # = 7.2
    assert s.result.value == pytest.approx(7.2)
    assert [op.label for op in s.operands] == ["improvement", "control improvement",
                                               "isolation", "confidence (default 1)"]
    assert where(s) == ["isolation s.yaml:47:20"]


def test_benefit_and_scale_up_name_their_sources(sections):
    benefit = step(sections, "Pilot night · Picking errors", "pilot annual benefit")
    assert benefit.fill(plain) == "7.2 × 12 × 30"     # = 2592
    assert benefit.result.value == pytest.approx(2592)
    assert where(benefit) == ["periods a year (per month) s.yaml:42:14",
                              "value_per_unit s.yaml:13:21"]
    scale = step(sections, "Pilot night · Picking errors", "scale-up R")
    assert scale.fill(plain) == "(100 + 20) ÷ 20"     # = 6
    assert scale.result.value == 6
    assert where(scale) == ["headcount of pickers s.yaml:21:45",
                            "headcount of packers s.yaml:22:45", "participants s.yaml:36:19"]
    rollout = step(sections, "Pilot night · Picking errors", "roll-out annual benefit")
    assert rollout.fill(plain) == "2592 × 6"
    assert rollout.result.value == pytest.approx(15552)


def test_a_metric_without_value_per_unit_is_explained(sections):
    s = step(sections, "Pilot night · Lines per hour", "pilot annual benefit")
    assert s.result.value is None
    assert s.fill(plain) == "4 × 52 × ?"
    assert s.note == ("metric speed has no value_per_unit, so this result is not put in money; "
                      "add value_per_unit to it (at s.yaml:14:5)")
    assert not any(st.figure == "scale-up R"
                   for st in sections["Pilot night · Lines per hour"].steps)


def test_a_free_pilot_has_no_roi(sections):
    s = step(sections, "Pilot night: benefit and ROI", "pilot ROI")
    assert s.result.value is None
    assert s.note == "the pilot cost 0, so its ROI is undefined"


def test_target_equal_to_baseline_is_explained(sections):
    s = sections["Metrics: progress toward target"].steps[1]
    assert s.figure == "progress of speed"
    assert s.result.value is None
    assert s.note == "the target equals the baseline, so there is no distance to make progress on"
    assert s.operands[0].label == "actual (none given: the baseline)"


def test_roll_out_cost_and_sensitivity(sections):
    title = "Initiative pick: roll-out"
    cost = step(sections, title, "roll-out cost")
    assert cost.fill(plain) == "6000 + 44 × 120"      # = 11,280
    assert cost.result.value == 11280
    assert where(cost) == ["one-off: Build s.yaml:30:31", "per-participant: Time s.yaml:31:30"]
    benefit = step(sections, title, "roll-out benefit")
    assert where(benefit) == ["errors, pilot night ended s.yaml:38:10"]
    share = step(sections, title, "break-even share")
    assert share.fill(plain) == "11280 ÷ 15552"
    assert share.result.value == pytest.approx(11280 / 15552)
    half = step(sections, title, "ROI if half the effect holds")
    assert half.fill(plain) == "(15552 × 0.5 − 11280) ÷ 11280 × 100"
    assert half.result.value == pytest.approx((7776 - 11280) / 11280 * 100)


def test_explanation_as_json(sections):
    data = explanation_json(list(sections.values()))
    json.dumps(data, allow_nan=False)
    first = data[1]["steps"][0]
    assert first == {"figure": "improvement", "formula": "before − after (lower is better)",
                     "working": "40.0 − 30.0", "value": 10.0, "note": None,
                     "sources": [{"what": "before", "file": "s.yaml", "line": 43, "col": 17},
                                 {"what": "after", "file": "s.yaml", "line": 44, "col": 16}]}
