"""`buyin roi`: the figures, for a person (tables, the working), a tool (JSON) or finance (a workbook)."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from buyin_cli.commands.app import Command, StrategyPath, app


class RoiFormat(str, Enum):
    table = "table"
    json = "json"
    xlsx = "xlsx"


@app.command(cls=Command)
def roi(
    path: StrategyPath = None,
    output: Annotated[RoiFormat, typer.Option(
        "--format", help="table for people, json for tools (the fixed object of the "
                         "command contract), xlsx for finance: a workbook whose every figure "
                         "is a formula over its inputs (needs --out).",
        case_sensitive=False)] = RoiFormat.table,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="The workbook to write, with --format xlsx.",
        metavar="FILE")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show the working: each figure's formula with the strategy's own "
                          "numbers and the FILE:LINE they came from.")] = False,
) -> None:
    """Show the figures leaders trust: metric progress, each pilot's benefit and ROI,
    and each initiative's roll-out ROI, benefit-cost ratio, payback, break-even and years.

    \b
    Example:
      buyin roi examples/northwind-manufacturing.yaml
      buyin roi strategy/ --explain
      buyin roi strategy/ --format json > figures.json
      buyin roi strategy/ --format xlsx --out figures.xlsx
    """
    from buyin_cli.figures.compute import compute_figures
    from buyin_cli.figures.export import figures_json
    from buyin_cli.load.strategy import collector_paused, load_strategy

    if (output is RoiFormat.xlsx) != (out is not None):
        _usage("--format xlsx needs --out FILE, the workbook to write (e.g. --out "
               "figures.xlsx)" if out is None else
               "--out writes a workbook: use it with --format xlsx")
    assert path is not None  # Command.parse_args takes it from buyin.toml, or stops
    with collector_paused(kept=True):  # as in `check`: one run, little cyclic garbage
        loaded = load_strategy(path)
        figures = compute_figures(loaded.strategy)
    if output is RoiFormat.xlsx and out is not None:
        from buyin_cli.errors import display_path
        from buyin_cli.present.workbook import workbook_plan
        from buyin_cli.render.xlsx import write_workbook

        write_workbook(workbook_plan(loaded, figures), out)
        print(f"wrote {display_path(out)}")
        return
    if output is RoiFormat.json:
        import json

        data = figures_json(figures)
        if explain:
            from buyin_cli.figures.explain import explain_figures
            from buyin_cli.figures.export import explanation_json

            data["explain"] = explanation_json(explain_figures(loaded, figures))
        print(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
        return
    from rich.console import Console

    from buyin_cli.present.report import workflow_commands_stopped
    from buyin_cli.present.terminal import print_roi

    # rich makes many objects and little cyclic garbage
    with workflow_commands_stopped(sys.stdout), collector_paused(kept=True):
        print_roi(loaded, figures, Console(highlight=False), explain=explain)


def _usage(message: str) -> NoReturn:
    """A usage error: one line, exit 2, as click's own are."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)
