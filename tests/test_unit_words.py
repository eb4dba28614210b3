"""Figures with their units, read one way: money in its currency, a count per its period, one point."""

from __future__ import annotations

from typing import Any

import pytest

from buyin_cli.load.units import read_unit, without_scope
from buyin_cli.present.build.units import Units
from buyin_cli.present.numbers import deck_formatter
from buyin_cli.render.templating import plural_n
from deck_helpers import brief_valid
from deck_invariants import texts_of, unit_words


@pytest.mark.parametrize(("text", "currency", "words", "percent_sign"), [
    ("£", "£", "", False),
    ("EUR of write-offs", "EUR", "of write-offs", False),
    ("Euro Abschreibungen", None, "Euro Abschreibungen", False),
    ("% of observed jobs", None, "of observed jobs", True),
    ("Prozent der Anrufe", None, "Prozent der Anrufe", False),
    ("repeat excavations", None, "repeat excavations", False),
])
def test_the_unit_model_names_a_currency_sign_and_the_words_after_it(text, currency, words,
                                                                     percent_sign):
    unit = read_unit(text)
    assert (unit.currency, unit.words, unit.percent_sign) == (currency, words, percent_sign)


@pytest.mark.parametrize(("currency", "locale", "text", "before", "after"), [
    ("GBP", "en_GB", "£", "£", ""),
    ("GBP", "en_GB", "GBP lost", "£", " lost"),
    ("EUR", "de_DE", "€", "", "\u00a0€"),
    ("EUR", "de_DE", "%", "", "\u00a0%"),
    ("GBP", "en_GB", "% of jobs", "", "% of jobs"),
    ("GBP", "en_GB", "€", "", " €"),  # another currency than the strategy's: as written
    ("GBP", "en_GB", "minutes", "", " minutes"),
])
def test_a_unit_wraps_a_figure_as_the_locale_writes_it(currency, locale, text, before, after):
    unit = Units(deck_formatter(currency, locale))[text]
    assert (unit.before, unit.after) == (before, after)


@pytest.mark.parametrize(("text", "n"), [("1", 1), ("−1", 1), ("11", 2), ("0.5", 2),
                                         ("1,000", 2), ("1.5", 2)])
def test_one_picks_the_singular_and_anything_else_the_plural(text, n):
    assert plural_n(text) == n


_brief = brief_valid


def _said(deck: list[dict[str, Any]], points: str) -> str:
    return "\n".join(t for s in deck for t in texts_of(s) + [s["notes"]]) + "\n" + points


def test_a_money_metric_in_the_strategys_currency_reads_as_money_per_its_period(
        valid_data, write, run, workdir):
    metric = valid_data["metrics"][0]
    metric.update(name="Overtime spend", unit="$", per="month", baseline=42000, target=25000,
                  actual=40000, value_per_unit=1)
    result = valid_data["pilots"][0]["results"][0]
    result.update(before=40000, after=30000, control_before=41000, control_after=40000)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "Overtime spend: down from $42,000 to $40,000 a month, $15,000 above the target of $25,000" in said
    assert "$42,000 a month → $40,000 now → $25,000 target" in said
    assert "We credit the learning with $6,480 a month" in said
    assert "× $1" not in said and "42,000 $" not in said
    assert not unit_words(deck, points, valid_data)


def test_a_count_says_its_period_and_a_level_never_does(valid_data, write, run, workdir):
    valid_data["metrics"][0].update(unit="errors", per="month", actual=40)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "down from 42 to 40 errors a month" in said
    assert "42 errors a month → 40 now → 25 target" in said
    assert "Picking errors, errors per month" in said  # the chart's title
    assert "; 12% of the way" not in said and "12% of the way to the target" in said  # whole: 11.8% is false precision
    assert "11.8%" not in said


def test_a_change_of_one_point_is_one_point(valid_data, write, run, workdir):
    metric = valid_data["metrics"][0]
    metric.update(unit="% of lines picked right", better="higher", baseline=90, target=98)
    valid_data["pilots"][0]["results"][0].update(before=90, after=93, control_before=90,
                                                 control_after=91)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "against 1 point for" in said and "1 points" not in said
    assert not unit_words(deck, points, valid_data)


@pytest.mark.parametrize(("locale", "text", "after"), [
    ("en_GB", "score out of 10", " out of 10"),
    ("en_GB", "rating out of 5", " out of 5"),
    ("de_DE", "Punkte von 10", " von 10"),
    ("de_DE", "von 10 Punkten", " von 10 Punkten"),
    ("en_GB", "points on a 10-point scale", " points on a 10-point scale"),
])
def test_a_score_out_of_a_scale_reads_as_people_say_it(locale, text, after):
    unit = Units(deck_formatter("EUR", locale))[text]
    assert unit.after == after  # "6.8 out of 10", never "6.8 score out of 10"
    assert unit.kind == "points" and not unit.adds_up  # a level: read, never summed


def test_a_scores_figures_read_without_the_noun_on_every_slide_and_note(
        valid_data, write, run, workdir):
    metric = valid_data["metrics"][0]
    metric.update(name="Customer satisfaction", unit="score out of 10", better="higher",
                  baseline=6.8, target=8, actual=7.1)
    valid_data["pilots"][0]["results"][0].update(before=6.8, after=7.4, control_before=6.8,
                                                 control_after=6.9)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "6.8 out of 10 → 7.1 now → 8.0 target" in said  # one line, one number of decimals
    assert "score out of 10 →" not in said and "6.8 score" not in said


@pytest.mark.parametrize(("unit", "better", "before", "after", "says"), [
    ("errors", "lower", 42, 30, "12 fewer a month"),  # a count: fewer, per its period
    ("orders", "higher", 30, 42, "12 more a month"),
    ("$", "higher", 30000, 42000, "$12,000 more a month"),  # money: more or less
    ("$", "lower", 42000, 30000, "$12,000 less a month"),
    ("% of lines picked right", "higher", 50, 53, "3 points higher"),  # a level: no period
    ("errors per 10,000 lines", "lower", 42, 40, "2 lower"),
])
def test_a_working_line_says_its_change_with_the_metrics_direction(
        valid_data, write, run, workdir, unit, better, before, after, says):
    metric = valid_data["metrics"][0]
    # The whole audience's baseline, well above what the roll-out of a lower count takes off it.
    baseline = before * 10 if better == "lower" and unit in ("errors", "$") else before
    metric.update(unit=unit, better=better, baseline=baseline, target=after, per="month")
    if unit == "$":
        metric["value_per_unit"] = 1
    valid_data["pilots"][0]["results"][0].update(before=before, after=after, control_before=before,
                                                 control_after=before)
    deck, points = _brief(valid_data, write, run, workdir)
    working = [line for line in points.splitlines() if "people): " in line]
    assert working and says in working[0], working
    backup = [row[1] for s in deck if s["table"] and s["title"].startswith("How we get to")
              for row in s["table"][1:-1]]
    # A change less its comparison group's is bracketed before it is multiplied.
    assert backup and backup[0].lstrip("(").startswith(says), backup
    assert " better" not in working[0] and not backup[0].lstrip("(").startswith(says.split()[0] + " better")


@pytest.mark.parametrize(("text", "group"), [
    ("£ a month, all stores", "£ a month"),
    ("Fehler im Monat, alle Filialen", "Fehler im Monat"),
    ("complaints per 1,000 calls", "complaints per 1,000 calls"),  # a figure's comma is no scope
    ("errors", "errors"),
])
def test_a_units_trailing_scope_is_left_off_a_pilot_groups_readings(text, group):
    assert without_scope(text) == group


def test_a_pilot_reading_never_claims_the_metrics_scope(valid_data, write, run, workdir):
    valid_data["metrics"][0].update(unit="errors a month, all sites", actual=40)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "42 errors a month, all sites → 40 now" in said  # the metric's own figures keep it
    pilot = "\n".join(t for s in deck
                      if "We tried it before asking for more" in s["notes"] for t in texts_of(s) + [s["notes"]])
    assert "errors a month" in pilot and "all sites" not in pilot


@pytest.mark.parametrize(("locale", "margin"), [("en_US", "× 12 a year at a 25% margin"),
                                                ("de_DE", "× 12 pro Jahr bei 25\u00a0% Marge")])
def test_a_money_metrics_value_per_unit_reads_as_the_margin_it_keeps(
        locale, margin, valid_data, write, run, workdir):
    valid_data["locale"] = locale
    valid_data["metrics"][0].update(name="Revenue", unit="$", per="month", baseline=42000,
                                    target=50000, actual=43000, better="higher", value_per_unit=0.25)
    valid_data["pilots"][0]["results"][0].update(before=40000, after=44000, control_before=41000,
                                                 control_after=42000)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert margin in said and "0.25" not in said and "0,25" not in said


def test_readings_compared_in_one_line_take_the_same_decimals(valid_data, write, run, workdir):
    valid_data["metrics"][0].update(unit="minutes", per=None, baseline=22, target=12.5, actual=19)
    valid_data["pilots"][0]["results"][0].update(before=24, after=21, control_before=23,
                                                 control_after=22.5)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "22.0 minutes → 19.0 now → 12.5 target" in said
    assert "24.0 → 21.0; the comparison group went 23.0 → 22.5" in said


@pytest.mark.parametrize(("locale", "text", "one"), [
    ("en_GB", "hours of rework", " hour of rework"),
    ("en_GB", "minutes", " minute"),
    ("de_DE", "Stunden Nacharbeit", " Stunde Nacharbeit"),
    ("de_DE", "Tage", " Tag"),
    ("en_GB", "points on a 10-point scale", " point on a 10-point scale"),  # "1 point", as a change on a scale
    ("de_DE", "Punkte auf einer 10er-Skala", " Punkt auf einer 10er-Skala"),
    ("en_GB", "leavers", " leaver"),  # a regular English plural: its singular
    ("en_GB", "% of calls", " of calls"),  # a percentage counts no noun of its own
    ("de_DE", "Abgänge", " Abgänge"),  # no rule says its singular: left as written
])
def test_a_figure_of_one_says_a_unit_of_time_in_the_singular(locale, text, one):
    assert Units(deck_formatter("EUR", locale))[text].rest_one == one


def test_one_hour_of_rework_reads_in_the_singular(valid_data, write, run, workdir):
    valid_data["metrics"][0].update(unit="hours of rework", per="month", baseline=50, target=0,
                                    actual=1)
    deck, points = _brief(valid_data, write, run, workdir)
    said = _said(deck, points)
    assert "1 hour of rework" in said and "1 hours" not in said
