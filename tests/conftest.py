"""Shared fixtures: a small complete strategy, and a runner faithful to the `buyin` script."""

from __future__ import annotations

import copy
import os
import re
import sys
import traceback
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from buyin_cli import cli

# A compact strategy that uses every section and every optional field family, so that a
# one-line edit of it produces exactly one problem. Tests refer to its line numbers: keep
# the layout stable (append, do not insert).
VALID_YAML = """\
buyin: 1
organisation: Kestrel Logistics
title: Fewer picking errors at the Columbus warehouse
presenter: {name: Dana Ruiz, role: Training Lead}
currency: USD
objectives:
  - id: fewer-errors
    title: Cut the picking errors that turn into returns
    owner: Mark Ellis, VP Operations
    driver: pain
    metrics: [pick-errors]
metrics:
  - id: pick-errors
    name: Picking errors
    unit: errors per 10,000 lines
    better: lower
    baseline: 42
    target: 25
    value_per_unit: 30
audiences:
  - id: pickers
    name: Warehouse pickers
    headcount: 120
    gaps:
      knowledge:
        - need: Know the look-alike items
          response: A one-page guide to them
initiatives:
  - id: pick-right
    title: Pick Right
    format: blended
    audiences: [pickers]
    objectives: [fewer-errors]
    costs:
      - {item: Build the guide, amount: 6000, kind: one-off}
pilots:
  - id: pick-right-pilot
    initiative: pick-right
    group: Night shift
    participants: 20
    start: 2025-03-03
    end: 2025-05-30
    cost: 2500
    reaction: {score: 4.2, scale: 5}
    learning: {pre: 55, post: 85}
    usage: {enrolled: 20, completed: 18}
    quotes:
      - {text: I check the label twice now., by: Night-shift picker}
    results:
      - metric: pick-errors
        per: month
        before: 40
        after: 30
        control_before: 41
        control_after: 40
        isolation: 0.8
        confidence: 0.9
stakeholders:
  - id: warehouse-manager
    name: Tanya Brooks
    role: Warehouse General Manager
    concerns: [Peak season starts in six weeks]
    needs: [Pickers who get it right first time]
    benefits: [Fewer returns to re-pick]
sponsor:
  name: Ana Silva
  role: Chief Operating Officer
  quote: Accuracy is our promise to customers.
  usage_targets: [{period: 2025-Q4, completion: 0.8}]
objections:
  - objection: Can we spare the time before peak?
    response: Two hours per picker, repaid within a month.
    evidence: pick-right-pilot
briefings:
  - id: warehouse-manager-briefing
    stakeholder: warehouse-manager
    date: 2025-09-09
    minutes: 20
    opening_question: Would going into peak with fewer returns help?
    asks: [Approve the roll-out to all 120 pickers]
    focus: [fewer-errors]
    showcase: {title: Pick Right, url: "https://example.com/pick-right"}
"""

# One line of `buyin check` output naming a problem.
PROBLEM_LINE = re.compile(r"^[^:\n]+:\d+:\d+: [EW]\d{3} .+$")
ERROR_LINE = re.compile(r"^[^:\n]+:\d+:\d+: E\d{3} .+$")


def replace_line(text: str, old: str, new: str) -> str:
    """`text` with its one line equal to `old` replaced by `new` (which may span lines)."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line == old]
    assert len(hits) == 1, f"expected exactly one line {old!r}, found {len(hits)}"
    lines[hits[0]] = new
    return "\n".join(lines)


@dataclass
class Run:
    """What one `buyin` invocation printed and returned."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def lines(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.strip()]

    @property
    def errors(self) -> list[str]:
        """The error lines (warnings and the summary left out)."""
        return [line for line in self.lines if ERROR_LINE.match(line)]


def invoke(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `buyin ARGS` as the console script does: `cli.main()` with argv set.

    CliRunner's isolation captures the streams (not a terminal, so no colour); an
    exception that escapes `main()` is printed as Python would, so that tests looking
    for tracebacks see it.
    """
    runner = CliRunner()
    exception: BaseException | None = None
    with runner.isolation(env=env) as streams:
        # The console script's __main__ has no package, so the usage line says "buyin".
        saved, saved_main = sys.argv, sys.modules["__main__"]
        sys.argv = ["buyin", *args]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            cli.main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if not isinstance(exc.code, (int, type(None))):
                sys.stderr.write(f"{exc.code}\n")
        except Exception as exc:  # noqa: BLE001 - report like the interpreter would
            exception = exc
            sys.stderr.write("".join(traceback.format_exception(exc)))
            code = 1
        finally:
            sys.argv, sys.modules["__main__"] = saved, saved_main
            sys.stdout.flush()
            sys.stderr.flush()
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return Run(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), exception)


@pytest.fixture(scope="session", autouse=True)
def _cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled templates kept in the session's own folder, never the user's cache (and
    children started by a test inherit it)."""
    os.environ["BUYIN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs as printed anywhere but a GitHub Actions log (which gains stop-commands lines)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def run() -> Callable[..., Run]:
    """`run("check", "s.yaml")`: invoke buyin in-process, as its console script would."""
    return lambda *args, env=None: invoke([str(a) for a in args], env=env)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is also the current folder, so reported paths are relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(workdir: Path) -> Callable[..., Path]:
    """`write("s.yaml", text)` (or bytes) in the working folder; returns the relative path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def valid_yaml() -> str:
    """The text of a complete valid strategy (see VALID_YAML for its line numbers)."""
    return VALID_YAML


@pytest.fixture
def valid_data() -> dict[str, Any]:
    """The same strategy as plain data, a fresh copy for each test to change."""
    return copy.deepcopy(_VALID_DATA)


@pytest.fixture
def strategy_file(write: Callable[..., Path]) -> Path:
    """VALID_YAML written as s.yaml in the working folder."""
    return write("s.yaml", VALID_YAML)


def dump(data: dict[str, Any]) -> str:
    """Plain data as YAML text that buyin reads back unchanged (dates stay text)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# Dates stay text, as buyin's loader keeps them, so that dump() round-trips.
class _TextDates(yaml.SafeLoader):
    pass


# types-PyYAML types a constructor by the loader class it is added to, not by the base it is from.
_TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)  # type: ignore[type-var]
_VALID_DATA: dict[str, Any] = yaml.load(VALID_YAML, Loader=_TextDates)  # noqa: S506 - SafeLoader subclass


SLOW_MARKS = {"libreoffice", "browser", "property"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each hypothesis test marked `property`, and every test that needs LibreOffice, a
    browser or many generated inputs marked `slow`: `pytest -m "not slow"` is the quick run."""
    from hypothesis import is_hypothesis_test

    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.property)
        if SLOW_MARKS & {mark.name for mark in item.iter_markers()}:
            item.add_marker(pytest.mark.slow)
