"""`buyin init`: a strategy repository that checks, briefs and runs CI from the start."""

from pathlib import Path
from typing import Annotated

import typer

from buyin_cli.commands.app import Command, app


@app.command(cls=Command)
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
