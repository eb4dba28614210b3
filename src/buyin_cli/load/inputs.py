"""The files a run reads, so that none of its outputs is ever written over one of them."""

from __future__ import annotations

import os
from pathlib import Path

# (device, inode) of every file read, and of every link named to reach one: replacing
# either (`--out s.yaml`, or `--out` naming a link to it) would lose the input.
_read: set[tuple[int, int]] = set()


def note_input(path: Path) -> None:
    """Remember `path` as read by this run."""
    for follow in (True, False):
        try:
            info = os.stat(path, follow_symlinks=follow)
        except OSError:
            continue
        _read.add((info.st_dev, info.st_ino))


def is_input(path: Path) -> bool:
    """Whether writing `path` (replacing its entry, as outputs are written) would replace an input."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) in _read


def forget_inputs() -> None:
    """A new run reads its own inputs (a long-lived process runs many)."""
    _read.clear()
