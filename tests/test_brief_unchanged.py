"""`brief` rewrites only what changed: an output that would get the same bytes is left untouched."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from buyin_cli.brief import Rendered, write_outputs
from conftest import VALID_YAML, replace_line

SECOND_BRIEFING = """\
  - id: night-shift-briefing
    stakeholder: warehouse-manager
    date: 2025-10-01
    minutes: 30
    opening_question: Shall we look at the first month of the night shift?
    asks: [Agree the next step]
"""


def _files(lines: list[str]) -> list[str]:
    """The per-file lines of brief's output (the readiness note after them left out)."""
    return [line for line in lines if line.startswith(("wrote ", "unchanged "))]


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def _age(folder: Path) -> None:
    """Set every file's mtime an hour back, so a rewrite shows even on a coarse clock."""
    for p in folder.iterdir():
        stat = p.stat()
        os.utime(p, ns=(stat.st_atime_ns, stat.st_mtime_ns - 3600 * 10**9))


def test_a_second_brief_leaves_every_file_untouched(run, strategy_file: Path) -> None:
    first = run("brief", strategy_file, "--out", "out")
    assert _files(first.lines) == ["wrote out/warehouse-manager-briefing.pptx",
                           "wrote out/warehouse-manager-briefing.md"]
    _age(Path("out"))
    before = _state(Path("out"))
    second = run("brief", strategy_file, "--out", "out")
    assert second.exit_code == 0, second.output
    assert _files(second.lines) == ["unchanged out/warehouse-manager-briefing.pptx",
                            "unchanged out/warehouse-manager-briefing.md"]
    assert _state(Path("out")) == before


def test_only_the_edited_briefing_is_written_again(run, write) -> None:
    write("s.yaml", VALID_YAML + SECOND_BRIEFING)
    assert run("brief", "s.yaml", "--out", "out").exit_code == 0
    _age(Path("out"))
    before = _state(Path("out"))
    write("s.yaml", replace_line(VALID_YAML + SECOND_BRIEFING, "    minutes: 30", "    minutes: 40"))
    result = run("brief", "s.yaml", "--out", "out")
    assert result.stderr == ""  # not a terminal, so no progress bar, though there are two
    assert result.lines[:4] == ["unchanged out/warehouse-manager-briefing.pptx",
                                "unchanged out/warehouse-manager-briefing.md",
                                "wrote out/night-shift-briefing.pptx",
                                "wrote out/night-shift-briefing.md"]
    assert len(result.lines) == 5  # and the readiness note
    assert result.lines[4].endswith("`buyin check s.yaml` shows where to fix them")
    after = _state(Path("out"))
    changed = sorted(name for name in after if after[name] != before[name])
    # ... and the record of what buyin wrote, which knows their new contents.
    assert changed == [".buyin-outputs.json", "night-shift-briefing.md", "night-shift-briefing.pptx"]


def test_a_file_removed_by_hand_is_written_again(run, strategy_file: Path) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    Path("out/warehouse-manager-briefing.pptx").unlink()
    result = run("brief", strategy_file, "--out", "out")
    assert _files(result.lines) == ["wrote out/warehouse-manager-briefing.pptx",
                                    "unchanged out/warehouse-manager-briefing.md"]


def test_write_outputs_says_which_files_changed(tmp_path: Path) -> None:
    from buyin_cli.packaged import packaged_dir

    deck = (packaged_dir("templates") / "default.pptx").read_bytes()  # any deck that opens
    (tmp_path / "m.md").write_text("talking points\n", encoding="utf-8")
    outputs = write_outputs([Rendered("m", deck, "talking points\n")], tmp_path)
    assert [(o.path.name, o.changed) for o in outputs] == [("m.pptx", True), ("m.md", False)]
    assert (tmp_path / "m.pptx").read_bytes() == deck


def test_quiet_prints_nothing_and_verbose_says_how_long(run, strategy_file: Path) -> None:
    quiet = run("brief", strategy_file, "--out", "out", "-q")
    assert quiet.exit_code == 0
    assert quiet.output == ""
    verbose = run("brief", strategy_file, "--out", "out", "--verbose")
    assert re.fullmatch(r"rendered warehouse-manager-briefing in \d+\.\d\d s", verbose.lines[0])
    assert verbose.lines[1:3] == ["unchanged out/warehouse-manager-briefing.pptx",
                                  "unchanged out/warehouse-manager-briefing.md"]
    assert re.fullmatch(r"0 files written, 2 unchanged, in \d+\.\d\d s", verbose.lines[3])
    assert verbose.lines[4].endswith("`buyin check s.yaml` shows where to fix them")


def test_verbose_lists_each_briefings_own_files_whatever_their_order(run, write, monkeypatch) -> None:
    import dataclasses

    from buyin_cli import brief

    write("s.yaml", VALID_YAML + SECOND_BRIEFING)
    real = brief.brief
    # The files in another order than the briefings: decks first, say.
    monkeypatch.setattr(brief, "brief", lambda *a, **k: dataclasses.replace(
        (done := real(*a, **k)), outputs=sorted(done.outputs, key=lambda o: o.path.suffix != ".pptx")))
    verbose = run("brief", "s.yaml", "--out", "out", "--verbose")
    assert verbose.exit_code == 0, verbose.output
    assert [line.split(" ")[1] for line in verbose.lines[:6]] == [
        "warehouse-manager-briefing", "out/warehouse-manager-briefing.pptx", "out/warehouse-manager-briefing.md",
        "night-shift-briefing", "out/night-shift-briefing.pptx", "out/night-shift-briefing.md"]


def test_quiet_still_prints_errors(run, write) -> None:
    write("s.yaml", replace_line(VALID_YAML, "    baseline: 42", "    baselin: 42"))
    result = run("brief", "s.yaml", "-q")
    assert result.exit_code == 1
    assert result.lines[-1] == "✗ 1 error; nothing was written"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_sees_a_progress_bar(workdir: Path) -> None:
    from test_cli_help import in_a_terminal

    (workdir / "s.yaml").write_text(VALID_YAML + SECOND_BRIEFING, encoding="utf-8")
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    status, shown = in_a_terminal("brief", "s.yaml", "--out", "tty", cwd=workdir, env=env, timeout=120)
    assert status == 0
    assert "rendering" in shown and "night-shift-briefing" in shown
    assert "1/2" in shown
    assert "wrote tty/night-shift-briefing.md" in shown
