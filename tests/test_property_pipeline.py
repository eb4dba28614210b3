"""Property: a schema-valid strategy with any Unicode in its texts and any size of number
either fails `check` in located lines, or `check` passes and then `roi` and `brief` succeed
(a figure check calls impossible, W307, briefs as a draft), the deck reopening in python-pptx
and the talking points written. `check` is the gate.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st
from pptx import Presentation

from conftest import _VALID_DATA, ERROR_LINE, PROBLEM_LINE, dump, invoke

# Few examples: each runs check, roi and brief (a deck written and read back).
SETTINGS = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# The keys whose values are free text a person writes (ids, references, dates and
# choices keep their valid values, so the strategy stays schema-valid but for its texts).
TEXT_KEYS = {"organisation", "title", "name", "role", "unit", "source", "need", "response",
             "owner", "item", "group", "text", "by", "quote", "objection", "opening_question"}
TEXT_LISTS = {"concerns", "needs", "benefits", "asks"}
NUMBER_KEYS = {"headcount", "minutes", "baseline", "target", "value_per_unit", "amount",
               "participants", "cost", "before", "after"}

# Text people could write in any script (letters, marks, digits, punctuation, symbols
# such as emoji, spaces), or any character at all (controls, which check refuses).
written = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1,
                  max_size=40)
anything = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@st.composite
def strategies(draw: st.DrawFn) -> dict[str, Any]:
    texts = draw(st.sampled_from([written, written, anything]))  # a third may hold controls
    # Numbers up to what check allows, in most strategies; past it in some.
    largest = draw(st.sampled_from([10**4, 10**9, 10**12, 10**13]))
    def vary(node: Any, key: str | None = None, parent: dict | None = None) -> Any:
        if isinstance(node, dict):
            return {k: vary(v, k, node) for k, v in node.items()}
        if isinstance(node, list):
            if key in TEXT_LISTS:
                return [draw(texts) for _ in node]
            return [vary(v, key, parent) for v in node]
        needs = parent is not None and "need" in parent
        if isinstance(node, str) and (key in TEXT_KEYS or (key == "evidence" and needs)):
            return draw(texts)
        if isinstance(node, int) and not isinstance(node, bool) and key in NUMBER_KEYS:
            return draw(st.integers(1, largest))
        if isinstance(node, float) and key in NUMBER_KEYS:
            return draw(st.floats(1e-4, largest))
        return node

    return vary(_VALID_DATA)


@SETTINGS
@given(data=strategies())
def test_check_is_the_gate_roi_and_brief_render_what_it_accepts(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        path.write_text(dump(data), encoding="utf-8")
        checked = invoke(["check", str(path)])
        assert checked.exception is None and "internal error" not in checked.output
        if checked.exit_code == 1:
            assert checked.errors, checked.output
            problems = [line for line in checked.lines if line[:1] not in ("✗", " ", "✓")]
            assert all(PROBLEM_LINE.match(line) for line in problems), checked.output
            briefed = invoke(["brief", str(path), "-o", str(Path(folder) / "out")])
            assert briefed.exit_code == 1 and "internal error" not in briefed.output
            assert all(ERROR_LINE.match(line) for line in briefed.errors)
            return
        assert checked.exit_code == 0, checked.output
        roi = invoke(["roi", str(path)])
        assert roi.exit_code == 0, roi.output
        out = Path(folder) / "out"
        briefed = invoke(["brief", str(path), "-o", str(out)])
        if " W307 " in checked.output:  # an impossible figure stops brief, but for a draft
            assert briefed.exit_code == 1 and "--draft" in briefed.stderr, briefed.output
            assert not out.exists()
            briefed = invoke(["brief", str(path), "-o", str(out), "--draft"])
        assert briefed.exit_code == 0, briefed.output
        deck = Presentation(str(out / "warehouse-manager-briefing.pptx"))
        assert len(deck.slides) > 1
        assert (out / "warehouse-manager-briefing.md").read_text(encoding="utf-8").strip()
