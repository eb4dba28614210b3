"""Hostile input costs little: every path that could grow without end is bounded, with a located line at the bound."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("text", [
    " ".join(["Kestrel"] * 300),
    "Kestrel Logistics, " + " - " * 80 + " ".join(["Columbus"] * 200),
    "Kestrel" * 60,
    "K " + "é" * 600,
    "\n".join(["Columbus warehouse"] * 200),
])
def test_an_endless_text_is_kept_whole_at_the_floor(text):
    # A cut sentence can say something false, so a text no form of which fits is
    # kept whole at the floor (and wraps past its box) rather than cut.
    from buyin_cli.render.pptx.textfit.measure import Box, fit_first

    assert fit_first([text], Box(400, 60), 22, 12) == (text, 12)
    assert fit_first([text, "Kestrel"], Box(400, 60), 22, 12) == ("Kestrel", 22)


def test_a_50000_character_organisation_is_briefed_whole_and_in_time(write, run, workdir):
    from pptx import Presentation

    name = " ".join(["Kestrel"] * 6250)
    text = replace_line(VALID_YAML, "organisation: Kestrel Logistics", "organisation: " + name)
    started = time.perf_counter()
    result = run("brief", write("s.yaml", text), "-o", "out")
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 60
    deck = Presentation(str(workdir / "out" / "warehouse-manager-briefing.pptx"))
    texts = [shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame]
    assert any(name in t for t in texts) and not any("…" in t for t in texts)


def test_asks_past_the_cap_are_one_located_line(write, run, valid_data):
    # Each page of the asks repeats them all in its notes: 4,000 asks took 62 s and
    # 1.86 GB in `brief`. No meeting takes 31 decisions; 30 still brief.
    valid_data["briefings"][0]["asks"] = [f"Approve roll-out {i}" for i in range(31)]
    result = run("check", write("s.yaml", dump(valid_data)))
    assert result.exit_code == 1
    assert len(result.errors) == 1
    assert result.errors[0].endswith(
        ": E204 briefings[0].asks: has 31 items, more than the 30 allowed; keep the ones that "
        "matter most")
    valid_data["briefings"][0]["asks"].pop()
    assert run("brief", write("s.yaml", dump(valid_data)), "-o", "out").exit_code == 0


def _override(block: str) -> str:
    return ('{% extends "deck_base.yaml.j2" %}\n'
            "{% block continued %}\n" + block + "\n{% endblock %}\n")


@pytest.mark.parametrize(("block", "message"), [
    ('{{ 10**(10**10) }}', "the power 10 ** 10000000000 is too large; a template's numbers have "
                           "at most 10,000 bits (compute figures in the view, not the template)"),
    # Jinja folds constants when it compiles, so even dead code used to hang.
    ('{% if false %}{{ 10**(10**10) }}{% endif %}{{ 9**99999 }}',
     "the power 9 ** 99999 is too large"),
    ('{{ ("a"*4000000000)|length }}', "repeating 1 characters or items 4000000000 times is too "
                                      "much; a template's text and lists hold at most 20,000,000"),
    ('{{ "%999999999d" % 1 }}', "a '%' format width is over 20,000,000 characters"),
    ('{% for i in range(10**9) %}{% endfor %}', "range() of 1,000,000,000 numbers; a template's "
                                                "ranges hold at most 100,000"),
    ('{% include "deck.yaml.j2" %}', "templates include, extend or call each other without end; "
                                     "break the cycle"),
    ('{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}',
     "the output is over 20,000,000 characters; a template must not repeat its text without end"),
])
def test_a_template_past_a_bound_is_a_located_template_error(write, run, block, message):
    write("templates/deck.yaml.j2", _override(block))
    result = run("brief", write("s.yaml", VALID_YAML), "--templates", "templates", "-o", "out")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().startswith("error: templates/deck.yaml.j2:3: " + message), \
        result.stderr
    assert not (result.stdout + result.stderr).count("internal error")


@pytest.mark.parametrize("on_main_thread", [True, False])
def test_a_template_that_loops_without_end_is_stopped_at_the_deadline(
        workdir, monkeypatch, on_main_thread):
    # Two nested loops of 100,000 would take hours. Off the main thread there is no
    # alarm: the sandbox's own range and look-ups watch the clock.
    import threading

    from buyin_cli.errors import TemplateError
    from buyin_cli.render import sandbox
    from buyin_cli.render.templating import make_environment, render

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 3)
    (workdir / "templates").mkdir()
    (workdir / "templates" / "deck.yaml.j2").write_text(_override(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"))
    env = make_environment(workdir / "templates")
    failures = []

    def attempt():
        try:
            render(env, "deck.yaml.j2")
        except TemplateError as exc:
            failures.append(str(exc))

    if on_main_thread:
        attempt()
    else:
        worker = threading.Thread(target=attempt)
        worker.start()
        worker.join(60)
    assert failures == [f"{workdir / 'templates' / 'deck.yaml.j2'}:3: rendering took over 3 s "
                        "and was stopped here; a template must not loop without end"]


# --- files: sizes asked before reading ----------------------------------------------------

def test_a_sparse_8_gb_file_is_refused_by_its_size_before_it_is_read(write, run, monkeypatch):
    path = write("s.yaml", "")
    with open(path, "r+b") as stream:
        stream.truncate(8 * 1024 ** 3)  # sparse: it takes no room on disk
    reads = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or b"")
    result = run("check", path)
    assert result.errors == ["s.yaml:1:1: E105 file is 8,589,934,592 bytes; a strategy file may "
                             "be at most 1,048,576 bytes"]
    assert reads == []


def test_a_folder_of_files_past_the_total_is_refused_before_any_is_read(write, run, monkeypatch):
    from buyin_cli.load import files

    for i in range(12):
        write(f"s/part-{i:02}.yaml", "objectives: []\n" + "#" * 2000 + "\n")
    monkeypatch.setattr(files, "MAX_TOTAL_BYTES", 20_000)  # the real one is 64 MB
    monkeypatch.setattr(files, "read_text", lambda *args: pytest.fail("a file was read"))
    result = run("check", "s")
    assert result.errors == ["s:1:1: E105 the strategy's 12 files total 24,192 bytes; a strategy "
                             "may total at most 20,000 bytes"]


# --- files: nothing skipped silently --------------------------------------------------------

def test_an_unreadable_subfolder_is_an_error_not_a_gap(write, run, monkeypatch):
    import os

    write("s/strategy.yaml", VALID_YAML)
    write("s/pilots/more.yaml", "pilots: []\n")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "pilots":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("check", "s")
    assert result.exit_code == 1
    assert result.errors == ["s/pilots:1:1: E001 cannot read this folder: Permission denied; make "
                             "it readable, or move it out of the strategy"]


def test_an_unreadable_path_is_e001(write, run, monkeypatch):
    write("s/strategy.yaml", VALID_YAML)
    real = Path.stat

    def stat(self, **kwargs):
        if self.name == "s":
            raise PermissionError(13, "Permission denied")
        return real(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    result = run("check", "s")
    assert result.exit_code == 1
    assert result.errors == ["s:1:1: E001 cannot read it: Permission denied"]


def test_upper_case_yaml_files_are_read(write, run):
    write("s/strategy.YAML", VALID_YAML)
    write("s/more.Yml", "objectives:\n  - {id: x, title: X, owner: O, driver: gain, metrics: [nope]}\n")
    result = run("check", "s")
    assert result.errors == ["s/more.Yml:2:57: E302 objectives[0].metrics[0]: unknown metric "
                             "'nope' (known: pick-errors)"]


def test_an_ask_of_400_digits_is_echoed_abbreviated(write, run, valid_data):
    valid_data["briefings"][0]["asks"] = ["Approve $" + "1" * 400 + " for the roll-out"]
    result = run("check", write("s.yaml", dump(valid_data)))
    w504 = [line for line in result.output.splitlines() if " W504 " in line]
    assert len(w504) == 1 and len(w504[0]) < 300
    assert "asks for $111111111111… (400 digits), which is none of the figures" in w504[0]


@pytest.mark.parametrize("value, text", [(1e300, "1e+300"), (-2.5e16, "-2.5e+16"),
                                         (123456789012345.0, "123,456,789,012,345")])
def test_a_figure_past_any_sane_size_is_written_short(value, text):
    from buyin_cli.review.money import written
    from buyin_cli.words import number
    assert number(value) == text
    assert written(value, "USD") == ("-$" + text[1:] if text.startswith("-") else "$" + text)


_SLIDE = "- {layout: Title and Content, title: T, notes: n}\n"


def _chart_outline(categories: int, series: int = 1) -> str:
    values = ", ".join(["1"] * categories)
    return ("continued: c\nslides:\n- layout: Title and Content\n  title: T\n  notes: n\n"
            "  chart:\n    kind: line\n    categories: [" + ", ".join(["a"] * categories) + "]\n"
            "    series:\n" + "".join(f"    - {{name: s{i}, values: [{values}]}}\n"
                                      for i in range(series)))


@pytest.mark.parametrize(("text", "message"), [
    ("continued: c\nslides:\n" + _SLIDE * 501, "slides: takes at most 500 items"),
    (_chart_outline(20_001), "slide 1 (\u201cT\u201d): chart.categories: takes at most 20000 items"),
    (_chart_outline(1, series=51), "slide 1 (\u201cT\u201d): chart.series: takes at most 50 items"),
    ("continued: c\nslides:\n" + _SLIDE + "#" * 2_000_000,
     "the rendered outline is over 2,000,000 characters; a deck holds fewer slides and chart "
     "points"),
])
def test_an_outline_past_a_cap_is_refused_before_any_slide_is_made(text, message, monkeypatch):
    # 20,000 slides, or a chart of 1M categories, kept python-pptx busy without end.
    from buyin_cli.errors import TemplateError
    from buyin_cli.render.outline import parse_outline
    from buyin_cli.render.pptx import deck

    monkeypatch.setattr(deck, "build_deck", lambda *a: pytest.fail("a slide was made"))
    with pytest.raises(TemplateError) as caught:
        parse_outline(text, "deck.yaml.j2")
    assert str(caught.value) == "deck.yaml.j2: " + message


def test_at_the_caps_an_outline_is_read():
    from buyin_cli.render.outline import parse_outline

    assert len(parse_outline("continued: c\nslides:\n" + _SLIDE * 500, "d").slides) == 500
    [slide] = parse_outline(_chart_outline(20_000), "d").slides
    assert slide.chart is not None and len(slide.chart.categories) == 20_000


def test_a_chart_s_categories_are_placed_in_linear_time():
    # python-pptx counted the categories before each one, for each: a history of 20,000
    # readings took minutes to chart. Counted here: each category's position is asked for once
    # or a few times, never by a scan of those before it.
    from pptx.chart.data import Category
    from pptx.enum.chart import XL_CHART_TYPE

    from buyin_cli.render.pptx.chartdata import chart_data

    counted = 0
    leaf_count = vars(Category)["leaf_count"]  # the property itself, to put back

    def counting(self):
        nonlocal counted
        counted += 1
        return leaf_count.fget(self)

    data = chart_data([f"c{i}" for i in range(2_000)], "General")
    data.add_series("s", [1.0] * 2_000)
    try:
        setattr(Category, "leaf_count", property(counting))  # noqa: B010 - a property patched in
        assert data.xml_bytes(XL_CHART_TYPE.LINE) and data.xlsx_blob
    finally:
        setattr(Category, "leaf_count", leaf_count)  # noqa: B010
    assert counted < 20_000  # python-pptx's own scan: about 2,000 × 2,000 / 2 per pass


def test_a_folder_s_files_at_a_revision_are_read_by_a_constant_number_of_git_runs(
        workdir, monkeypatch):
    # One `git show` a file: `diff` over a strategy of 10,000 files took minutes.
    from buyin_cli.load import git as revisions
    from git_repo import commit, init

    init(workdir)
    Path("s").mkdir()
    contents = {f"s/f{i:03}.yaml": f"k{i}: '{'x' * i}'\n" for i in range(200)}
    contents["s/link.yaml"] = ""  # an empty file, its blob's length 0
    for name, text in contents.items():
        Path(name).write_text(text, encoding="utf-8")
    commit(workdir, "many")
    runs = []
    real = revisions._git
    monkeypatch.setattr(revisions, "_git", lambda *a, **k: runs.append(a[1]) or real(*a, **k))
    files = revisions.read_revision(Path("s"), "HEAD")
    assert len(runs) <= 6, runs
    assert {str(name): data.decode() for name, data in files} == {
        f"HEAD:{name}": text for name, text in contents.items()}
