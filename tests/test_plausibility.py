"""The plausibility review (W307–W311, W504): what each says in the user's terms, how money is
read from an ask and how a unit is read, and the new user's pilot cut from 64 people to 8."""

from __future__ import annotations

from pathlib import Path

import pytest

from buyin_cli.figures.compute import compute_figures
from buyin_cli.review import context
from buyin_cli.review.heuristics import unit_kind, unit_period
from buyin_cli.review.money import amounts_in, written
from buyin_cli.words import number
from test_readiness import _percent_metric, base, line_of, run


def warnings(tmp_path: Path, data: dict) -> tuple[list, str]:
    readiness, text = run(tmp_path, data)
    return readiness.warnings, text


def new_users_pilot(participants: int) -> dict:
    """A dollar strategy whose pilot of `participants` scales up to 240 people."""
    d = base()
    d["currency"] = "USD"
    d["audiences"][0]["headcount"] = 240
    d["initiatives"][0]["costs"] = [{"item": "Build", "amount": 60000, "kind": "one-off"},
                                    {"item": "Time", "amount": 1007.5, "kind": "per-participant"}]
    d["metrics"][0].update(unit="errors per month", baseline=58, value_per_unit=2000)
    d["pilots"][0].update(participants=participants, cost=20000)
    d["pilots"][0]["results"][0].update(per="month")
    d["briefings"][0]["asks"] = ["Approve $301,800 to roll out to all 240 operators"]
    return d


def test_a_pilot_cut_to_eight_people_is_caught_at_every_line_it_inflates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # locations in messages are relative to the current folder
    found, text = warnings(tmp_path, new_users_pilot(8))
    result, participants = line_of(text, "- metric: m1"), line_of(text, "participants: 8")
    assert [(w.code, w.location.line) for w in found] == [
        ("W308", participants), ("W307", result), ("W310", result)]
    thin, impossible, extraordinary = (w.message for w in found)
    assert thin == ("pilots[0].participants: 8 people scaled up 30× to 240: too thin to stand "
                    "for the roll-out (fewer than 10 people and scaled up more than 20×): pilot "
                    "with at least 12 people (one in 20 of 240), or accept it with the reason the group is small")
    assert impossible == (
        "pilots[0].results[0]: the roll-out would remove 240 errors per month from 'm1' "
        "(attributable 8 a month × scale-up 30), more than its whole baseline of 58: check "
        "the result's before/after and the pilot's participants, or the baseline if it "
        "covers only part of the audience")
    value = line_of(text, "value_per_unit: 2000")
    assert extraordinary == (
        "initiatives[0]: 'i1' claims an ROI of 1,850% and a payback in 0.62 months, which no "
        "CFO will believe unchecked: 'm1' as pilot 'p1' measured it brings $5,760,000 of the "
        "$5,884,800 a year; check the inputs that drive it: the change in 'm1' from 50 to 40 "
        f"a month, 8 of it attributable (strategy.yaml:{result}:5); its value_per_unit of "
        f"$2,000 (strategy.yaml:{value}:3); its 8 participants scaled up 30× to 240 "
        f"(strategy.yaml:{participants}:3)")


def test_the_same_pilot_with_64_people_is_plausible(tmp_path):
    found, _ = warnings(tmp_path, new_users_pilot(64))
    assert found == []


def test_a_percent_past_100_says_where_it_would_land(tmp_path):
    d = base()
    _percent_metric(d, 95)
    found, _ = warnings(tmp_path, d)
    [w] = [x for x in found if x.code == "W307"]
    assert w.message == (
        "pilots[0].results[2]: the roll-out would take 'm4' from its baseline of 95 to 101 (%), "
        "past 100%: the attributable change of 6 is larger than the room the baseline leaves; "
        "check the result's before/after against the metric's baseline")


def test_a_rate_priced_as_a_count_is_held_to_the_change_its_money_counts(tmp_path):
    d = base()  # 8 fewer defects per 1,000 parts × R 10: the money counts 80 fewer, from 50
    d["metrics"][0].update(unit="defects per 1,000 parts", baseline=50)
    [w] = [x for x in warnings(tmp_path, d)[0] if x.code == "W307"]
    assert w.message.startswith(
        "pilots[0].results[0]: the roll-out would take 'm1' from its baseline of 50 to -30 "
        "(defects per 1,000 parts), below 0: the attributable change of 8 × scale-up 10 that "
        "its benefit counts is larger than the room the baseline leaves")
    assert w.message.endswith("or make value_per_unit what one unit is worth for a group the "
                              "pilot's size and accept W317")


def test_a_rate_valued_per_pilot_group_moves_by_the_pilots_change(tmp_path):
    d = base()  # W317 accepted: each group of 10 gains 8, so the rate moves by 8, not 80
    d["metrics"][0].update(unit="defects per 1,000 parts", baseline=50)
    d["pilots"][0]["accept"] = {"W317": "Each point is valued for one line of ten."}
    assert warnings(tmp_path, d)[0] == []
    d["metrics"][0]["baseline"] = 7.9  # but it cannot fall below 0
    [w] = [x for x in warnings(tmp_path, d)[0] if x.code == "W307"]
    assert ("the roll-out would take 'm1' from its baseline of 7.9 to -0.1 (defects per 1,000 "
            "parts), below 0: the attributable change of 8 is larger") in w.message


def test_a_percentage_scaled_up_past_100_is_impossible_though_the_pilots_change_fits(tmp_path):
    d = base()  # 78% + 2 points × R 10 = 98%: possible; 78% + 3 × 10 = 108%: not
    d["metrics"][0].update(unit="%", better="higher", baseline=78, target=88, actual=80)
    d["pilots"][0]["results"][0].update(before=76, after=78, control_before=76, control_after=76)
    assert "W307" not in [w.code for w in warnings(tmp_path, d)[0]]
    d["pilots"][0]["results"][0]["after"] = 79
    [w] = [x for x in warnings(tmp_path, d)[0] if x.code == "W307"]
    assert "from its baseline of 78 to 108 (%), past 100%" in w.message
    # The same with W317 accepted anywhere: the level moves by 3 points, to 81%.
    d["accept"] = {"W317": "Each point is valued for one line of ten."}
    assert "W307" not in [w.code for w in warnings(tmp_path, d)[0]]


def test_a_level_says_its_change_with_no_period(tmp_path):
    d = base()  # W310's drivers: "from 76 to 95", never "76 to 95 a week" for a percentage
    d["metrics"][0].update(unit="%", better="higher", baseline=5, target=90, actual=5,
                           value_per_unit=1000)
    d["pilots"][0]["results"][0].update(before=1, after=2, control_before=1, control_after=1)
    messages = [w.message for w in warnings(tmp_path, d)[0] if w.code == "W310"]
    assert messages and all("'m1' from 1 to 2, 1 of it attributable" in m for m in messages)


def test_a_count_is_compared_in_the_period_its_unit_names(tmp_path):
    d = base()  # 8 a week × R 10 × 52 ÷ 12 = 346.7 a month
    d["metrics"][0].update(unit="defects per month", baseline=346)
    [w], _ = warnings(tmp_path, d)
    assert "would remove 346.7 defects per month" in w.message
    d["metrics"][0]["baseline"] = 347
    assert warnings(tmp_path, d)[0] == []


def test_credit_not_claimed_names_the_objective_that_would_claim_it(tmp_path):
    d = base()
    d["objectives"][0]["metrics"] = ["m1"]
    d["objectives"].append({"id": "o2", "title": "Less downtime", "owner": "COO",
                            "driver": "pain", "metrics": ["m2"]})
    found, _ = warnings(tmp_path, d)
    assert [w.code for w in found] == ["W101", "W309"]
    assert found[1].message == (
        "pilots[0].results[1]: 'm2' is credited to initiative 'i1', but none of its objectives "
        "(o1) track it: add objective 'o2' (which tracks it) to the objectives of initiative "
        "'i1', or drop the result")


def test_an_ask_that_names_its_initiative_is_held_to_that_ones_figures(tmp_path):
    d = base()
    d["audiences"].append({**d["audiences"][0], "id": "a2", "name": "Fitters", "headcount": 20})
    d["initiatives"].append({"id": "i2", "title": "Fitters' course", "format": "classroom",
                             "audiences": ["a2"], "objectives": ["o1"], "horizon_years": 3,
                             "costs": [{"item": "Course", "amount": 8000, "kind": "one-off"},
                                       {"item": "Licence", "amount": 1000, "kind": "per-year"}],
                             "accept": {"W313": "The course runs in paid training days."}})
    d["pilots"].append({**d["pilots"][0], "id": "p2", "initiative": "i2", "participants": 10})
    d["briefings"][0]["asks"] = [{"decision": "Approve £30,000 for the fitters", "initiative": "i2"},
                                 "Approve £11,000 over three years for the fitters",
                                 {"decision": "Approve £10,000 over two years", "initiative": "i2"}]
    found, text = warnings(tmp_path, d)
    assert [(w.code, w.location.line) for w in found] == [
        ("W504", line_of(text, "decision: Approve £30,000 for the fitters"))]
    assert found[0].message == (
        "briefings[0].asks[0]: asks for £30,000, which is none of the figures of the initiative "
        "it funds; write an amount they give, or correct the costs, so the room hears one number: "
        "i2 costs £9,000 to roll out, £10,000 over 2 years and £11,000 over 3 years")


def test_results_without_application_say_what_to_add(tmp_path):
    d = base()
    del d["pilots"][0]["application"]
    [w], _ = warnings(tmp_path, d)
    assert w.message == ("pilots[0]: 'p1' shows results but no application: add application "
                         "[{behaviour, before, after, unit}]: what participants now do on the "
                         "job, so the results are not a claim with a gap in the middle")


def test_the_review_computes_the_figures_once(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(context, "compute_figures", lambda s: calls.append(s) or compute_figures(s))
    d = base()
    d["pilots"].append({**d["pilots"][0], "id": "p2"})
    run(tmp_path, d)
    assert len(calls) == 1


# --- reading money in an ask --------------------------------------------------------------

@pytest.mark.parametrize("text, currency, amounts", [
    ("Approve £93,680 to roll out Safe Hands to all 240 operators", "GBP", [93680]),
    ("Approve $950,000", "USD", [950000]),
    ("Fund €1.2m over two years", "EUR", [1_200_000]),
    ("Genehmigen Sie 1.234.567 € für 2026", "EUR", [1234567]),
    ("Approve GBP 93,680 now and £13,200 a year", "GBP", [93680, 13200]),
    ("Approve £95k", "GBP", [95000]),
    ("Approve 1.234,50 € and 2,5 Mio. €", "EUR", [1234.5, 2_500_000]),
    ("Approve £93,680.50", "GBP", [93680.5]),
    ("Approve US$12,000", "USD", [12000]),
    ("Approve 5 000 kr", "SEK", [5000]),
    ("Release all 240 operators for 3.5 hours in Q1 2026", "GBP", []),
    ("Approve $950,000", "GBP", []),                  # another currency is not the strategy's
    ("Approve 500 members' time", "GBP", []),
    ("Approve GBPX 500", "GBP", []),
])
def test_amounts_in_an_ask(text, currency, amounts):
    assert [a.value for a in amounts_in(text, currency)] == amounts


@pytest.mark.parametrize("text, figure, matches", [
    ("£95k", 95_499, True), ("£95k", 95_501, False), ("£1.2m", 1_249_000, True),
    ("£1.2m", 1_260_000, False), ("£93,680", 93_680.4, True), ("£93,700", 93_680, True),
    ("£94,200", 93_680, False), ("£0", 0.4, True),
])
def test_an_amount_matches_a_figure_as_precisely_as_it_was_written(text, figure, matches):
    [amount] = amounts_in(text, "GBP")
    assert amount.matches(figure) is matches


@pytest.mark.parametrize("amount, currency, exact, text", [
    (93680.4, "GBP", False, "£93,680"), (6.8, "GBP", True, "£6.80"), (6.0, "GBP", True, "£6"),
    (-1500, "EUR", False, "-€1,500"), (1000, "USD", False, "$1,000"),
    (1000, "SEK", False, "1,000 SEK"), (1000, "AUD", False, "A$1,000"),
    (1000, "XAF", False, "1,000 XAF"),
])
def test_money_written_in_a_warning(amount, currency, exact, text):
    assert written(amount, currency, exact=exact) == text


# --- reading a unit ------------------------------------------------------------------------

@pytest.mark.parametrize("unit, kind, period", [
    ("%", "percent", None), ("% of calls with no repeat call in 7 days", "percent", None),
    ("percent of picks", "percent", None),
    ("complaints per 1,000 calls", "rate", None), ("minutes per call", "rate", None),
    ("errors per 10,000 lines picked", "rate", None), ("calls per adviser per week", "rate", "week"),
    ("injuries per quarter", "count", "quarter"), ("parts per week", "count", "week"),
    ("errors/month", "count", "month"), ("sales a week", "count", "week"),
    ("weekly returns", "count", "week"), ("annual leavers", "count", "year"),
    ("incidents", "count", None),
])
def test_how_a_unit_adds_up(unit, kind, period):
    assert (unit_kind(unit), unit_period(unit)) == (kind, period)


def test_numbers_in_messages_are_as_precise_as_they_need_be():
    assert [number(x) for x in (0.3675, 4.0, 78.44, 5200.4, 13030.2, -0.001, None)] == [
        "0.37", "4", "78.4", "5,200", "13,030", "0", "n/a"]


def test_the_w308_page_shows_the_message_check_writes(tmp_path):
    """The docs and the message agree on the limits and on the smallest pilot that passes."""
    found, _ = warnings(tmp_path, new_users_pilot(8))
    said = next(w.message for w in found if w.code == "W308")
    page = (Path(__file__).parents[1] / "docs" / "warnings" / "W308.md").read_text(encoding="utf-8")
    assert f"W308 {said}" in page
    assert "pilot with at least 12 people (one in 20 of 240)" in said
    d = new_users_pilot(8)
    d["audiences"][0]["headcount"] = 60  # one in 20 of 60 is 3: ten people is the limit
    found, _ = warnings(tmp_path, d)
    assert "pilot with at least 10 people, or accept" in next(
        w.message for w in found if w.code == "W308")


def test_a_level_priced_and_scaled_up_like_a_count_is_warned_at_its_result(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = base()  # a % of patients seen on time, priced, and R = 10: the format multiplies it
    d["metrics"][0].update(unit="% of patients seen within 15 minutes", baseline=60, target=80)
    found, text = warnings(tmp_path, d)
    [w] = [x for x in found if x.code == "W317"]
    assert w.location.line == line_of(text, "- metric: m1")
    assert w.message == (
        "pilots[0].results[0]: 'm1' is a percentage (% of patients seen within 15 minutes), the "
        "same for a group of any size, yet the roll-out multiplies its benefit by the scale-up "
        "10× (100 people ÷ 10) as if it were a count: make value_per_unit what one unit of "
        "change is worth for the pilot group alone (Line 2), not the whole audience, or accept "
        "it with the reason it holds")


def test_an_average_per_branch_is_worth_what_it_is_for_the_pilot_group_not_its_headcount(tmp_path):
    # "€ je Bon" measured per branch, over a pilot of 52 people: "worth for a group of 52" named
    # the wrong basis. The warning names the kind (an average) and the pilot group instead.
    d = base()
    d["metrics"][0].update(unit="€ je Bon", baseline=6.4, target=6.9)
    d["pilots"][0].update(group="Filialen Augsburg, Friedberg und Königsbrunn", participants=52)
    d["audiences"][0]["headcount"] = 520
    [w] = [x for x in warnings(tmp_path, d)[0] if x.code == "W317"]
    assert "'m1' is an average (€ je Bon)" in w.message
    assert ("worth for the pilot group alone (Filialen Augsburg, Friedberg und Königsbrunn), not "
            "the whole audience") in w.message
    assert "group of 52" not in w.message


@pytest.mark.parametrize("unit, fires", [("points on a 10-point scale", True), ("minutes", True),
                                         ("complaints per 1,000 calls", True), ("defects", False),
                                         ("hours of rework", False)])
def test_only_a_level_is_warned_scaled_up_like_a_count(tmp_path, unit, fires):
    d = base()
    d["metrics"][0].update(unit=unit, baseline=60, target=40, better="lower")
    assert ("W317" in [w.code for w in warnings(tmp_path, d)[0]]) == fires


def test_a_level_with_no_scale_up_or_no_money_is_not_warned(tmp_path):
    d = base()
    d["metrics"][0].update(unit="%", baseline=60, target=80)
    d["pilots"][0]["participants"] = d["audiences"][0]["headcount"]  # R = 1
    assert "W317" not in [w.code for w in warnings(tmp_path, d)[0]]
    d = base()
    d["metrics"][0].update(unit="%", baseline=60, target=80)
    del d["metrics"][0]["value_per_unit"]
    assert "W317" not in [w.code for w in warnings(tmp_path, d)[0]]
