"""`buyin check` end to end: the exit code and the exact line for every class of bad input."""

from __future__ import annotations

import re
import time

import pytest

from conftest import VALID_YAML, replace_line

V = VALID_YAML


def check_errors(run, write, text: str | bytes, name: str = "s.yaml") -> list[str]:
    """Write `text`, run `buyin check` on it, and return its error lines (asserting exit 1)."""
    write(name, text)
    result = run("check", name)
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert result.lines[-1].startswith(f"✗ {name}: "), result.output
    return result.errors


def at(text: str, needle: str, nth: int = 1) -> str:
    """`line:col` of the `nth` occurrence of `needle` in `text`: of its start, or of the
    place a '|' in it marks ('headcount: |0' is the 0)."""
    before, _, after = needle.rpartition("|") if "|" in needle else ("", "", needle)
    index = -1
    for _ in range(nth):
        index = text.index(before + after, index + 1)
    index += len(before)
    return f"{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


def located(text: str, message: str) -> str:
    """`message` with each {P:needle} written as its `line:col` in `text`, each {L:needle} as its line."""
    return re.sub(r"\{([LP]):(.+?)\}",
                  lambda m: at(text, m[2]) if m[1] == "P" else at(text, m[2]).split(":")[0], message)


def test_the_valid_strategy_passes(run, strategy_file):
    result = run("check", "s.yaml")
    assert result.exit_code == 0, result.output
    assert result.errors == []
    assert result.lines[-1].startswith("✓ s.yaml: valid (0 errors, ")


# Each case: the line of VALID_YAML to change, what to write instead, then the one expected
# line: where it points, as text of the changed file (`at`: its first occurrence, at its
# start or at the '|' in it), and its message ({L:text} and {P:text} for a position in it).
# Nothing depends on the fixture's layout: a line added to VALID_YAML moves no case.
EDITS = {
    "unknown key, with the closest known key": (
        "    baseline: 42", "    baselin: 42",
        "baselin", "E201 metrics[0].baselin: unknown key (did you mean 'baseline'?)"),
    "a pilot's key under one of its results, with where it belongs": (
        "        confidence: 0.9", "        confidence: 0.9\n        accept: {W310: Checked with Finance.}",
        "accept", "E201 pilots[0].results[0].accept: unknown key (expected one of: metric, per, before, after, "
        "control_before, control_after, isolation, confidence, trend_after, estimates); 'accept' belongs on "
        "pilots[0], not under its results: move it up to pilots[0].accept"),
    "unknown top-level key": (
        "title: Fewer picking errors at the Columbus warehouse",
        "titel: Fewer picking errors at the Columbus warehouse",
        "titel", "E201 titel: unknown key (did you mean 'title'?)"),
    "missing required key, at the mapping that lacks it": (
        "    target: 25", "",
        "id: pick-errors", "E202 metrics[0]: missing required key 'target' (the value the business wants)"),
    "missing required top-level key": (
        "organisation: Kestrel Logistics", "",
        "buyin", "E202 missing required key 'organisation' (whose strategy)"),
    "text where a whole number belongs": (
        "    headcount: 120", "    headcount: lots",
        "lots", "E203 audiences[0].headcount: expected a whole number, got 'lots'"),
    "fraction where a whole number belongs": (
        "    headcount: 120", "    headcount: 12.5",
        "12.5", "E203 audiences[0].headcount: expected a whole number, got 12.5"),
    "quoted number": (
        "    baseline: 42", "    baseline: '42'",
        "'42'", "E203 metrics[0].baseline: expected a number, got '42'"),
    "nothing where a number belongs": (
        "    baseline: 42", "    baseline:",
        "baseline:|", "E203 metrics[0].baseline: expected a number, got nothing"),
    "text where a list belongs": (
        "    asks: [Approve the roll-out to all 120 pickers]", "    asks: Approve it",
        "asks: |Approve it", "E203 briefings[0].asks: expected a list, got 'Approve it'"),
    "list where a mapping belongs": (
        "    reaction: {score: 4.2, scale: 5}", "    reaction: [4.2, 5]",
        "[4.2, 5]", "E203 pilots[0].reaction: expected a mapping (key: value lines), got a list"),
    "YAML 1.1 no where text belongs": (
        "    group: Night shift", "    group: no",
        "group: |no", 'E203 pilots[0].group: expected text, but YAML reads an unquoted no as '
        'false; write "no" in quotes'),
    "YAML 1.1 on in a list of text": (
        "    concerns: [Peak season starts in six weeks]", "    concerns: [On]",
        "On", 'E203 stakeholders[0].concerns[0]: expected text, but YAML reads an '
        'unquoted On as true; write "On" in quotes'),
    "YAML 1.1 yes where a number belongs": (
        "    baseline: 42", "    baseline: yes",
        "yes", "E203 metrics[0].baseline: expected a number, got yes (YAML reads it as true)"),
    "YAML 1.1 exponent without a decimal point": (
        "    value_per_unit: 30", "    value_per_unit: 3e1",
        "3e1", "E203 metrics[0].value_per_unit: expected a number, but YAML reads '3e1' "
        "as text; write it with a decimal point, e.g. 3.0e+1"),
    "impossible month": (
        "    start: 2025-03-03", "    start: 2026-13-31",
        "2026-13-31", "E204 pilots[0].start: not a real date (month must be in 1..12); "
        "write YYYY-MM-DD"),
    "impossible day": (
        "    date: 2025-09-09", "    date: 2025-02-30",
        "2025-02-30", "E204 briefings[0].date: not a real date (day is out of range for month); "
        "write YYYY-MM-DD"),
    "date in words": (
        "    start: 2025-03-03", "    start: March 3",
        "March 3", "E204 pilots[0].start: expected a date written YYYY-MM-DD, got 'March 3'"),
    "duplicate key in a mapping": (
        "    target: 25", "    target: 25\n    target: 20",
        "target: 20", "E104 duplicate key 'target' in metrics[0] (first at line {L:target: 25}); "
        "keep one and delete the other"),
    "duplicate top-level key": (
        "currency: USD", "currency: USD\ncurrency: EUR",
        "currency: EUR", "E104 duplicate key 'currency' in the top level (first at line {L:currency: USD}); "
        "keep one and delete the other"),
    "fraction above 1": (
        "        isolation: 0.8", "        isolation: 1.8",
        "isolation: |1.8", "E204 pilots[0].results[0].isolation: must be at most 1, got 1.8"),
    "fraction below 0": (
        "  usage_targets: [{period: 2025-Q4, completion: 0.8}]",
        "  usage_targets: [{period: 2025-Q4, completion: -0.1}]",
        "completion: |-0.1", "E204 sponsor.usage_targets[0].completion: must be at least 0, got -0.1"),
    "percentage above 100": (
        "    learning: {pre: 55, post: 85}", "    learning: {pre: 55, post: 185}",
        "post: |185", "E204 pilots[0].learning.post: must be at most 100, got 185"),
    "negative money": (
        "    cost: 2500", "    cost: -2500",
        "-2500", "E204 pilots[0].cost: must be at least 0, got -2500"),
    "zero headcount": (
        "    headcount: 120", "    headcount: 0",
        "headcount: |0", "E204 audiences[0].headcount: must be greater than 0, got 0"),
    "zero participants": (
        "    participants: 20", "    participants: 0",
        "participants: |0", "E204 pilots[0].participants: must be greater than 0, got 0"),
    "negative minutes": (
        "    minutes: 20", "    minutes: -5",
        "-5", "E204 briefings[0].minutes: must be greater than 0, got -5"),
    "infinite number": (
        "    baseline: 42", "    baseline: .inf",
        ".inf", "E203 metrics[0].baseline: expected a number, got .inf"),
    "not a number": (
        "        before: 40", "        before: .nan",
        ".nan", "E203 pilots[0].results[0].before: expected a number, got .nan"),
    "number with thousands of digits": (
        "    headcount: 120", "    headcount: 1" + "0" * 5000,
        "headcount: |1000", "E204 audiences[0].headcount: the number 1000000000000000000… has far "
        "too many digits"),
    "format version": (
        "buyin: 1", "buyin: 2",
        "buyin: |2", "E204 buyin: expected 1, got 2"),
    "choice misspelt": (
        "    format: blended", "    format: blend",
        "blend", "E204 initiatives[0].format: expected 'e-learning', 'classroom', "
        "'blended', 'coaching' or 'other', got 'blend' (did you mean 'blended'?)"),
    "id that is not a slug": (
        "  - id: warehouse-manager-briefing", "  - id: Warehouse Manager",
        "Warehouse Manager", "E204 briefings[0].id: 'Warehouse Manager' is not a valid id; use "
        "lowercase letters, digits and hyphens, e.g. 'warehouse-manager'"),
    "reference that is not a slug": (
        "    focus: [fewer-errors]", "    focus: [Fewer_Errors]",
        "Fewer_Errors", "E204 briefings[0].focus[0]: 'Fewer_Errors' is not a valid id; use "
        "lowercase letters, digits and hyphens, e.g. 'fewer-errors'"),
    "empty text": (
        "    name: Warehouse pickers", "    name: ''",
        "''", "E204 audiences[0].name: must not be empty"),
    "empty list that needs an item": (
        "    metrics: [pick-errors]", "    metrics: []",
        "[]", "E204 objectives[0].metrics: needs at least 1 item"),
    "currency code people write": (
        "currency: USD", "currency: UKP",
        "UKP", "E204 currency: unknown currency code 'UKP'; use an ISO 4217 code "
        "(did you mean 'GBP'?)"),
    "currency code in lower case": (
        "currency: USD", "currency: eur",
        "eur", "E204 currency: unknown currency code 'eur'; use an ISO 4217 code "
        "(did you mean 'EUR'?)"),
    "made-up currency code": (
        "currency: USD", "currency: XYZ",
        "XYZ", "E204 currency: unknown currency code 'XYZ'; use an ISO 4217 code "
        "(e.g. GBP, EUR or USD)"),
    "end before start": (
        "    end: 2025-05-30", "    end: 2025-01-30",
        "2025-01-30", "E304 pilots[0].end: ends 2025-01-30 before it starts 2025-03-03; "
        "end must be on or after start"),
    "completed above enrolled": (
        "    usage: {enrolled: 20, completed: 18}", "    usage: {enrolled: 20, completed: 28}",
        "completed: |28", "E304 pilots[0].usage.completed: 28 completed but only 20 enrolled; "
        "completed must not exceed enrolled"),
    "score above scale": (
        "    reaction: {score: 4.2, scale: 5}", "    reaction: {score: 6, scale: 5}",
        "score: |6", "E304 pilots[0].reaction.score: score 6 is above the scale's top 5; "
        "score must not exceed scale"),
    "control_before without control_after": (
        "        control_after: 40", "",
        "control_before: |41", "E304 pilots[0].results[0].control_before: control_before is given "
        "without control_after; give both readings of the comparison group, or neither"),
    "control_after without control_before": (
        "        control_before: 41", "",
        "control_after: |40", "E304 pilots[0].results[0].control_after: control_after is given "
        "without control_before; give both readings of the comparison group, or neither"),
    "trend line beside a comparison group": (
        "        control_after: 40", "        control_after: 40\n        trend_after: 39",
        "trend_after: |39", "E304 pilots[0].results[0].trend_after: trend_after is given with "
        "control_before and control_after; use the comparison group or the trend line, "
        "not both"),
    "participants' estimates beside a confidence": (
        "        isolation: 0.8", "        estimates: [{share: 0.5, confidence: 0.8}]",
        "estimates: |[", "E304 pilots[0].results[0].estimates: estimates is given with "
        "confidence; the estimates' mean of share × confidence replaces isolation × "
        "confidence"),
    "a cost category that is not one of the seven": (
        "      - {item: Build the guide, amount: 6000, kind: one-off}",
        "      - {item: Build the guide, amount: 6000, kind: one-off, category: build}",
        "category: |build", "E204 initiatives[0].costs[0].category: expected 'needs', 'design', "
        "'delivery', 'participants-time', 'evaluation', 'overhead' or 'other', got 'build'"),
    "a discount rate written as a percentage": (
        "currency: USD", "currency: USD\ndiscount_rate: 8",
        "discount_rate: |8", "E204 discount_rate: must be at most 1, got 8"),
    "metric measured twice in a pilot": (
        "        confidence: 0.9",
        "        confidence: 0.9\n      - {metric: pick-errors, per: week, before: 9, after: 7}",
        "metric: |pick-errors, per: week", "E304 pilots[0].results[1].metric: metric 'pick-errors' is measured twice "
        "in this pilot (first at line {L:metric: pick-errors}); a metric appears at most once in a pilot's results"),
    "duplicate id": (
        "  - id: warehouse-manager-briefing",
        "  - id: warehouse-manager-briefing\n    stakeholder: warehouse-manager\n"
        "    date: 2025-09-10\n    minutes: 5\n    opening_question: Again?\n    asks: [Approve]\n"
        "  - id: warehouse-manager-briefing",
        "asks: [Approve]\n  - id: |warehouse-manager-briefing",
        "E301 briefings[1].id: duplicate briefing id 'warehouse-manager-briefing', first defined "
        "at s.yaml:{P:id: |warehouse-manager-briefing}; ids must be unique within 'briefings'"),
    "dangling reference, with a suggestion": (
        "    initiative: pick-right", "    initiative: pick-rite",
        "pick-rite", "E302 pilots[0].initiative: unknown initiative 'pick-rite' "
        "(did you mean 'pick-right'?)"),
    "dangling reference in a list": (
        "    audiences: [pickers]", "    audiences: [packers-and-loaders]",
        "packers-and-loaders", "E302 initiatives[0].audiences[0]: unknown audience 'packers-and-loaders' "
        "(known: pickers)"),
    "dangling evidence": (
        "    evidence: pick-right-pilot", "    evidence: the-survey",
        "the-survey", "E302 objections[0].evidence: unknown pilot 'the-survey' "
        "(known: pick-right-pilot)"),
    "control character in plain text": (
        "    name: Warehouse pickers", "    name: Warehouse\x07pickers",
        "Warehouse|\x07", "E103 control character U+0007 in the text; remove it "
        "(it would corrupt the deck)"),
    "control character escaped in quoted text": (
        "    name: Warehouse pickers", '    name: "Warehouse\\x1bpickers"',
        '"Warehouse\\x1bpickers"', "E103 control character U+001B in the text; remove it "
        "(it would corrupt the deck)"),
    "control character in a key": (
        "    name: Warehouse pickers", '    "na\\x01me": Warehouse pickers',
        '"na\\x01me"', "E103 control character U+0001 in the text; remove it "
        "(it would corrupt the deck)"),
    "line separator that YAML would count as a line break": (
        "    name: Warehouse pickers", "    name: Warehouse\u2028pickers",
        "Warehouse|\u2028", "E103 control character U+2028 in the text; remove it "
        "(it would corrupt the deck)"),
    "line break echoed from quoted text": (
        "    headcount: 120", '    headcount: "12\\n0"',
        '"12\\n0"', "E203 audiences[0].headcount: expected a whole number, got '12\\n0'"),
    "tab indentation": (
        "    name: Warehouse pickers", "\tname: Warehouse pickers",
        "|\tname", "E101 a tab character is used for indentation; YAML indents with "
        "spaces only"),
    "tab inside plain text": (
        "    name: Warehouse pickers", "    name: Warehouse\tpickers",
        "Warehouse|\tpickers", "E101 a tab character in unquoted text; replace it with spaces, "
        "or put the text in quotes"),
    "unclosed list": (
        "    audiences: [pickers]", "    audiences: [pickers",
        "objectives|: [fewer-errors]", "E101 the list opened with '[' at line {L:audiences: [pickers} is not closed: "
        "expected ',' or ']', found ':'"),
    "unclosed quote": (
        '    showcase: {title: Pick Right, url: "https://example.com/pick-right"}',
        '    showcase: {title: Pick Right, url: "https://example.com/pick-right}',
        '"https://example.com/pick-right}', "E101 this quoted text is never closed; add the closing quote"),
    "colon and space in plain text": (
        "    title: Pick Right", "    title: Pick Right: the course",
        "Pick Right|: the course", "E101 unexpected ':' here; put text that contains ': ' in quotes, "
        "or check this line's indentation"),
    "line without a colon": (
        "    title: Pick Right", "    title Pick Right",
        "title Pick Right", "E101 expected 'key: value' on this line; add the ':' after the key, "
        "or indent it to continue the line above"),
    "line indented less than its siblings": (
        "    title: Pick Right", "   title: Pick Right",
        "title: Pick Right", "E101 this line is not indented like the lines around it; line it up "
        "with the keys or items it belongs to"),
    "apostrophe inside single quotes": (
        "    group: Night shift", "    group: 'Night shift's best'",
        "'Night shift'|s best'", "E101 unexpected text after a value; if the value is in quotes, a quote "
        "inside it ends it early (write '' inside '...', or use \"...\")"),
    "alias to no anchor": (
        "    group: Night shift", "    group: *night",
        "*night", "E101 the alias '*night' names no anchor; define '&night' earlier in the "
        "same file, or put text that starts with '*' in quotes"),
    "text starting with a reserved character": (
        "    group: Night shift", "    group: @nights",
        "@nights", "E101 text cannot start with '@'; put it in quotes"),
    "a second document": (
        "currency: USD", "currency: USD\n---",
        "---", "E101 the file holds more than one YAML document ('---'); keep one per file"),
    "unsupported tag": (
        "    name: Warehouse pickers", "    name: !!binary V2FyZWhvdXNl",
        "!!binary V2FyZWhvdXNl", "E203 unsupported YAML tag '!!binary'; write plain text, numbers, lists "
        "and mappings"),
    "python object tag": (
        "    name: Warehouse pickers", "    name: !!python/object/apply:os.system [ls]",
        "!!python/object/apply:os.system [ls]",
        "E203 unsupported YAML tag '!!python/object/apply:os.system'; write plain "
        "text, numbers, lists and mappings"),
    "a list as a key": (
        "    name: Warehouse pickers", "    ? [a, b]\n    : Warehouse pickers",
        "[a, b]", "E203 audiences[0]: a key must be plain text, not a list"),
    "self-referencing alias": (
        "    needs: [Pickers who get it right first time]", "    needs: &n [*n]",
        "[|*n]", "E105 the alias '*n' refers to itself: it is inside the anchor '&n' it "
        "names; repeat the values instead"),
}


@pytest.mark.parametrize("old, new, where, message", EDITS.values(), ids=list(EDITS))
def test_one_mistake_gives_one_exact_line(run, write, old, new, where, message):
    text = replace_line(V, old, new)
    assert check_errors(run, write, text) == [f"s.yaml:{at(text, where)}: {located(text, message)}"]


# --- whole files that are wrong ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("", "s.yaml:1:1: E106 file is empty; expected a mapping such as 'buyin: 1' with the "
         "strategy's sections"),
    ("# nothing yet\n\n---\n", "s.yaml:1:1: E106 file is empty; expected a mapping such as "
                               "'buyin: 1' with the strategy's sections"),
    ("- buyin: 1\n- title: x\n", "s.yaml:1:1: E107 the top level is a list; expected a mapping "
                                 "of sections such as 'buyin: 1', 'organisation: ...'"),
    ("just some words\n", "s.yaml:1:1: E107 the top level is plain text; "
                          "expected a mapping of sections such as 'buyin: 1', 'organisation: ...'"),
    ("a: &x [*x]\n", "s.yaml:1:8: E105 the alias '*x' refers to itself: it is inside the anchor "
                     "'&x' it names; repeat the values instead"),
    ("a: " + "[" * 200 + "]" * 200 + "\n",
     "s.yaml:1:69: E105 nesting is too deep; a strategy nests at most 64 levels"),
], ids=["empty", "only comments", "list", "scalar", "recursive alias", "deep nesting"])
def test_whole_file_problems(run, write, text, expected):
    assert check_errors(run, write, text) == [expected]


def test_bytes_that_are_not_utf8(run, write):
    text = V.replace("Kestrel Logistics", "Kestrel Logistique Caf\xe9")
    assert check_errors(run, write, text.encode("latin-1")) == [
        f"s.yaml:{at(text, 'Caf|é')}: E102 byte 0xe9 is not valid UTF-8; save the file as UTF-8"]


def test_utf8_with_bom_and_windows_line_ends_pass(run, write):
    write("s.yaml", ("\ufeff" + V).replace("\n", "\r\n"))
    assert run("check", "s.yaml").exit_code == 0


def test_a_path_that_does_not_exist(run, workdir):
    result = run("check", "nowhere.yaml")
    assert result.exit_code == 1
    assert result.errors == ["nowhere.yaml:1:1: E001 no such file or folder; give a strategy "
                             ".yaml file or a folder of them"]


def test_a_folder_without_yaml(run, write):
    write("strategy/notes.txt", "not yaml")
    result = run("check", "strategy")
    assert result.exit_code == 1
    assert result.errors == ["strategy:1:1: E002 folder has no .yaml or .yml files; put the "
                             "strategy's YAML files in it"]


def test_every_problem_is_reported_in_one_round(run, write):
    text = replace_line(V, "    headcount: 120", "    headcount: 0")
    text = replace_line(text, "    initiative: pick-right", "    initiative: pick-rite")
    text = replace_line(text, "    end: 2025-05-30", "    end: 2025-01-30")
    text = replace_line(text, "    baseline: 42", "    baselin: 42")
    assert [line.split(": ", 1)[0] for line in check_errors(run, write, text)] == [
        f"s.yaml:{at(text, needle)}" for needle in ("baselin", "headcount: |0", "pick-rite", "end: |2025-01-30")]


# --- billion laughs ---------------------------------------------------------------------

def laughs(levels: int = 9, width: int = 9, indent: str = "    ") -> str:
    """Anchors that each repeat the one before: width ** levels strings once expanded."""
    lines = [f"{indent}- &l0 lol"]
    for i in range(1, levels + 1):
        lines.append(f"{indent}- &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines)


def test_billion_laughs_at_top_level(run, write):
    start = time.perf_counter()
    errors = check_errors(run, write, "lols:\n" + laughs(indent="  ") + "\n")
    assert time.perf_counter() - start < 5
    assert errors == ["s.yaml:8:10: E105 this document expands to more than 100,000 values "
                      "through aliases; do not nest aliases of aliases"]


def test_billion_laughs_in_a_list_of_strings(run, write):
    # concerns holds 11,111 values; needs repeats its largest anchor past the bound.
    text = replace_line(V, "    concerns: [Peak season starts in six weeks]",
                        "    concerns:\n" + laughs(levels=4, width=10))
    text = replace_line(text, "    needs: [Pickers who get it right first time]",
                        "    needs: [" + ", ".join(["*l4"] * 1000) + "]")
    start = time.perf_counter()
    errors = check_errors(run, write, text)
    assert time.perf_counter() - start < 5
    # concerns already holds 11,111 values, each *l4 as many: the eighth passes 100,000.
    assert errors == [f"s.yaml:{at(text, '*l4', nth=8)}: E105 this document expands to more than "
                      "100,000 values through aliases; do not nest aliases of aliases"]


def test_billion_laughs_of_long_strings_is_bounded_in_size(run, write):
    # Few values but long ones: the expanded size must not reach the messages.
    long = "x" * 100_000
    text = replace_line(V, "    concerns: [Peak season starts in six weeks]",
                        f"    concerns: &c [{long}]\n    benefits: [*c, *c, *c, *c]")
    text = replace_line(text, "    benefits: [Fewer returns to re-pick]", "")
    write("s.yaml", text)
    result = run("check", "s.yaml")
    assert "Traceback" not in result.output
    assert len(result.output) < 5_000


# --- folders ----------------------------------------------------------------------------

HEAD = ("buyin: 1\norganisation: Kestrel\ntitle: Fewer errors\n"
        "presenter: {name: Dana Ruiz, role: Training Lead}\n")
AUDIENCE = ("audiences:\n  - id: {id}\n    name: Pickers\n    headcount: 10\n"
            "    gaps: {{}}\n")


def test_folder_list_sections_concatenate(run, write):
    write("strategy/a.yaml", HEAD + AUDIENCE.format(id="pickers"))
    write("strategy/more/b.yml", AUDIENCE.format(id="loaders"))
    result = run("check", "strategy")
    assert result.exit_code == 0, result.output
    assert result.lines[-1].startswith("✓ strategy: valid (0 errors, ")


def test_folder_duplicate_id_across_files_names_both_places(run, write):
    write("strategy/a.yaml", HEAD + AUDIENCE.format(id="pickers"))
    write("strategy/b.yaml", AUDIENCE.format(id="pickers"))
    result = run("check", "strategy")
    assert result.exit_code == 1
    assert result.errors == [
        "strategy/b.yaml:2:9: E301 audiences[1].id: duplicate audience id 'pickers', first "
        "defined at strategy/a.yaml:6:9; ids must be unique within 'audiences'"]


def test_folder_scalar_section_in_two_files_names_both_places(run, write):
    write("strategy/a.yaml", HEAD)
    write("strategy/b.yaml", "title: Another headline\n")
    result = run("check", "strategy")
    assert result.exit_code == 1
    assert result.errors == [
        "strategy/b.yaml:1:1: E303 'title' is already set at strategy/a.yaml:3:1; a section "
        "that is not a list may appear in one file only"]


def test_folder_reference_across_files(run, write):
    write("strategy/a.yaml", HEAD + AUDIENCE.format(id="pickers"))
    write("strategy/b.yaml", "initiatives:\n  - id: pick-right\n    title: Pick Right\n"
                             "    format: other\n    audiences: [drivers]\n"
                             "    objectives: [x]\n    costs: []\n")
    result = run("check", "strategy")
    assert result.errors == [
        "strategy/b.yaml:5:17: E302 initiatives[0].audiences[0]: unknown audience 'drivers' "
        "(known: pickers)",
        "strategy/b.yaml:6:18: E302 initiatives[0].objectives[0]: unknown objective 'x' "
        "(there are no objectives yet; add one to 'objectives')"]


def test_folder_reports_syntax_errors_of_every_file(run, write):
    write("strategy/a.yaml", HEAD + "metrics: [\n")
    write("strategy/b.yaml", "audiences:\n\t- id: x\n")
    write("strategy/c.yaml", AUDIENCE.format(id="pickers"))
    result = run("check", "strategy")
    assert result.exit_code == 1
    assert result.errors == [
        "strategy/a.yaml:6:1: E101 expected a value here, found the end of the file",
        "strategy/b.yaml:2:1: E101 a tab character is used for indentation; YAML indents "
        "with spaces only"]


# --- output form ------------------------------------------------------------------------

def test_errors_come_before_warnings_and_files_are_relative(run, write):
    text = replace_line(V, "    headcount: 120", "    headcount: 0")
    write("s.yaml", text)
    result = run("check", "s.yaml")
    codes = [line.split(" ")[1] for line in result.lines if re.match(r"^\S+:\d+:\d+: ", line)]
    assert codes == sorted(codes, key=lambda code: code[0] != "E")
    assert all(line.startswith("s.yaml:") for line in result.errors)


def test_absolute_path_is_shown_relative_to_the_current_folder(run, write, workdir):
    text = replace_line(V, "    headcount: 120", "    headcount: 0")
    write("s.yaml", text)
    result = run("check", str(workdir / "s.yaml"))
    assert result.errors == [f"s.yaml:{at(text, 'headcount: |0')}: E204 audiences[0].headcount: "
                             "must be greater than 0, got 0"]


def test_plain_output_when_not_a_terminal(run, write):
    write("s.yaml", replace_line(V, "    headcount: 120", "    headcount: 0"))
    assert "\033[" not in run("check", "s.yaml").output


@pytest.mark.parametrize("args", [["check"], ["check", "s.yaml", "--nope"],
                                  ["nope"], ["check", "s.yaml", "--format", "xml"]])
def test_usage_errors_exit_2(run, strategy_file, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_strict_fails_on_warnings_only(run, write):
    # The folder case lacks a sponsor, metrics and briefings, so it has readiness warnings.
    write("strategy/a.yaml", HEAD + AUDIENCE.format(id="pickers"))
    relaxed, strict = run("check", "strategy"), run("check", "strategy", "--strict")
    if not any(re.match(r"^\S+:\d+:\d+: W\d{3} ", line) for line in relaxed.lines):
        pytest.skip("no readiness warnings for this strategy")
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)


def test_an_unknown_locale_is_an_error_of_check_too(run, write):
    from conftest import VALID_YAML

    write("s.yaml", VALID_YAML + "locale: xx_YY\n")
    line = len(VALID_YAML.splitlines()) + 1
    result = run("check", "s.yaml")
    assert result.exit_code == 1
    assert result.errors == [f"s.yaml:{line}:9: E204 locale: unknown locale 'xx_YY'; use a "
                             "language and country code such as en_GB, en_US, de_DE or fr_FR"]
