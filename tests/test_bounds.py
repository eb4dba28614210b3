"""Hostile input costs little: every path that could grow without end is bounded, with a located line at the bound."""

from __future__ import annotations

from conftest import VALID_YAML, dump, replace_line


def _merge_chain(links: int) -> str:
    """A 'billion laughs' through merge keys: each link merges the one before it twice."""
    lines = ["a0: &a0 {k: 1}"]
    lines += [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}]}}" for i in range(1, links)]
    return "\n".join(lines) + "\n"


def test_a_merge_key_bomb_stops_at_the_value_budget(write, run):
    result = run("check", write("s.yaml", _merge_chain(40)))
    assert result.exit_code == 1
    assert result.errors == [
        "s.yaml:16:12: E105 this document expands to more than 100,000 values through merge "
        "keys ('<<'); do not merge mappings that merge others"]


def test_a_mapping_that_merges_itself_is_located(write, run):
    text = replace_line(VALID_YAML, "sponsor:", "sponsor: &s\n  <<: *s")
    result = run("check", write("s.yaml", text))
    assert result.exit_code == 1
    assert result.errors == [
        "s.yaml:66:3: E105 the merge key '<<' merges '*s' into itself: it is inside the anchor "
        "'&s' it names; repeat the values instead"]


def test_merge_keys_within_the_budget_still_merge(write, run):
    text = replace_line(VALID_YAML, "presenter: {name: Dana Ruiz, role: Training Lead}",
                        "presenter: &p {name: Dana Ruiz, role: Training Lead}")
    text = replace_line(text, "sponsor:", "sponsor:\n  <<: *p")
    text = text.replace("  name: Ana Silva\n  role: Chief Operating Officer\n", "")
    assert run("check", write("s.yaml", text)).exit_code == 0


def test_suggestions_for_unknown_references_stop_at_a_budget(write, run, valid_data):
    # Each suggestion compares the reference with every id: 3,000 unknown references
    # among 3,000 metrics took minutes. Past the budget, the message says why there is none.
    metric = valid_data["metrics"][0]
    valid_data["metrics"] = [dict(metric, id=f"metric-number-{i}") for i in range(300)]
    valid_data["objectives"][0]["metrics"] = [f"metrik-numbr-{i}x" for i in range(300)]
    result = run("check", write("s.yaml", dump(valid_data)))
    unknown = [line for line in result.errors if "E302" in line]
    assert len(unknown) == 301  # the 300, and the pilot's pick-errors
    assert unknown[0].endswith("unknown metric 'metrik-numbr-0x' (did you mean 'metric-number-0'?)")
    assert unknown[-1].endswith("unknown metric 'pick-errors' (no suggestion: too many unknown "
                                "references to compare each with all 300 metrics)")
