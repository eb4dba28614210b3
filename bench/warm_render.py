"""The warm re-render: one process renders the same briefing again and again, as `watch` would.

    python bench/warm_render.py STRATEGY BRIEFING_ID [--renders 10]

Loads the strategy, reviews it and renders the briefing once (the warm-up: imports,
templates, the pptx package), then times `--renders` further renders of it, and as
many full cycles that also re-read and re-review the strategy. Both are timed the way
any caller of render_briefings would run them, keeping nothing between renders.

Then what `buyin watch` does on a save: a watch session over a copy of the strategy,
rendering after each edit, where an edit changes the briefing's opening question (one
word added, then taken away again), which changes the slides that show it and keeps
the rest. Each save is timed from the session's render call (re-read, re-review,
render, write) to its return.

Prints one JSON object: {"render": [seconds…], "cycle": [seconds…], "watch": [seconds…]}
("watch" is empty when the briefing's opening question is not found on a line of its own).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import shutil
import tempfile
import time
from pathlib import Path

# --- the only use of buyin's internal API in bench/ -------------------------------------
# buyin's modules are being reorganised into folders (buyin_cli/load/, buyin_cli/render/…):
# each name is looked up at its newer homes first, then at the old one. Update only here.
# render_briefings is called as any caller would, without the Jinja environment or deck
# cache that `buyin watch` passes in, so what it rebuilds on each call is measured.

def internal_api():
    """(load_strategy, review, render), wherever this version of buyin keeps them."""
    load_strategy = _first(("buyin_cli.load", "load_strategy"),
                           ("buyin_cli.load.strategy", "load_strategy"),
                           ("buyin_cli.validate", "load_strategy"))
    review = _first(("buyin_cli.review", "review"), ("buyin_cli.review.score", "review"),
                    ("buyin_cli.readiness", "review"))
    render_briefings = _first(("buyin_cli.render", "render_briefings"),
                              ("buyin_cli.brief", "render_briefings"))

    def render(loaded, readiness, briefing_id: str) -> None:
        rendered = render_briefings(loaded, readiness, briefing_id=briefing_id)
        assert len(rendered) == 1 and rendered[0].deck, "rendered no deck"

    return load_strategy, review, render


def watch_session(strategy: Path, out: Path, briefing_id: str):
    """A function rendering the briefing as one `buyin watch` session does after each save."""
    session_class = _first(("buyin_cli.watch", "Session"))
    session = session_class(strategy, out, briefing_id=briefing_id, say=lambda line: None)
    return session.render


def _first(*candidates: tuple[str, str]):
    """The first (module, name) that exists; a module that is there but fails to import raises."""
    for module_name, name in candidates:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name or module_name.startswith(f"{exc.name}."):
                continue  # not at this home (yet, or any more)
            raise
        if hasattr(module, name):
            return getattr(module, name)
    raise ImportError("none of " + ", ".join(".".join(c) for c in candidates) + " exists")

# ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("strategy", type=Path)
    parser.add_argument("briefing")
    parser.add_argument("--renders", type=int, default=10)
    args = parser.parse_args()

    load_strategy, review, render = internal_api()
    loaded = load_strategy(args.strategy)
    readiness = review(loaded)
    render(loaded, readiness, args.briefing)  # warm-up, untimed

    renders, cycles = [], []
    for _ in range(args.renders):
        start = time.perf_counter()
        render(loaded, readiness, args.briefing)
        renders.append(time.perf_counter() - start)

        start = time.perf_counter()
        again = load_strategy(args.strategy)
        render(again, review(again), args.briefing)
        cycles.append(time.perf_counter() - start)
    print(json.dumps({"render": renders, "cycle": cycles,
                      "watch": watched(args.strategy, args.briefing, args.renders)}))


def watched(strategy: Path, briefing: str, saves: int) -> list[float]:
    """Seconds per save of a watch session over a copy of `strategy`, each save an edit."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp, strategy.name)
        if strategy.is_dir():
            shutil.copytree(strategy, copy)
        else:
            shutil.copy(strategy, copy)
        found = _opening_question(copy, briefing)
        if found is None:
            return []
        file, text, line = found
        lines = text.splitlines(keepends=True)
        value = lines[line].split("opening_question:", 1)[1].lstrip()
        quote = value[:1] if value[:1] in "\"'" else ""
        edited = lines[line].replace(f"opening_question: {value}",
                                     f"opening_question: {quote}So, {value[len(quote):]}", 1)
        versions = ["".join(lines[:line] + [edited] + lines[line + 1:]), text]
        out = Path(tmp, "out")
        render = watch_session(copy, out, briefing)
        assert render(), "the first render failed"
        times, before = [], (out / f"{briefing}.pptx").read_bytes()
        for n in range(saves):
            file.write_text(versions[n % 2], encoding="utf-8")
            start = time.perf_counter()
            assert render(), "a render after an edit failed"
            times.append(time.perf_counter() - start)
            deck = (out / f"{briefing}.pptx").read_bytes()
            assert deck != before, "the edit did not change the deck"
            before = deck
        return times


def _opening_question(strategy: Path, briefing: str) -> tuple[Path, str, int] | None:
    """The file, its text and the line index of the briefing's `opening_question:` line."""
    files = sorted(strategy.rglob("*.y*ml")) if strategy.is_dir() else [strategy]
    for file in files:
        text = file.read_text(encoding="utf-8")
        lines = text.splitlines()
        for n, line in enumerate(lines):
            if re.fullmatch(rf"\s*-?\s*id:\s*['\"]?{re.escape(briefing)}['\"]?\s*", line):
                for m in range(n + 1, min(n + 30, len(lines))):
                    if re.match(r"\s*opening_question:\s*\S", lines[m]):
                        return file, text, m
                    if re.match(r"\s*-\s", lines[m]):
                        break
    return None


if __name__ == "__main__":
    main()
