"""Nothing lost: no command writes over one of its inputs, or through a link it was not told to follow.

Each test is the smallest input of one way a run (or a pull request's planted
files) could have a command replace what it read or write outside the folder
meant for its outputs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import VALID_YAML

INPUT = "is one of this run's inputs; buyin never writes over its input: name another file to write"


@pytest.mark.parametrize("out", ["s.yaml", "link.yaml", "hard.yaml"])
def test_roi_never_writes_its_workbook_over_the_strategy(run, strategy_file, out) -> None:
    os.symlink("s.yaml", "link.yaml")
    os.link("s.yaml", "hard.yaml")
    given = "link.yaml" if out == "link.yaml" else "s.yaml"
    result = run("roi", given, "--format", "xlsx", "--out", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {out}: {INPUT}"]
    assert strategy_file.read_text(encoding="utf-8") == VALID_YAML
    assert "wrote" not in result.output


def test_brief_never_writes_a_deck_over_the_powerpoint_template_it_read(run, strategy_file) -> None:
    from buyin_cli.render.pptx.templatefile import default_template

    Path("build").mkdir()
    template = Path("build/warehouse-manager-briefing.pptx")
    template.write_bytes(default_template().read_bytes())
    before = template.read_bytes()
    result = run("brief", strategy_file, "--pptx-template", template)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"error: {template}: {INPUT}"]
    assert template.read_bytes() == before
    assert not Path("build/warehouse-manager-briefing.md").exists()  # all or none


def test_a_default_out_folder_that_is_a_link_is_refused(run, strategy_file) -> None:
    Path("elsewhere").mkdir()
    Path("build").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("brief", strategy_file)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: build: the output folder is a link; buyin follows it only when you name the "
        "folder yourself (--out build), or remove the link"]
    assert list(Path("elsewhere").iterdir()) == []
    assert run("brief", strategy_file, "--out", "build").exit_code == 0  # named: followed
    assert sorted(p.name for p in Path("elsewhere").iterdir()) == [".buyin-outputs.json",
        "warehouse-manager-briefing.md", "warehouse-manager-briefing.pptx"]


@pytest.mark.parametrize("plant", ["dev-zero", "fifo", "link-to-fifo"])
def test_a_planted_record_is_not_followed_or_waited_on(run, strategy_file, plant) -> None:
    Path("build").mkdir()
    record = Path("build/.buyin-outputs.json")
    if plant == "dev-zero":
        record.symlink_to("/dev/zero")
    elif plant == "fifo":
        os.mkfifo(record)
    else:
        os.mkfifo("pipe")
        record.symlink_to(Path("pipe").resolve())
    result = run("brief", strategy_file)
    assert result.exit_code == 0, result.output
    assert record.is_file() and not record.is_symlink()


@pytest.mark.parametrize("name", ["warehouse-manager-briefing.md", "warehouse-manager-briefing.pptx"])
def test_a_planted_output_link_to_a_device_is_replaced_unread(run, strategy_file, name) -> None:
    Path("build").mkdir()
    Path("build", name).symlink_to("/dev/zero")
    result = run("brief", strategy_file)
    assert result.exit_code == 0, result.output
    assert not Path("build", name).is_symlink()


def test_init_never_writes_through_a_linked_folder(run, workdir) -> None:
    Path("repo").mkdir()
    Path("elsewhere").mkdir()
    Path("repo/strategy").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("init", "repo")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: repo/strategy: is a link; init writes only inside repo: remove the link, or "
        "init the folder it points to"]
    assert list(Path("elsewhere").iterdir()) == []
    assert [p.name for p in Path("repo").iterdir()] == ["strategy"]  # nothing, not half


def test_text_past_an_excel_cell_is_refused_not_cut(run, write) -> None:
    # XlsxWriter cuts a string at 32,767 characters and carries on.
    path = write("s.yaml", VALID_YAML.replace("organisation: Kestrel Logistics",
                                              "organisation: K" + "x" * 32_800))
    result = run("roi", path, "--format", "xlsx", "--out", "f.xlsx")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: the workbook's sheet 'Inputs', cell A1, would hold 32,876 characters "
        "('Kxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'), more than the 32,767 an Excel cell holds; "
        "shorten that text in the strategy (nothing was written)"]
    assert not Path("f.xlsx").exists()
