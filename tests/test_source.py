"""The loader: files found, plain data out, each value's place remembered, hostile input bounded."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from buyin_cli.errors import Location
from buyin_cli.load import files
from buyin_cli.load.files import find_files
from buyin_cli.load.merge import load
from buyin_cli.load.sourcemap import is_yaml11_bool
from conftest import _VALID_DATA


def problems(path) -> list[str]:
    return [str(p) for p in load(Path(path)).problems]


# --- finding files ------------------------------------------------------------------------

def test_find_files_of_a_file(write):
    path = write("s.yaml", "a: 1\n")
    assert find_files(path) == ([path], [])


def test_find_files_of_a_folder_is_recursive_sorted_and_yaml_only(write):
    for name in ("b.yaml", "a/z.yml", "a/y.yaml", "notes.txt", "c.json"):
        write(f"s/{name}", "x: 1\n")
    files, found = find_files(Path("s"))
    assert files == [Path("s/a/y.yaml"), Path("s/a/z.yml"), Path("s/b.yaml")]
    assert found == []


def test_find_files_problems(workdir):
    (workdir / "empty").mkdir()
    assert [p.code for p in find_files(Path("missing"))[1]] == ["E001"]
    assert [p.code for p in find_files(Path("empty"))[1]] == ["E002"]


# --- plain data and where it was written ---------------------------------------------------

def test_load_returns_plain_data_with_dates_as_text(strategy_file):
    loaded = load(strategy_file)
    assert loaded.problems == []
    assert loaded.data == _VALID_DATA
    assert loaded.data["pilots"][0]["start"] == "2025-03-03"
    assert loaded.data["pilots"][0]["reaction"] == {"score": 4.2, "scale": 5}


def test_sources_point_at_values_and_keys(strategy_file):
    sources = load(strategy_file).sources
    assert sources.at(("metrics", 0, "baseline")) == Location(Path("s.yaml"), 17, 15)
    assert sources.key_at(("metrics", 0, "baseline")) == Location(Path("s.yaml"), 17, 5)
    assert sources.at(("metrics", 0)) == Location(Path("s.yaml"), 13, 5)
    assert sources.at(("initiatives", 0, "audiences", 0)) == Location(Path("s.yaml"), 32, 17)


def test_sources_fall_back_to_the_nearest_written_ancestor(strategy_file):
    sources = load(strategy_file).sources
    assert sources.at(("metrics", 0, "history")) == sources.at(("metrics", 0))
    assert sources.key_at(("metrics", 0, "history")) == sources.at(("metrics", 0))


def test_sources_remember_the_raw_scalar(write):
    path = write("s.yaml", "a: no\nb: 'no'\nc: 0x1F\n")
    sources = load(path).sources
    assert is_yaml11_bool(sources.get(("a",)))
    assert not is_yaml11_bool(sources.get(("b",)))
    assert sources.get(("c",)).raw == "0x1F"
    assert load(path).data == {"a": False, "b": "no", "c": 31}


def test_folder_list_sections_concatenate_in_path_order(write):
    write("s/1.yaml", "buyin: 1\nmetrics:\n  - id: a\n")
    write("s/2.yaml", "metrics:\n  - id: b\n  - id: c\n")
    loaded = load(Path("s"))
    assert loaded.problems == []
    assert [m["id"] for m in loaded.data["metrics"]] == ["a", "b", "c"]
    assert loaded.sources.at(("metrics", 2, "id")) == Location(Path("s/2.yaml"), 3, 9)
    assert loaded.sources.at(("metrics", 0, "id")) == Location(Path("s/1.yaml"), 3, 9)


def test_folder_scalar_section_twice_names_both_files(write):
    write("s/1.yaml", "sponsor: {name: A}\n")
    write("s/2.yaml", "sponsor: {name: B}\n")
    assert problems("s") == ["s/2.yaml:1:1: E303 'sponsor' is already set at s/1.yaml:1:1; "
                             "a section that is not a list may appear in one file only"]


def test_folder_list_section_that_is_not_a_list_in_one_file(write):
    write("s/1.yaml", "metrics: [{id: a}]\n")
    write("s/2.yaml", "metrics: {id: b}\n")
    assert problems("s") == ["s/2.yaml:1:10: E203 metrics: expected a list of items, as at "
                             "s/1.yaml:1:1; write the items as '- ' lines, or remove 'metrics' "
                             "here"]


def test_merge_keys_apply_and_explicit_keys_win(write):
    path = write("s.yaml", "base: &b {kind: one-off, amount: 1}\ncost: {<<: *b, amount: 2}\n")
    assert load(path).data["cost"] == {"kind": "one-off", "amount": 2}


_MERGED = """\
base: &b {kind: one-off, amount: 1}
more: &m
  amount: 3
  note: 'from m'
  deep: &d
    <<: *b
    kind: deep
cost:
  <<: [*b, *m]
  amount: 2
  extra:
    <<: *d
items:
  - *b
  - [x, "y"]
  - {a: 1, b: [2, *m]}
"""


@pytest.mark.parametrize(("path", "value", "key", "raw"), [
    (("cost", "amount"), (10, 11), (10, 3), "2"),  # written in the mapping: it wins
    (("cost", "kind"), (1, 17), (1, 11), "one-off"),  # merged from *b
    (("cost", "note"), (4, 9), (4, 3), "from m"),  # from *m, the later of the two merged
    (("cost", "extra", "kind"), (7, 11), (7, 5), "deep"),  # a merge inside a merged mapping
    (("cost", "extra", "amount"), (1, 34), (1, 26), "1"),
    (("items", 0), (14, 5), None, None),  # an alias is placed where it is written
    (("items", 0, "kind"), (1, 17), (1, 11), "one-off"),  # what it names, where that is
    (("items", 1, 1), (15, 9), None, "y"),  # a quote starts the value
    (("items", 2, "b", 1, "deep", "amount"), (1, 34), (1, 26), "1"),
])
def test_sources_follow_aliases_and_merge_keys_as_the_values_were_read(write, path, value, key, raw):
    sources = load(write("s.yaml", _MERGED)).sources
    found = sources.source(path)
    assert found.value == Location(Path("s.yaml"), *value)
    assert found.key == (Location(Path("s.yaml"), *key) if key else None)
    assert found.raw == raw


@pytest.mark.parametrize("path", [("cost", "nothing"), ("items", 3), ("items", -1),
                                  ("items", 1, "x"), ("cost", 0), ("nowhere",), ()])
def test_a_path_that_was_not_written_has_no_source(write, path):
    assert load(write("s.yaml", _MERGED)).sources.source(path) is None


def test_flow_mappings_are_told_from_block_ones(write):
    sources = load(write("s.yaml", _MERGED)).sources
    assert sources.source(("items", 2)).flow and sources.source(("items", 0)).flow
    assert not sources.source(("more",)).flow


def test_aliases_within_bounds_are_expanded(write):
    path = write("s.yaml", "a: &x [one, two]\nb: [*x, *x]\n")
    assert load(path).data == {"a": ["one", "two"], "b": [["one", "two"], ["one", "two"]]}


# --- hostile input -------------------------------------------------------------------------

def test_file_too_large(write):
    path = write("s.yaml", "a: " + "x" * (files.MAX_FILE_BYTES + 1) + "\n")
    assert [p.code for p in load(path).problems] == ["E105"]


def test_billion_laughs_is_bounded_in_time_and_memory(write):
    lines = ["a: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path = write("s.yaml", "\n".join(lines) + "\n")
    tracemalloc.start()
    try:
        loaded = load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in loaded.problems] == ["E105"]
    assert peak < 100 * 1024 * 1024


def test_nothing_is_read_after_the_first_problem_of_a_file(write):
    path = write("s.yaml", "a: \x01\nb: [\n")
    assert problems(path) == ["s.yaml:1:4: E103 control character U+0001 in the text; "
                              "remove it (it would corrupt the deck)"]


def test_other_files_of_a_folder_are_still_read(write):
    write("s/1.yaml", "a: [\n")
    write("s/2.yaml", "b: 'open\n")
    write("s/3.yaml", "metrics: [{id: a}]\n")
    loaded = load(Path("s"))
    assert [str(p.location) for p in loaded.problems] == ["s/1.yaml:2:1", "s/2.yaml:1:4"]
    assert loaded.data == {"metrics": [{"id": "a"}]}


@pytest.mark.parametrize("text, code", [
    ("a: &x {b: *x}\n", "E105"),
    ("? {a: 1}\n: x\n", "E203"),
    ("a: !!set {x}\n", "E203"),
    ("a: !custom x\n", "E203"),
    ("a: 1\n---\nb: 2\n", "E101"),
    ("\ufeff", "E106"),
])
def test_unusual_documents(write, text, code):
    assert [p.code for p in load(write("s.yaml", text)).problems] == [code]


def test_a_folder_leaves_out_hidden_tooling_files(tmp_path):
    (tmp_path / "strategy.yaml").write_text("buyin: 1\n", encoding="utf-8")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "buyin.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "pilots").mkdir()
    (tmp_path / "pilots" / "a.yml").write_text("pilots: []\n", encoding="utf-8")
    files, problems = find_files(tmp_path)
    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["pilots/a.yml", "strategy.yaml"]


def test_a_path_that_is_neither_file_nor_folder():
    files, problems = find_files(Path("/dev/null"))
    assert files == []
    assert [p.code for p in problems] == ["E001"]
    assert problems[0].message == ("not a file or folder; give a strategy .yaml file or a "
                                   "folder of them")


@pytest.mark.parametrize(("text", "may"), [
    ("a: 1\n", False), ("a: R & D\nb: 5 * 3\n", False), ("a: &x 1\nb: *x\n", True),
    ("&x a: 1\n", True), ("a: [*x]\n", True), ("a: {b: *x}\n", True), ("a: b&c*d\n", False),
])
def test_only_text_that_may_hold_an_anchor_or_alias_leaves_libyaml(text, may):
    from buyin_cli.load.compose import _ANCHOR_OR_ALIAS, _may_alias

    assert _may_alias(text) is may
    assert (_ANCHOR_OR_ALIAS.search(text) is not None) is may
