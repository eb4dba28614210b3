"""More structure for the seeded strategies: what the format grew after strategy_maker was written.

`make_case(seed)` is `make_strategy(seed)` with, drawn from a generator of its own (so
`make_strategy(seed)` stays what it was and its old findings reproduce): pilots whose
results isolate by the pre-pilot trend (`trend_after`, the metric's history showing that
trend) or by participants' own `estimates`; a `discount_rate` with initiatives that look
2–5 years ahead and cost something every year; participants' time as a cost line; a
metric's history and a roll-out's tracking read from an export written beside the
strategy (a CSV in comma or German semicolon form, or a workbook), the roll-out set
against the sponsor's targets; a comparison group that moved as much as the pilot;
intangibles, behaviour observed after only, a deck language other than the locale's; and,
once `check` has reviewed the strategy, `accept_raised` accepts some of the warnings it
raised with a written reason, on the item the warning names, as the format allows
(`drop_unfired` takes back one another acceptance made moot).
"""

from __future__ import annotations

import io
import random
from typing import Any

import xlsxwriter

from strategy_maker import make_strategy

# Warnings that may fairly be accepted on the item their message names first.
ACCEPTABLE = {"W103", "W104", "W301", "W303", "W304", "W307", "W308", "W310", "W311", "W313",
              "W316", "W317", "W318"}
# The reasons given, by the warning they accept (a reason for another code where none is its own).
REASONS = {
    "en": {"W307": "The baseline covers the day shift only, so the roll-out figure is an upper bound",
           "W301": "Every team took part at once; no comparison group exists",
           "W103": "Deliberate: a leading indicator, its money shows up elsewhere",
           "": "Checked with Finance, line by line, in the September review"},
    "de": {"W307": "Die Ausgangswerte stammen nur aus der Frühschicht; die Zahl ist eine Obergrenze",
           "W301": "Alle Teams nahmen zugleich teil, eine Vergleichsgruppe gibt es nicht",
           "W103": "Bewusst so: ein Frühindikator, sein Geldwert zeigt sich anderswo",
           "": "Mit dem Controlling Zeile für Zeile geprüft, im Septemberbericht"},
}
TIME = {"en": ["Participants' time, two hours at {sign}38", "Participants' time away from the line"],
        "de": ["Arbeitszeit der Teilnehmenden, zwei Stunden zu 38 {sign}",
               "Ausfallzeit der Teilnehmenden"]}
YEARLY = {"en": ["Licence, per year", "Refresher sessions every year"],
          "de": ["Lizenz, jährlich", "Jährliche Auffrischung"]}
SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}
Files = dict[str, bytes]


def make_case(seed: int) -> tuple[dict[str, Any], Files]:
    """The strategy of `seed` with the newer structure, and the data files it names (path → bytes)."""
    strategy = make_strategy(seed)
    rng = random.Random(f"structure-{seed}")
    lang = "de" if strategy["locale"].startswith("de") else "en"
    sign = SIGNS[strategy["currency"]]
    metrics = {m["id"]: m for m in strategy["metrics"]}
    for pilot in strategy["pilots"]:
        for result in pilot["results"]:
            _isolate(rng, result, metrics[result["metric"]], pilot["start"])
    for initiative in strategy["initiatives"]:
        _cost_more(rng, initiative, lang, sign)
    if rng.random() < 0.4:
        strategy["discount_rate"] = rng.choice([0.03, 0.05, 0.08, 0.1])
    _observed_more(random.Random(f"observed-{seed}"), strategy, lang)
    _matched(random.Random(f"matched-{seed}"), strategy)
    files: Files = {}
    for metric in strategy["metrics"]:
        if metric.get("history") and rng.random() < 0.5:
            metric["history"] = _exported(rng, metric["history"], ("period", "value"), lang,
                                          files, f"data/{metric['id']}.csv")
    for initiative in strategy["initiatives"]:
        if rng.random() < 0.25:
            _tracked(rng, strategy, initiative, lang, files)
    return strategy, files


SEEN = {"en": ["Calmer handovers", "Fewer escalations to the team leads, by their own account"],
        "de": ["Ruhigere Übergaben", "Weniger Eskalationen an die Teamleitungen, nach eigener Aussage"]}


def _observed_more(rng: random.Random, strategy: dict[str, Any], lang: str) -> None:
    """Benefits seen but never priced; behaviour observed after only; now and then a deck in
    the other language than its locale's (a German plant that briefs in English)."""
    for pilot in strategy["pilots"]:
        if rng.random() < 0.3:
            pilot["intangibles"] = rng.sample(SEEN[lang], rng.randint(1, 2))
        for behaviour in pilot.get("application", []):
            if rng.random() < 0.3:
                del behaviour["before"]
                behaviour["source"] = "QA sampling, 40 observations"
    if rng.random() < 0.15:
        strategy["language"] = "en-GB" if lang == "de" else "de"


def _matched(rng: random.Random, strategy: dict[str, Any]) -> None:
    """Now and then a comparison group that improved as much as the pilot: nothing is credited."""
    for pilot in strategy["pilots"]:
        for result in pilot["results"]:
            if "control_before" in result and rng.random() < 0.15:
                result["control_before"], result["control_after"] = result["before"], result["after"]


def _isolate(rng: random.Random, result: dict[str, Any], metric: dict[str, Any],
             start: str) -> None:
    """Isolate a result by the pre-pilot trend or by participants' estimates, now and then."""
    draw = rng.random()
    if draw < 0.25 and "control_before" not in result:
        before, after = result["before"], result["after"]
        share = rng.choice([-0.15, 0.1, 0.2, 0.35])  # what the trend would have done anyway
        # As a spreadsheet's trend line projects it: to a few decimals, or to as many as it has.
        result["trend_after"] = round(before + (after - before) * share, rng.choice([1, 2, 6]))
        if not metric.get("history"):
            metric["history"] = _trend(metric, share, start)
    elif draw < 0.45:
        result.pop("isolation", None)
        result.pop("confidence", None)
        result["estimates"] = [{"share": rng.choice([0.3, 0.5, 0.6, 0.75, 0.9]),
                                "confidence": rng.choice([0.5, 0.7, 0.8, 0.95])}
                               for _ in range(rng.choice([1, 3, 5]))]


def _trend(metric: dict[str, Any], share: float, start: str) -> list[dict[str, Any]]:
    """Six months before the pilot, a straight line into the baseline in the trend's direction."""
    year, month = int(start[:4]), int(start[5:7])
    baseline, step = metric["baseline"], (metric["target"] - metric["baseline"]) * share / 6
    periods = [(year * 12 + month - 1 - k) for k in range(6, 0, -1)]
    return [{"period": f"{p // 12}-{p % 12 + 1:02d}",
             "value": round(baseline - step * (len(periods) - 1 - n), 2)}
            for n, p in enumerate(periods)]


def _cost_more(rng: random.Random, initiative: dict[str, Any], lang: str, sign: str) -> None:
    """Participants' time as its own line; a yearly cost over a horizon of several years."""
    zero = all(c["amount"] == 0 for c in initiative["costs"])
    if rng.random() < 0.35:
        line = {"item": rng.choice(TIME[lang]).format(sign=sign),
                "amount": 0 if zero else rng.choice([76, 150, 420]), "kind": "per-participant"}
        if rng.random() < 0.7:
            line["category"] = "participants-time"
        initiative["costs"].append(line)
    if rng.random() < 0.3:
        initiative["horizon_years"] = rng.choice([2, 3, 5])
        initiative["retention"] = rng.choice([0.5, 0.75, 0.9, 1])
        if rng.random() < 0.6:
            initiative["costs"].append({"item": rng.choice(YEARLY[lang]),
                                        "amount": 0 if zero else rng.choice([2400, 12000]),
                                        "kind": "per-year"})


def _tracked(rng: random.Random, strategy: dict[str, Any], initiative: dict[str, Any],
             lang: str, files: Files) -> None:
    """The roll-out's uptake since its launch, from an LMS export; the sponsor's targets."""
    headcount = sum(a["headcount"] for a in strategy["audiences"]
                    if a["id"] in initiative["audiences"])
    months = ["2025-06", "2025-07", "2025-08"][:rng.randint(1, 3)]  # before the meetings of September
    rows = [{"period": p, "enrolled": round(headcount * (n + 1) / 3),
             "completed": round(headcount * (n + 1) / 3 * rng.uniform(0.4, 0.9))}
            for n, p in enumerate(months)]
    initiative["launch"] = "2025-06-02"
    initiative["tracking"] = _exported(rng, rows, ("period", "enrolled", "completed"), lang,
                                       files, f"data/{initiative['id']}-lms.csv")
    sponsor = strategy.get("sponsor")
    if sponsor is not None and "usage_targets" not in sponsor:
        sponsor["usage_targets"] = [{"period": months[-1], "completion": 0.8}] + (
            [{"period": "2025-12", "completion": 0.95}] if rng.random() < 0.5 else [])


HEADERS = {"en": {"period": "Month", "value": "Reading", "enrolled": "Enrolled",
                  "completed": "Completed"},
           "de": {"period": "Monat", "value": "Wert", "enrolled": "Angemeldet",
                  "completed": "Abgeschlossen"}}


def _exported(rng: random.Random, rows: list[dict[str, Any]], keys: tuple[str, ...], lang: str,
              files: Files, path: str) -> dict[str, str]:
    """Write `rows` as a spreadsheet's CSV export at `path`, or now and then as a workbook
    beside it (its sheet named, after a sheet of notes); the data file entry that names it."""
    headers = HEADERS[lang]
    if rng.random() < 0.3:
        path = path.replace(".csv", ".xlsx")
        files[path] = _workbook(rows, keys, headers)
        return {"file": path, "sheet": "Export", **{k: headers[k] for k in keys}}
    german = lang == "de" and rng.random() < 0.7  # Excel's German "CSV UTF-8": BOM, ';', 3,5
    sep = ";" if german else ","
    lines = [sep.join(headers[k] for k in keys)]
    for row in rows:
        cells = [str(row[k]) for k in keys]
        lines.append(sep.join(c.replace(".", ",") if german and k != "period" else c
                              for k, c in zip(keys, cells)))
    text = "\n".join(lines) + "\n"
    files[path] = (b"\xef\xbb\xbf" if german else b"") + text.encode("utf-8")
    return {"file": path, **{k: headers[k] for k in keys}}


def _workbook(rows: list[dict[str, Any]], keys: tuple[str, ...], headers: dict[str, str]) -> bytes:
    """An .xlsx export of `rows`: periods as text, readings as numbers."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet("Notes").write(0, 0, "Exported for the strategy")
    sheet = book.add_worksheet("Export")
    sheet.write_row(0, 0, [headers[k] for k in keys])
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [row[k] for k in keys])
    book.close()
    return out.getvalue()


def accept_raised(seed: int, strategy: dict[str, Any], problems: list[dict[str, Any]]) -> bool:
    """Accept, on the item each names, some of the warnings `check` raised; whether any was."""
    rng = random.Random(f"accept-{seed}")
    if rng.random() < 0.5:
        return False
    lang = "de" if strategy["locale"].startswith("de") else "en"
    accepted = False
    for problem in problems:
        code = problem["code"]
        if code not in ACCEPTABLE or rng.random() < 0.5:
            continue
        item = _item(strategy, problem["message"].split(":", 1)[0])
        if item is None or code in item.get("accept", {}):
            continue
        item.setdefault("accept", {})[code] = REASONS[lang].get(code, REASONS[lang][""])
        accepted = True
    return accepted


def drop_unfired(strategy: dict[str, Any], problems: list[dict[str, Any]]) -> bool:
    """Drop the acceptances W003 says no longer fire (accepting W317 makes W307 moot there)."""
    dropped = False
    for problem in problems:
        if problem["code"] == "W003":
            where = problem["message"].split(":", 1)[0]
            item, code = _item(strategy, where), where.rsplit(".", 1)[-1]
            if item is not None and code in item.get("accept", {}):
                del item["accept"][code]
                if not item["accept"]:
                    del item["accept"]
                dropped = True
    return dropped


def _item(strategy: dict[str, Any], where: str) -> dict[str, Any] | None:
    """The item a warning's path names first: 'pilots[1].results[0]' → the second pilot."""
    head = where.split(".", 1)[0]
    if "[" not in head:
        return None
    section, index = head.rstrip("]").split("[")
    items = strategy.get(section)
    return items[int(index)] if isinstance(items, list) and index.isdigit() else None
