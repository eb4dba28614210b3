"""The least a typer command that validates YAML with pydantic costs: for scale beside `buyin check`.

    python bench/typer_floor.py PATH

One command with three parameters, as `buyin check` has more of; it reads every
.yaml file at PATH (a file, or a folder's files) with PyYAML's C loader and validates
one small pydantic model. Whatever typer and pydantic do at start-up for any such
program (typer builds a pydantic TypeAdapter for each parameter it parses, which
imports the rest of pydantic beyond `BaseModel`) is in its time; buyin's own work is not.
"""

from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, Field

app = typer.Typer(add_completion=False)


class Named(BaseModel):
    name: str = Field(min_length=1)


@app.command()
def check(path: Annotated[Path, typer.Argument()], strict: bool = False,
          today: str | None = None) -> None:
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    for file in files:
        yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    Named.model_validate({"name": path.name})


if __name__ == "__main__":
    app()
