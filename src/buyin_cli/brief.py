"""`buyin brief`: each briefing's deck and talking points, rendered from the templates.

Everything is rendered in memory first and only then written, each file
atomically, so an invalid strategy or a failing template leaves every existing
output as it was. The command line imports this module only when it briefs, so
the heavy libraries (Jinja, python-pptx) are imported here, once, at the top.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from buyin_cli.diff import changes_between
from buyin_cli.errors import BuyinError
from buyin_cli.figures.changes import Comparison
from buyin_cli.figures.compute import compute_figures
from buyin_cli.figures.explain import explain_figures
from buyin_cli.load.strategy import LoadedStrategy, load_strategy
from buyin_cli.present.view_builder import Formatter, build_view
from buyin_cli.present.working import working_steps
from buyin_cli.render.atomic import write_atomic
from buyin_cli.render.outline import parse_outline
from buyin_cli.render.pptx.deck import build_deck, verify_deck
from buyin_cli.render.templating import make_environment, render
from buyin_cli.review.score import Readiness, review

DECK_TEMPLATE = "deck.yaml.j2"
TALKING_POINTS_TEMPLATE = "talking-points.md.j2"


@dataclass(frozen=True)
class Rendered:
    """One briefing's outputs, ready to write."""

    briefing_id: str
    deck: bytes
    talking_points: str


@dataclass(frozen=True)
class Briefed:
    """What `brief` did: the files written, and how many readiness warnings the decks list."""

    written: list[Path]
    not_ready: int


def brief(path: Path, out_dir: Path, *, briefing_id: str | None = None,
          templates: Path | None = None, pptx_template: Path | None = None,
          since: str | None = None) -> Briefed:
    """Render the briefings of the strategy at `path` into `out_dir`.

    `templates` defaults to a `templates/` folder beside the strategy, if there is one.
    `since`: a git revision; the decks say what has changed since it (diff.py).
    """
    if templates is None:
        own = (path if path.is_dir() else path.parent) / "templates"
        templates = own if own.is_dir() else None
    loaded = load_strategy(path, need_briefings=True)
    changes = changes_between(path, since, current=loaded) if since is not None else None
    readiness = review(loaded)
    rendered = render_briefings(loaded, readiness, briefing_id=briefing_id, templates=templates,
                                pptx_template=pptx_template, changes=changes)
    return Briefed(write_outputs(rendered, out_dir), len(readiness.warnings))


def render_briefings(loaded: LoadedStrategy, readiness: Readiness, *,
                     briefing_id: str | None = None, templates: Path | None = None,
                     pptx_template: Path | None = None,
                     changes: Comparison | None = None) -> list[Rendered]:
    """Every selected briefing rendered in memory: nothing is written here.

    `changes`: what has changed since an earlier version (`brief --since`), for the
    deck's "What has changed since …" slide. The view does not carry it yet: the deck's
    redesign wires it in (build_view's `changes`), from this parameter.
    """
    strategy = loaded.strategy
    briefings = _select(loaded, briefing_id)
    figures = compute_figures(strategy)
    fmt = Formatter(strategy.currency, strategy.locale)  # the locale was checked on loading
    working = working_steps(explain_figures(loaded, figures), fmt, loaded.path)
    env = make_environment(templates)
    results = []
    for briefing in briefings:
        view = build_view(loaded, figures, readiness, briefing, working, fmt)
        outline = parse_outline(render(env, DECK_TEMPLATE, view=view), DECK_TEMPLATE)
        talking_points = render(env, TALKING_POINTS_TEMPLATE, view=view)
        results.append(Rendered(briefing.id, build_deck(outline, pptx_template), talking_points))
    return results


def write_outputs(rendered: list[Rendered], out_dir: Path) -> list[Path]:
    """Write each deck and its talking points atomically; the paths written."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BuyinError(f"{out_dir}: is a file; --out takes a folder to write the decks into")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuyinError(f"{out_dir}: cannot create the output folder: {exc.strerror}") from None
    written = []
    for item in rendered:
        deck = out_dir / f"{item.briefing_id}.pptx"
        notes = out_dir / f"{item.briefing_id}.md"
        try:
            write_atomic(deck, item.deck, verify=verify_deck)
            write_atomic(notes, item.talking_points.encode("utf-8"))
        except OSError as exc:
            raise BuyinError(f"{exc.filename or out_dir}: cannot write: {exc.strerror}") from None
        written += [deck, notes]
    return written


def _select(loaded: LoadedStrategy, briefing_id: str | None):
    briefings = loaded.strategy.briefings
    if briefing_id is None:
        return briefings
    chosen = [b for b in briefings if b.id == briefing_id]
    if not chosen:
        known = ", ".join(b.id for b in briefings)
        raise BuyinError(f"no briefing '{briefing_id}' in the strategy; known: {known}")
    return chosen
