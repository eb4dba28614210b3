"""The typer application, the options several commands share, and how output reaches a terminal."""

import os
import re
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperCommand

from buyin_cli import __version__

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


class Command(TyperCommand):
    """A command whose usage line names a required argument as click does: `PATH`.

    Typer writes every required argument in braces (`{PATH}`), whatever its metavar,
    which reads like a set of choices or a shell brace expansion.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # click's Context, which typer does not export
        return [re.sub(r"^\{(.+)\}", r"\1", piece)
                for piece in super().collect_usage_pieces(ctx)]


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


def is_terminal(stream: TextIO) -> bool:
    """A progress bar only for a person at a terminal: not in a pipe, a log or a dumb terminal."""
    return stream.isatty() and os.environ.get("TERM") != "dumb"
