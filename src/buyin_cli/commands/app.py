"""The typer application, the options several commands share, and how output reaches a terminal."""

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperCommand

from buyin_cli import __version__

if TYPE_CHECKING:
    from buyin_cli.load.settings import Settings

app = typer.Typer(
    name="buyin",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StrategyPath = Annotated[Path | None, typer.Argument(
    help="A strategy .yaml file, or a folder of them (default: the strategy the "
         "repository's buyin.toml names).", metavar="PATH", show_default=False)]
# The options `brief` and `watch` share.
OutDir = Annotated[Path | None, typer.Option(
    "--out", "-o", help="Folder to write ID.pptx and ID.md into (default: buyin.toml's out, "
                        "else build).", show_default=False,
    metavar="DIR")]
BriefingId = Annotated[str | None, typer.Option(
    "--briefing", "-b", help="Render only the briefing with this id.", metavar="ID")]
TemplatesDir = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of templates that override the packaged ones by name "
                        "(default: the strategy's templates/ folder, if any).", metavar="DIR")]
PptxTemplate = Annotated[Path | None, typer.Option(
    "--pptx-template", help="A corporate .pptx or .potx whose masters and layouts to use.",
    metavar="FILE")]
Draft = Annotated[bool, typer.Option(
    "--draft", help="Render even with a figure check calls impossible (W307), marking "
                    "each slide that shows it DRAFT.")]


class _MissingPath(typer.BadParameter):
    """No PATH and no buyin.toml naming one: a usage error (exit 2), worded as click words it."""

    def format_message(self) -> str:
        return f"Missing argument 'PATH': {self.message}"


class Command(TyperCommand):
    """A command whose usage line names a required argument as click does: `PATH`.

    Typer writes every required argument in braces (`{PATH}`), whatever its metavar,
    which reads like a set of choices or a shell brace expansion.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """A command's PATH, when not given, is the strategy the repository's buyin.toml names."""
        rest = super().parse_args(ctx, args)
        if "path" in ctx.params and ctx.params["path"] is None and not ctx.resilient_parsing:
            ctx.params["path"] = settings().strategy
            if ctx.params["path"] is None:
                raise _MissingPath("give a strategy .yaml file or folder, or name it in a "
                                   "buyin.toml: strategy = \"strategy\"", ctx=ctx)
        return rest

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


def settings() -> "Settings":
    """The repository's buyin.toml settings, found from the current folder upward."""
    from buyin_cli.load.settings import find_settings

    return find_settings()



def step_summary(markdown: str) -> None:
    """Append `markdown` to the GitHub Actions job summary, where the runner names one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(markdown.rstrip("\n") + "\n\n")
