"""The warm re-render: one process renders the same briefing again and again, as `watch` would.

    python bench/warm_render.py STRATEGY BRIEFING_ID [--renders 10]

Loads the strategy, reviews it and renders the briefing once (the warm-up: imports,
templates, the pptx package), then times `--renders` further renders of it, and as
many full cycles that also re-read and re-review the strategy (what a watch does
after an edit). Prints one JSON object: {"render": [seconds…], "cycle": [seconds…]}.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from pathlib import Path


# --- the only use of buyin's internal API in bench/ -------------------------------------
# buyin's modules are being reorganised into folders (buyin_cli/load/, buyin_cli/render/…):
# each name is looked up at its newer homes first, then at the old one. Update only here.
# render_briefings is called as any caller would, without the Jinja environment or deck
# cache that `buyin watch` passes in, so what it rebuilds on each call is measured.

def internal_api():
    """(load_strategy, review, render_briefings), wherever this version of buyin keeps them."""
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
    print(json.dumps({"render": renders, "cycle": cycles}))


if __name__ == "__main__":
    main()
