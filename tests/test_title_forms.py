"""A title's shorter forms keep its facts (the comparison, the credit, the change, the target)
before they drop detail: a title shrinks only a little before it takes one (render/pptx/titles.py),
so the forms it takes must still say what the slide is for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from buyin_cli.render.outline import Outline
from conftest import dump
from deck_helpers import outlines_of


def _outline(data: dict[str, Any], folder: Path) -> Outline:
    """The outline of the strategy's one briefing, as the deck is built from it."""
    path = folder / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    return outlines_of(path)[0]


def _forms(outline: Outline, section: str, word: str) -> list[str]:
    [spec] = [s for s in outline.slides if s.section == section and word in s.title_forms[0]]
    return list(spec.title_forms)


def test_an_evidence_title_keeps_its_comparison_and_credit_before_it_drops_either(valid_data, tmp_path):
    valid_data["pilots"][0]["results"][0].update(control_before=40, control_after=38)
    forms = _forms(_outline(valid_data, tmp_path), "evidence", "against")
    both = [i for i, form in enumerate(forms) if "against" in form and "credit" in form]
    either_dropped = [i for i, form in enumerate(forms) if "against" not in form or "credit" not in form]
    assert len(both) >= 4 and max(both) < min(either_dropped), forms
    # the shortest of them names no group: it fits where the group's name does not
    assert any(form.split(":")[0].endswith("in the pilot") for form in (forms[i] for i in both)), forms


def test_a_tiny_counts_shortest_credit_still_says_its_change(valid_data, tmp_path):
    # 2 → 1 incidents a quarter, 18% of the change credited: "Safety record: 18% of the change
    # credited to the learning" alone drops the change the money is built on; a form that keeps it
    # ("−1 incidents…, 18% of it credited", as the Impact box says it) comes first.
    valid_data["metrics"][0].update(name="Safety record", unit="incidents", per="quarter", baseline=14, target=7,
                                    value_per_unit=18500)
    valid_data["pilots"][0]["results"] = [{"metric": "pick-errors", "per": "quarter", "before": 2, "after": 1,
                                           "isolation": 0.3, "confidence": 0.6}]
    forms = _forms(_outline(valid_data, tmp_path), "evidence", "18%")
    signed = forms.index("Safety record: −1 incident a quarter, 18% of it credited")
    assert signed < forms.index("Safety record: 18% of the change credited to the learning"), forms


def test_a_business_case_title_keeps_its_gap_to_the_target_before_its_first_reading(valid_data, tmp_path):
    valid_data["metrics"][0]["actual"] = 38  # 42 → 38 errors, 13 above the target of 25
    outline = _outline(valid_data, tmp_path)
    [spec] = [s for s in outline.slides if s.section == "business_case" and "target" in s.title_forms[0]]
    assert "from" in spec.title_forms[0] and "the target of" in spec.title_forms[1], spec.title_forms
    assert "from" not in spec.title_forms[1] and len(spec.title_forms[1]) < len(spec.title_forms[0])
