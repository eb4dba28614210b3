"""The Inputs sheet: every number the figures are made from, each with the file and line it was written on.

A value the strategy leaves to its default (isolation, confidence, retention of 1)
is an input too, marked "default", so a finance reader can change it like any other.
"""

from __future__ import annotations

from buyin_cli.errors import display_path
from buyin_cli.load.sourcemap import Path_
from buyin_cli.present.workbook.cells import Book, Cell, Key, Sheet, Style, headers, text


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
        sheet.line(text(label), Cell(value, None, style), text(unit), text(source, "source"))

    for k, m in enumerate(book.strategy.metrics):
        for name in ("baseline", "target", "actual"):
            if getattr(m, name) is not None:
                put(("metric", m.id, name), f"{m.id}: {name}", getattr(m, name), m.unit,
                    "number", ("metrics", k, name))
        if m.value_per_unit is not None:
            put(("metric", m.id, "value_per_unit"), f"{m.id}: value per unit",
                m.value_per_unit, f"{book.f.currency} per unit ({m.unit})", "rate",
                ("metrics", k, "value_per_unit"))
        for n, past in enumerate(m.history):  # what the trend and the observed change are made of
            put(("reading", m.id, str(n)), f"{m.id}: reading {past.period}", past.value, m.unit,
                "number", ("metrics", k, "history", n, "value"))
    for k, a in enumerate(book.strategy.audiences):
        put(("audience", a.id, "headcount"), f"{a.id}: headcount", a.headcount, "people",
            "count", ("audiences", k, "headcount"))
    for i, p in enumerate(book.strategy.pilots):
        put(("pilot", p.id, "participants"), f"{p.id}: participants", p.participants,
            "people", "count", ("pilots", i, "participants"))
        put(("pilot", p.id, "cost"), f"{p.id}: cost", p.cost, book.f.currency, "money",
            ("pilots", i, "cost"))
        for j, res in enumerate(p.results):
            at = ("pilots", i, "results", j)
            name = f"{p.id} · {res.metric}"
            for reading in ("before", "after", "control_before", "control_after"):
                if getattr(res, reading) is not None:
                    put(("result", p.id, res.metric, reading), f"{name}: {reading}",
                        getattr(res, reading), f"per {res.per}", "number", at + (reading,))
            for share in ("isolation", "confidence"):
                given = getattr(res, share)
                put(("result", p.id, res.metric, share), f"{name}: {share}",
                    1.0 if given is None else given, "share of the change, 0–1", "number",
                    at + (share,) if given is not None else None)
            r = book.f.pilots[p.id].results.get(res.metric)
            if r is not None:
                put(("result", p.id, res.metric, "periods"), f"{name}: periods a year",
                    r.periods, f"readings per {res.per}", "count", at + ("per",))
    for j, x in enumerate(book.strategy.initiatives):
        for n, cost in enumerate(x.costs):
            put(("cost", x.id, str(n)), f"{x.id}: {cost.item}", cost.amount,
                f"{book.f.currency}, {cost.kind}",
                "rate" if cost.kind == "per-participant" else "money",
                ("initiatives", j, "costs", n, "amount"))
        for n, t in enumerate(x.tracking):
            for name in ("enrolled", "completed"):
                put(("tracking", x.id, str(n), name), f"{x.id}: {name} by {t.period}",
                    getattr(t, name), "people", "count", ("initiatives", j, "tracking", n, name))
        put(("initiative", x.id, "retention"), f"{x.id}: retention", x.retention,
            "share of the benefit kept each later year", "number",
            ("initiatives", j, "retention") if "retention" in x.model_fields_set else None)
    return sheet


