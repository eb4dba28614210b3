"""A stranger's pull request, second round: what once hung, crashed or went unsaid is bounded and located.

Each test is the smallest input of one fault, and where it can, a class of them:
folders by shape (deep, wide, holding what is no file), budgets shared across
files, and every command a strategy reaches.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import VALID_YAML

NOT_A_FILE = ("E001 is not a regular file (a FIFO, a device, or a link to one or to nothing); a "
              "strategy file is a plain file: replace it with one, or remove it")


# --- strategy folders: every shape is read, or said -----------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "device link", "fifo link", "dangling link"])
def test_a_yaml_name_that_is_no_file_is_reported_not_skipped(run, write, kind) -> None:
    write("s/strategy.yaml", VALID_YAML)
    name = Path("s/odd.yaml")
    if kind == "fifo":
        os.mkfifo(name)
    elif kind == "device link":
        name.symlink_to("/dev/null")
    elif kind == "fifo link":
        os.mkfifo("pipe")
        name.symlink_to(Path("pipe").resolve())
    else:
        name.symlink_to("nowhere.yaml")
    for command in ("check", "roi"):
        result = run(command, "s")
        assert result.exit_code == 1
        assert result.errors == [f"s/odd.yaml:1:1: {NOT_A_FILE}"]


def test_a_linked_folder_is_still_not_followed_nor_reported(run, write) -> None:
    write("s/strategy.yaml", VALID_YAML)
    Path("other").mkdir()
    Path("s/more.yaml").symlink_to(Path("other").resolve(), target_is_directory=True)
    assert run("check", "s").exit_code == 0


@pytest.mark.parametrize("depth", [1100, 3000])
def test_a_folder_thousands_of_levels_deep_is_read(run, workdir, depth) -> None:
    folder = Path("s")
    folder.mkdir()
    os.chdir(folder)
    for _ in range(depth):  # relative steps: the whole path would pass PATH_MAX
        os.mkdir("a")
        os.chdir("a")
    Path("strategy.yaml").write_text(VALID_YAML.replace("buyin: 1", "buyin: 1\nx: 1"))
    os.chdir(workdir)
    try:
        result = run("check", "s")
    finally:
        _remove_chain(workdir / "s", depth)
    assert "internal error" not in result.output
    assert result.exit_code == 1
    assert (len(result.errors) == 1 and ": E201 x: unknown key" in result.errors[0]) \
        or "E001" in result.errors[0]


def _remove_chain(folder: Path, depth: int) -> None:
    """Remove folder/a/a/…/strategy.yaml bottom up, one relative step at a time: Python 3.11's
    rmtree recurses once a level and fails past 1,000 of them — pytest's own clean-up included."""
    here = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(depth):
            os.chdir("a")
        os.remove("strategy.yaml")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("a")
    finally:
        os.chdir(here)


def test_a_folder_of_20000_files_is_listed_in_linear_time(workdir) -> None:
    # Membership was checked in a list: 8,000 files took 6.8 s, 100,000 minutes.
    from buyin_cli.load.files import find_files

    def timed(n: int) -> float:
        folder = Path(f"s{n}")
        folder.mkdir()
        for i in range(n):
            (folder / f"f{i}.yaml").touch()
        start = time.perf_counter()
        files, problems = find_files(folder)
        assert len(files) == n and problems == []
        return time.perf_counter() - start

    small, large = timed(2000), timed(20000)
    assert large < 15 and large < 30 * small + 2  # linear (quadratic: 42 s), room for a busy machine


# --- budgets are the strategy's, not each file's --------------------------------------------

BOMB = ("x{i}: &a [1,1,1,1,1,1,1,1,1,1]\nmetrics:\n - &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        " - &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n - [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n")


def test_the_alias_budget_is_shared_by_all_the_files(run, write) -> None:
    # Each file expands to some 11,000 values, well within a document's budget: 60 of them took
    # 20 s and 1.9 GB. Together they pass it, in the file where they do, and no more is read.
    for i in range(60):
        write(f"s/f{i:02}.yaml", BOMB.format(i=i))
    start = time.perf_counter()
    result = run("check", "s")
    assert time.perf_counter() - start < 15
    assert [e for e in result.errors if "E105" in e] == [
        "s/f08.yaml:5:29: E105 the strategy's files together expand to more than 100,000 values "
        "through aliases; do not nest aliases of aliases"]


def test_the_value_budget_of_the_whole_strategy_is_located(run, write, monkeypatch) -> None:
    from buyin_cli.load import budget

    monkeypatch.setattr(budget, "MAX_STRATEGY_VALUES", 500)
    for i in range(3):
        write(f"s/f{i}.yaml", "objectives:\n" + "".join(f" - [{j}, {j}]\n" for j in range(100)))
    result = run("check", "s")
    assert [e for e in result.errors if "E105" in e] == [
        "s/f1.yaml:68:9: E105 the strategy's files together hold more than 500 values; a "
        "strategy holds at most that many: keep its history in fewer, coarser readings"]


# --- templates: memory and time are the run's ----------------------------------------------

def _deck_override(block: str) -> str:
    return '{% extends "deck_base.yaml.j2" %}\n{% block continued %}\n' + block + "\n{% endblock %}\n"


@pytest.mark.parametrize(("block", "message"), [
    # constant arguments: Jinja folded these when compiling, outside every bound
    ('{{ "x"|center(1500000000) }}', "the filter 'center' is given a width over 20,000,000"),
    ('{{ "x"|indent(1500000000, true) }}', "the filter 'indent' is given a width over"),
    ('{{ "%*d"|format(1500000000, 1) }}', "the filter 'format' is given a width over"),
    ('{{ "{:>1500000000}".format(1) }}', "str.format is given a width over 20,000,000"),
    ('{{ "{:>{}}".format(1, 1500000000) }}', "str.format is given a width over"),
    ('{{ "x".rjust(1500000000) }}', "str.rjust is given a width over"),
    ('{{ ("x" * 10000000)|replace("x", "y" * 30) }}', "the filter 'replace' would make "
                                                       "300,000,000 characters"),
    ('{{ (["x" * 10000000] * 3)|join }}', "the filter 'join' would make 30,000,000 characters"),
    # `~` is no operator the sandbox sees: doubling a text meets the memory bound
    ('{% set ns = namespace(t="x" * 10000000) %}{% for i in range(12) %}'
     '{% set ns.t = ns.t ~ ns.t %}{% endfor %}{{ ns.t|length }}',
     "the template needs more than 1,024 MB of memory and was stopped here"),
], ids=["center", "indent", "format star", "str.format width", "str.format nested", "rjust",
        "replace", "join", "concat doubling"])
def test_a_template_that_would_grow_memory_is_stopped_where_it_is(write, run, block, message):
    write("templates/deck.yaml.j2", _deck_override(block))
    result = run("brief", write("s.yaml", VALID_YAML), "--templates", "templates", "-o", "out")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: templates/deck.yaml.j2:3: " + message), result.stderr
    assert not Path("out").exists()


def test_values_that_only_look_wide_still_render(write, run) -> None:
    write("templates/deck.yaml.j2", _deck_override(
        '{{ "%s"|format(25000000) ~ "{}".format(25000000) ~ "ab".replace("a", "c") }}'))
    assert run("brief", write("s.yaml", VALID_YAML), "--templates", "templates",
               "-o", "out").exit_code == 0


def test_the_time_budget_is_the_runs_not_each_templates(workdir, monkeypatch) -> None:
    # Loops kept just under a per-template limit added up: 67 s over a few renders.
    from buyin_cli.errors import TemplateError
    from buyin_cli.render import sandbox
    from buyin_cli.render.templating import make_environment, render

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 2)
    (workdir / "templates").mkdir()
    (workdir / "templates" / "loop.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(30) %}{% endfor %}{% endfor %}")
    env = make_environment(workdir / "templates")
    env.new_run()
    start = time.monotonic()
    with pytest.raises(TemplateError, match="rendering took over 2 s"):
        for _ in range(50):
            render(env, "loop.j2")
    assert time.monotonic() - start < 6


# --- one located line, never "internal error" -----------------------------------------------

@pytest.mark.parametrize("period", ["0000-01", "9999-W52", "0000", "9999-Q4", "9999-12-31"])
def test_a_period_outside_the_calendar_checks_and_briefs_alike(run, write, period) -> None:
    # check accepted these and brief then failed: 'year 0 is out of range', OverflowError.
    path = write("s.yaml", VALID_YAML.replace("usage_targets: [{period: 2025-Q4, completion: 0.8}]",
                                              f"usage_targets: [{{period: '{period}', completion: 0.8}}]"))
    assert run("check", path).exit_code == 0
    result = run("brief", path, "-o", "out")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"])
def test_a_date_at_the_calendars_ends_is_one_located_line(run, write, day) -> None:
    path = write("s.yaml", VALID_YAML.replace("    date: 2025-09-09", f"    date: {day}"))
    for command in ("check", "roi", "brief"):
        result = run(command, path, *(["-o", "out"] if command == "brief" else []))
        assert result.exit_code == 1
        assert result.errors == [f"s.yaml:77:11: E204 briefings[0].date: a date from 1900 to "
                                 f"2999, got {day}"]


def test_an_id_too_long_for_a_file_name_is_located(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("  - id: warehouse-manager-briefing",
                                              "  - id: " + "b" * 250))
    result = run("brief", path, "-o", "out")
    assert result.errors == ["s.yaml:75:9: E204 briefings[0].id: is 250 characters, more than "
                             "the 100 allowed; shorten it"]


def test_a_key_past_yamls_length_is_told_so_not_to_add_its_colon(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("buyin: 1", "buyin: 1\n" + "k" * 1100 + ": 1"))
    assert run("check", path).errors == [
        "s.yaml:2:1: E101 this key is longer than the 1,024 characters YAML allows before its "
        "':'; shorten it"]


@pytest.mark.parametrize("text", ['"a\\u0001"', '"\\u0085"', '"\\u202e"'])
def test_a_template_that_writes_a_control_character_is_located(text) -> None:
    from buyin_cli.errors import TemplateError
    from buyin_cli.render.outline.parse import parse_outline

    with pytest.raises(TemplateError, match=r"^deck.yaml.j2: slides\[0\].title: control "
                                            r"character U\+\w{4} in the rendered text"):
        parse_outline(f"continued: x\nslides: [{{title: {text}}}]\n", "deck.yaml.j2")
