"""The people: the presenter, the stakeholders to bring along, the sponsor, their objections."""

from __future__ import annotations

from pydantic import Field

from buyin_cli.load.models.base import Accepting, Fraction, Model, Slug, Text, new_list


class Presenter(Model):
    name: Text = Field(description="Who gives the briefings.")
    role: Text = Field(description="Their role, as shown on the title slide.")


class Stakeholder(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    name: Text = Field(description="The manager's name.")
    role: Text = Field(description="Their role.")
    concerns: list[Text] = Field(default_factory=new_list, description="What worries them.")
    needs: list[Text] = Field(default_factory=new_list,
                              description="What they said their staff need (asked early).")
    benefits: list[Text] = Field(default_factory=new_list,
                                 description="What is in it for them, in their terms.")


class UsageTarget(Model):
    period: Text = Field(description="By when, e.g. '2027-Q2'.")
    completion: Fraction = Field(description="Share of the audience to have completed, 0–1.")


class Sponsor(Accepting):
    name: Text = Field(description="The senior sponsor.")
    role: Text = Field(description="Their role.")
    quote: Text = Field(description="Their endorsement, in their words.")
    usage_targets: list[UsageTarget] = Field(default_factory=new_list,
                                             description="Completion they expect, by period.")


class Objection(Model):
    objection: Text = Field(description="A question or doubt to prepare for.")
    response: Text = Field(description="The prepared answer.")
    evidence: Slug | None = Field(default=None, description="Id of a pilot that backs the answer.")
