"""How long `buyin watch` takes to show a save, next to a first render.

Run on demand from the repository root (it is not a test: timings depend on the machine):

    python bench/watch_speed.py [--runs 5]

For the starter strategy of `buyin init` and for the Northwind example, one briefing
each, it times a watch session's first render, then a save that changes a number on
the slides and a save that changes no slide (a comment), alternating. The project's
target: a save shows up in well under a second.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name → (strategy inside the copy, briefing, file to edit, line to edit, the edited line:
# a new number on every save, so no deck of an earlier save can be reused)
CASES = {
    "starter": ("strategy", "ops-director-briefing", "strategy/objectives.yaml",
                "    actual: 17 ", "    actual: 16.{run} "),
    "northwind": ("northwind-manufacturing.yaml", "coo-briefing", "northwind-manufacturing.yaml",
                  "    actual: 7\n", "    actual: 6.{run}\n"),
}


def prepare(name: str, folder: Path) -> None:
    if name == "starter":
        from buyin_cli.scaffold import init_repository

        init_repository(folder)
    else:
        shutil.copy(ROOT / "examples" / "northwind-manufacturing.yaml", folder)


def timed(session, changed: set[Path]) -> float:
    start = time.perf_counter()
    assert session.render(changed), "the render failed"
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="saves of each kind (default 5)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    from buyin_cli.watch import Session

    print(f"{args.runs} saves of each kind, {sys.implementation.name} "
          f"{sys.version.split()[0]} on {sys.platform}\n")
    print(f"{'strategy':<10}  {'first render':>12}  {'a number changed':>16}  {'no slide changed':>16}")
    for name, (strategy, briefing, edited, old, new) in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            prepare(name, folder)
            session = Session(folder / strategy, folder / "build", briefing_id=briefing,
                              say=lambda line: None)
            first = timed(session, set())
            path = folder / edited
            original = path.read_text(encoding="utf-8")
            assert original.count(old) == 1, f"{name}: the line to edit is not unique"
            number, comment = [], []
            for run in range(args.runs):
                changed = original.replace(old, new.format(run=run + 1))
                path.write_text(changed, encoding="utf-8")
                number.append(timed(session, {path}))
                path.write_text(changed + f"# save {run}\n", encoding="utf-8")
                comment.append(timed(session, {path}))
        print(f"{name:<10}  {first:>11.2f}s  {statistics.median(number):>15.2f}s  "
              f"{statistics.median(comment):>15.2f}s")


if __name__ == "__main__":
    main()
