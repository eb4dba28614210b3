"""Periods written in ISO form placed on one time axis: `2025`, `2025-Q3`, `2025-07`, `2025-W28`, `2025-07-14`.

A metric's history, a roll-out's tracking and a sponsor's usage targets label
their periods as text. When a label is written in one of the ISO forms above it
is a span of days, so readings of different granularity can be ordered, an event
(a pilot's start, a launch) can be placed among them, and a target period can be
matched with the readings inside it. Any other label ('Spring', 'FY25') is not a
span: callers keep today's behaviour for it (a category axis in written order,
periods matched by their text).

Pure: no I/O; a label that does not parse is None, never an exception.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from buyin_cli.records import dataclass

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, order=True)
class Span:
    """The days a period covers, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Span | date) -> bool:
        """Whether a day, or every day of another span, lies inside this span."""
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end


def parse_period(label: str) -> Span | None:
    """The span of an ISO period label, or None for any other label (and for a year
    outside the strategy's dates, 1900 to 2999: '0000-01' is no date, and '9999-W52'
    ends where the calendar does)."""
    text = label.strip()
    if not text[:4].isdigit() or not 1900 <= int(text[:4]) <= 2999:
        return None
    if m := _YEAR.fullmatch(text):
        year = int(m.group(1))
        return Span(date(year, 1, 1), date(year, 12, 31))
    if m := _QUARTER.fullmatch(text):
        year, quarter = int(m.group(1)), int(m.group(2))
        first = 3 * quarter - 2
        return Span(date(year, first, 1), _month_end(year, first + 2))
    if m := _MONTH.fullmatch(text):
        year, month = int(m.group(1)), int(m.group(2))
        return Span(date(year, month, 1), _month_end(year, month)) if 1 <= month <= 12 else None
    if m := _WEEK.fullmatch(text):
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:  # week 53 of a year that has 52
            return None
        return Span(monday, monday + timedelta(days=6))
    if _DAY.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        return Span(day, day)
    return None


def period_kind(label: str) -> str | None:
    """year, quarter, month, week or day for an ISO period label; None for any other."""
    if parse_period(label) is None:
        return None
    text = label.strip()
    for kind, pattern in (("year", _YEAR), ("quarter", _QUARTER), ("month", _MONTH),
                          ("week", _WEEK), ("day", _DAY)):
        if pattern.fullmatch(text):
            return kind
    return None


def same_period(a: str, b: str) -> bool:
    """Whether two labels name the same period: the same span, or (not ISO) the same text."""
    span_a, span_b = parse_period(a), parse_period(b)
    if span_a is not None and span_b is not None:
        return span_a == span_b
    return a.strip() == b.strip()


@dataclass(frozen=True)
class Timeline:
    """Readings placed on one time axis.

    `order` lists the readings' indices in time order (by start, then end, then as
    written), which is how a chart should plot them. Positions are in category units
    of that order: the k-th reading is centred at k and its period covers k − 0.5 to
    k + 0.5, so a day is placed in proportion inside the reading whose period holds it.
    """

    spans: tuple[Span, ...]  # in the readings' written order
    order: tuple[int, ...]

    def position(self, day: date) -> float | None:
        """Where `day` falls on the axis, or None when it is before the first or after the last period.

        A day in a gap between two periods sits on the boundary between them (k + 0.5);
        where periods overlap, the earliest that holds the day places it.
        """
        ordered = [self.spans[i] for i in self.order]
        if not ordered or day < ordered[0].start or day > max(s.end for s in ordered):
            return None
        for k, span in enumerate(ordered):
            if span.contains(day):
                return k - 0.5 + (day - span.start).days / span.days
            if k + 1 < len(ordered) and span.end < day < ordered[k + 1].start:
                return k + 0.5
        return len(ordered) - 0.5  # past a period that ended earlier than an overlapping one


def timeline(labels: Sequence[str]) -> Timeline | None:
    """The readings' labels on one time axis; None unless every label is an ISO period."""
    spans = [parse_period(label) for label in labels]
    if not spans or any(s is None for s in spans):
        return None
    known: list[Span] = [s for s in spans if s is not None]
    order = sorted(range(len(known)), key=lambda i: (known[i].start, known[i].end, i))
    return Timeline(tuple(known), tuple(order))


@dataclass(frozen=True)
class Mark:
    """An event placed among a metric's readings, for a trend chart to draw."""

    kind: str  # "pilot" or "launch"
    label: str  # what to write beside it: the pilot's group, the initiative's title
    start: date
    end: date | None  # a pilot's last day; None for a launch, which is a day
    start_position: float | None  # on the Timeline's axis; None when outside the readings
    end_position: float | None


def place_events(labels: Sequence[str], events: Sequence[tuple[str, str, date, date | None]]
                 ) -> list[Mark] | None:
    """Each event (kind, label, start, end) placed among the readings `labels`.

    None when the labels are not all ISO periods: the chart keeps its category axis
    in written order and marks nothing.
    """
    line = timeline(labels)
    if line is None:
        return None
    return [Mark(kind, label, start, end, _start(line, start, end),
                 line.position(end) if end is not None else None)
            for kind, label, start, end in events]


def _start(line: Timeline, start: date, end: date | None) -> float | None:
    """Where an event starts on the axis: a pilot that began before the first reading but
    ran into the readings starts at the axis's left edge, not nowhere."""
    placed = line.position(start)
    if placed is None and end is not None and line.position(end) is not None and start < end:
        first = min(s.start for s in line.spans)
        return -0.5 if start < first else None
    return placed


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
