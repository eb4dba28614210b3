"""audiences: who learns, and the knowledge, skills and motivation gaps in their way."""

from __future__ import annotations

from pydantic import Field

from buyin_cli.load.models.base import Accepting, Model, Slug, Text, new_list


class Gap(Model):
    need: Text = Field(description="What the learners lack.")
    evidence: Text | None = Field(default=None, description="How we know.")
    response: Text = Field(description="What the learning does about it.")


class Gaps(Model):
    knowledge: list[Gap] = Field(
        default_factory=new_list,
        description="Knowledge gaps; responses curate and sequence what is specific to the "
                    "organisation.")
    skills: list[Gap] = Field(
        default_factory=new_list,
        description="Skills gaps; responses give examples, scenarios and practice.")
    motivation: list[Gap] = Field(
        default_factory=new_list,
        description="Motivation gaps; responses say what is in it for the learner.")


class Audience(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    name: Text = Field(description="Who learns, e.g. 'Line operators'.")
    headcount: int = Field(gt=0, description="How many people the roll-out reaches.")
    gaps: Gaps = Field(description="What stands in their way: knowledge, skills, motivation.")
