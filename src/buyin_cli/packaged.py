"""The folders that ship with buyin (`templates`, `examples`), installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged_dir(name: str) -> Path:
    """A folder shipped with buyin: inside the installed package, else at the checkout's top."""
    installed = Path(str(resources.files("buyin_cli"))) / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / name
