"""`buyin roi` for a person: the figures as rich tables, and the working behind each.

Formatting only: every number comes from figures/compute.py (and figures/explain.py for the
working) and is written by numbers.py in the strategy's locale. The tables' own words are in
the strategy's language, from the catalogue the deck's come from (`words`); the working is
in the format's own terms (working.py).
"""

from __future__ import annotations

from gettext import NullTranslations

from rich.console import Console, Group, RenderableType
from rich.text import Text

from buyin_cli.figures.compute import Figures, InitiativeFigures, PilotFigures
from buyin_cli.figures.explain import explain_figures
from buyin_cli.figures.steps import Section
from buyin_cli.load.models import Metric, Pilot
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.language import translations
from buyin_cli.present.numbers import Formatter, decimals_of
from buyin_cli.present.terminal.tables import (
    add_column,
    add_row,
    group,
    heading,
    months,
    observed_table,
    per_word,
    plain,
    split_table,
    years_table,
)
from buyin_cli.present.terminal.working import data_files_section, explain_section


def print_roi(loaded: LoadedStrategy, figures: Figures, console: Console,
              explain: bool = False) -> None:
    """Print the figures of a strategy as tables; with `explain`, the working after them."""
    writer = Formatter(figures.currency, loaded.strategy.locale)
    words = translations(loaded.strategy.wording_language)
    # Rendered first, so lines are written without the spaces rich pads them with.
    with console.capture() as captured:
        _print_roi(loaded, figures, console, writer, explain, words)
    text = captured.get()
    console.file.write("".join(line.rstrip() + "\n" for line in text.splitlines()))


def _print_roi(loaded: LoadedStrategy, figures: Figures, console: Console, writer: Formatter,
               explain: bool, words: NullTranslations) -> None:
    strategy, _ = loaded.strategy, words.gettext
    console.print(plain(f"{strategy.organisation}: {strategy.title}", style="bold"))
    # Each figure is rounded on its own from the unrounded ones before it: a reader who multiplies
    # the rounded figures shown (£10,835 × 9.375) may land a few units off (£101,578, not £101,574).
    console.print(plain(_("Money in %(currency)s, rounded to whole units; each figure is worked out from "
                          "unrounded values (--explain shows the working); each annual benefit is for a "
                          "full year.") % {"currency": figures.currency}, style="dim"))
    sections = explain_figures(loaded, figures)
    for renderable in roi_tables(loaded, figures, writer, sections, words):
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
               sections: list[Section], words: NullTranslations | None = None) -> list[RenderableType]:
    """The metrics, each pilot, and the roll-out of each initiative, as tables, in the
    language of `words` (English without).

    Under each table, the caveats that the working (`sections`) attaches to its figures.
    """
    words = words or NullTranslations()
    _ = words.gettext
    # The working's notes, in English there, said here in the strategy's language (N_).
    caveats = {s.subject: s.said_caveats(words.gettext) for s in sections}
    pilots, metrics = loaded.strategy.index.pilots, loaded.strategy.index.metrics
    out: list[RenderableType] = []
    if figures.metrics:
        out.append(_metrics_table(loaded, figures, w, words))
    for p in figures.pilots.values():
        notes = [f"{metrics[mid].name}: {note}" for mid in p.results
                 for note in caveats.get(("result", p.pilot_id, mid), [])]
        notes += [_sentence(note) for note in caveats.get(("pilot", p.pilot_id), [])]
        out.append(_pilot_table(pilots[p.pilot_id], p, metrics, w, notes, words))
    if figures.initiatives:
        notes = []
        for i in loaded.strategy.initiatives:
            used = figures.initiatives[i.id].results_used
            if used:
                # Named as the deck names them, not by their ids.
                based = "; ".join(_("%(metric)s (pilot group: %(pilot)s)")
                                  % {"metric": metrics[r.metric_id].name, "pilot": pilots[r.pilot_id].group}
                                  for r in used)
                notes.append(_("%(title)s: benefit from %(based)s.") % {"title": i.title, "based": based})
            notes += [f"{i.title}: {note}" for note in caveats.get(("initiative", i.id), [])]
            if not figures.initiatives[i.id].fully_loaded:
                notes.append(_("%(title)s: the cost is not fully loaded: participants' time is "
                               "not among its costs.") % {"title": i.title})
        out.append(_initiatives_table(loaded, figures, w, notes, words))
        out.extend(years_table(i, figures.initiatives[i.id], w, words)
                   for i in loaded.strategy.initiatives
                   if figures.initiatives[i.id].horizon_years > 1)
    if any(figures.observed.values()):
        out.append(observed_table(loaded, figures, w, words))
    return out


def _sentence(note: str) -> str:
    return note[:1].upper() + note[1:]


def _metrics_table(loaded: LoadedStrategy, figures: Figures, w: Formatter,
                   words: NullTranslations) -> Group:
    _ = words.gettext
    table = split_table()
    add_column(table, _("Metric"))
    gaps = any(m.gap_annual_cost is not None for m in figures.metrics.values())
    for name in (_("Baseline"), _("Target"), _("Actual"), _("Progress")) + ((_("Gap a year"),) if gaps else ()):
        add_column(table, name, justify="right", no_wrap=True)
    better = {"lower": _("lower is better"), "higher": _("higher is better")}
    for metric in loaded.strategy.metrics:
        m = figures.metrics[metric.id]
        actual = w.number(m.actual) if m.actual_given else "–"
        gap = ((w.money(m.gap_annual_cost) if m.gap_annual_cost is not None else "–",)
               if gaps else ())
        add_row(table, f"{metric.name} ({metric.unit}, {better[metric.better]})",
                w.number(m.baseline), w.number(m.target), actual, w.percent(m.progress_pct),
                *gap)
    title = heading(_("Metrics: progress toward target"))
    if gaps:
        return group(title, table,
                     plain(_("Gap a year: what the gap to target costs a year while it stays "
                             "open (per-period metrics put in money)."), style="dim"))
    return group(title, table)


def _pilot_table(pilot: Pilot, p: PilotFigures, metrics: dict[str, Metric], w: Formatter,
                 notes: list[str], words: NullTranslations) -> Group:
    _ = words.gettext
    people = words.ngettext("%(num)s person", "%(num)s people", pilot.participants) % {
        "num": pilot.participants}
    title = heading(_("Pilot %(id)s: %(group)s, %(people)s, %(start)s to %(end)s") % {
        "id": p.pilot_id, "group": pilot.group, "people": people, "start": pilot.start, "end": pilot.end})
    table = split_table()
    add_column(table, "", no_wrap=True)
    results = list(p.results.values())
    for r in results:
        add_column(table, metrics[r.metric_id].name, justify="right", max_width=24)
    unpriced = _("not priced")
    rows = [
        (_("Readings per"), [per_word(r.per, words) for r in results]),
        (_("Improvement"), [w.number(r.improvement) for r in results]),
        (_("Control or trend change"),
         [w.number(r.control_improvement) if r.has_control else
          _("%(change)s (trend)") % {"change": w.number(r.control_improvement)} if r.has_trend
          else _("no control") for r in results]),
        (_("Isolation × confidence"),
         [words.ngettext("%(num)s estimate: %(value)s", "%(num)s estimates: %(value)s", len(r.estimates))
          % {"num": len(r.estimates), "value": w.number(r.isolation)} if r.estimated else
          f"{w.number(r.isolation)} × {w.number(r.confidence)}" for r in results]),
        (_("Attributable per period"), [w.number(r.attributable) for r in results]),
        (_("Value per unit"), [w.rate(r.value_per_unit) if r.value_per_unit is not None
                               else unpriced for r in results]),
        (_("Annual benefit, pilot"), [w.money(r.pilot_annual_benefit) for r in results]),
        # As exact as four places allow (9.375, never 9.38): the factor the benefit is multiplied by.
        (_("× scale-up to audience (R)"), [w.number(r.scale, decimals_of(round(r.scale, 4), 4)
                                                    if r.scale is not None else 2) for r in results]),
        (_("Annual benefit, roll-out"), [w.money(r.rollout_annual_benefit) for r in results]),
    ]
    for label, cells in rows:
        add_row(table, label, *cells)
    # Nothing put in money is not a loss: it says so, as the deck does, not "ROI -100%".
    summary = Text.assemble(
        (_("Pilot group's annual benefit") + " ", "bold"),
        w.money(p.benefit) if p.monetised else unpriced,
        ("  ·  " + _("pilot cost") + " ", "bold"), w.money(p.cost),
        ("  ·  " + _("ROI") + " ", "bold"), w.percent(p.roi_pct) if p.monetised else unpriced)
    return group(title, table, summary, *(plain(n, style="dim") for n in notes))


def _initiatives_table(loaded: LoadedStrategy, figures: Figures, w: Formatter,
                       notes: list[str], words: NullTranslations) -> Group:
    _ = words.gettext
    table = split_table()
    add_column(table, "", no_wrap=True)
    initiatives = [(i, figures.initiatives[i.id]) for i in loaded.strategy.initiatives]
    for initiative, _f in initiatives:
        add_column(table, initiative.title, justify="right", max_width=26)
    unpriced, none = _("not priced"), _("n/a")

    def priced(text: str, f: InitiativeFigures, unpriced: str = none) -> str:
        return text if f.monetised else unpriced  # nothing put in money is not a loss

    rows: list[tuple[str, list[str]]] = [
        (_("People reached"), [w.number(f.headcount) for _i, f in initiatives]),
        (_("Annual benefit"), [priced(w.money(f.rollout_benefit), f, unpriced) for _i, f in initiatives]),
        (_("One-off cost"), [w.money(f.one_off) for _i, f in initiatives]),
        (_("Per-year cost"), [w.money(f.per_year) for _i, f in initiatives]),
        (_("Per-participant cost"),
         [f"{w.rate(f.per_participant)} × {w.number(f.headcount)}" for _i, f in initiatives]),
        (_("Total cost, fully loaded") if all(f.fully_loaded for _i, f in initiatives) else
         _("Total cost"), [w.money(f.rollout_cost) for _i, f in initiatives]),
        (_("ROI"), [priced(w.percent(f.roi_pct), f, unpriced) for _i, f in initiatives]),
        (_("Benefit-cost ratio"), [priced(w.number(f.bcr, 2), f, unpriced) for _i, f in initiatives]),
        (_("Payback"), [priced(months(w, f.payback_months, words), f) for _i, f in initiatives]),
        (_("Share of effect to break even"),
         [w.percent(None if f.break_even_share is None else f.break_even_share * 100)
          for _i, f in initiatives]),
        (_("ROI if half the effect holds"), [priced(w.percent(f.roi_pct_at_half), f, unpriced)
                                             for _i, f in initiatives]),
    ]
    for label, cells in rows:
        add_row(table, label, *cells)
    return group(heading(_("Roll-out: first year, whole audience")), table,
                 *(plain(n, style="dim") for n in notes))
