"""`buyin diff`: what changed in a strategy between two versions kept in git."""

import sys
from enum import Enum
from typing import Annotated

import typer

from buyin_cli.commands.app import Command, StrategyPath, app, step_summary


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command(cls=Command)
def diff(
    path: StrategyPath = None,
    since: Annotated[str, typer.Option(
        "--since", metavar="REV", help="The earlier version: a commit, branch or tag.")] = "HEAD",
    until: Annotated[str | None, typer.Option(
        "--until", metavar="REV",
        help="The later version (default: the working tree, as it is now).")] = None,
    output: Annotated[DiffFormat, typer.Option(
        "--format", help="text for people, json for tools, markdown for a pull request "
                         "comment (each figure's change with the inputs that caused it).",
        case_sensitive=False)] = DiffFormat.text,
) -> None:
    """Say what changed in a strategy between two versions kept in git: metrics that
    moved (better or worse), pilots and results added, figures changed, asks and
    decisions changed.

    Old versions are read through git (git show REV:path): nothing is checked out.
    Outside a git repository, or with a revision git does not know, it says so and
    exits 1.

    \b
    Example:
      buyin diff strategy/                       # HEAD against the working tree
      buyin diff strategy/ --since v1 --until v2
      buyin diff strategy.yaml --since HEAD~3 --format json
      buyin diff --since origin/main --format markdown > comment.md
    """
    from buyin_cli.diff import changes_between, diff_json, diff_markdown_text, diff_output

    assert path is not None  # Command.parse_args takes it from buyin.toml, or stops
    changes = changes_between(path, since, until)
    markdown = diff_markdown_text(changes, path, since, until)
    step_summary(markdown)
    if output is not DiffFormat.text:
        print(markdown if output is DiffFormat.markdown else diff_json(changes, path, since, until))
        return
    text = diff_output(changes, path)
    from buyin_cli.present.report import workflow_commands_stopped

    with workflow_commands_stopped(sys.stdout):  # a name may start an indented line
        print(text)
