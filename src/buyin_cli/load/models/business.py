"""objectives and metrics: the business results leadership already tracks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from buyin_cli.load.models.base import Accepting, Model, Slug, Text, new_list
from buyin_cli.load.models.datafile import HistoryFile, or_data_file


class Objective(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    title: Text = Field(description="The business goal, in leadership's words.")
    owner: Text = Field(description="The executive who owns this goal.")
    driver: Literal["pain", "gain"] = Field(
        description="'pain': move away from a problem (sales down, complaints, turnover, "
                    "errors, safety incidents…); 'gain': move toward a better result.")
    metrics: list[Slug] = Field(min_length=1,
                                description="Ids of the metrics that measure this objective.")


class Reading(Model):
    period: Text = Field(description="The period this reading covers, e.g. '2026-Q1'.")
    value: float = Field(description="The metric's value in that period.")


class Metric(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    name: Text = Field(description="A business number leadership already tracks.")
    unit: Text = Field(description="Its unit, e.g. '%', 'incidents', 'complaints per 1,000 calls'.")
    better: Literal["higher", "lower"] = Field(description="Which direction is improvement.")
    baseline: float = Field(description="The value before the learning.")
    target: float = Field(description="The value the business wants.")
    actual: float | None = Field(default=None, description="The latest reading.")
    value_per_unit: float | None = Field(
        default=None, description="Money gained per unit of improvement (needed to monetise).")
    source: Text | None = Field(default=None, description="Where the number comes from.")
    per: Literal["week", "month", "quarter", "year"] | None = Field(
        default=None,
        description="The period one reading of a count covers, as in 'errors per month' "
                    "(needed for the yearly cost of the gap to target); absent for levels such "
                    "as % or scores, which are read, not summed, over a period.")
    history: list[Reading] = Field(
        default_factory=new_list, json_schema_extra=or_data_file(HistoryFile),
        description="Past readings, in time order; or a data file {file, period, value, sheet} "
                    "whose rows are the readings.")
