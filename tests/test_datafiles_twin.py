"""A strategy fed by a CSV and a workbook checks, figures, briefs and diffs as its hand-written twin does."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from buyin_cli.brief import brief
from datafile_helpers import ERRORS, FROM_FILES, MONTHS, UPTAKE, european_csv, hand_written, lms_workbook
from deck_helpers import read_deck
from git_repo import commit, init


@pytest.fixture
def twins(tmp_path: Path) -> dict[str, Path]:
    hand, files = tmp_path / "hand", tmp_path / "files"
    hand.mkdir()
    (hand / "s.yaml").write_text(hand_written(), encoding="utf-8")
    (files / "data").mkdir(parents=True)
    (files / "s.yaml").write_text(FROM_FILES, encoding="utf-8")
    (files / "data" / "errors.csv").write_bytes(european_csv())
    lms_workbook(files / "data" / "lms.xlsx")
    return {"hand": hand, "files": files}


def in_folder(folder: Path, monkeypatch: pytest.MonkeyPatch, run, *args: str):
    monkeypatch.chdir(folder)
    return run(*args)


def test_check_says_the_same(twins, monkeypatch, run):
    said = {}
    for name, folder in twins.items():
        result = in_folder(folder, monkeypatch, run, "check", "s.yaml")
        # Line numbers differ (the twin's lists are longer); what is said may not.
        said[name] = (result.exit_code, [re.sub(r"^s\.yaml:\d+:\d+: ", "", line)
                                         for line in result.lines])
    assert said["files"] == said["hand"]
    assert said["files"][0] == 0


def test_roi_gives_the_same_figures(twins, monkeypatch, run):
    figures = {name: json.loads(in_folder(folder, monkeypatch, run, "roi", "s.yaml", "--format",
                                          "json").stdout)
               for name, folder in twins.items()}
    assert figures["files"] == figures["hand"]


def test_explain_names_each_file_and_its_rows(twins, monkeypatch, run):
    result = in_folder(twins["files"], monkeypatch, run, "roi", "s.yaml", "--explain")
    text = " ".join(result.output.split())
    assert ("pick-errors: history, 12 readings (2025-01 to 2025-12) from data/errors.csv, "
            "rows 2–13") in text
    assert ("pick-right: tracking, 3 readings (2025-10 to 2025-12) from "
            "data/lms.xlsx:Completions, rows 2–4") in text
    hand = in_folder(twins["hand"], monkeypatch, run, "roi", "s.yaml", "--explain")
    assert "Readings from data files" not in hand.output


def test_the_workbook_names_the_cell_of_each_reading(twins, monkeypatch, run):
    import openpyxl

    in_folder(twins["files"], monkeypatch, run, "roi", "s.yaml", "--format", "xlsx", "--out",
              "f.xlsx")
    rows = {r[0]: (r[1], r[3]) for r in
            openpyxl.load_workbook("f.xlsx")["Inputs"].iter_rows(min_row=3, values_only=True)}
    assert rows["Picking errors: reading 2025-03"] == (ERRORS[2], "data/errors.csv:4")
    assert rows["Pick Right: completed by 2025-11"] == (UPTAKE[1][2],
                                                        "data/lms.xlsx:Completions!C3")


def _briefed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list, str]:
    monkeypatch.chdir(folder)
    paths = brief(Path("s.yaml"), Path("out")).paths
    deck = next(p for p in paths if p.suffix == ".pptx")
    notes = next(p for p in paths if p.suffix == ".md")
    return read_deck(deck), notes.read_text(encoding="utf-8")


def test_the_deck_charts_the_same_values_and_names_its_source(twins, monkeypatch):
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    hand_deck, hand_notes = _briefed(twins["hand"], monkeypatch)
    file_deck, file_notes = _briefed(twins["files"], monkeypatch)
    assert file_notes == hand_notes
    assert [s["charts"] for s in file_deck] == [s["charts"] for s in hand_deck]
    charted = [c for s in file_deck for c in s["charts"] if c["categories"][:1] == ["Jan\u00a025"]]
    assert charted and list(charted[0]["series"][0][1]) == ERRORS
    # The one difference: the trend chart's source line names the export and its rows.
    added = [[t for t in f["texts"] if t not in h["texts"]] for f, h in zip(file_deck, hand_deck)]
    assert [t for texts in added for t in texts] == ["Source: data/errors.csv, rows 2–13"]
    assert [{k: v for k, v in s.items() if k != "texts"} for s in file_deck] == \
        [{k: v for k, v in s.items() if k != "texts"} for s in hand_deck]


def test_diff_shows_what_a_new_export_changed(twins, monkeypatch, run):
    said = {}
    for name, folder in twins.items():
        init(folder)
        commit(folder, "first")
        if name == "hand":
            text = (folder / "s.yaml").read_text(encoding="utf-8")
            text = text.replace("{period: '2025-12', value: 30.0}]",
                                "{period: '2025-12', value: 30.0}, {period: '2026-01', "
                                "value: 28.5}]")
            text = text.replace("{period: '2025-12', enrolled: 96, completed: 77}]",
                                "{period: '2025-12', enrolled: 96, completed: 77}, "
                                "{period: '2026-01', enrolled: 120, completed: 101}]")
            (folder / "s.yaml").write_text(text, encoding="utf-8")
        else:  # the monthly routine: export again, replace the files
            (folder / "data" / "errors.csv").write_bytes(
                european_csv().replace(b"2025-12;30,0;\r\n", b"2025-12;30,0;\r\n2026-01;28,5;\r\n"))
            lms_workbook(folder / "data" / "lms.xlsx", rows=UPTAKE + [("2026-01", 120, 101)])
        commit(folder, "January's exports")
        result = in_folder(folder, monkeypatch, run, "diff", "s.yaml", "--since", "HEAD~1",
                           "--until", "HEAD", "--format", "json")
        assert result.exit_code == 0, result.output
        # The twins are two repositories: all but their commits must agree.
        said[name] = {k: v for k, v in json.loads(result.stdout).items() if "commit" not in k}
    assert said["files"] == said["hand"]
    assert [m["new_readings"] for m in said["files"]["metrics"]] == [["2026-01"]]
    assert MONTHS[-1] == "2025-12"


def test_diff_reads_the_data_files_of_the_revision_it_names(twins, monkeypatch, run):
    folder = twins["files"]
    init(folder)
    commit(folder, "first")
    (folder / "data" / "errors.csv").write_bytes(b"Monat;Fehler\n2025-01;n/a\n")
    # The working tree's export is broken; the committed one is not, and HEAD~0 reads that.
    result = in_folder(folder, monkeypatch, run, "diff", "s.yaml", "--since", "HEAD",
                       "--until", "HEAD")
    assert (result.exit_code, result.lines) == (
        0, ["No changes to s.yaml from HEAD to HEAD."])
    broken = run("diff", "s.yaml")
    assert broken.exit_code == 1
    assert "data/errors.csv:2:2: E401 'n/a' in column Fehler is not a number" in broken.output


def test_diff_names_the_months_a_new_export_revised(twins, monkeypatch, run):
    folder = twins["files"]
    init(folder)
    commit(folder, "first")
    # March's incidents were reported late: the new export corrects March and adds January.
    (folder / "data" / "errors.csv").write_bytes(
        european_csv().replace(b"2025-03;43,25;", b"2025-03;44,25;")
        .replace(b"2025-12;30,0;\r\n", b"2025-12;30,0;\r\n2026-01;28,5;\r\n"))
    result = in_folder(folder, monkeypatch, run, "diff", "s.yaml")
    assert result.exit_code == 0, result.output
    assert result.lines[1:3] == [
        "Metrics", "  Picking errors fell from 30 to 28.5 errors per 10,000 lines (better); new "
                   "readings for 2026-01; revised readings for 2025-03"]
