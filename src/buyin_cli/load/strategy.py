"""A strategy loaded for use: read, validated against the models and related, every problem found in one pass.

`load_strategy` is the entry point of every command: it reads the YAML
(merge.py) and the data files it names (datafiles.py), validates it against the
models (models.py, phrased by phrasing.py) and checks what relates several values
(relations.py), collecting every problem so that a user can fix them all in one round.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from buyin_cli.errors import Problem, StrategyInvalid
from buyin_cli.load.datafiles import read_data_files
from buyin_cli.load.merge import Loaded, load
from buyin_cli.load.models import Strategy
from buyin_cli.load.phrasing import problem_for, without_typo_echoes
from buyin_cli.load.relations import relation_problems
from buyin_cli.load.sourcemap import SourceMap
from buyin_cli.records import dataclass


@dataclass(frozen=True)
class LoadedStrategy:
    """A valid strategy and where each of its values was written."""

    strategy: Strategy
    sources: SourceMap
    path: Path


def check_strategy(path: Path, *, need_briefings: bool = False
                   ) -> tuple[LoadedStrategy | None, list[Problem]]:
    """Every error in the strategy at `path`, and the strategy itself when there is none.

    `need_briefings`: the strategy is to be briefed, so it must have a briefing (E305).
    """
    with collector_paused():
        return validated(load(path), path, need_briefings=need_briefings)


@contextmanager
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """Pause the cycle collector while a strategy is read or reviewed: both make many
    objects and little garbage, so the collections they would trigger (each over every
    object so far) make the work grow faster than the strategy. Reference counting
    still frees what is dropped; the collector is restored as it was.

    `kept`: what was made lives until the process ends (a one-run command such as
    `check`), so it is frozen: the collector, back on, no longer walks it. Otherwise
    the first allocations after the pause set off a full collection over every object
    of the strategy, seconds at 10k records, to find nothing. Not for `watch`, whose
    strategies are dropped on each save.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if kept:
            gc.freeze()
        if was_enabled:
            gc.enable()


def validated(loaded: Loaded, path: Path, *, need_briefings: bool = False
              ) -> tuple[LoadedStrategy | None, list[Problem]]:
    """Every error in strategy data read by merge.py, and the strategy when there is none."""
    if loaded.problems:
        return None, loaded.problems
    data, sources = loaded.data, loaded.sources
    problems: list[Problem] = []
    read_data_files(data, sources, loaded.reader, problems)
    strategy = None
    try:
        strategy = Strategy.model_validate(data)
    except ValidationError as exc:
        errors = without_typo_echoes(exc.errors(include_url=False))
        problems.extend(problem_for(error, sources) for error in errors)
    problems.extend(relation_problems(data, sources, need_briefings=need_briefings))
    if problems or strategy is None:  # no strategy without a problem that says why
        return None, problems
    return LoadedStrategy(strategy, sources, path), []


def load_strategy(path: Path, *, need_briefings: bool = False) -> LoadedStrategy:
    """The valid strategy at `path`; raises StrategyInvalid listing every error."""
    loaded, problems = check_strategy(path, need_briefings=need_briefings)
    if loaded is None:
        raise StrategyInvalid(problems)
    return loaded
