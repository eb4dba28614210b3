"""The Years and Sensitivity sheets: each year's money and today's, and how much of the effect must hold."""

from __future__ import annotations

from buyin_cli.figures.years import fsum
from buyin_cli.present.said import years_shown
from buyin_cli.present.workbook.cells import NA, Book, Cell, Sheet, headers, pct, text


def years_sheet(book: Book) -> Sheet:
    sheet = Sheet("Years", (30, 16, 16, 16, 18, 18))
    sheet.line(text("Year y keeps the roll-out benefit × retention^(y − 1); year 1 costs "
                     "the roll-out, later years the per-year costs; the net in today's money "
                     "is (benefit − cost) ÷ (1 + discount rate)^(y − 1), unrounded in the last "
                     "column; the one before it rounds its running total to whole units, as the "
                     "deck's table does, so its years add up to the NPV. The first year is "
                     "the headline.", "title"))
    rate = book.r("strategy", "discount_rate")
    for x in book.strategy.initiatives:
        f = book.f.initiatives[x.id]
        k = ("initiative", x.id)
        sheet.line()
        decay = ("" if "retention" in x.model_fields_set else
                 " (no retention given: this assumes no decay)")
        sheet.line(text(f"{x.title}: {f.horizon_years} "
                         f"{'year' if f.horizon_years == 1 else 'years'}{decay}", "header"))
        sheet.line(*headers("Year", "Benefit", "Cost", "Cumulative net",
                             "Net in today's money", "Unrounded"))
        first = sheet.row
        for y, shown in zip(f.years, years_shown(f.years), strict=True):
            row = sheet.row
            kept = book.r("initiative", x.id, "retention")
            benefit = (f"={book.r(*k, 'rollout_benefit')}" if y.year == 1 else
                       f"={book.r(*k, 'rollout_benefit')}*{kept}^{y.year - 1}")
            cost = book.r(*k, "rollout_cost" if y.year == 1 else "per_year")
            earlier = f"{sheet.ref(row - 1, 3)}+" if y.year > 1 else ""
            yk = k + ("year", str(y.year))
            sheet.line(Cell(y.year, None, "count"),
                       book.figure(sheet, row, 1, yk + ("benefit",), benefit, y.benefit,
                                   "money"),
                       book.figure(sheet, row, 2, yk + ("cost",), f"={cost}", y.cost, "money"),
                       book.figure(sheet, row, 3, yk + ("cumulative_net",),
                                   f"={earlier}{sheet.ref(row, 1)}-{sheet.ref(row, 2)}",
                                   y.cumulative_net, "money"),
                       Cell(shown.today, _adding_up(sheet, first, row, 5), "money"),
                       book.figure(sheet, row, 5, yk + ("discounted_net",),
                                   f"=({sheet.ref(row, 1)}-{sheet.ref(row, 2)})"
                                   f"/(1+{rate})^{y.year - 1}", y.discounted_net, "rate"))
        last = sheet.row - 1
        benefits = f"SUM({sheet.ref(first, 1)}:{sheet.ref(last, 1).split('!')[1]})"
        costs = f"SUM({sheet.ref(first, 2)}:{sheet.ref(last, 2).split('!')[1]})"
        row = sheet.row
        sheet.line(text("ROI over the horizon", "header"), None, None,
                   book.figure(sheet, row, 3, k + ("horizon_roi_pct",),
                               f'=IF({costs}=0,"{NA}",({benefits}-{costs})/{costs})',
                               pct(f.horizon_roi_pct), "share"))
        row = sheet.row
        today = f"SUM({sheet.ref(first, 4)}:{sheet.ref(last, 4).split('!')[1]})"
        discounted = f"SUM({sheet.ref(first, 5)}:{sheet.ref(last, 5).split('!')[1]})"
        sheet.line(text("Net present value", "header"), None, None, None,
                   Cell(fsum(s.today for s in years_shown(f.years)), f"={today}", "money"),
                   book.figure(sheet, row, 5, k + ("npv",), f"={discounted}", f.npv, "rate"))
    return sheet


def _adding_up(sheet: Sheet, first: int, row: int, col: int) -> str:
    """A year's net in today's money as the deck's table shows it (adding_up): the difference
    of the running totals of the unrounded column, each rounded to whole units."""
    def total(upto: int) -> str:
        return f"ROUND(SUM({sheet.ref(first, col)}:{sheet.ref(upto, col).split('!')[1]}),0)"

    return f"={total(row)}-{total(row - 1)}" if row > first else f"={total(row)}"


def sensitivity_sheet(book: Book) -> Sheet:
    sheet = Sheet("Sensitivity", (30, 18, 22))
    held = book.r("strategy", "effect_held")
    sheet.line(text("How much of the pilot effect must hold at roll-out; the share assumed to "
                     "hold is an input", "title"))
    sheet.line(*headers("Initiative", "Break-even share", "ROI if that share holds"))
    for x in book.strategy.initiatives:
        f = book.f.initiatives[x.id]
        k = ("initiative", x.id)
        b, c = book.r(*k, "rollout_benefit"), book.r(*k, "rollout_cost")
        row = sheet.row
        sheet.line(text(x.title),
                   book.figure(sheet, row, 1, k + ("break_even_share",),
                               f'=IF({b}<=0,"{NA}",{c}/{b})', f.break_even_share, "share"),
                   book.figure(sheet, row, 2, k + ("roi_pct_at_half",),
                               f'=IF({c}=0,"{NA}",({b}*{held}-{c})/{c})',
                               pct(f.roi_pct_at_half), "share"))
    return sheet
