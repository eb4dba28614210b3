"""buyin's speed benchmarks: every row of the speed targets, as ratios to baselines timed alongside.

    python bench/run.py                      # everything (about an hour on a slow shared machine)
    python bench/run.py --quick              # fewer runs; one run of each big size, capped
    python bench/run.py --only check,help --runs 20
    python bench/run.py --only check-10k,roi --sizes 1k,10k

Run it from anywhere, with the Python that has buyin installed. It is not a test:
the figures depend on the machine, so they inform a change rather than gate it.
Rows (for --only): check, help, brief, pandoc, marp, memory, warm, check-10k, roi. The check
row is judged against bench/typer_floor.py, a minimal typer + pydantic command.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import make_strategy
import pandoc_deck
import yaml
from timing import Failed, Series, exponent, fitted_exponent, interleave, machine, paired_ratio, seconds

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
_SCRIPT = Path(PY).with_name("buyin")
BUYIN = [str(_SCRIPT)] if _SCRIPT.is_file() else [PY, "-m", "buyin_cli"]
ROWS = ("check", "help", "brief", "pandoc", "marp", "memory", "warm", "check-10k", "roi")
COMPOSE = ("import pathlib, sys, yaml\n"
           "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
           "    yaml.compose(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)")
LINEAR = 1.2  # the largest growth exponent that still counts as linear
BROWSERS = ("chromium", "chromium-browser", "google-chrome")  # for Marp, which drives one


def largest_example() -> Path:
    """The example with the most records (list items), then the most bytes of YAML."""
    def size(path: Path) -> tuple[int, int]:
        files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
        docs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
        records = sum(len(v) for d in docs for v in d.values() if isinstance(v, list))
        return records, sum(f.stat().st_size for f in files)
    return max(sorted((ROOT / "examples").iterdir()), key=size)


def first_briefing(example: Path) -> str:
    files = sorted(example.rglob("*.yaml")) if example.is_dir() else [example]
    for f in files:
        for briefing in yaml.safe_load(f.read_text(encoding="utf-8")).get("briefings", []):
            return briefing["id"]
    sys.exit(f"{example}: has no briefing to render")


class Report:
    """The targets table: one line per target, PASS or OVER."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, str, str]] = []

    def add(self, what: str, measured: str, target: str, ok: bool | None) -> None:
        verdict = "n/a" if ok is None else "PASS" if ok else "OVER"
        self.lines.append((what, measured, target, verdict))

    def ratio(self, what: str, value: float | None, limit: float) -> None:
        self.add(what, "n/a" if value is None else f"{value:.2f}×", f"≤ {limit}×",
                 None if value is None else value <= limit)

    def faster(self, what: str, value: float | None, least: float) -> None:
        """A baseline that should take at least `least` times as long as buyin."""
        self.add(what, "n/a" if value is None else f"{value:.2f}× faster", f"≥ {least}× faster",
                 None if value is None else value >= least)


def table(header: list[str], rows: list[list[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()


def startup(rows: set[str], args, tmp: Path, report: Report) -> None:
    example = args.example or largest_example()
    shown = example.relative_to(ROOT) if example.is_relative_to(ROOT) else example
    briefing = first_briefing(example)
    pandoc = shutil.which("pandoc")
    marp = shutil.which("marp")
    chromium = next(filter(None, map(shutil.which, BROWSERS)), None)
    wanted = {
        "check": {"check-base": [PY, "-c", "import typer, yaml; from pydantic import BaseModel"],
                  "check-floor": [PY, str(ROOT / "bench" / "typer_floor.py"), str(example)],
                  "check": [*BUYIN, "check", str(example)]},
        "help": {"help-base": [PY, "-c", "import typer"], "help": [*BUYIN, "--help"]},
        "brief": {"brief-base": [PY, "-c", "import typer, rich, jinja2, pydantic, pptx, yaml"],
                  "brief": [*BUYIN, "brief", str(example), "--briefing", briefing,
                            "--out", str(tmp / "one")]},
        "pandoc": {"pandoc": [pandoc or "pandoc", str(pandoc_deck.write_deck(tmp)), "-o",
                              str(tmp / "pandoc.pptx")],
                   "brief": [*BUYIN, "brief", str(example), "--briefing", briefing,
                             "--out", str(tmp / "one")]},
        "marp": {"marp": [marp or "marp", str(pandoc_deck.write_marp_deck(tmp)), "--pptx", "-o",
                          str(tmp / "marp.pptx"), *(["--browser-path", chromium] if chromium else [])],
                 "brief": [*BUYIN, "brief", str(example), "--briefing", briefing,
                           "--out", str(tmp / "one")]},
        "memory": {"brief-all": [*BUYIN, "brief", str(example), "--out", str(tmp / "all")]},
    }
    if "pandoc" in rows and not pandoc:
        print("pandoc is not installed, so its row is skipped (apt-get install -y pandoc)\n")
        rows = rows - {"pandoc"}
        report.add("brief / pandoc", "skipped: no pandoc", "≤ 5.0×", None)
    if "marp" in rows and not (marp and chromium):
        print("Marp or Chromium is not installed, so its row is skipped (npm install -g "
              "@marp-team/marp-cli; apt-get install -y chromium)\n")
        rows = rows - {"marp"}
        report.add("Marp --pptx / brief one deck", "skipped: no Marp or Chromium",
                   "≥ 6.0× faster", None)
    commands = {name: command for row in ROWS if row in rows and row in wanted
                for name, command in wanted[row].items()}
    if not commands:
        return
    commands = {"floor": [PY, "-c", "pass"], **commands}  # the interpreter alone, for scale
    series = {name: Series(name, command) for name, command in commands.items()}
    print(f"## Start-up and one deck: {shown}, briefing {briefing}, {args.runs} interleaved rounds\n",
          flush=True)
    interleave(list(series.values()), args.runs, ROOT)
    labels = {"floor": "python -c pass", "check-base": "python -c 'import typer, yaml; from pydantic import BaseModel'",
              "check-floor": "python bench/typer_floor.py (typer + pydantic, no buyin)",
              "check": f"buyin check {shown}", "help-base": "python -c 'import typer'",
              "help": "buyin --help", "brief-base": "python -c 'import typer, rich, jinja2, "
              "pydantic, pptx, yaml'", "brief": f"buyin brief {shown} --briefing {briefing}",
              "pandoc": "pandoc deck.md -o deck.pptx (13 slides)",
              "marp": "marp marp.md --pptx (the same 13 slides, Chromium)",
              "brief-all": f"buyin brief {shown} (every briefing)"}
    table(["command", "median", "min", "max", "peak RSS"],
          [[labels[name], seconds(s.median()), seconds(min(s.times)), seconds(max(s.times)),
            f"{s.median_rss():.0f} MB"] for name, s in series.items()])
    pairs = [("check", "check", "check-floor", 1.2, "check / typer_floor.py"),
             ("help", "help", "help-base", 1.2, "--help / import typer"),
             ("brief", "brief", "brief-base", 2.5, "brief one deck / import the six packages"),
             ("pandoc", "brief", "pandoc", 5.0, "brief one deck / pandoc")]
    for row, top, bottom, limit, what in pairs:
        if row in rows:
            report.ratio(what, paired_ratio(series[top], series[bottom]), limit)
    if "marp" in rows:
        report.faster("Marp --pptx / brief one deck", paired_ratio(series["marp"], series["brief"]), 6.0)
    if "check" in rows:  # for scale: what any typer + pydantic command pays over the imports
        for what, top, bottom in (("typer_floor.py / import typer, yaml, pydantic", "check-floor",
                                   "check-base"), ("check / import typer, yaml, pydantic", "check",
                                                   "check-base")):
            value = paired_ratio(series[top], series[bottom])
            report.add(what, "n/a" if value is None else f"{value:.2f}×", "(for scale)", None)
    if "memory" in rows:
        rss = series["brief-all"].median_rss()
        report.add("brief peak memory (max RSS)", f"{rss:.0f} MB", "≤ 80 MB", rss <= 80)


def warm(args, report: Report) -> None:
    example = args.example or largest_example()
    briefing = first_briefing(example)
    print(f"## Warm re-render: {briefing}, {args.runs} renders in one process\n", flush=True)
    done = subprocess.run([PY, str(Path(__file__).with_name("warm_render.py")), str(example),
                           briefing, "--renders", str(args.runs)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"warm_render.py failed:\n{done.stderr}")
    times = json.loads(done.stdout)
    labels = {"render": "render the briefing again, keeping nothing (any caller)",
              "cycle": "re-read, re-review and render, keeping nothing",
              "watch": "what `buyin watch` does on a save that edits the opening question "
                       "(re-read, re-review, render, write)"}
    table(["in one warm process", "median", "min", "max"],
          [[labels[name], seconds(statistics.median(t)), seconds(min(t)), seconds(max(t))]
           for name, t in times.items() if t])
    if times["watch"]:
        watch = statistics.median(times["watch"])
        report.add("warm re-render of one briefing after an edit (watch)", seconds(watch),
                   "≤ 100 ms", watch <= 0.100)
    else:
        report.add("warm re-render of one briefing after an edit (watch)",
                   "n/a: no opening question to edit", "≤ 100 ms", None)


def scaling(rows: set[str], args, tmp: Path, report: Report) -> None:
    names = ["check", "roi"] if "roi" in rows else ["check"]
    print(f"## Large strategies (make_strategy.py, seed {args.seed}): up to {args.runs} rounds "
          f"or {args.budget:.0f} s per size, each run capped at {args.timeout:.0f} s\n", flush=True)
    found: dict[int, dict[str, Series]] = {}
    dead: set[str] = set()
    for k, n in enumerate(args.sizes):
        folder = tmp / f"strategy-{n}"
        make_strategy.write(make_strategy.generate(n, args.seed), folder)
        series = {"libyaml": Series("libyaml", [PY, "-c", COMPOSE, str(folder)])}
        series.update({name: Series(name, [*BUYIN, name, str(folder)])
                       for name in names if name not in dead})
        interleave(list(series.values()), args.runs, ROOT, warmup=k == 0, timeout=args.timeout,
                   budget=args.budget, least=args.least)
        dead |= {name for name, s in series.items() if s.timed_out}
        found[n] = series
        shutil.rmtree(folder)
        line = ", ".join(f"{name} {seconds(s.median(), args.timeout)}" for name, s in series.items())
        print(f"  {n:>6} records: {line}", flush=True)
    print()
    header = ["records", "runs", "libyaml compose", *names, *(f"{x} ms/record" for x in names),
              "check / libyaml"] + (["roi / check"] if "roi" in names else [])
    body = []
    for n, series in found.items():
        med = {name: series[name].median() if name in series else None
               for name in ["libyaml", *names]}
        body.append([f"{n:,}", str(len(series["libyaml"].runs)), seconds(med["libyaml"]),
                     *(cell(series, x, args.timeout) for x in names),
                     *(f"{med[x] * 1000 / n:.2f}" if med[x] else "n/a" for x in names),
                     ratio_cell(series, "check", "libyaml")]
                    + ([ratio_cell(series, "roi", "check")] if "roi" in names else []))
    table(header, body)
    for name in names:
        growth(name, found, args.timeout, report)
    at = found.get(10_000, {})
    report.ratio("check 10k / libyaml compose", both(at, "check", "libyaml"), 2.5)
    if "roi" in names:
        report.ratio("roi 10k / check 10k", both(at, "roi", "check"), 2.0)


def growth(name: str, found: dict[int, dict[str, Series]], timeout: float, report: Report) -> None:
    """The exponent k of t ∝ n^k from each size to the next: linear when no step exceeds LINEAR.

    Start-up weighs most at the smallest size and only lowers the first step's exponent, so
    each step is judged on its own; a verdict needs the sizes to reach 10k records.
    """
    points: list[tuple[int, float]] = []
    steps: list[tuple[int, int, float, bool]] = []  # from, to, exponent, a lower bound?
    for n, series in found.items():
        s = series.get(name)
        if s is None or (s.median() is None and not points):
            break  # skipped (it timed out at a smaller size), or nothing to compare with
        t, bound = (timeout, True) if s.median() is None else (s.median(), False)
        if points:
            steps.append((points[-1][0], n, exponent(*points[-1], n, t), bound))
        if bound:
            break
        points.append((n, t))
    fit = fitted_exponent(points)
    print(f"{name}: growth exponent " + ("; ".join(f"{a:,}→{b:,}: {'≥ ' * bound}{k:.2f}"
                                                  for a, b, k, bound in steps) or "needs two sizes")
          + (f" (fitted over the completed sizes: {fit:.2f})" if fit else "") + "\n")
    if not steps or steps[-1][1] < 10_000:
        report.add(f"{name} growth exponent", "n/a: needs sizes up to 10k or more",
                   f"≤ {LINEAR} (linear)", None)
        return
    a, b, k, bound = max(steps, key=lambda step: step[2])
    timed_out = steps[-1][3]  # the last size did not finish: linear is not shown
    report.add(f"{name} growth exponent, worst step of {steps[0][0]:,}→{steps[-1][1]:,}",
               f"{'≥ ' * bound}{k:.2f} ({a:,}→{b:,})" + (", then timed out" * timed_out),
               f"≤ {LINEAR} (linear)", k <= LINEAR and not timed_out)


def cell(series: dict[str, Series], name: str, timeout: float) -> str:
    if name not in series:
        return "skipped"
    return seconds(series[name].median(), timeout)


def both(series: dict[str, Series], top: str, bottom: str) -> float | None:
    """The paired ratio top ÷ bottom when both were measured (and neither timed out)."""
    if top not in series or bottom not in series:
        return None
    return paired_ratio(series[top], series[bottom])


def ratio_cell(series: dict[str, Series], top: str, bottom: str) -> str:
    value = both(series, top, bottom)
    return "n/a" if value is None else f"{value:.2f}×"


def size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], metavar="ROW",
                        help="rows to run, comma-separated or repeated: " + ", ".join(ROWS))
    parser.add_argument("--runs", type=int, help="interleaved rounds (default 10; --quick 5)")
    parser.add_argument("--quick", action="store_true",
                        help="5 rounds; one run of each size past its budget, capped at 180 s")
    parser.add_argument("--sizes", default="1k,10k,20k,50k", help="records in the large strategies")
    parser.add_argument("--timeout", type=float, help="cap on one run of a large strategy, s "
                                                      "(default 600; --quick 180)")
    parser.add_argument("--budget", type=float, help="seconds of rounds per size (default 300; "
                                                     "--quick 60)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the large strategies")
    parser.add_argument("--example", type=Path, help="strategy for the start-up rows "
                                                     "(default: the largest example)")
    args = parser.parse_args()
    args.runs = args.runs or (5 if args.quick else 10)
    args.timeout = args.timeout or (180 if args.quick else 600)
    args.budget = args.budget if args.budget is not None else (60 if args.quick else 300)
    args.least = 1 if args.quick else 3
    args.sizes = [size(s) for s in args.sizes.split(",")]
    rows = {r.strip() for option in args.only for r in option.split(",")} or set(ROWS)
    if rows - set(ROWS) or args.runs < 1:
        parser.error(f"--only takes {', '.join(ROWS)}; --runs at least 1")
    if args.example:
        args.example = args.example.resolve()

    print(f"# buyin benchmarks: {machine()}\n")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="buyin-bench-") as tmp:
        try:
            startup(rows, args, Path(tmp), report)
            if "warm" in rows:
                warm(args, report)
            if rows & {"check-10k", "roi"}:
                scaling(rows, args, Path(tmp), report)
        except Failed as exc:
            sys.exit(str(exc))
    print("## Targets\n")
    table(["what", "measured", "target", "verdict"], [list(line) for line in report.lines])


if __name__ == "__main__":
    main()
