"""Every example strategy passes `buyin check`: each top-level .yaml file and each folder."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _examples() -> list[Path]:
    if not EXAMPLES.is_dir():
        return []
    return sorted(p for p in EXAMPLES.iterdir()
                  if p.is_dir() or p.suffix in (".yaml", ".yml"))


def test_there_are_examples():
    assert _examples(), "examples/ should hold at least one strategy"


@pytest.mark.parametrize("example", _examples(), ids=lambda p: p.name)
def test_example_passes_check(run, example, monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    result = run("check", example.relative_to(EXAMPLES.parent))
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    assert result.errors == []
    assert result.lines[-1].startswith(f"✓ examples/{example.name}: valid (0 errors, ")
