"""`buyin roi` for a person: the figures as rich tables, and the working behind each.

Formatting only: every number comes from figures/compute.py (and figures/explain.py for the
working) and is written by numbers.py in the strategy's locale.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from buyin_cli.errors import display_path
from buyin_cli.figures.compute import Figures, InitiativeFigures, PilotFigures
from buyin_cli.figures.explain import explain_figures
from buyin_cli.figures.steps import Operand, Section
from buyin_cli.load.models import Metric, Pilot
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.numbers import Formatter, decimals_of
from buyin_cli.present.terminal.tables import (
    add_column,
    add_row,
    group,
    heading,
    months,
    observed_table,
    plain,
    split_table,
    years_table,
)
from buyin_cli.present.working import exact_working
from buyin_cli.words import plural, printable

NOT_PRICED = "not priced"  # a benefit no result put in money, as the deck says it


def print_roi(loaded: LoadedStrategy, figures: Figures, console: Console,
              explain: bool = False) -> None:
    """Print the figures of a strategy as tables; with `explain`, the working after them."""
    writer = Formatter(figures.currency, loaded.strategy.locale)
    # Rendered first, so lines are written without the spaces rich pads them with.
    with console.capture() as captured:
        _print_roi(loaded, figures, console, writer, explain)
    text = captured.get()
    console.file.write("".join(line.rstrip() + "\n" for line in text.splitlines()))


def _print_roi(loaded: LoadedStrategy, figures: Figures, console: Console, writer: Formatter,
               explain: bool) -> None:
    strategy = loaded.strategy
    console.print(plain(f"{strategy.organisation}: {strategy.title}", style="bold"))
    # Each figure is rounded on its own from the unrounded ones before it: a reader who multiplies
    # the rounded figures shown (£10,835 × 9.375) may land a few units off (£101,578, not £101,574).
    console.print(plain(f"Money in {figures.currency}, rounded to whole units; each figure is worked "
                       "out from unrounded values (--explain shows the working); each annual benefit "
                       "is for a full year.", style="dim"))
    sections = explain_figures(loaded, figures)
    for renderable in roi_tables(loaded, figures, writer, sections):
        console.print()
        console.print(renderable)
    if explain:
        console.print()
        console.print(Text("How each figure is worked out", style="bold underline"))
        for section in sections:
            console.print()
            console.print(explain_section(section, writer))
        if loaded.sources.tables:
            console.print()
            console.print(data_files_section(loaded))


def roi_tables(loaded: LoadedStrategy, figures: Figures, w: Formatter,
               sections: list[Section]) -> list[RenderableType]:
    """The metrics, each pilot, and the roll-out of each initiative, as tables.

    Under each table, the caveats that the working (`sections`) attaches to its figures.
    """
    caveats: dict[tuple[str, ...], list[str]] = {s.subject: s.caveats for s in sections}
    pilots, metrics = loaded.strategy.index.pilots, loaded.strategy.index.metrics
    out: list[RenderableType] = []
    if figures.metrics:
        out.append(_metrics_table(loaded, figures, w))
    for p in figures.pilots.values():
        notes = [f"{metrics[mid].name}: {note}" for mid in p.results
                 for note in caveats.get(("result", p.pilot_id, mid), [])]
        notes += [_sentence(note) for note in caveats.get(("pilot", p.pilot_id), [])]
        out.append(_pilot_table(pilots[p.pilot_id], p, metrics, w, notes))
    if figures.initiatives:
        notes = []
        for i in loaded.strategy.initiatives:
            used = figures.initiatives[i.id].results_used
            if used:
                based = "; ".join(f"{r.metric_id} as {r.pilot_id} measured it" for r in used)
                notes.append(f"{i.title}: benefit from {based}.")
            notes += [f"{i.title}: {note}" for note in caveats.get(("initiative", i.id), [])]
            if not figures.initiatives[i.id].fully_loaded:
                notes.append(f"{i.title}: the cost is not fully loaded: participants' time is "
                             "not among its costs.")
        out.append(_initiatives_table(loaded, figures, w, notes))
        out.extend(years_table(i, figures.initiatives[i.id], w)
                   for i in loaded.strategy.initiatives
                   if figures.initiatives[i.id].horizon_years > 1)
    if any(figures.observed.values()):
        out.append(observed_table(loaded, figures, w))
    return out


def _sentence(note: str) -> str:
    return note[:1].upper() + note[1:]


def _metrics_table(loaded: LoadedStrategy, figures: Figures, w: Formatter) -> Group:
    table = split_table()
    add_column(table, "Metric")
    gaps = any(m.gap_annual_cost is not None for m in figures.metrics.values())
    for name in ("Baseline", "Target", "Actual", "Progress") + (("Gap a year",) if gaps else ()):
        add_column(table, name, justify="right", no_wrap=True)
    for metric in loaded.strategy.metrics:
        m = figures.metrics[metric.id]
        actual = w.number(m.actual) if m.actual_given else "–"
        gap = ((w.money(m.gap_annual_cost) if m.gap_annual_cost is not None else "–",)
               if gaps else ())
        add_row(table, f"{metric.name} ({metric.unit}, {metric.better} is better)",
                w.number(m.baseline), w.number(m.target), actual, w.percent(m.progress_pct),
                *gap)
    if gaps:
        return group(heading("Metrics: progress toward target"), table,
                     plain("Gap a year: what the gap to target costs a year while it stays "
                           "open (per-period metrics put in money).", style="dim"))
    return group(heading("Metrics: progress toward target"), table)


def _pilot_table(pilot: Pilot, p: PilotFigures, metrics: dict[str, Metric], w: Formatter,
                 notes: list[str]) -> Group:
    title = heading(f"Pilot {p.pilot_id}: {pilot.group}, {pilot.participants} people, "
                   f"{pilot.start} to {pilot.end}")
    table = split_table()
    add_column(table, "", no_wrap=True)
    results = list(p.results.values())
    for r in results:
        add_column(table, metrics[r.metric_id].name, justify="right", max_width=24)
    rows = [
        ("Readings per", [r.per for r in results]),
        ("Improvement", [w.number(r.improvement) for r in results]),
        ("Control or trend change",
         [w.number(r.control_improvement) if r.has_control else
          f"{w.number(r.control_improvement)} (trend)" if r.has_trend else "no control"
          for r in results]),
        ("Isolation × confidence",
         [f"{len(r.estimates)} estimates: {w.number(r.isolation)}" if r.estimated else
          f"{w.number(r.isolation)} × {w.number(r.confidence)}" for r in results]),
        ("Attributable per period", [w.number(r.attributable) for r in results]),
        ("Value per unit", [w.rate(r.value_per_unit) if r.value_per_unit is not None
                            else "not priced" for r in results]),
        ("Annual benefit, pilot", [w.money(r.pilot_annual_benefit) for r in results]),
        # As exact as four places allow (9.375, never 9.38): the factor the benefit is multiplied by.
        ("× scale-up to audience (R)", [w.number(r.scale, decimals_of(round(r.scale, 4), 4) if r.scale is not None
                                                 else 2) for r in results]),
        ("Annual benefit, roll-out", [w.money(r.rollout_annual_benefit) for r in results]),
    ]
    for label, cells in rows:
        add_row(table, label, *cells)
    # Nothing put in money is not a loss: it says so, as the deck does, not "ROI -100%".
    summary = Text.assemble(
        ("Pilot group's annual benefit ", "bold"),
        w.money(p.benefit) if p.monetised else NOT_PRICED,
        ("  ·  pilot cost ", "bold"), w.money(p.cost),
        ("  ·  ROI ", "bold"), w.percent(p.roi_pct) if p.monetised else NOT_PRICED)
    return group(title, table, summary, *(plain(n, style="dim") for n in notes))



def _initiatives_table(loaded: LoadedStrategy, figures: Figures, w: Formatter,
                       notes: list[str]) -> Group:
    table = split_table()
    add_column(table, "", no_wrap=True)
    initiatives = [(i, figures.initiatives[i.id]) for i in loaded.strategy.initiatives]
    for initiative, _ in initiatives:
        add_column(table, initiative.title, justify="right", max_width=26)
    def priced(text: str, f: InitiativeFigures, unpriced: str = "n/a") -> str:
        return text if f.monetised else unpriced  # nothing put in money is not a loss

    rows: list[tuple[str, list[str]]] = [
        ("People reached", [w.number(f.headcount) for _, f in initiatives]),
        ("Annual benefit", [priced(w.money(f.rollout_benefit), f, NOT_PRICED)
                            for _, f in initiatives]),
        ("One-off cost", [w.money(f.one_off) for _, f in initiatives]),
        ("Per-year cost", [w.money(f.per_year) for _, f in initiatives]),
        ("Per-participant cost",
         [f"{w.rate(f.per_participant)} × {w.number(f.headcount)}" for _, f in initiatives]),
        ("Total cost, fully loaded" if all(f.fully_loaded for _, f in initiatives) else
         "Total cost", [w.money(f.rollout_cost) for _, f in initiatives]),
        ("ROI", [priced(w.percent(f.roi_pct), f, NOT_PRICED) for _, f in initiatives]),
        ("Benefit-cost ratio", [priced(w.number(f.bcr, 2), f, NOT_PRICED) for _, f in initiatives]),
        ("Payback", [priced(months(w, f.payback_months), f) for _, f in initiatives]),
        ("Share of effect to break even",
         [w.percent(None if f.break_even_share is None else f.break_even_share * 100)
          for _, f in initiatives]),
        ("ROI if half the effect holds", [priced(w.percent(f.roi_pct_at_half), f, NOT_PRICED)
                                          for _, f in initiatives]),
    ]
    for label, cells in rows:
        add_row(table, label, *cells)
    return group(heading("Roll-out: first year, whole audience"), table,
                 *(plain(n, style="dim") for n in notes))


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
        if step.note:
            lines.append(Padding(plain(step.note, style="italic"), (0, 0, 0, 4), expand=False))
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
