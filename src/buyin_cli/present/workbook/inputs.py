"""The Inputs sheet: every number the figures are made from, each with the file and line it was written on.

A value the strategy leaves to its default (isolation, confidence, retention of 1,
a discount rate of 0) is an input too, marked "default", so a finance reader can
change it like any other; so is the share of the pilot effect the sensitivity
assumes holds (a half). Each input has a defined name, which the formulas use.
Fractions are percentages, formatted as such, throughout the workbook.
"""

from __future__ import annotations

from collections.abc import Callable

from buyin_cli.errors import display_path
from buyin_cli.figures.compute import PERIODS_PER_YEAR
from buyin_cli.load.models import Result
from buyin_cli.load.sourcemap import Path_
from buyin_cli.present.workbook.cells import Book, Cell, Key, Sheet, Style, headers, text

# How the sheet writes one input: its key, label, value, unit, style and where it was written.
Put = Callable[[Key, str, float, str, Style, "Path_ | None"], None]

HALF = 0.5  # the share of the pilot effect the sensitivity assumes holds at roll-out


def inputs_sheet(book: Book) -> Sheet:
    """Every number the figures are made from, with the file and line it was written on."""
    sheet = Sheet("Inputs", (56, 14, 34, 44))
    sheet.line(text(f"{book.strategy.organisation}: the inputs of every figure, in "
                     f"{book.f.currency}; change a value and the figures follow", "title"))
    sheet.line(*headers("Input", "Value", "Unit", "Source"))

    def put(key: Key, label: str, value: float, unit: str, style: Style,
            path: Path_ | None) -> None:
        where = book.sources.at(path) if path is not None else None
        # A workbook's cell is named as a spreadsheet names it; a text file's by its line (row).
        source = ("default" if where is None else str(where) if where.sheet is not None
                  else f"{display_path(where.file)}:{where.line}")
        row = sheet.row
        book.where[key] = sheet.ref(row, 1)
        book.name(key, sheet.ref(row, 1))
        sheet.line(text(label), Cell(value, None, style), text(unit), text(source, "source"))

    given = book.strategy.model_fields_set
    put(("strategy", "discount_rate"), "Discount rate a year (for the NPV)",
        book.strategy.discount_rate, "a year", "share",
        ("discount_rate",) if "discount_rate" in given else None)
    put(("strategy", "effect_held"), "Share of the pilot effect that holds (sensitivity)",
        HALF, "of the pilot effect, at roll-out", "share", None)
    for k, m in enumerate(book.strategy.metrics):
        for name in ("baseline", "target", "actual"):
            if getattr(m, name) is not None:
                put(("metric", m.id, name), f"{m.name}: {name}", getattr(m, name), m.unit,
                    "number", ("metrics", k, name))
        if m.value_per_unit is not None:
            put(("metric", m.id, "value_per_unit"), f"{m.name}: value per unit",
                m.value_per_unit, f"{book.f.currency} per unit ({m.unit})", "rate",
                ("metrics", k, "value_per_unit"))
        if m.per is not None:
            put(("metric", m.id, "periods"), f"{m.name}: readings a year",
                PERIODS_PER_YEAR[m.per], f"one reading per {m.per}", "count",
                ("metrics", k, "per"))
        for n, past in enumerate(m.history):  # what the trend and the observed change are made of
            put(("reading", m.id, str(n)), f"{m.name}: reading {past.period}", past.value, m.unit,
                "number", ("metrics", k, "history", n, "value"))
    for k, a in enumerate(book.strategy.audiences):
        put(("audience", a.id, "headcount"), f"{a.name}: headcount", a.headcount, "people",
            "count", ("audiences", k, "headcount"))
    metrics = book.strategy.index.metrics
    for i, p in enumerate(book.strategy.pilots):
        put(("pilot", p.id, "participants"), f"Pilot {p.group}: participants", p.participants,
            "people", "count", ("pilots", i, "participants"))
        put(("pilot", p.id, "cost"), f"Pilot {p.group}: cost", p.cost, book.f.currency, "money",
            ("pilots", i, "cost"))
        for j, res in enumerate(p.results):
            _result_inputs(book, put, p.id, f"{p.group} · {metrics[res.metric].name}",
                           res, ("pilots", i, "results", j))
    for j, x in enumerate(book.strategy.initiatives):
        for n, cost in enumerate(x.costs):
            put(("cost", x.id, str(n)), f"{x.title}: {cost.item}", cost.amount,
                f"{book.f.currency}, {cost.kind}"
                + (f", {cost.category}" if cost.category else ""),
                "rate" if cost.kind == "per-participant" else "money",
                ("initiatives", j, "costs", n, "amount"))
        for n, t in enumerate(x.tracking):
            for name in ("enrolled", "completed"):
                put(("tracking", x.id, str(n), name), f"{x.title}: {name} by {t.period}",
                    getattr(t, name), "people", "count", ("initiatives", j, "tracking", n, name))
        put(("initiative", x.id, "retention"), f"{x.title}: retention", x.retention,
            "of the benefit kept each later year", "share",
            ("initiatives", j, "retention") if "retention" in x.model_fields_set else None)
    return sheet


def _result_inputs(book: Book, put: Put, pid: str, name: str, res: Result, at: Path_) -> None:
    """A result's readings, how its effect is isolated, and how many readings make a year."""
    for reading in ("before", "after", "control_before", "control_after", "trend_after"):
        if getattr(res, reading) is not None:
            put(("result", pid, res.metric, reading), f"{name}: {reading.replace('_', ' ')}",
                getattr(res, reading), f"per {res.per}", "number", at + (reading,))
    if res.estimates:
        for n, estimate in enumerate(res.estimates):
            for part in ("share", "confidence"):
                put(("result", pid, res.metric, f"estimate_{n + 1}_{part}"),
                    f"{name}: participant estimate {n + 1}, {part}", getattr(estimate, part),
                    "of the change" if part == "share" else "sure of the share", "share",
                    at + ("estimates", n, part))
    else:
        for share in ("isolation", "confidence"):
            given = getattr(res, share)
            put(("result", pid, res.metric, share), f"{name}: {share}",
                1.0 if given is None else given,
                "of the change due to the learning" if share == "isolation"
                else "sure of the isolation", "share", at + (share,) if given is not None else None)
    r = book.f.pilots[pid].results.get(res.metric)
    if r is not None:
        put(("result", pid, res.metric, "periods"), f"{name}: readings a year", r.periods,
            f"one reading per {res.per}", "count", at + ("per",))
