"""How long `buyin check` takes next to importing buyin, and both next to a bare interpreter.

Run on demand from the repository root (it is not a test: timings depend on the machine):

    python bench/check_speed.py [--runs 15] [--pilots 200]

The four commands run interleaved, one of each per round, so that a burst of machine
noise slows all of them alike instead of spoiling one median. The project's target is
`check` within 1.2x of the time it takes to import the command line.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "northwind-manufacturing.yaml"
TARGET = 1.2


def large_strategy(folder: Path, pilots: int) -> Path:
    """The Northwind example with its pilots repeated until there are `pilots` of them."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    originals = data["pilots"]
    data["pilots"] = [{**originals[i % len(originals)],
                       "id": f"{originals[i % len(originals)]['id']}-{i}"}
                      for i in range(pilots)]
    # Objections cite pilots as evidence by id; keep them pointing at pilots that exist.
    for objection in data.get("objections", []):
        if isinstance(objection.get("evidence"), str):
            known = [p["id"] for p in data["pilots"] if p["id"].startswith(objection["evidence"] + "-")]
            if known:
                objection["evidence"] = known[0]
    path = folder / "large.yaml"
    # Written out in full, as a person would: no anchors for the shared sub-structures.
    text = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # noqa: ANN001 - PyYAML's signature
        return True


def run_once(command: list[str]) -> float:
    """Wall time of one run in seconds; a failing command stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each command (default 15)")
    parser.add_argument("--pilots", type=int, default=200,
                        help="pilots in the generated large strategy (default 200)")
    args = parser.parse_args()
    if args.runs < 1 or args.pilots < 1:
        parser.error("--runs and --pilots must be at least 1")

    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        large = large_strategy(Path(tmp), args.pilots)
        commands = {
            "floor": [python, "-c", "pass"],
            "import": [python, "-c", "import buyin_cli.cli"],
            "import-check": [python, "-c", "import buyin_cli.cli, buyin_cli.load.strategy, "
                             "buyin_cli.review.score"],
            "check": [python, "-m", "buyin_cli", "check", str(EXAMPLE.relative_to(ROOT))],
            "check-large": [python, "-m", "buyin_cli", "check", str(large)],
        }
        labels = {
            "floor": 'python -c "pass"',
            "import": 'python -c "import buyin_cli.cli"',
            "import-check": "import of everything check loads",
            "check": f"buyin check {EXAMPLE.relative_to(ROOT).as_posix()}",
            "check-large": f"buyin check <{args.pilots} pilots>",
        }
        for command in commands.values():  # warm the disk cache and the .pyc files, untimed
            run_once(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(run_once(command))

    median = {name: statistics.median(values) for name, values in times.items()}
    floor = median["floor"]
    width = max(len(label) for label in labels.values())
    print(f"{args.runs} interleaved runs each, {sys.implementation.name} "
          f"{sys.version.split()[0]} on {sys.platform}\n")
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'max':>8}  {'over floor':>10}")
    for name, label in labels.items():
        over = "" if name == "floor" else f"{(median[name] - floor) * 1000:8.1f}ms"
        print(f"{label:<{width}}  {median[name] * 1000:6.1f}ms  {min(times[name]) * 1000:6.1f}ms  "
              f"{max(times[name]) * 1000:6.1f}ms  {over:>10}")
    print()
    for name in ("check", "check-large"):
        for base in ("import", "import-check"):
            ratio = median[name] / median[base]
            beyond_floor = (median[name] - floor) / (median[base] - floor)
            verdict = "within" if ratio <= TARGET else "OVER"
            print(f"{labels[name]} / {base}: {ratio:.2f}x, {verdict} the {TARGET}x target "
                  f"({beyond_floor:.2f}x once the interpreter floor is taken off both)")


if __name__ == "__main__":
    main()
