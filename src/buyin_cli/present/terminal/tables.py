"""The pieces every `buyin roi` table is made of, and the tables of the years ahead and of
actual against forecast."""

from __future__ import annotations

from gettext import NullTranslations
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from buyin_cli.figures.compute import Figures, InitiativeFigures
from buyin_cli.load.models import Initiative
from buyin_cli.load.strategy import LoadedStrategy
from buyin_cli.present.numbers import Formatter
from buyin_cli.present.said import years_shown
from buyin_cli.present.terminal.plaindraw import PlainLines, PlainTable
from buyin_cli.present.terminal.split import SplitTable
from buyin_cli.words import printable


def new_table() -> PlainTable:
    """A table of text under a rule, drawn plainly where it can be (plaindraw.py), else by rich."""
    return PlainTable()


def split_table() -> SplitTable:
    """A table of labelled rows by column that splits by columns rather than crop one."""
    return SplitTable()


def group(*items: RenderableType) -> Group:
    """Renderables one after another; a text that fits on its line is drawn plainly."""
    return Group(*(PlainLines(item) if isinstance(item, Text) else item for item in items))


def plain(words: str, style: str = "") -> Text:
    """Text as written, never read as markup, on one line: names and notes come from the strategy."""
    return Text(printable(words), style=style)


def add_column(grid: PlainTable | SplitTable, header: str, **options: Any) -> None:
    grid.add_column(header, **options)


def add_row(grid: PlainTable | SplitTable, *cells: str) -> None:
    grid.add_row(*cells)


def heading(words: str) -> Text:
    # A line of its own rather than the table's title, which would wrap at the table's width.
    return plain(words, style="bold")


def months(w: Formatter, value: float | None, words: NullTranslations | None = None) -> str:
    _ = (words or NullTranslations()).gettext
    return _("never") if value is None else _("%(months)s months") % {"months": w.number(value, 1)}


def per_word(per: str | None, words: NullTranslations) -> str:
    """The period a reading covers ("week"), in the strategy's language."""
    _ = words.gettext
    said = {"week": _("week"), "month": _("month"), "quarter": _("quarter"), "year": _("year")}
    return said.get(per or "", per or "")


def observed_table(loaded: LoadedStrategy, figures: Figures, w: Formatter,
                   words: NullTranslations | None = None) -> Group:
    """Each launched roll-out's forecast improvement beside the one seen since the launch."""
    _ = (words or NullTranslations()).gettext
    initiatives, metrics = loaded.strategy.index.initiatives, loaded.strategy.index.metrics
    table = new_table()
    add_column(table, "", max_width=30)
    add_column(table, _("Forecast"), justify="right")
    add_column(table, _("Observed"), justify="right")
    add_column(table, _("Readings"), max_width=28)
    a_period = {"week": _("%(value)s a week"), "month": _("%(value)s a month"),
                "quarter": _("%(value)s a quarter"), "year": _("%(value)s a year")}
    for initiative_id, observed in figures.observed.items():
        for o in observed:
            metric = metrics[o.metric_id]
            before = o.before_period or _("baseline")
            add_row(table, f"{initiatives[initiative_id].title}: {metric.name} ({metric.unit})",
                    a_period.get(o.per, "%(value)s") % {"value": w.number(o.forecast)},
                    w.number(o.observed),
                    _("%(before)s (%(when)s) to %(after)s (%(then)s)") % {
                        "before": w.number(o.before), "when": before, "after": w.number(o.after),
                        "then": o.after_period})
    return group(heading(_("Actual against forecast, since each launch")), table,
                 Text(_("Forecast: the roll-out improvement the figures assume (attributable × "
                        "R). Observed: the change in the metric since the launch, in its better "
                        "direction; observed, not isolated: everything that moved the metric."),
                      style="dim"))


def years_table(initiative: Initiative, f: InitiativeFigures, w: Formatter,
                words: NullTranslations | None = None) -> Group:
    """An initiative's horizon, year by year; the first year stays the headline."""
    _ = (words or NullTranslations()).gettext
    unpriced = _("not priced")
    table = split_table()
    add_column(table, "", no_wrap=True)
    for y in f.years:
        add_column(table, _("Year %(year)s") % {"year": y.year}, justify="right", no_wrap=True)
    # Each year as the difference of the rounded running totals, as the deck's table shows it:
    # the years add up, as shown, to the horizon's total (adding_up).
    shown = years_shown(f.years)
    rows = [(_("Benefit"), [w.money(s.benefit) if f.monetised else unpriced for s in shown]),
            (_("Cost"), [w.money(s.cost) for s in shown])]
    if f.monetised:  # a net of costs alone would read as a loss, not as "not priced"
        rows.append((_("Cumulative net"), [w.money(s.running_net) for s in shown]))
    if f.discount_rate and f.monetised:
        rows.append((_("Net in today's money (%(rate)s a year)") % {"rate": w.percent(f.discount_rate * 100)},
                     [w.money(s.today) for s in shown]))
    for label, cells in rows:
        add_row(table, label, *cells)
    kept = w.percent(f.retention * 100)
    if "retention" not in initiative.model_fields_set:
        kept += " " + _("(no retention given: this assumes no decay)")
    summary = Text.assemble(
        (_("ROI over %(years)s years") % {"years": f.horizon_years} + " ", "bold"),
        w.percent(f.horizon_roi_pct) if f.monetised else unpriced,
        ("  ·  " + _("NPV") + " ", "bold"), w.money(f.npv) if f.monetised else unpriced,
        ("  ·  " + _("benefit kept each later year") + " ", "bold"), kept)
    rate = ("" if f.discount_rate else " " + _("The NPV counts later years at full value: no "
                                               "discount_rate is given."))
    return group(heading(_("%(title)s: %(years)s years") % {"title": initiative.title, "years": f.horizon_years},),
                 table, summary, Text(_("The first year's figures above are the headline.") + rate, style="dim"))
