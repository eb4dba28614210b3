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
    source: Annotated[str | None, typer.Option(
        "--source", metavar="REQUIREMENT",
        help="The pip requirement CI installs buyin from (default: where this buyin was "
             "installed from, pinned).")] = None,
) -> None:
    """Start a strategy repository: a starter strategy whose comments explain the method,
    a buyin.toml naming it, a GitHub workflow (check and comment on pull requests, brief
    the main branch), a pre-commit hook, the schema for editors, a .gitignore and a
    README for the team.

    A file that already exists is kept, unless --force; a .gitignore or
    .pre-commit-config.yaml that lacks what buyin needs gets it appended.

    The workflow installs buyin from where this buyin came from, pinned: the git URL
    and commit, the archive or the index version pip recorded when it installed it.
    --source names another pip requirement; later, the repository variable
    BUYIN_SOURCE does, without editing the workflow. The pre-commit hook runs the
    buyin installed where you commit.

    \b
    Example:
      buyin init learning-strategy
      buyin init . --force
      buyin init team --source "buyin @ git+https://github.com/acme/buyin@v0.2.0"
    """
    from buyin_cli.errors import display_path
    from buyin_cli.provenance import install_spec
    from buyin_cli.scaffold import init_repository

    source = source or install_spec()
    created = init_repository(folder, force=force, source=source)
    for item in created:
        if item.added:
            print(f"added to {display_path(item.path)}: {', '.join(item.added)}")
        else:
            print(f"created {display_path(item.path)}" if item.written else
                  f"kept {display_path(item.path)} (it exists; --force overwrites it)")
    if source is None:
        print("note: this buyin was installed from a folder CI cannot reach; set the "
              "repository variable BUYIN_SOURCE to a pip requirement for buyin, or run "
              "init again with --source")
    where = display_path(folder)
    start = "" if where == "." else f"cd {where} && "
    print(f"next: {start}buyin check && buyin brief   (then git init, commit and push)")
