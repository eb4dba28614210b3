"""Every bad input gets one located line, never "internal error"; what check accepts, roi and brief render."""

from __future__ import annotations

import pytest

from conftest import VALID_YAML, replace_line

TOO_LARGE = ("the number is too large; a strategy's numbers are at most 1,000,000,000,000 "
             "either way")

CASES = [
    ("    baseline: 42", "    baseline: !!float abc",
     "s.yaml:17:15: E203 metrics[0].baseline: 'abc' is not a number; write digits, or drop the tag"),
    ("    baseline: 42", "    baseline: " + "9" * 400,
     "s.yaml:17:15: E203 metrics[0].baseline: expected a number, got "
     "999999999999999999999999999999999999999…"),
    ("    headcount: 120", "    headcount: 1" + "0" * 4000,
     "s.yaml:23:16: E204 audiences[0].headcount: " + TOO_LARGE),
    ("    headcount: 120", "    headcount: 1" + "0" * 5000,
     "s.yaml:23:16: E204 audiences[0].headcount: the number 1000000000000000000… has far too "
     "many digits"),
    # Hexadecimal escapes Python's 4,300-digit limit (its base is a power of two).
    ("    headcount: 120", "    headcount: 0x" + "f" * 500_000,
     "s.yaml:23:16: E204 audiences[0].headcount: " + TOO_LARGE),
    ("    minutes: 20", "    minutes: 1" + "0" * 400,
     "s.yaml:78:14: E204 briefings[0].minutes: " + TOO_LARGE),
    ("    value_per_unit: 30", "    value_per_unit: 1.0e+308",
     "s.yaml:19:21: E204 metrics[0].value_per_unit: " + TOO_LARGE),
    ("    baseline: 42", "    baseline: 1.0e-320",
     "s.yaml:17:15: E204 metrics[0].baseline: the number is too small to be a reading; write 0, "
     "or a number of at least 0.0001"),
    ("    headcount: 120", "    headcount: 0120",
     "s.yaml:23:16: E203 audiences[0].headcount: YAML reads 0120 as 80 (octal); write 80 if that "
     "is meant, or quote it as text"),
    ("    minutes: 20", "    minutes: 1:30",
     "s.yaml:78:14: E203 briefings[0].minutes: YAML reads 1:30 as 90 (base 60); write 90 if that "
     "is meant, or quote it as text"),
    ("    target: 25", "    target: 1:30.5",
     "s.yaml:18:13: E203 metrics[0].target: YAML reads 1:30.5 in base 60; write the number as a "
     "decimal, or quote it as text"),
]


@pytest.mark.parametrize(("old", "new", "line"), CASES, ids=[c[1].strip()[:30] for c in CASES])
@pytest.mark.parametrize("command", ["check", "roi", "brief"])
def test_a_bad_number_is_one_located_line_in_every_command(write, run, old, new, line, command):
    path = write("s.yaml", replace_line(VALID_YAML, old, new))
    result = run(command, path, *(["-o", "out"] if command == "brief" else []))
    assert result.exit_code == 1
    assert result.errors == [line]
    assert "internal error" not in result.output


@pytest.mark.parametrize(("old", "new"), [
    ("    headcount: 120", "    headcount: 1000000000000"),
    ("    minutes: 20", "    minutes: 1000000000000"),
    ("    value_per_unit: 30", "    value_per_unit: 1.0e+12"),
    ("    baseline: 42", "    baseline: -1.0e+12"),
    ("    baseline: 42", "    baseline: 1.0e-4"),
    ("    headcount: 120", "    headcount: 0x78"),  # says its base: 120
])
def test_the_extremes_check_accepts_render_in_roi_and_brief(write, run, old, new):
    path = write("s.yaml", replace_line(VALID_YAML, old, new))
    assert run("check", path).exit_code == 0
    assert run("roi", path).exit_code == 0
    # A baseline this far out can make the roll-out's figure impossible (W307): brief then
    # stops as the command contract says, in one line, and --draft renders it all the same.
    result = run("brief", path, "-o", "out")
    assert result.exit_code == 0 or (result.exit_code == 1 and "W307" in result.output), result.output
    assert "internal error" not in result.output
    result = run("brief", path, "-o", "draft", "--draft")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("empty_one", ["a.yaml", "z.yaml"])
def test_a_list_section_left_empty_in_one_file_is_blamed_there(write, run, empty_one):
    write(f"s/{empty_one}", "objectives:\n")
    write("s/strategy.yaml", VALID_YAML)
    result = run("check", "s")
    assert result.errors == [f"s/{empty_one}:1:12: E203 objectives: expected a list of items, as "
                             "at s/strategy.yaml:6:1; write the items as '- ' lines, or remove "
                             "'objectives' here"]


def test_a_source_date_past_what_zip_can_hold_is_clamped_in_the_files(write, run, workdir):
    # 4354819200 is in 2108; a zip entry's time ends in 2107 (it crashed with a struct error).
    import zipfile

    from pptx import Presentation

    env = {"SOURCE_DATE_EPOCH": "4354819200"}
    path = write("s.yaml", VALID_YAML)
    assert run("brief", path, "-o", "out", env=env).exit_code == 0
    deck = workdir / "out" / "warehouse-manager-briefing.pptx"
    assert Presentation(str(deck)).core_properties.created.year == 2108
    assert {i.date_time[0] for i in zipfile.ZipFile(deck).infolist()} == {2107}
    assert run("roi", path, "--format", "xlsx", "--out", "f.xlsx", env=env).exit_code == 0


def test_layout_names_with_control_characters_stay_on_the_errors_one_line(write, run, workdir):
    from pptx import Presentation

    from buyin_cli.packaged import packaged_dir

    prs = Presentation(str(packaged_dir("templates") / "default.pptx"))
    for layout in prs.slide_layouts:
        # XML holds no ESC or NUL, but line breaks and bidi overrides it does.
        layout.name = "Corporate\n::error file=README.md::Forged\u2028\u202e"
    prs.save(str(workdir / "corporate.pptx"))
    result = run("brief", write("s.yaml", VALID_YAML), "--pptx-template", "corporate.pptx",
                 "-o", "out")
    assert result.exit_code == 1
    [line] = result.lines
    assert line.endswith('the PowerPoint template has no layout "Title Slide" (it has: '
                         + ", ".join(['"Corporate\\u000a::error file=README.md::Forged'
                                      '\\u2028\\u202e"'] * len(prs.slide_layouts)) + ")")
