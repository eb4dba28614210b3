"""`buyin roi`: the figures, for a person (tables, the working) or a tool (JSON)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from buyin_cli.commands.app import Command, StrategyPath, app


class RoiFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(cls=Command)
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
