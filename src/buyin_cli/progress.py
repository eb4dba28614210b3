"""The progress display while many briefings render: a rich bar in a terminal, nothing when piped."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from buyin_cli.brief import Progress


@contextmanager
def progress_bar(stream: IO[str]) -> Iterator[Progress]:
    """A `Progress` callback that drives a transient bar on `stream`, gone once rendering ends.

    It names the briefing being rendered. A single briefing shows no bar: its own
    output line follows soon enough, and a bar of one step tells nothing.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

    bar = Bar(TextColumn("rendering"), BarColumn(), MofNCompleteColumn(),
              TextColumn("{task.description}", markup=False), TimeElapsedColumn(),
              console=Console(file=stream), transient=True)
    task = None

    def advance(briefing_id: str | None, done: int, total: int) -> None:
        nonlocal task
        if total < 2:
            return
        if task is None:
            bar.start()
            task = bar.add_task("", total=total)
        # Drawn at each step, not only at the bar's next tick: a deck rendered in less than a
        # tick would otherwise never show its name or count.
        bar.update(task, completed=done, description=briefing_id or "", refresh=True)

    try:
        yield advance
    finally:
        bar.stop()
