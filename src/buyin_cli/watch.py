"""`buyin watch`: check and render again on every save, reusing what did not change between saves.

Between saves a session keeps the Jinja environment (templates compiled once;
Jinja itself reloads a template whose file changed, and the environment is made
anew when anything in the templates folder changes, so a new override is seen)
and each deck by its outline, so a save that leaves a briefing's slides as they
were costs that briefing no PowerPoint work at all. An invalid save renders
nothing: the last good outputs stay, and the session waits for the next save.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from buyin_cli.brief import Rendered, render_briefings, write_outputs
from buyin_cli.errors import BuyinError, Problem
from buyin_cli.load.strategy import check_strategy
from buyin_cli.present.build.doubts import impossible
from buyin_cli.render.templating import own_templates
from buyin_cli.words import plural, printable

if TYPE_CHECKING:
    import threading

    from buyin_cli.render.outline import Outline
    from buyin_cli.render.pptx.reuse import SlideMemo
    from buyin_cli.render.sandbox import BoundedSandbox

STRATEGY_SUFFIXES = (".yaml", ".yml")
DATA_SUFFIXES = (".csv", ".xlsx")  # the exports a metric's history or a tracking may name


class Session:
    """One `buyin watch`: what it renders, where to, and what it keeps between renders."""

    def __init__(self, path: Path, out: Path, *, briefing_id: str | None = None,
                 templates: Path | None = None, pptx_template: Path | None = None,
                 say: Callable[[str], None] = print,
                 on_render: Callable[[list[Rendered], list[str]], None] | None = None,
                 on_invalid: Callable[[list[str]], None] | None = None,
                 out_named: bool = True, draft: bool = False) -> None:
        self.path, self.out, self.briefing_id = path, out, briefing_id
        # A preview (preview.py) is told each render's briefings and warnings, and each
        # invalid save's errors.
        self.on_render, self.on_invalid = on_render, on_invalid
        self.out_named = out_named  # a default out folder is never followed through a link
        self.draft = draft  # render past an impossible figure (W307), its slides marked DRAFT
        self.given_templates, self.pptx_template, self.say = templates, pptx_template, say
        self._env: BoundedSandbox | None = None
        self._env_dir: Path | None = None
        self._slides: SlideMemo | None = None  # every slide built, made on the first render
        self._shown: set[str] = set()  # the warnings already printed

    def templates(self) -> Path | None:
        """The templates folder: the one given, else a `templates/` beside the strategy, if any."""
        if self.given_templates is not None:
            return self.given_templates
        return own_templates(self.path)

    def watched(self) -> list[Path]:
        """The paths to watch: the strategy's folder, the templates, the PowerPoint template."""
        base = self.path if self.path.is_dir() else self.path.parent
        paths = [base]
        templates = self.templates()
        if templates is not None and not _inside(templates, base):
            paths.append(templates)
        if self.pptx_template is not None and not _inside(self.pptx_template, base):
            paths.append(self.pptx_template)
        return [p.resolve() for p in paths]

    def relevant(self, path: Path) -> bool:
        """Whether a change to `path` can change the outputs (never the outputs themselves).

        The path's folder is resolved, never the path itself: a save that turns the
        strategy into a link to somewhere else is a change to the strategy (and E001).
        """
        path = _unlinked(path)
        if _inside(path, self.out.resolve()):
            return False
        if self.pptx_template is not None and path == self.pptx_template.resolve():
            return True
        templates = self.templates()
        if templates is not None and _inside(path, templates.resolve()):
            return True
        folder = self.path if self.path.is_dir() else self.path.parent
        rel = path.relative_to(folder.resolve()) if _inside(path, folder.resolve()) else None
        if rel is not None and path.suffix.lower() in DATA_SUFFIXES:
            return True  # a new export saved over the old one
        if not self.path.is_dir():  # a file, a link or gone: the one path
            return path == _unlinked(self.path)
        return (rel is not None and path.suffix in STRATEGY_SUFFIXES
                and not any(part.startswith(".") for part in rel.parts))

    def render(self, changed: Iterable[Path] = ()) -> bool:
        """Check, then render every selected briefing; False when there was nothing to render."""
        from buyin_cli.review.score import review

        self._forget(changed)
        loaded, problems = check_strategy(self.path)
        if loaded is None:
            errors_shown = [str(p) for p in sorted(problems, key=Problem.sort_key)]
            if self.on_invalid is not None:
                self.on_invalid(errors_shown)
            for line in errors_shown:
                self.say(line)
            errors = len(problems)
            self.say(f"✗ {errors} error{'' if errors == 1 else 's'}: not rendered; "
                     "the last good outputs stay")
            self._shown = set()
            return False
        readiness = review(loaded)
        warnings = [str(p) for p in sorted(readiness.warnings, key=Problem.sort_key)]
        for line in warnings:
            if line not in self._shown:  # a warning is news once, not on every save
                self.say(line)
        self._shown = set(warnings)
        stopping = impossible(readiness)
        if stopping and not self.draft:  # as brief stops: the figure is not shown as a fact
            if self.on_invalid is not None:
                self.on_invalid(warnings)
            self.say(f"✗ {plural(len(stopping), 'impossible figure', 'impossible figures')}: "
                     "not rendered; the last good outputs stay: correct it, accept it with its "
                     "reason, or watch with --draft")
            return False
        try:
            rendered = render_briefings(loaded, readiness, briefing_id=self.briefing_id,
                                        templates=self.templates(), pptx_template=self.pptx_template,
                                        env=self._environment(loaded.strategy.wording_language),
                                        build_deck=self._build, draft=bool(stopping))
        except BuyinError as error:
            self.say(f"error: {printable(str(error))}")
            self.say("✗ not rendered; the last good outputs stay")
            return False
        if self.on_render is not None:
            self.on_render(rendered, warnings)
        for item in rendered:
            self._write(item)
        return True

    def _write(self, item: Rendered) -> None:
        """One briefing's files; a deck open in PowerPoint or edited by hand is not replaced,
        and watching goes on: the next save that finds it closed writes it."""
        try:
            files = write_outputs([item], self.out, named=self.out_named)
        except BuyinError as error:
            # brief's advice (--force) is not watch's: here the next save tries again.
            reason = re.sub(r",? or pass --force to write over (it|them)", "", str(error)).replace(
                "close it and run again", "close it")
            self.say(f"not replaced: {printable(reason)}; watching goes on, and the next save "
                     "writes it")
            return
        same = "" if any(f.changed for f in files) else " (unchanged)"
        self.say(f"rendered {item.briefing_id} in {item.seconds:.2f} s{same}")

    def _forget(self, changed: Iterable[Path]) -> None:
        """Drop what a change made stale: the environment, for templates. (Slides kept are keyed
        by the PowerPoint template's bytes, so a changed template is never served old slides.)"""
        templates = self.templates()
        for path in changed:
            path = path.resolve()
            if templates is not None and _inside(path, templates.resolve()):
                self._env = None
        if templates != self._env_dir:  # a templates/ folder appeared or went
            self._env = None

    def _environment(self, language: str) -> BoundedSandbox:
        from buyin_cli.render.templating import make_environment

        if self._env is None or self._env.globals.get("language") != language:
            self._env_dir = self.templates()
            self._env = make_environment(self._env_dir, language)
        return self._env

    def _build(self, outline: Outline, pptx_template: Path | None, titles: list[str]) -> bytes:
        """The deck, built from the slides kept from earlier saves where they did not change."""
        from buyin_cli.render.pptx.deck import build_deck
        from buyin_cli.render.pptx.reuse import SlideMemo

        if self._slides is None:
            self._slides = SlideMemo()
        return build_deck(outline, pptx_template, self._slides, titles)


    def state(self) -> dict[Path, tuple[int, int, int]]:
        """Each file that matters, as the file system stamps it: what a save changes."""
        found: dict[Path, tuple[int, int, int]] = {}
        for top in self.watched():
            walked = os.walk(top) if top.is_dir() else iter([(str(top.parent), [], [top.name])])
            for folder, dirs, files in walked:
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    path = Path(folder, name)
                    if self.relevant(path):
                        with contextlib.suppress(OSError):
                            info = path.lstat()
                            found[path] = (info.st_mtime_ns, info.st_size, info.st_mode)
        return found


def run(session: Session, changes: Iterable[set[Path]]) -> None:
    """Render once, then again after each set of changed paths that matters.

    The watcher starts only once the first render is done, so what was saved during it
    is found by comparing the files' stamps from before it with those once `changes`
    first answers (the watcher is running by then).
    """
    before: dict[Path, tuple[int, int, int]] | None = session.state()
    session.render()
    for changed in changes:
        if before is not None:
            after = session.state()
            changed = set(changed) | {p for p in before.keys() | after.keys()
                                      if before.get(p) != after.get(p)}
            before = None
        relevant = {path for path in changed if session.relevant(path)}
        if relevant:
            session.render(relevant)


def file_changes(session: Session, *, stop_event: threading.Event | None = None,
                 debounce_ms: int = 300) -> Iterator[set[Path]]:
    """The changed paths that matter, a set per save, from the file system (watchfiles)."""
    from watchfiles import Change, watch

    def keep(change: Change, name: str) -> bool:
        return session.relevant(Path(name))

    # Answering on a timeout too (an empty set) tells run() the watcher is running.
    for batch in watch(*session.watched(), watch_filter=keep, debounce=debounce_ms, step=50,
                       stop_event=stop_event, yield_on_timeout=True, rust_timeout=1000):
        yield {Path(name) for _, name in batch}


def _unlinked(path: Path) -> Path:
    """`path` made absolute through its folder's links, but not its own."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name


def _inside(path: Path, folder: Path) -> bool:
    try:
        _unlinked(path).relative_to(folder.resolve())
    except ValueError:
        return False
    return True
