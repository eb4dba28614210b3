"""initiatives: the learning proposed and what it costs, fully loaded."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from buyin_cli.load.models.base import Accepting, Fraction, IsoDate, Model, Money, Slug, Text, new_list
from buyin_cli.load.models.datafile import TrackingFile, or_data_file


class Cost(Model):
    item: Text = Field(description="What the money is for.")
    amount: Money = Field(description="The amount, in the strategy's currency.")
    kind: Literal["one-off", "per-year", "per-participant"] = Field(
        description="'one-off', 'per-year', or 'per-participant' (times the audiences' headcount).")
    category: Literal["needs", "design", "delivery", "participants-time", "evaluation",
                      "overhead", "other"] | None = Field(
        default=None,
        description="Which fully loaded cost category it is: 'needs' (assessment), 'design', "
                    "'delivery', 'participants-time', 'evaluation', 'overhead' or 'other'.")


class Tracking(Model):
    period: Text = Field(description="The period this reading covers, e.g. '2026-Q1' (as the "
                                     "sponsor's usage_targets name it).")
    enrolled: int = Field(ge=0, description="How many of the audience have enrolled so far.")
    completed: int = Field(ge=0, description="How many have completed so far (not more than "
                                             "enrolled).")


class Initiative(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    title: Text = Field(description="The learning proposed.")
    format: Literal["e-learning", "classroom", "blended", "coaching", "other"] = Field(
        description="How it is delivered.")
    audiences: list[Slug] = Field(min_length=1, description="Ids of the audiences it serves.")
    objectives: list[Slug] = Field(min_length=1, description="Ids of the objectives it serves.")
    costs: list[Cost] = Field(
        description="Fully loaded costs, participants' time included.")
    horizon_years: int = Field(
        default=1, ge=1, le=5,
        description="Years the figures look ahead, 1–5 (default 1: the first year alone).")
    retention: Fraction = Field(
        default=1.0,
        description="Share of the first year's benefit kept in each later year, 0–1 "
                    "(default 1).")
    launch: IsoDate | None = Field(default=None,
                                   description="When the roll-out went live (YYYY-MM-DD).")
    tracking: list[Tracking] = Field(
        default_factory=new_list, json_schema_extra=or_data_file(TrackingFile),
        description="The roll-out's uptake by period, in time order: set against the "
                    "sponsor's usage_targets of the same period; or a data file {file, period, "
                    "enrolled, completed, sheet}, such as an LMS export.")

    @property
    def each_audience(self) -> list[str]:
        """Its audiences, each once, in the order given: an audience listed twice is not
        twice the people. Every headcount of an initiative counts these."""
        return list(dict.fromkeys(self.audiences))
