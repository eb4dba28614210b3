"""Running commands for the benchmarks: wall time and peak memory of each run, interleaved rounds.

These machines are noisy (other jobs share the cores), so a command is never
timed alone: the commands that are compared run one after another in each
round, and a ratio is the median of the per-round ratios, so a slow spell slows
both sides of a pair alike.
"""

from __future__ import annotations

import math
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# Children write their bytecode caches, as an installed buyin has them: with
# PYTHONDONTWRITEBYTECODE set, every run would compile buyin's modules afresh.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV.update(NO_COLOR="1", COLUMNS="100", SOURCE_DATE_EPOCH="1700000000")


class Failed(Exception):
    """A command exited non-zero: the benchmark measures working commands only."""


@dataclass
class Run:
    """One run: seconds of wall time and peak resident memory in MB; None when it timed out."""

    seconds: float | None
    max_rss_mb: float


@dataclass
class Series:
    """Every run of one command."""

    label: str
    command: list[str]
    runs: list[Run] = field(default_factory=list)

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs if r.seconds is not None]

    @property
    def timed_out(self) -> bool:
        return any(r.seconds is None for r in self.runs)

    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.timed_out else None

    def median_rss(self) -> float:
        return statistics.median(r.max_rss_mb for r in self.runs)


def run_once(command: list[str], cwd: Path, timeout: float | None = None) -> Run:
    """Run `command` once in a fresh process; its wall time and its own peak RSS (wait4)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=CHILD_ENV, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        killed = threading.Event()

        def kill() -> None:
            try:
                os.killpg(child.pid, signal.SIGKILL)
                killed.set()
            except ProcessLookupError:  # it ended as the timer fired
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if timer:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KiB on Linux (bytes on macOS).
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        if killed.is_set():
            return Run(None, rss)
        if child.returncode != 0:
            err.seek(0)
            raise Failed(f"{' '.join(command)} exited {child.returncode}:\n"
                         + err.read().decode(errors="replace")[-2000:])
        return Run(elapsed, rss)


def interleave(series: list[Series], rounds: int, cwd: Path, *, warmup: bool = True,
               timeout: float | None = None, budget: float | None = None,
               least: int = 3) -> None:
    """Run each series once per round, in turn, after one untimed warm-up round.

    A series that times out is not run again (later rounds would only time out too).
    With `budget` (seconds), stop after the round that spends it, but run at least
    `least` rounds, so one slow outlier cannot set a median.
    """
    if warmup:
        for s in series:
            run_once(s.command, cwd, timeout)
    start = time.perf_counter()
    for done in range(1, rounds + 1):
        for s in series:
            if not s.timed_out:
                s.runs.append(run_once(s.command, cwd, timeout))
        if budget is not None and done >= least and time.perf_counter() - start > budget:
            break


def paired_ratio(top: Series, bottom: Series) -> float | None:
    """Median over rounds of top ÷ bottom, each round's two runs taken together."""
    pairs = [a.seconds / b.seconds for a, b in zip(top.runs, bottom.runs)
             if a.seconds is not None and b.seconds]
    if not pairs or top.timed_out or bottom.timed_out:
        return None
    return statistics.median(pairs)


def exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    """k in t ∝ n^k between two sizes: 1 is linear, 2 quadratic."""
    return math.log(t2 / t1) / math.log(n2 / n1)


def fitted_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log t against log n over (n, t) points; None with fewer than 2."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys))
            / sum((x - mx) ** 2 for x in xs))


def seconds(value: float | None, timeout: float | None = None) -> str:
    """A duration for the table: ms under a second, else seconds; '> T s' for a time-out."""
    if value is None:
        return f"> {timeout:.0f} s" if timeout else "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def machine() -> str:
    """Python, CPU, cores and OS: what a figure was measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        names = [line.split(":", 1)[1].strip() for line in
                 Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return (f"{platform.python_implementation()} {platform.python_version()}, {cpu} "
            f"({os.cpu_count()} cores), {platform.system()} {platform.release()}")
