"""The `buyin` command line: parse options, call one core function, print, set the exit code.

Only this module knows typer, consoles and exit codes. Heavy libraries (rich,
jinja2, python-pptx) are imported inside the commands that use them, so
`buyin check` starts fast.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from typer.core import TyperCommand

from buyin_cli import __version__
from buyin_cli.errors import BuyinError, Problem, StrategyInvalid
from buyin_cli.words import plural

app = typer.Typer(
    name="buyin",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StrategyPath = Annotated[Path, typer.Argument(
    help="A strategy .yaml file, or a folder of them.", metavar="PATH",
    show_default=False)]


class _Command(TyperCommand):
    """A command whose usage line names a required argument as click does: `PATH`.

    Typer writes every required argument in braces (`{PATH}`), whatever its metavar,
    which reads like a set of choices or a shell brace expansion.
    """

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [re.sub(r"^\{(.+)\}", r"\1", piece)
                for piece in super().collect_usage_pieces(ctx)]


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        print(f"buyin {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Win management buy-in for learning: check a strategy, show its ROI, brief leaders.

    \b
    Example:
      buyin check examples/northwind-manufacturing.yaml
    """


@app.command(cls=_Command)
def check(
    path: StrategyPath,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    output: Annotated[CheckFormat, typer.Option(
        "--format", help="text for people, json for tools, github for workflow annotations.",
        case_sensitive=False)] = CheckFormat.text,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODE",
        help="Skip a readiness warning code (repeatable, or comma-separated).")] = None,
    today: Annotated[date | None, typer.Option(
        "--today", metavar="DATE", parser=_day, help="The day follow-ups are due against, "
        "YYYY-MM-DD (default: the latest briefing's date, not the clock).")] = None,
) -> None:
    """Validate a strategy, review its readiness for the meeting, and list every problem
    as FILE:LINE:COL: CODE message.

    Errors (E codes) make the strategy unusable; readiness warnings (W codes) say what
    would lose the room and what to add. A valid strategy also gets a readiness score
    out of 100, one line per buy-in method. Accept a warning for one item with
    `accept: {CODE: reason}` in the YAML.

    Exits 0 when valid (warnings allowed), 1 when invalid or, with --strict, on any warning.

    \b
    Example:
      buyin check strategy/
      buyin check strategy.yaml --format github --strict
      buyin check strategy.yaml --ignore W501,W404
      buyin check strategy/ --today 2026-02-01
    """
    from buyin_cli.load.strategy import check_strategy
    from buyin_cli.present.report import github_annotation, painter, problems_json, text_report
    from buyin_cli.review.score import review

    loaded, problems = check_strategy(path)
    readiness = None
    if loaded is not None:
        codes = [code for option in ignore or () for code in option.split(",")]
        readiness = review(loaded, ignore=codes, today=today)
        problems = problems + readiness.warnings
    problems = sorted(problems, key=Problem.sort_key)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if output is CheckFormat.json:
        print(problems_json(problems))
    elif output is CheckFormat.github:
        for problem in problems:
            print(github_annotation(problem))
    else:
        print("\n".join(text_report(path, problems, readiness, painter(sys.stdout))))
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command(cls=_Command)
def brief(
    path: StrategyPath,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write ID.pptx and ID.md into.",
                                      metavar="DIR")] = Path("build"),
    briefing: Annotated[str | None, typer.Option(
        "--briefing", "-b", help="Render only the briefing with this id.", metavar="ID")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", help="Folder of templates that override the packaged ones by name "
                            "(default: the strategy's templates/ folder, if any).",
        metavar="DIR")] = None,
    pptx_template: Annotated[Path | None, typer.Option(
        "--pptx-template", help="A corporate .pptx or .potx whose masters and layouts to use.",
        metavar="FILE")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="REV", help=(
        "Add what has changed since this git revision (the strategy as it was then)."))] = None,
) -> None:
    """Render each briefing's deck (DIR/ID.pptx, talking points in the speaker notes)
    and talking points (DIR/ID.md).

    An invalid strategy writes nothing; a failed render leaves existing files as they were.

    \b
    Example:
      buyin brief examples/northwind-manufacturing.yaml --out build
      buyin brief strategy/ --briefing coo-q3 --pptx-template corporate.potx
      buyin brief strategy/ --since v1
    """
    from buyin_cli.brief import brief as render_briefs
    from buyin_cli.errors import display_path

    result = render_briefs(path, out, briefing_id=briefing, templates=templates,
                           pptx_template=pptx_template, since=since)
    for file in result.written:
        print(f"wrote {display_path(file)}")
    if result.not_ready:
        print(f"{plural(result.not_ready, 'readiness warning')} listed in each deck's appendix; "
              f"`buyin check {display_path(path)}` shows where to fix them")


class RoiFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(cls=_Command)
def roi(
    path: StrategyPath,
    output: Annotated[RoiFormat, typer.Option(
        "--format", help="table for people, json for tools (the fixed object of the "
                         "command contract).", case_sensitive=False)] = RoiFormat.table,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show the working: each figure's formula with the strategy's own "
                          "numbers and the FILE:LINE they came from.")] = False,
) -> None:
    """Show the figures leaders trust: metric progress, each pilot's benefit and ROI,
    and each initiative's roll-out ROI, benefit-cost ratio, payback and break-even.

    \b
    Example:
      buyin roi examples/northwind-manufacturing.yaml
      buyin roi strategy/ --explain
      buyin roi strategy/ --format json > figures.json
    """
    from buyin_cli.figures.compute import compute_figures
    from buyin_cli.figures.export import figures_json
    from buyin_cli.load.strategy import load_strategy

    loaded = load_strategy(path)
    figures = compute_figures(loaded.strategy)
    if output is RoiFormat.json:
        data = figures_json(figures)
        if explain:
            from buyin_cli.figures.explain import explain_figures
            from buyin_cli.figures.export import explanation_json

            data["explain"] = explanation_json(explain_figures(loaded, figures))
        print(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
        return
    from rich.console import Console

    from buyin_cli.present.terminal import print_roi

    print_roi(loaded, figures, Console(highlight=False), explain=explain)


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(cls=_Command)
def diff(
    path: StrategyPath,
    since: Annotated[str, typer.Option(
        "--since", metavar="REV", help="The earlier version: a commit, branch or tag.")] = "HEAD",
    until: Annotated[str | None, typer.Option(
        "--until", metavar="REV", help="The later version (default: the working tree).")] = None,
    output: Annotated[DiffFormat, typer.Option(
        "--format", help="text for people, json for tools.",
        case_sensitive=False)] = DiffFormat.text,
) -> None:
    """Say what changed in a strategy between two versions kept in git: metrics that
    moved (better or worse), pilots and results added, figures, asks and decisions
    changed. Old versions are read through git: nothing is checked out.

    \b
    Example:
      buyin diff strategy/                       # HEAD against the working tree
      buyin diff strategy/ --since v1 --until v2
      buyin diff strategy.yaml --since HEAD~3 --format json
    """
    from buyin_cli.diff import changes_between, diff_output

    print(diff_output(changes_between(path, since, until), path, output is DiffFormat.json))


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of the strategy format, for editors and other tools.

    \b
    Example:
      buyin schema > buyin.schema.json
      # then, first line of a strategy file:
      # yaml-language-server: $schema=buyin.schema.json
    """
    from buyin_cli.load.schema import strategy_schema

    print(json.dumps(strategy_schema(), indent=2, ensure_ascii=False))


def _day(value: str) -> date:
    """A date option's value, written YYYY-MM-DD; anything else is a usage error (exit 2)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    raise typer.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-02-01")


def _fail(error: BuyinError) -> NoReturn:
    """The one place a user-facing error becomes output and an exit code."""
    if isinstance(error, StrategyInvalid):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"✗ {plural(len(error.problems), 'error')}; nothing was written", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    raise SystemExit(1)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BuyinError as error:
        _fail(error)
    except KeyboardInterrupt:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as error:
        # A bug, not bad input: one line the user can report, the traceback on request.
        if os.environ.get("BUYIN_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}; please report it "
              "(BUYIN_DEBUG=1 shows the traceback)", file=sys.stderr)
        raise SystemExit(1) from None
