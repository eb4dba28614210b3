"""One unit model: the review, the figures' wording and the deck read a unit the same way."""

from __future__ import annotations

import pytest

from buyin_cli.load.units import read_unit
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
