"""Atomic writes: the old file survives every failure, and no temporary file is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from buyin_cli.render.atomic import write_atomic


def test_writes_a_new_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.txt", b"hello")
    assert (tmp_path / "out.txt").read_bytes() == b"hello"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_replaces_an_existing_file_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_verify_sees_the_complete_file_before_the_switch(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    seen = []

    def verify(path: Path) -> None:
        seen.append((path.parent, path.read_bytes(), target.read_bytes()))

    write_atomic(target, b"new", verify=verify)
    assert seen == [(tmp_path, b"new", b"old")]


def test_failed_verify_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old deck")

    def verify(path: Path) -> None:
        raise ValueError("not a deck")

    with pytest.raises(ValueError, match="not a deck"):
        write_atomic(target, b"broken", verify=verify)
    assert target.read_bytes() == b"old deck"
    assert os.listdir(tmp_path) == ["deck.pptx"]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_atomic(tmp_path / "out.txt", "text, not bytes")  # type: ignore[arg-type]
    assert os.listdir(tmp_path) == []


def test_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "out.txt", b"x")
