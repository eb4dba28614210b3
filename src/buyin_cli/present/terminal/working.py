"""`buyin roi --explain`: the working behind each figure, and the data files read.

The working is written in the format's own terms (its field names: `value_per_unit`,
`control_before`), as figures/explain.py gives it to the JSON too, so it stays in English
whatever the strategy's language; the tables above it follow that language.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from buyin_cli.errors import display_path
from buyin_cli.figures.steps import Operand, Section
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.terminal.tables import plain
from buyin_cli.present.working import exact_working
from buyin_cli.words import plural, printable


def _operand(w: Formatter, op: Operand, extra: int = 0) -> str:
    # A payback reads "5.2 months" (or "never") here; the deck's column already says months.
    if op.kind == "months":
        return "never" if op.value is None else f"{w.operand(op, extra)} months"
    return w.operand(op, extra)


def data_files_section(loaded: LoadedStrategy) -> Group:
    """Which readings were read from which data file, and from which of its rows."""
    lines: list[RenderableType] = [plain("Readings from data files", style="bold")]
    for (section, k, key), table in loaded.sources.tables.items():
        item = getattr(loaded.strategy, str(section))[int(k)]
        readings = getattr(item, str(key))  # never empty: a data file without rows is an error
        span = " to ".join(dict.fromkeys((readings[0].period, readings[-1].period)))
        lines.append(Padding(plain(f"{item.id}: {key}, {plural(len(readings), 'reading', 'readings')} "
                                   f"({span}) from {table}"), (0, 0, 0, 2), expand=False))
    return Group(*lines)


def explain_section(section: Section, w: Formatter) -> Group:
    """One section of the working: each figure's formula, numbers, result and sources."""
    lines: list[RenderableType] = [plain(section.title, style="bold")]
    for step in section.steps:
        # Indented as blocks, so a line that wraps in a narrow terminal keeps its indent.
        heading = Text.assemble((printable(step.figure), "bold"), printable(f" = {step.formula}"))
        lines.append(Padding(heading, (0, 0, 0, 2), expand=False))
        filled = exact_working(step, w, lambda op, extra: _operand(w, op, extra))
        working = f"= {filled} = {_operand(w, step.result)}"
        lines.append(Padding(plain(working),
                             (0, 0, 0, 4), expand=False))
        if step.note_text:
            lines.append(Padding(plain(step.note_text, style="italic"), (0, 0, 0, 4), expand=False))
        if step.sources:
            lines.extend(_sources(step.sources))
    return Group(*lines)


def _sources(operands: tuple[Operand, ...]) -> list[RenderableType]:
    """Where each operand was written.

    One line, each file named once ('from before a.yaml:12, after :13') when it is
    short; otherwise the file, then a line number and label per operand.
    """
    places = [(display_path(where.file), where.line, op.label)
              for op in operands if (where := op.source)]  # each has one: they are the sources
    parts, last = [], None
    for name, line, label in places:
        parts.append(f"{label} {name if name != last else ''}:{line}")
        last = name
    short = f"from {', '.join(parts)}"
    if len(short) <= 72:
        return [Padding(plain(short, style="dim"), (0, 0, 0, 4), expand=False)]
    out: list[RenderableType] = []
    grid = None
    last = None
    for name, line, label in places:
        if name != last:
            out.append(Padding(plain(f"from {name}:", style="dim"), (0, 0, 0, 4), expand=False))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(justify="right", style="dim")
            grid.add_column(style="dim")
            out.append(Padding(grid, (0, 0, 0, 6), expand=False))
            last = name
        grid.add_row(str(line), plain(label))  # type: ignore[union-attr]
    return out
