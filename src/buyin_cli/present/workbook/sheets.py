"""The figure sheets: Metrics, Pilots and Roll-out, each cell a formula over earlier cells.

Each formula follows docs/figures.md; an undefined figure is "n/a", as its
formula gives (an IF on a zero cost or a benefit that is not positive).
"""

from __future__ import annotations

from collections.abc import Callable

from buyin_cli.figures.compute import ResultFigures
from buyin_cli.present.workbook.cells import NA, Book, Cell, Sheet, headers, pct, text


def metrics_sheet(book: Book) -> Sheet:
    sheet = Sheet("Metrics", (34, 13, 13, 13, 12, 16))
    sheet.line(text("Progress toward target = (actual − baseline) ÷ (target − baseline); the "
                     "gap's cost a year = |target − actual| × readings a year × value per unit "
                     "while the target is not met", "title"))
    sheet.line(*headers("Metric", "Baseline", "Target", "Actual", "Progress",
                         "Gap's cost a year"))
    for m in book.strategy.metrics:
        b, t = book.r("metric", m.id, "baseline"), book.r("metric", m.id, "target")
        a = book.r("metric", m.id, "actual") if m.actual is not None else b
        row = sheet.row
        mf = book.f.metrics[m.id]
        gap = None
        if mf.gap_annual_cost is not None:
            worse = f"{a}<{t}" if m.better == "higher" else f"{a}>{t}"
            gap = book.figure(sheet, row, 5, ("metric", m.id, "gap_annual_cost"),
                              f"=IF({worse},ABS({t}-{a})*{book.r('metric', m.id, 'periods')}"
                              f"*{book.r('metric', m.id, 'value_per_unit')},0)",
                              mf.gap_annual_cost, "money")
        sheet.line(text(m.name), Cell(mf.baseline, f"={b}", "number"),
                   Cell(mf.target, f"={t}", "number"), Cell(mf.actual, f"={a}", "number"),
                   book.figure(sheet, row, 4, ("metric", m.id, "progress_pct"),
                               f'=IF({t}={b},"{NA}",({a}-{b})/({t}-{b}))',
                               pct(mf.progress_pct), "share"), gap)
    return sheet


def pilots_sheet(book: Book) -> Sheet:
    sheet = Sheet("Pilots", (30, 24, 9, 13, 13, 10, 11, 13, 10, 13, 16, 11, 18))
    sheet.line(text("Each result: attributable = (improvement − control or trend) × isolation "
                     "× confidence (participants' estimates: the mean of share × confidence); "
                     "annual benefit = attributable × periods × value; roll-out = annual "
                     "benefit × R", "title"))
    sheet.line(*headers("Pilot", "Metric", "Per", "Improvement", "Control or trend change",
                         "Isolation", "Confidence", "Attributable", "Periods a year",
                         "Value per unit", "Pilot annual benefit", "Scale-up R",
                         "Roll-out annual benefit"))
    metrics, initiatives = book.strategy.index.metrics, book.strategy.index.initiatives
    for p in book.strategy.pilots:
        heads = "+".join(book.r("audience", a, "headcount")
                         for a in initiatives[p.initiative].each_audience
                         if ("audience", a, "headcount") in book.where) or "0"
        for mid, r in book.f.pilots[p.id].results.items():
            _result_row(book, sheet, p.group, metrics[mid].name, r,
                        metrics[mid].better == "higher", heads)
    sheet.line()
    sheet.line(*headers("Pilot", "Benefit", "Cost", "ROI"))
    for p in book.strategy.pilots:
        pf = book.f.pilots[p.id]
        row = sheet.row
        cells = [book.where[("result", p.id, mid, "pilot_annual_benefit")]
                 for mid in pf.results]
        benefit = book.figure(sheet, row, 1, ("pilot", p.id, "benefit"),
                              f"=SUM({','.join(cells)})" if cells else "=0", pf.benefit,
                              "money")
        b, c = sheet.ref(row, 1), book.r("pilot", p.id, "cost")
        sheet.line(text(p.group), benefit, Cell(pf.cost, f"={c}", "money"),
                   book.figure(sheet, row, 3, ("pilot", p.id, "roi_pct"),
                               f'=IF({c}=0,"{NA}",({b}-{c})/{c})', pct(pf.roi_pct), "share")
                   if pf.monetised else book.not_priced(sheet, row, 3, ("pilot", p.id, "roi_pct")))
    return sheet


def _result_row(book: Book, sheet: Sheet, group: str, metric: str, r: ResultFigures,
                higher: bool, heads: str) -> None:
    row = sheet.row
    pid, mid = r.pilot_id, r.metric_id
    ref: Callable[[str], str] = lambda name: book.r("result", pid, mid, name)  # noqa: E731
    at: Callable[[int], str] = lambda col: sheet.ref(row, col)  # noqa: E731
    key = ("result", pid, mid)

    def change(before: str, after: str) -> str:
        return f"={after}-{before}" if higher else f"={before}-{after}"

    control = (change(ref("control_before"), ref("control_after")) if r.has_control
               else change(ref("before"), ref("trend_after")) if r.has_trend else "=0")
    if r.estimated:  # the mean of each participant's share × confidence
        products = "+".join(f"{ref(f'estimate_{n}_share')}*{ref(f'estimate_{n}_confidence')}"
                            for n in range(1, len(r.estimates) + 1))
        isolation = Cell(r.isolation, f"=({products})/{len(r.estimates)}", "share")
        confidence = Cell(r.confidence, "=1", "share")
    else:
        isolation = Cell(r.isolation, f"={ref('isolation')}", "share")
        confidence = Cell(r.confidence, f"={ref('confidence')}", "share")
    value = book.where.get(("metric", mid, "value_per_unit"))
    priced = value is not None
    cells = [
        text(group), text(metric), text(r.per),
        book.figure(sheet, row, 3, key + ("improvement",), change(ref("before"), ref("after")),
                    r.improvement, "number"),
        book.figure(sheet, row, 4, key + ("control_improvement",), control,
                    r.control_improvement, "number"),
        isolation, confidence,
        book.figure(sheet, row, 7, key + ("attributable",),
                    f"=({at(3)}-{at(4)})*{at(5)}*{at(6)}", r.attributable, "number"),
        Cell(r.periods, f"={ref('periods')}", "count"),
        Cell(r.value_per_unit, f"={book.r('metric', mid, 'value_per_unit')}", "rate")
        if priced else text("not priced"),
        book.figure(sheet, row, 10, key + ("pilot_annual_benefit",),
                    f"={at(7)}*{at(8)}*{at(9)}" if priced else f'="{NA}"',
                    r.pilot_annual_benefit, "money"),
        book.figure(sheet, row, 11, key + ("scale",),
                    f"=({heads})/{book.r('pilot', pid, 'participants')}", r.scale, "ratio"),
        book.figure(sheet, row, 12, key + ("rollout_annual_benefit",),
                    f"={at(10)}*{at(11)}" if priced else f'="{NA}"',
                    r.rollout_annual_benefit, "money"),
    ]
    sheet.line(*cells)


def rollout_sheet(book: Book) -> Sheet:
    sheet = Sheet("Roll-out", (26, 11, 13, 13, 15, 15, 16, 10, 10, 12))
    sheet.line(text("First year, whole audience: cost = one-off + per-year + "
                     "per-participant × headcount", "title"))
    sheet.line(*headers("Initiative", "Headcount", "One-off", "Per-year",
                         "Per participant", "Roll-out cost", "Roll-out benefit", "ROI",
                         "BCR", "Payback (months)"))
    for x in book.strategy.initiatives:
        f = book.f.initiatives[x.id]
        row = sheet.row
        at: Callable[[int], str] = lambda col: sheet.ref(row, col)  # noqa: E731, B023 - used in this iteration

        def total(kind: str) -> str:
            refs = [book.r("cost", x.id, str(n)) for n, c in enumerate(x.costs)  # noqa: B023 - as above
                    if c.kind == kind]
            return f"=SUM({','.join(refs)})" if refs else "=0"

        heads = [book.r("audience", a, "headcount") for a in x.each_audience
                 if ("audience", a, "headcount") in book.where]
        used = [book.r("result", u.pilot_id, u.metric_id, "rollout_annual_benefit")
                for u in f.results_used]
        k = ("initiative", x.id)
        b, c = at(6), at(5)
        sheet.line(
            text(x.title),
            book.figure(sheet, row, 1, k + ("headcount",),
                        f"=SUM({','.join(heads)})" if heads else "=0", f.headcount, "count"),
            book.figure(sheet, row, 2, k + ("one_off",), total("one-off"), f.one_off, "money"),
            book.figure(sheet, row, 3, k + ("per_year",), total("per-year"), f.per_year,
                        "money"),
            book.figure(sheet, row, 4, k + ("per_participant",), total("per-participant"),
                        f.per_participant, "rate"),
            book.figure(sheet, row, 5, k + ("rollout_cost",),
                        f"={at(2)}+{at(3)}+{at(4)}*{at(1)}", f.rollout_cost, "money"),
            book.figure(sheet, row, 6, k + ("rollout_benefit",),
                        f"=SUM({','.join(used)})" if used else "=0", f.rollout_benefit,
                        "money"),
            book.figure(sheet, row, 7, k + ("roi_pct",),
                        f'=IF({c}=0,"{NA}",({b}-{c})/{c})', pct(f.roi_pct), "share")
            if f.monetised else book.not_priced(sheet, row, 7, k + ("roi_pct",)),
            book.figure(sheet, row, 8, k + ("bcr",), f'=IF({c}=0,"{NA}",{b}/{c})', f.bcr,
                        "ratio") if f.monetised else book.not_priced(sheet, row, 8, k + ("bcr",)),
            book.figure(sheet, row, 9, k + ("payback_months",),
                        f'=IF({b}<=0,"{NA}",{c}/({b}/12))', f.payback_months, "months"))
    return sheet
