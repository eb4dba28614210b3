"""One unit model: the review, the figures' wording and the deck read a unit the same way."""

from __future__ import annotations

import pytest

from buyin_cli.load.units import in_period, read_unit
from buyin_cli.present.build.own_words import has_period, is_percent
from buyin_cli.review.heuristics import unit_kind


@pytest.mark.parametrize(("unit", "kind", "period"), [
    ("%", "percentage", None),
    ("Prozent der Anrufe", "percentage", None),
    ("% of observed administrations", "percentage", None),
    ("points on a 10-point scale", "points", None),
    ("Punkte", "points", None),
    ("seconds", "duration", None),
    ("Minuten", "duration", None),
    ("days to hire", "duration", None),
    # Per item: the time one takes is a duration, money or a measure an average, events a rate.
    ("seconds per call", "duration", None),
    ("minutes per call", "duration", None),
    ("Sekunden je Anruf", "duration", None),
    ("€ je Bon", "average", None),
    ("£ per order", "average", None),
    ("EUR pro Kunde", "average", None),
    ("kg per delivery", "average", None),
    ("errors per 1,000 lines", "rate", None),
    ("errors per 10,000 lines", "rate", None),
    ("errors per line", "rate", None),
    ("days lost per 100 employees", "rate", None),
    ("complaints per 1,000 calls", "rate", None),
    ("Fehler je 10.000 Zeilen", "rate", None),
    ("incidents", "count", None),
    ("injuries per quarter", "count", "quarter"),
    ("Teile pro Woche", "count", "week"),
    ("hours per week", "count", "week"),
    ("hours of rework", "count", None),
    ("Stunden Nacharbeit", "count", None),
    ("EUR of write-offs", "money", None),
    ("€ lost", "money", None),
])
def test_a_unit_reads_one_way(unit, kind, period):
    read = read_unit(unit)
    assert (read.kind, read.period) == (kind, period)
    # The review and the deck agree with it: a percentage is one to both, and only a
    # count or money that does not say its period is said per a period.
    assert (unit_kind(unit) == "percent") == is_percent(unit) == (kind == "percentage")
    assert (unit_kind(unit) == "count") == (kind in ("count", "money"))
    assert has_period(unit) == (kind not in ("count", "money") or period is not None)


@pytest.mark.parametrize(("unit", "name"), [
    ("€ je Bon", "an average"), ("£ per order", "an average"), ("minutes per call", "a duration"),
    ("errors per 10,000 lines", "a rate"), ("points on a 10-point scale", "a score"),
    ("%", "a percentage"), ("incidents", "a count"),
])
def test_a_kind_is_named_as_a_sentence_says_it(unit, name):
    assert read_unit(unit).kind_name == name


def test_an_average_of_money_reads_as_money():
    # "£12.40 per order", "6,48 € je Bon": the sign where the locale writes it, then the item.
    unit = read_unit("£ per order")
    assert (unit.currency, unit.words) == ("£", "per order")


@pytest.mark.parametrize(("unit", "per", "said"), [
    ("incidents per month", "quarter", "incidents per quarter"),
    ("incidents a month, all clubs", "quarter", "incidents a quarter, all clubs"),
    ("Teile pro Woche", "month", "Teile pro Monat"),
    ("Fehler im Monat", "year", "Fehler im Jahr"),
    ("monthly incidents", "week", "weekly incidents"),
    ("incidents per month", "month", "incidents per month"),   # its own period: as written
    ("incidents", "quarter", "incidents"),                      # no period: the deck adds the result's
    ("complaints per 1,000 calls", "quarter", "complaints per 1,000 calls"),  # a base, not a period
])
def test_a_unit_is_said_over_the_period_its_readings_cover(unit, per, said):
    assert in_period(unit, per) == said
    assert read_unit(in_period(unit, per)).kind == read_unit(unit).kind


def test_a_pilot_read_a_quarter_says_a_quarter_though_its_metric_counts_a_month(valid_data, tmp_path):
    # Readings of 16 → 10 injuries a quarter, on a metric counted "per month": never "per month" beside them.
    from deck_helpers import read_deck
    from test_deck_holds import brief_and_read

    valid_data["metrics"][0].update(unit="incidents per month", per="month")
    valid_data["pilots"][0]["results"][0].update(per="quarter", before=16, after=10, control_before=16,
                                                  control_after=15)
    assert brief_and_read(valid_data, tmp_path) == []
    slides = read_deck(tmp_path / "out" / "warehouse-manager-briefing.pptx")
    pilot = next(s for s in slides if (s["title"] or "").startswith("Night shift"))
    assert [c["title"] for c in pilot["charts"] if "per quarter" in (c["title"] or "")], pilot["charts"]
    said = " ".join(s["notes"] for s in slides) + " ".join(" ".join(r) for s in slides for r in (s["table"] or []))
    assert "incidents per quarter: 16 → 10" in said and "per month: 16" not in said, said
