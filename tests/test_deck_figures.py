"""The figures slides and their charts, each finding of a cold review at its smallest case:
legends, the comparison's and the pilots' names, the totals chart, the years of one of
several initiatives, the cost categories and a level scaled up like a count."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from conftest import dump, invoke
from deck_helpers import read_deck
from test_readiness import _second_initiative, base


def deck(tmp_path: Path, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The one briefing's deck of `data`, read back."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    briefed = invoke(["brief", str(path), "-o", str(tmp_path / "out")])
    assert briefed.exit_code == 0, briefed.output
    return read_deck(tmp_path / "out" / "b1.pptx")


def charts(slides: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(s, c) for s in slides for c in s["charts"]]


def test_a_pilot_against_its_comparison_group_names_both_lines(tmp_path):
    [(_, chart)] = [(s, c) for s, c in charts(deck(tmp_path, base())) if c["series"][0][0] == "Line 2"
                    and len(c["series"]) == 2]
    assert chart["legend"]
    assert [name for name, _ in chart["series"]] == ["Line 2", "Comparison group"]


def test_a_named_comparison_group_names_the_line_and_the_slide(tmp_path):
    data = base()
    data["pilots"][0]["control_group"] = "Cardiff"
    [(slide, chart)] = [(s, c) for s, c in charts(deck(tmp_path, data)) if c["series"][0][0] == "Line 2"
                        and len(c["series"]) == 2]
    assert [name for name, _ in chart["series"]] == ["Line 2", "Cardiff"] and chart["legend"]
    # The legend names the comparison; the chart's title stays short, so a narrow (4:3) chart
    # keeps room for its plot.
    assert chart["title"] == "Defects per week"
    assert "Cardiff" in slide["title"]


def test_each_pilot_on_a_trend_chart_is_marked_with_its_group(tmp_path):
    data = base()
    data["pilots"].append({**data["pilots"][0], "id": "p2", "group": "Line 5",
                           "start": "2025-02-01", "end": "2025-04-30"})
    data["metrics"][0]["history"] = [{"period": f"2025-{m:02d}", "value": 500 - 5 * m}
                                     for m in range(1, 9)]
    slides = deck(tmp_path, data)
    [trend] = [s for s, c in charts(slides) if c["categories"][0].startswith("Jan")]
    # Each says its size against all the roll-out reaches: a 10-person pilot on a chart of the
    # whole line does not invite crediting it with the whole trend.
    assert "1  Pilot: Line 2, 10 of 100 people" in trend["texts"]
    assert "2  Pilot: Line 5, 10 of 100 people" in trend["texts"]
    assert "Pilot" not in trend["texts"]


def test_the_totals_chart_has_a_slide_a_title_a_legend_and_a_source(tmp_path):
    data = base()
    _second_initiative(data)
    data["accept"] = {"W315": "The two initiatives are costed for a test of the chart."}
    slides = deck(tmp_path, data)
    # A bar chart's data runs from the bottom bar up: its first category is drawn on top.
    [(slide, chart)] = [(s, c) for s, c in charts(slides)
                        if c["categories"] == ["Buddy", "Right first time"]]
    assert slide["table"] is None  # not squeezed under the numbers table
    assert slide["title"] == "Each roll-out brings more a year than it costs in year one"
    assert chart["title"] == "Benefit a year against cost in year one, by initiative"
    assert chart["legend"]
    assert any(t.startswith("Source: ") for t in slide["texts"])


def test_the_years_of_one_of_several_initiatives_say_whose_they_are(tmp_path):
    data = base()
    _second_initiative(data)
    long = "Right first time, with the press-line checklist, the coaching cards and the huddles"
    data["initiatives"][0].update(title=long, horizon_years=3, retention=0.8)
    slides = deck(tmp_path, data)
    [at] = [n for n, s in enumerate(slides) if s["table"] and s["table"][0][0] == "Year"]
    years = slides[at]
    # Too long with its whole title, the years' title calls it by its name.
    assert years["title"].startswith("Over 3 years, Right first time returns ")
    # Under the table, or (its title in two lines leaving it too flat there) on a page of its own after it.
    chart = years["chart"] or slides[at + 1]["chart"]
    assert chart["title"] == f"Running net of {long}, by year"


def test_the_years_with_a_discount_rate_show_the_net_present_value_the_title_says(tmp_path):
    # The title says the net present value: the table has it too, the years' nets in today's
    # money adding up to it, and their running total beside them, as the chart plots it.
    data = base()
    data["discount_rate"] = 0.1
    data["initiatives"][0].update(horizon_years=3, retention=0.8)
    slides = deck(tmp_path, data)
    [years] = [s for s in slides if s["table"] and s["table"][0][0] == "Year"]
    table = years["table"]
    assert table[0] == ["Year", "Benefit", "Cost", "Net in today's money", "Running net in today's money"]

    def money(cell: str) -> float:
        return float(re.sub(r"[^0-9.−]", "", cell).replace("−", "-"))

    nets = [money(row[3]) for row in table[1:]]
    assert sum(nets[:-1]) == nets[-1]
    npv = table[-1][3]
    assert npv in " ".join(years["texts"])  # the footnote's net present value
    running = [money(row[4]) for row in table[1:-1]]
    assert running == [sum(nets[:n + 1]) for n in range(len(running))] and running[-1] == nets[-1]
    assert years["chart"]["series"][0][1] == running  # the chart is the column beside it
    assert table[-1][4] == ""  # a running total has no total of its own
    plain = base()
    plain["initiatives"][0].update(horizon_years=3, retention=0.8)
    [years] = [s for s in deck(tmp_path / "plain", plain) if s["table"] and s["table"][0][0] == "Year"]
    assert years["table"][0] == ["Year", "Benefit", "Cost", "Running net"]


def test_cost_categories_show_and_add_up_to_the_year_one_cost(tmp_path):
    data = base()
    data["initiatives"][0]["costs"] = [
        {"item": "Build", "amount": 20000, "kind": "one-off", "category": "design"},
        {"item": "Time", "amount": 100, "kind": "per-participant", "category": "participants-time"},
        {"item": "Survey", "amount": 1500, "kind": "one-off"}]
    slides = deck(tmp_path, data)
    [costs] = [s for s in slides if s["table"] and s["table"][0][0] == "Cost"]
    assert costs["table"][0] == ["Cost", "Category", "Kind", "Quantity", "Unit cost", "Total"]
    assert [row[1] for row in costs["table"][1:4]] == ["design", "participants' time", "–"]
    [line] = [t for t in costs["texts"] if t.startswith("By category:")]
    assert line == ("By category: design £20,000 · participants' time £10,000 · not categorised "
                    "£1,500; together £31,500.")
    parts = [int(m.replace(",", "")) for m in re.findall(r"£([\d,]+)", line)]
    assert sum(parts[:-1]) == parts[-1]


def _level_scaled_up() -> dict:
    """The base strategy with its first metric a % whose pilot gained 2 points: W317's case.
    2 points × R 10 = 20: the level its money counts stays possible (else W307 stops brief)."""
    data = base()
    data["metrics"][0].update(unit="% of parts right first time", baseline=60, target=80,
                              better="higher")
    data["pilots"][0]["results"][0].update(before=60, after=62, control_before=60,
                                           control_after=60)
    return data


def test_a_level_scaled_up_like_a_count_says_so_under_its_figures(tmp_path):
    data = _level_scaled_up()
    # The caveat names the figure it qualifies and how much of the headline rests on it.
    rollout = re.compile(r"£([\d,]+) of the £([\d,]+) \((\d+)%\) comes from Defects, a share scaled up "
                         r"as if it were a count: it holds only if each group the pilot's size gains as much\.")
    pilot = ("{}% of this pilot's benefit comes from Defects, a share the roll-out scales up as if it "
             "were a count: it holds only if each group the pilot's size gains as much.")
    slides = deck(tmp_path, data)
    [numbers] = [s for s in slides if s["table"] and s["table"][0][0] == "Initiative"]
    found = [m for t in numbers["texts"] if (m := rollout.search(t))]
    assert found, numbers["texts"]
    part, whole, share = (int(g.replace(",", "")) for g in found[0].groups())
    assert share == round(100 * part / whole) and 0 < share < 100  # Downtime, a count, brings the rest
    assert any(pilot.format(share) in t for s in slides for t in s["texts"])  # the pilot's evidence
    data["pilots"][0]["accept"] = {"W317": "A point is valued for one line of ten."}
    accepted = " ".join(t for s in deck(tmp_path / "accepted", data) for t in s["texts"])
    assert "gains as much" not in accepted
    assert f"£{part:,} of the £{whole:,} ({share}%) comes from Defects, a share scaled up as if it were a count. " \
        "A point is valued for one line of ten." in accepted


def test_a_money_metric_charts_by_its_sign_with_money_on_its_axis(tmp_path):
    # "Overspend, GBP per month" over an axis of bare 2,000s beside "£41,000 a month" in the text:
    # the chart says the sign the slide says, and its numbers are money.
    data = base()
    data["metrics"][1].update(name="Overspend", unit="GBP", per="month", value_per_unit=1)
    titled = [c for _, c in charts(deck(tmp_path, data)) if c["title"].startswith("Overspend")]
    said = ("Overspend, £ per month", "Overspend, £ per week")
    assert titled and all(c["title"].removesuffix(": pilot group") in said for c in titled)
    assert all(c["number_format"] and "£" in c["number_format"] for c in titled)


def test_one_cost_category_is_not_summed_again_under_its_table(tmp_path):
    # "By category: delivery £0; together £0." said nothing the table's total did not.
    data = base()
    data["initiatives"][0]["costs"] = [
        {"item": "Build", "amount": 20000, "kind": "one-off", "category": "design"},
        {"item": "Licence", "amount": 5000, "kind": "per-year", "category": "design"}]
    [costs] = [s for s in deck(tmp_path, data) if s["table"] and s["table"][0][0] == "Cost"]
    assert costs["table"][0][1] == "Category"
    assert not [t for t in costs["texts"] if t.startswith("By category:")]


def test_a_chart_title_says_its_unit_once(tmp_path):
    # "Defects, defects per week" and "Days from start to first solo round, days" said it twice.
    data = base()
    titles = {c["title"] for _, c in charts(deck(tmp_path, data))}
    assert "Defects per week" in titles
    assert not [t for t in titles if t.startswith("Defects, defects")]


def test_an_accepted_reason_reads_as_a_sentence_of_its_own(tmp_path):
    data = _level_scaled_up()
    data["pilots"][0]["accept"] = {"W317": "a point is valued for one line of ten"}
    accepted = " ".join(t for s in deck(tmp_path, data) for t in s["texts"] + [s["notes"]])
    assert "a share scaled up as if it were a count. A point is valued for one line of ten." in accepted
    assert ": a point is valued" not in accepted and ": A point is valued" not in accepted


def test_a_chain_box_too_narrow_for_its_label_still_says_what_was_measured(tmp_path):
    from pptx import Presentation

    from buyin_cli.render.templating import shorter

    assert shorter("Final accuracy check done on every bag at peak") == [
        "Final accuracy check done on every bag", "Final accuracy check done"]
    assert shorter("Pharmacy assistant turnover") == []
    # Never inside an aside: "Rework (vehicle back" would end the label mid-bracket.
    assert shorter("Rework (vehicle back for the same fault) per month") == ["Rework (vehicle back for the same fault)"]
    assert shorter("Nacharbeiten (Fahrzeug kommt wegen desselben Fehlers zurück)") == []
    # German too: never ending on "innerhalb" ("within").
    assert shorter("Nachgespräch nach der Begleitfahrt innerhalb von drei Tagen geführt") == [
        "Nachgespräch nach der Begleitfahrt"]
    data = base()
    data["pilots"][0]["application"][0]["behaviour"] = (
        "New starter meets their named buddy every single week in the first ninety days")
    data["metrics"][0]["name"] = "Defects reaching the customer from the press line"
    tmp_path.mkdir(exist_ok=True)
    Presentation().save(str(tmp_path / "four-three.pptx"))  # 4:3: the narrowest boxes
    path = tmp_path / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    briefed = invoke(["brief", str(path), "-o", str(tmp_path / "out"),
                      "--pptx-template", str(tmp_path / "four-three.pptx")])
    assert briefed.exit_code == 0, briefed.output
    boxes = [t for s in read_deck(tmp_path / "out" / "b1.pptx") for t in s["texts"]
             if t.replace("\u00a0", " ").endswith("40% → 85%") or "\n−20%" in t]  # Impact: "−20%, 12% credited"
    assert len(boxes) == 2, boxes
    assert all(not t.startswith(("Application\n", "Impact\n")) for t in boxes), boxes
    assert any("buddy every single week" in t for t in boxes)
    assert any("defects reaching the customer" in t.lower() for t in boxes)


def test_a_pilot_mark_too_long_for_a_narrow_plot_keeps_its_size_against_the_whole(tmp_path):
    from pptx import Presentation

    data = base()
    data["pilots"][0]["group"] = "Leeds, Wakefield, York, Harrogate and Ripon stores (12)"
    data["metrics"][0]["history"] = [{"period": f"2025-{m:02d}", "value": 500 - 5 * m} for m in range(1, 9)]
    tmp_path.mkdir(exist_ok=True)
    Presentation().save(str(tmp_path / "four-three.pptx"))
    path = tmp_path / "s.yaml"
    path.write_text(dump(data), encoding="utf-8")
    briefed = invoke(["brief", str(path), "-o", str(tmp_path / "out"),
                      "--pptx-template", str(tmp_path / "four-three.pptx")])
    assert briefed.exit_code == 0, briefed.output
    [trend] = [s for s, c in charts(read_deck(tmp_path / "out" / "b1.pptx")) if c["categories"][0].startswith("Jan")]
    assert "Pilot: 10 of 100 people" in trend["texts"]



def test_a_money_trend_labels_its_last_value_and_target_with_the_sign(tmp_path):
    # "190,000" at the end of a line on an axis of "£250,000": the label says the money it is.
    from pptx import Presentation

    data = base()
    data["metrics"][0].update(name="Upsell revenue", unit="GBP", per="month", value_per_unit=1)
    data["metrics"][0]["history"] = [{"period": f"2025-{m:02d}", "value": 500 - 5 * m} for m in range(1, 9)]
    deck(tmp_path, data)
    labels = {t.text for slide in Presentation(str(tmp_path / "out" / "b1.pptx")).slides
              for shape in slide.shapes if shape.has_chart
              for t in shape.chart._chartSpace.iter("{*}t") if shape.chart.plots[0].categories[0].startswith("Jan")}
    assert "£460" in labels and any(t.startswith("Target £") for t in labels), labels


def test_a_trend_line_result_draws_what_the_trend_projected(tmp_path):
    # The credit is the change beyond the trend's projection: the chart shows where the trend
    # pointed, named in the legend, and the footnote says the projection in its unit.
    data = base()
    data["pilots"][0]["results"][1] = {"metric": "m2", "per": "week", "before": 20, "after": 16,
                                       "trend_after": 19, "isolation": 1}
    data["metrics"][1].update(name="Check-in wait", unit="minutes")  # a level: a line from where it began
    [(slide, chart)] = [(s, c) for s, c in charts(deck(tmp_path, data)) if c["title"].startswith("Check-in wait")]
    assert chart["series"][1] == ("Expected on the pre-pilot trend", [20.0, 19.0]) and chart["legend"]
    assert any("which projected 19 minutes" in t for t in slide["texts"]), slide["texts"]


def test_a_chart_title_says_the_period_before_the_units_scope(tmp_path):
    # "defects, all lines" read a week: "Defects per week, all lines", not "…, all lines per week".
    data = base()
    data["metrics"][0].update(unit="defects, all lines", per="week")
    titles = {c["title"] for _, c in charts(deck(tmp_path, data))}
    assert "Defects per week, all lines" in titles, titles  # the metric's own chart
    assert "Defects per week" in titles, titles  # the pilot's readings: its group's, no scope
    assert not [t for t in titles if "lines per" in t or "Defects, defects" in t], titles


def test_a_chart_title_says_the_period_before_the_names_comma(tmp_path):
    data = base()
    data["metrics"][0]["name"] = "Defects, all lines"
    titles = {c["title"] for _, c in charts(deck(tmp_path, data))}
    assert "Defects per week, all lines" in titles, titles


def test_an_average_of_money_is_scaled_up_from_an_average_not_a_rate(tmp_path):
    # "€ je Bon" read as "a rate" ("aus einer Rate hochgerechnet"): an average receipt is a level
    # of money per item, not a rate of events. It says so in English and German.
    data = _level_scaled_up()
    data["metrics"][0].update(unit="£ per order")
    said = " ".join(t for s in deck(tmp_path / "en", data) for t in s["texts"])
    assert "comes from Defects, an average scaled up as if it were a count" in said
    assert "from a rate" not in said
    data.update(language="de", locale="de_DE")
    data["metrics"][0].update(unit="€ je Bon")
    said = " ".join(t for s in deck(tmp_path / "de", data) for t in s["texts"])
    # Said as a German speaker would: what comes from where, not a dashed aside.
    assert ("stammen aus der Kennzahl Defects; hochgerechnet wird dabei mit einem Durchschnitt, "
            "als wäre es eine Anzahl") in said
    assert "Rate" not in said
