"""ISO period labels become spans of days on one axis; anything else keeps today's behaviour."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from buyin_cli.figures.periods import Span, parse_period, place_events, same_period, timeline


@pytest.mark.parametrize("label, start, end", [
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025-W01", date(2024, 12, 30), date(2025, 1, 5)),
    ("2025-07-14", date(2025, 7, 14), date(2025, 7, 14)),
    (" 2025-12 ", date(2025, 12, 1), date(2025, 12, 31)),
])
def test_iso_labels_are_spans(label, start, end):
    assert parse_period(label) == Span(start, end)


@pytest.mark.parametrize("label", ["Spring", "FY25", "2025-Q5", "2025-13", "2025-02-30",
                                   "2025-W54", "2025-7", "Q3 2025", "25", ""])
def test_other_labels_are_not_spans(label):
    assert parse_period(label) is None


def test_same_period_compares_spans_or_text():
    assert same_period("2025-Q4", " 2025-Q4")
    assert not same_period("2025-Q4", "2025-12")
    assert same_period("Autumn", "Autumn")
    assert not same_period("Autumn", "2025-Q4")


def test_a_timeline_orders_readings_of_mixed_granularity():
    line = timeline(["2025-Q3", "2025-07", "2025", "2024-12-31"])
    assert line is not None
    assert line.order == (3, 2, 1, 0)  # by start, then the shorter span first


def test_no_timeline_unless_every_label_is_iso():
    assert timeline(["2025-01", "Feb"]) is None
    assert timeline([]) is None


def test_a_day_is_placed_in_proportion_inside_its_reading():
    line = timeline(["2025-Q1", "2025-Q2", "2025-Q3"])
    assert line.position(date(2025, 1, 1)) == -0.5
    assert line.position(date(2025, 4, 1)) == 0.5  # Q2's first day: its left edge
    assert line.position(date(2025, 8, 15)) == pytest.approx(2 - 0.5 + 45 / 92)
    assert line.position(date(2024, 12, 31)) is None
    assert line.position(date(2025, 10, 1)) is None


def test_a_day_in_a_gap_sits_between_the_readings():
    line = timeline(["2025-01", "2025-03"])
    assert line.position(date(2025, 2, 14)) == 0.5


def test_positions_follow_time_order_not_written_order():
    line = timeline(["2025-03", "2025-01", "2025-02"])
    assert line.position(date(2025, 1, 1)) == -0.5
    assert line.position(date(2025, 3, 1)) == 1.5


def test_events_are_placed_among_readings():
    marks = place_events(["2025-01", "2025-02", "2025-03", "2025-04"],
                         [("pilot", "Line 2", date(2025, 2, 1), date(2025, 3, 31)),
                          ("launch", "Safe Hands", date(2025, 5, 6), None)])
    assert [(m.kind, m.start_position, m.end_position) for m in marks] == [
        ("pilot", 0.5, pytest.approx(2.5 - 1 / 31)), ("launch", None, None)]


def test_a_pilot_begun_before_the_first_reading_starts_at_the_left_edge():
    marks = place_events(["2025-04", "2025-05", "2025-06"],
                         [("pilot", "Northgate", date(2025, 3, 3), date(2025, 5, 15)),
                          ("pilot", "Earlier", date(2025, 1, 6), date(2025, 2, 28))])
    assert [(m.start_position, m.end_position) for m in marks] == [
        (-0.5, pytest.approx(1 - 0.5 + 14 / 31)), (None, None)]


def test_events_on_a_category_axis_are_not_placed():
    assert place_events(["Jan", "Feb"], [("launch", "X", date(2025, 1, 1), None)]) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_every_day_lies_in_its_own_month_quarter_and_year(day):
    for label in (f"{day.year}", f"{day.year}-Q{(day.month - 1) // 3 + 1}",
                  f"{day.year}-{day.month:02d}", day.isoformat(),
                  "{}-W{:02d}".format(*day.isocalendar()[:2])):
        assert parse_period(label).contains(day), label


@given(st.lists(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
                min_size=1, max_size=12, unique=True),
       st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_positions_grow_with_the_day(days, probe):
    line = timeline([d.isoformat() for d in days])
    earlier, later = line.position(probe), line.position(probe + timedelta(days=1))
    if earlier is not None and later is not None:
        assert later >= earlier
