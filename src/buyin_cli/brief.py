"""`buyin brief`: each briefing's deck and talking points, rendered from the templates.

Everything is rendered in memory first and only then written, each file
atomically, so an invalid strategy or a failing template leaves every existing
output as it was. A file whose bytes would not change is not written at all:
it keeps its mtime, so CI and build tools see only what really changed. The
command line imports this module only when it briefs, so the heavy libraries
(Jinja, python-pptx) are imported here, once, at the top.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from buyin_cli.errors import BuyinError, ImpossibleFigures, display_path
from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.models import Briefing
from buyin_cli.load.strategy import LoadedStrategy, load_strategy
from buyin_cli.present.build.doubts import impossible
from buyin_cli.present.language import translations
from buyin_cli.present.numbers import deck_formatter
from buyin_cli.present.view_builder import build_view
from buyin_cli.records import dataclass
from buyin_cli.render.markdown import as_markdown, screened
from buyin_cli.render.outline import Outline, parse_outline
from buyin_cli.render.outline.schedule import schedule
from buyin_cli.render.outputs import Pending, write_outputs_together
from buyin_cli.render.pptx.deck import build_deck as _build_deck
from buyin_cli.render.pptx.templatefile import template_width, verify_deck
from buyin_cli.render.sandbox import BoundedSandbox
from buyin_cli.render.templating import make_environment, render
from buyin_cli.review.score import Readiness, review

if TYPE_CHECKING:  # the comparison's modules (git, diff) load only for --since
    from buyin_cli.figures.changes import Comparison

DECK_TEMPLATE = "deck.yaml.j2"
TALKING_POINTS_TEMPLATE = "talking-points.md.j2"


@dataclass(frozen=True)
class Rendered:
    """One briefing's outputs, ready to write."""

    briefing_id: str
    deck: bytes
    talking_points: str
    seconds: float = 0.0  # how long the rendering took


@dataclass(frozen=True)
class Output:
    """One output file, and whether this run changed it (False: the same bytes were there)."""

    path: Path
    changed: bool
    briefing_id: str | None = None  # the briefing it is an output of


@dataclass(frozen=True)
class Briefed:
    """What `brief` did: each output file, each briefing, and how many readiness warnings the decks list."""

    outputs: list[Output]
    rendered: list[Rendered]
    not_ready: int

    @property
    def paths(self) -> list[Path]:
        return [output.path for output in self.outputs]


# Called as each briefing starts rendering (with its id) and once at the end (with None),
# with how many are done and how many there are in all.
Progress = Callable[[str | None, int, int], None]


def brief(path: Path, out_dir: Path, *, briefing_id: str | None = None,
          templates: Path | None = None, pptx_template: Path | None = None,
          progress: Progress | None = None, since: str | None = None,
          force: bool = False, draft: bool = False, out_named: bool = True) -> Briefed:
    """Render the briefings of the strategy at `path` into `out_dir`.

    `since`: a git revision; the decks are given what has changed since it (diff.py).
    A figure the review calls impossible (W307) and no one accepted stops it, as an error
    would; with `draft`, it renders anyway and marks the slides that show such a figure.
    `out_named`: the user named `out_dir` on the command line, so it may be a link.
    """
    loaded = load_strategy(path, need_briefings=True)
    changes = None
    if since is not None:
        # git and the comparison: only for --since
        from buyin_cli.diff import changes_between
        from buyin_cli.load.git import resolve_revision

        # The slide's title names the day of the version it compares with, which the room
        # knows, never the git expression ("HEAD~2") it was asked by.
        _, when = resolve_revision(path, since)
        changes = replace(changes_between(path, since, current=loaded), since=deck_formatter(
            loaded.strategy.currency, loaded.strategy.locale).date(when))
    readiness = review(loaded)
    stopping = impossible(readiness)
    if stopping and not draft:
        raise ImpossibleFigures(stopping)
    rendered = render_briefings(loaded, readiness, briefing_id=briefing_id, templates=templates,
                                pptx_template=pptx_template, progress=progress,
                                changes=changes, draft=bool(stopping))
    return Briefed(write_outputs(rendered, out_dir, force=force, named=out_named), rendered,
                   len(readiness.warnings))


def _fresh_deck(outline: Outline, pptx_template: Path | None, titles: list[str]) -> bytes:
    return _build_deck(outline, pptx_template, titles=titles)


def render_briefings(loaded: LoadedStrategy, readiness: Readiness, *,
                     briefing_id: str | None = None, templates: Path | None = None,
                     pptx_template: Path | None = None, progress: Progress | None = None,
                     env: BoundedSandbox | None = None,
                     build_deck: Callable[[Outline, Path | None, list[str]], bytes] | None = None,
                     changes: Comparison | None = None, draft: bool = False) -> list[Rendered]:
    """Every selected briefing rendered in memory: nothing is written here.

    `env` (a Jinja environment over `templates`) and `build_deck` (outline, template, the
    list to put each slide's title in as drawn → bytes) let a long-running caller such as
    `buyin watch` reuse its compiled templates and decks between renders.

    `changes`: what has changed since an earlier version (`brief --since`), for the
    deck's "What has changed since …" slide.
    """
    strategy = loaded.strategy
    briefings = _select(loaded, briefing_id)
    figures = compute_figures(strategy)
    words = translations(strategy.wording_language)
    # The locale was checked on loading.
    fmt = deck_formatter(strategy.currency, strategy.locale, not_available=words.gettext("n/a"),
                         beyond=(words.gettext("more than %(share)s"), words.gettext("less than %(share)s")))
    if env is None:
        env = make_environment(templates, strategy.wording_language)
    env.new_run()  # the templates' time budget is the run's, not each template's
    build_deck = build_deck or _fresh_deck
    # The planner lays a pilot's results out by the room the template's slides give them.
    width = template_width(pptx_template) if briefings else None
    results: list[Rendered] = []
    for briefing in briefings:
        if progress is not None:
            progress(briefing.id, len(results), len(briefings))
        start = time.perf_counter()
        view = build_view(loaded, figures, readiness, briefing, fmt, changes, draft, width)
        outline = parse_outline(render(env, DECK_TEMPLATE, view=view), DECK_TEMPLATE)
        # The talking points time the slides the deck really has, after any template override.
        outline, plan = schedule(outline, env.filters["minutes"])
        titles: list[str] = []  # as the deck shows them: a shorter form where the longest did not fit
        deck = build_deck(outline, pptx_template, titles)
        plan = replace(plan, slides=[replace(s, title=t) for s, t in zip(plan.slides, titles)]) if (
            len(titles) == len(plan.slides)) else plan
        talking_points = screened(render(env, TALKING_POINTS_TEMPLATE, view=as_markdown(view),
                                         deck=as_markdown(plan)), TALKING_POINTS_TEMPLATE)
        results.append(Rendered(briefing.id, deck, talking_points, time.perf_counter() - start))
    if progress is not None:
        progress(None, len(results), len(briefings))
    return results


def write_outputs(rendered: list[Rendered], out_dir: Path, *, force: bool = False,
                  named: bool = True) -> list[Output]:
    """Write every deck and its talking points as one change, all or nothing (render/outputs.py).

    A file that already holds exactly its new bytes is left untouched (same bytes, same
    mtime); one changed by hand since buyin wrote it, or open in PowerPoint, is not
    written over without `force`. A default folder (not `named` by the user) that is a
    link is refused: a pull request can commit `build -> /elsewhere`.
    """
    if not named and out_dir.is_symlink():
        raise BuyinError(f"{display_path(out_dir)}: the output folder is a link; buyin follows "
                         "it only when you name the folder yourself (--out "
                         f"{display_path(out_dir)}), or remove the link")
    if out_dir.exists() and not out_dir.is_dir():
        raise BuyinError(f"{out_dir}: is a file; --out takes a folder to write the decks into")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuyinError(f"{out_dir}: cannot create the output folder: {exc.strerror}") from None
    owned = [(item.briefing_id, f) for item in rendered for f in (
        Pending(out_dir / f"{item.briefing_id}.pptx", item.deck, verify_deck),
        Pending(out_dir / f"{item.briefing_id}.md", item.talking_points.encode("utf-8")))]
    changed = write_outputs_together(out_dir, [f for _, f in owned], force=force)
    return [Output(f.path, c, briefing_id) for (briefing_id, f), c in zip(owned, changed)]


def _select(loaded: LoadedStrategy, briefing_id: str | None) -> list[Briefing]:
    briefings = loaded.strategy.briefings
    if briefing_id is None:
        return briefings
    chosen = [b for b in briefings if b.id == briefing_id]
    if not chosen:
        known = ", ".join(b.id for b in briefings)
        raise BuyinError(f"no briefing '{briefing_id}' in the strategy; known: {known}")
    return chosen
