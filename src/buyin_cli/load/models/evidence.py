"""pilots: the evidence before the roll-out, from reaction through learning and application to business results."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from buyin_cli.load.models.base import Accepting, Fraction, IsoDate, Model, Money, Percent, Slug, Text, new_list


class Reaction(Model):
    score: float = Field(ge=0, description="Participants' average rating.")
    scale: float = Field(gt=0, description="The top of the rating scale, e.g. 5.")


class Learning(Model):
    pre: Percent = Field(description="Average assessment score before, in %.")
    post: Percent = Field(description="Average assessment score after, in %.")


class Usage(Model):
    enrolled: int = Field(ge=0, description="How many enrolled.")
    completed: int = Field(ge=0, description="How many completed.")


class Quote(Model):
    text: Text = Field(description="What a participant said.")
    by: Text = Field(description="Who said it, e.g. 'Shift supervisor, Line 3'.")


class Behaviour(Model):
    behaviour: Text = Field(description="What participants now do on the job, e.g. 'lock-out "
                                        "done before clearing a jam'.")
    before: float | None = Field(default=None, description="How often or how well, before.")
    after: float = Field(description="How often or how well, after.")
    unit: Text = Field(description="What the readings count, e.g. '% of observed clears'.")
    source: Text | None = Field(default=None, description="How it was observed.")


class Estimate(Model):
    share: Fraction = Field(description="A participant's estimate of the share of the change "
                                        "due to the learning, 0–1.")
    confidence: Fraction = Field(description="How sure they are of that share, 0–1.")


class Result(Model):
    metric: Slug = Field(description="Id of the business metric measured.")
    per: Literal["week", "month", "quarter", "year"] = Field(
        description="The period that one reading covers.")
    before: float = Field(description="The pilot group's reading before.")
    after: float = Field(description="The pilot group's reading after.")
    control_before: float | None = Field(
        default=None, description="A comparison group's reading before (with control_after).")
    control_after: float | None = Field(
        default=None, description="A comparison group's reading after (with control_before).")
    isolation: Fraction | None = Field(
        default=None, description="Share of the change due to the learning, 0–1 (default 1).")
    confidence: Fraction | None = Field(
        default=None, description="Confidence in the isolation estimate, 0–1 (default 1).")
    trend_after: float | None = Field(
        default=None,
        description="What the pre-pilot trend projects for the after period without the "
                    "learning (the trend-line method; not with control_before/control_after).")
    estimates: Annotated[list[Estimate], Field(min_length=1)] | None = Field(
        default=None,
        description="Participants' own estimates of the share of the change due to the "
                    "learning, each with their confidence: the mean of share × confidence "
                    "replaces isolation × confidence (not with isolation or confidence).")


class Pilot(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    initiative: Slug = Field(description="Id of the initiative piloted.")
    group: Text = Field(description="Who took part, e.g. 'Line 3, night shift'.")
    participants: int = Field(gt=0, description="How many took part.")
    control_group: Text | None = Field(
        default=None, description="Who the comparison group was, e.g. 'Cardiff station'.")
    start: IsoDate = Field(description="First day (YYYY-MM-DD).")
    end: IsoDate = Field(description="Last day (YYYY-MM-DD), not before start.")
    cost: Money = Field(description="What the pilot spent.")
    reaction: Reaction | None = Field(default=None, description="How participants rated it.")
    learning: Learning | None = Field(default=None, description="Assessment scores pre and post.")
    usage: Usage | None = Field(default=None, description="Enrolment and completion.")
    quotes: list[Quote] = Field(default_factory=new_list, description="What participants said.")
    application: list[Behaviour] = Field(
        default_factory=new_list,
        description="What participants now do on the job: the level between learning and "
                    "business results.")
    intangibles: list[Text] = Field(
        default_factory=new_list,
        description="Benefits observed but not converted to money (morale, fewer "
                    "escalations…): shown, never added to a benefit.")
    results: list[Result] = Field(description="Business results measured; a metric at most once.")
