"""Nothing lost, nothing half-written: outputs go all together, never over a deck edited by hand."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from buyin_cli.errors import BuyinError
from buyin_cli.render.outputs import RECORD, Pending, write_outputs_together

DECK, NOTES = "out/warehouse-manager-briefing.pptx", "out/warehouse-manager-briefing.md"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".old")))


def test_a_deck_edited_by_hand_is_not_written_over_without_force(run, strategy_file: Path) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    Path(DECK).write_bytes(Path(DECK).read_bytes() + b"edited in PowerPoint")
    edited = Path(DECK).read_bytes()
    notes = Path(NOTES).read_bytes()
    Path("s.yaml").write_text(strategy_file.read_text().replace("minutes: 20", "minutes: 25"))
    result = run("brief", strategy_file, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {DECK} was changed since buyin wrote it: to keep those edits, save the file "
        "under another name and run again, or pass --force to write over them"]
    assert Path(DECK).read_bytes() == edited and Path(NOTES).read_bytes() == notes
    forced = run("brief", strategy_file, "--out", "out", "--force")
    assert forced.exit_code == 0, forced.output
    assert Path(DECK).read_bytes() != edited


def test_a_deck_open_in_powerpoint_is_not_written_over(run, strategy_file: Path) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    Path("out/~$warehouse-manager-briefing.pptx").write_bytes(b"owner")
    Path("s.yaml").write_text(strategy_file.read_text().replace("minutes: 20", "minutes: 25"))
    result = run("brief", strategy_file, "--out", "out")
    assert result.exit_code == 1
    assert "is open in PowerPoint (out/~$warehouse-manager-briefing.pptx is its lock file)" \
        in result.stderr
    assert run("brief", strategy_file, "--out", "out", "--force").exit_code == 0


def test_an_unchanged_deck_is_fine_even_when_open(run, strategy_file: Path) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    Path("out/~$warehouse-manager-briefing.pptx").write_bytes(b"owner")
    assert run("brief", strategy_file, "--out", "out").exit_code == 0  # nothing to write


def test_one_unwritable_output_leaves_every_output_as_it_was(run, strategy_file: Path) -> None:
    assert run("brief", strategy_file, "--out", "out").exit_code == 0
    old_deck = Path(DECK).read_bytes()
    Path(NOTES).unlink()
    Path(NOTES).mkdir()  # a folder where the talking points go: that rename must fail
    Path("s.yaml").write_text(strategy_file.read_text().replace("minutes: 20", "minutes: 25"))
    result = run("brief", strategy_file, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"error: {NOTES}: cannot write: ")
    assert Path(DECK).read_bytes() == old_deck, "the deck went back to what it was"
    assert _leftovers(Path("out")) == []


def test_an_interrupted_commit_puts_back_what_it_had_renamed(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.md").write_text("old a")
    (tmp_path / "b.md").write_text("old b")
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the second rename: as if Ctrl-C arrived between the two
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_outputs_together(tmp_path, [Pending(tmp_path / "a.md", b"new a"),
                                          Pending(tmp_path / "b.md", b"new b")])
    monkeypatch.setattr(os, "replace", real)
    assert (tmp_path / "a.md").read_text() == "old a" and (tmp_path / "b.md").read_text() == "old b"
    assert _leftovers(tmp_path) == [] and not (tmp_path / RECORD).exists()


def test_the_record_knows_what_was_written_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    files = [Pending(tmp_path / "a.md", b"a")]
    assert write_outputs_together(tmp_path, files) == [True]
    record = (tmp_path / RECORD).stat().st_mtime_ns
    assert write_outputs_together(tmp_path, files) == [False]
    assert (tmp_path / RECORD).stat().st_mtime_ns == record
    (tmp_path / "a.md").write_bytes(b"by hand")
    with pytest.raises(BuyinError, match="was changed since buyin wrote it"):
        write_outputs_together(tmp_path, [Pending(tmp_path / "a.md", b"b")])


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_brief_with_its_message_and_no_temporary_files(tmp_path: Path, signum, code):
    from conftest import VALID_YAML

    # Forty briefings: rendering takes seconds, so the signal lands in the middle of it.
    more = "".join(f"""  - id: meeting-{n}
    stakeholder: warehouse-manager
    date: 2025-10-01
    minutes: 30
    opening_question: Shall we?
    asks: [Approve the roll-out]
""" for n in range(40))
    (tmp_path / "s.yaml").write_text(VALID_YAML + more, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "buyin_cli", "brief", "s.yaml", "--out", "out"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    assert err.strip().splitlines()[-1] == "interrupted; nothing was left half-written"
    out = tmp_path / "out"
    assert not out.exists() or _leftovers(out) == []
