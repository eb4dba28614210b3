"""The `buyin` command line: parse options, call one core function, print, set the exit code.

Only this module knows typer, consoles and exit codes. Heavy libraries (rich,
jinja2, python-pptx) are imported inside the commands that use them, so
`buyin check` starts fast.
"""

from __future__ import annotations

import json
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from typer.core import TyperCommand

from buyin_cli import __version__
from buyin_cli.errors import BuyinError, Problem, StrategyInvalid

app = typer.Typer(
    name="buyin",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StrategyPath = Annotated[Path, typer.Argument(
    help="A strategy .yaml file, or a folder of them.", metavar="PATH",
    show_default=False)]
# The options `brief` and `watch` share.
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder to write ID.pptx and ID.md into.",
                                      metavar="DIR")]
BriefingId = Annotated[str | None, typer.Option(
    "--briefing", "-b", help="Render only the briefing with this id.", metavar="ID")]
TemplatesDir = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of templates that override the packaged ones by name "
                        "(default: the strategy's templates/ folder, if any).", metavar="DIR")]
PptxTemplate = Annotated[Path | None, typer.Option(
    "--pptx-template", help="A corporate .pptx or .potx whose masters and layouts to use.",
    metavar="FILE")]


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
    """
    from buyin_cli.readiness import review
    from buyin_cli.validate import check_strategy

    loaded, problems = check_strategy(path)
    readiness = None
    if loaded is not None:
        codes = [code for option in ignore or () for code in option.split(",")]
        readiness = review(loaded, ignore=codes)
        problems = problems + readiness.warnings
    problems = sorted(problems, key=Problem.sort_key)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if output is CheckFormat.json:
        print(json.dumps([_problem_json(p) for p in problems], indent=2, ensure_ascii=False))
    elif output is CheckFormat.github:
        for problem in problems:
            print(_github_annotation(problem))
    else:
        paint = _painter(sys.stdout)
        for problem in problems:
            colour = "31" if problem.severity == "error" else "33"
            print(f"{paint(str(problem.location), '1')}: {paint(problem.code, colour)} "
                  f"{problem.message}")
        if readiness is not None:
            print(("\n" if problems else "") + "\n".join(_readiness_lines(readiness, paint)))
        print(_summary(path, errors, warnings, paint))
    if errors or (strict and warnings):
        raise typer.Exit(1)


@app.command(cls=_Command)
def brief(
    path: StrategyPath,
    out: OutDir = Path("build"),
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also write DIR/ID.pdf, a hand-out of the presented slides "
                      "(needs LibreOffice).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also say how long each briefing took.")] = False,
) -> None:
    """Render each briefing's deck (DIR/ID.pptx, talking points in the speaker notes)
    and talking points (DIR/ID.md).

    Prints one line per file: "wrote" when it changed, "unchanged" when it already held
    the same bytes (then it is not touched, so its mtime stays). An invalid strategy
    writes nothing; a failed render leaves existing files as they were. With --pdf and
    no LibreOffice, the decks are written and brief exits 1 saying what to install.

    \b
    Example:
      buyin brief examples/northwind-manufacturing.yaml --out build
      buyin brief strategy/ --briefing coo-q3 --pptx-template corporate.potx
      buyin brief . --out build --pdf -q
    """
    import time
    from contextlib import nullcontext

    from buyin_cli.brief import brief as render_briefs
    from buyin_cli.errors import display_path

    start = time.perf_counter()
    if templates is None:
        own = (path if path.is_dir() else path.parent) / "templates"
        templates = own if own.is_dir() else None
    say = (lambda line: None) if quiet else print
    if not quiet and _is_terminal(sys.stderr):
        from buyin_cli.progress import progress_bar

        bar = progress_bar(sys.stderr)
    else:
        bar = nullcontext(None)
    with bar as progress:
        result = render_briefs(path, out, briefing_id=briefing, templates=templates,
                               pptx_template=pptx_template, progress=progress)
    for number, item in enumerate(result.rendered):
        if verbose:
            say(f"rendered {item.briefing_id} in {item.seconds:.2f} s")
        for output in result.outputs[2 * number:2 * number + 2]:  # its deck and talking points
            say(_written(output))
    outputs = result.outputs
    if pdf:
        from buyin_cli.handout import export_pdfs

        pdfs = export_pdfs([o for o in result.outputs if o.path.suffix == ".pptx"])
        for output in pdfs:
            say(_written(output))
        outputs = outputs + pdfs
    if verbose:
        changed = sum(o.changed for o in outputs)
        say(f"{_plural(changed, 'file')} written, {len(outputs) - changed} unchanged, "
            f"in {time.perf_counter() - start:.2f} s")
    if result.not_ready:
        say(f"{_plural(result.not_ready, 'readiness warning')} listed in each deck's appendix; "
            f"`buyin check {display_path(path)}` shows where to fix them")


@app.command(cls=_Command)
def watch(
    path: StrategyPath,
    out: OutDir = Path("build"),
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
) -> None:
    """Check and render the briefings, then again on every save, while you write.

    Prints each problem as `buyin check` does, as it appears, and how long each
    briefing took to render. An invalid save renders nothing, so the last good decks
    stay open beside you. Ctrl-C stops it.

    \b
    Example:
      buyin watch strategy/
      buyin watch . --briefing coo-q3 --out build
    """
    from buyin_cli.errors import display_path
    from buyin_cli.watch import Session, file_changes, run

    session = Session(path, out, briefing_id=briefing, templates=templates,
                      pptx_template=pptx_template, say=lambda line: print(line, flush=True))
    if not path.exists():
        session.render()  # says what is wrong with PATH, in check's words
        raise typer.Exit(1)
    print(f"watching {', '.join(display_path(p) for p in session.watched())}; Ctrl-C stops",
          flush=True)
    try:
        run(session, file_changes(session))
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)


def _written(output) -> str:
    from buyin_cli.errors import display_path

    return f"{'wrote' if output.changed else 'unchanged'} {display_path(output.path)}"


@app.command(cls=_Command)
def init(
    folder: Annotated[Path, typer.Argument(
        help="The folder to make the strategy repository in (created if missing).",
        metavar="DIR", show_default=False)],
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite files that already exist.")] = False,
) -> None:
    """Start a strategy repository: a starter strategy whose comments explain the method,
    a GitHub workflow (check pull requests, brief the main branch), a pre-commit hook,
    a .gitignore and a README for the team.

    A file that already exists is kept, unless --force.

    \b
    Example:
      buyin init learning-strategy
      buyin init . --force
    """
    from buyin_cli.errors import display_path
    from buyin_cli.scaffold import init_repository

    created = init_repository(folder, force=force)
    for item in created:
        print(f"created {display_path(item.path)}" if item.written else
              f"kept {display_path(item.path)} (it exists; --force overwrites it)")
    where = display_path(folder)
    start = "" if where == "." else f"cd {where} && "
    print(f"next: {start}buyin check . && buyin brief .   (then git init, commit and push)")


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
    from buyin_cli.figures import compute_figures, figures_json
    from buyin_cli.validate import load_strategy

    loaded = load_strategy(path)
    figures = compute_figures(loaded.strategy)
    if output is RoiFormat.json:
        data = figures_json(figures)
        if explain:
            from buyin_cli.explain import explain_figures, explanation_json

            data["explain"] = explanation_json(explain_figures(loaded, figures))
        print(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
        return
    from rich.console import Console

    from buyin_cli.tables import print_roi

    print_roi(loaded, figures, Console(highlight=False), explain=explain)


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of the strategy format, for editors and other tools.

    \b
    Example:
      buyin schema > buyin.schema.json
      # then, first line of a strategy file:
      # yaml-language-server: $schema=buyin.schema.json
    """
    from buyin_cli.schema import strategy_schema

    print(json.dumps(strategy_schema(), indent=2, ensure_ascii=False))


def _summary(path: Path, errors: int, warnings: int, paint) -> str:
    from buyin_cli.errors import display_path

    counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if errors:
        return paint(f"✗ {display_path(path)}: {counts}", "1;31")
    return paint(f"✓ {display_path(path)}: valid ({counts})", "1;32")


def _readiness_lines(readiness, paint) -> list[str]:
    """The score, then one line per method: ✓ when full marks, ! with the codes that fired."""
    lines = [paint(f"Readiness {readiness.score}/100", "1")]
    for method in readiness.methods:
        fired = ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in method.fired.items())
        full = method.points == method.out_of
        mark = paint("✓", "32") if full else paint("!", "33")
        lines.append(f"  {mark} {method.name} {method.points}/{method.out_of}"
                     + (f" ({fired})" if fired else "" if full or method.applicable
                        else " (nothing to review yet)"))
    if readiness.accepted:
        lines.append(f"  {_plural(len(readiness.accepted), 'warning')} accepted with a reason")
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _problem_json(problem: Problem) -> dict:
    from buyin_cli.errors import display_path

    where = problem.location
    return {"file": display_path(where.file), "line": where.line, "col": where.col,
            "code": problem.code, "severity": problem.severity, "message": problem.message}


def _github_annotation(problem: Problem) -> str:
    from buyin_cli.errors import display_path

    where = problem.location
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return (f"::{problem.severity} file={display_path(where.file)},line={where.line},"
            f"col={where.col}::{problem.code} {message}")


def _is_terminal(stream) -> bool:
    """A progress bar only for a person at a terminal: not in a pipe, a log or a dumb terminal."""
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _painter(stream):
    """ANSI colour for a terminal; plain text when piped, with NO_COLOR, or on a dumb terminal."""
    use = _is_terminal(stream) and "NO_COLOR" not in os.environ

    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if use else text

    return paint


def _fail(error: BuyinError) -> NoReturn:
    """The one place a user-facing error becomes output and an exit code."""
    if isinstance(error, StrategyInvalid):
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"✗ {_plural(len(error.problems), 'error')}; nothing was written", file=sys.stderr)
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
