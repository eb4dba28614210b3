"""One-run commands pause the cycle collector while they build, and freeze what they keep."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from buyin_cli.errors import display_path
from buyin_cli.load.strategy import collector_paused


def test_a_pause_restores_the_collector_and_freezes_nothing() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert not gc.isenabled()
        made: list[list[int]] = [[] for _ in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert made


def test_what_a_one_run_command_keeps_is_frozen_so_no_collection_walks_it_again() -> None:
    try:
        with collector_paused(kept=True):
            made: list[list[int]] = [[] for _ in range(1000)]
            with collector_paused(kept=False):  # the loader's own pause, nested: no effect
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        walked = {id(x) for x in gc.get_objects()}  # the generations a collection walks
        assert not any(id(x) in walked for x in made)
    finally:
        gc.unfreeze()


def test_a_shown_path_follows_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """display_path remembers its answers, per folder: a change of folder is a new answer."""
    (tmp_path / "sub").mkdir()
    file = tmp_path / "sub" / "s.yaml"
    monkeypatch.chdir(tmp_path)
    assert display_path(file) == str(Path("sub") / "s.yaml")
    monkeypatch.chdir(tmp_path / "sub")
    assert display_path(file) == "s.yaml"
    assert display_path(tmp_path / "other.yaml") == str(tmp_path / "other.yaml")
