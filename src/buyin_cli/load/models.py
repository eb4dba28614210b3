"""The strategy format (contract version 1) as pydantic models: the one declaration of it.

Field rules that concern one value live here; rules that relate several values
(references, dates in order, control readings in pairs) live in `relations.py`,
which can locate each problem precisely. The JSON Schema comes from these models.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints,
                      field_validator)

from buyin_cli.load.currencies import ISO_4217

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LOCALE_PATTERN = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_[0-9]{3})?")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Fraction = Annotated[float, Field(ge=0, le=1)]
Money = Annotated[float, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=100)]


def _iso_date(value: Any) -> Any:
    """Dates arrive as text (the loader keeps YAML timestamps as written): parse them strictly."""
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("expected a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"not a real date ({exc}); write YYYY-MM-DD") from None
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class Model(BaseModel):
    """Base: unknown keys are errors, values are not coerced across types, nothing mutates."""

    # No .inf or .nan: every figure computed from them would be meaningless.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class Accepting(Model):
    """An item whose readiness warnings may be accepted with a written reason."""

    accept: dict[str, Text] = Field(
        default_factory=dict,
        description="Readiness warnings accepted for this item: warning code → the written "
                    "justification (shown in the deck's appendix), e.g. {W301: 'No control "
                    "group is possible: every site took part.'}")


class Presenter(Model):
    name: Text = Field(description="Who gives the briefings.")
    role: Text = Field(description="Their role, as shown on the title slide.")


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
    history: list[Reading] = Field(default_factory=list,
                                   description="Past readings, in time order.")


class Gap(Model):
    need: Text = Field(description="What the learners lack.")
    evidence: Text | None = Field(default=None, description="How we know.")
    response: Text = Field(description="What the learning does about it.")


class Gaps(Model):
    knowledge: list[Gap] = Field(
        default_factory=list,
        description="Knowledge gaps; responses curate and sequence what is specific to the "
                    "organisation.")
    skills: list[Gap] = Field(
        default_factory=list,
        description="Skills gaps; responses give examples, scenarios and practice.")
    motivation: list[Gap] = Field(
        default_factory=list,
        description="Motivation gaps; responses say what is in it for the learner.")


class Audience(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    name: Text = Field(description="Who learns, e.g. 'Line operators'.")
    headcount: int = Field(gt=0, description="How many people the roll-out reaches.")
    gaps: Gaps = Field(description="What stands in their way: knowledge, skills, motivation.")


class Cost(Model):
    item: Text = Field(description="What the money is for.")
    amount: Money = Field(description="The amount, in the strategy's currency.")
    kind: Literal["one-off", "per-year", "per-participant"] = Field(
        description="'one-off', 'per-year', or 'per-participant' (times the audiences' headcount).")


class Initiative(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    title: Text = Field(description="The learning proposed.")
    format: Literal["e-learning", "classroom", "blended", "coaching", "other"] = Field(
        description="How it is delivered.")
    audiences: list[Slug] = Field(min_length=1, description="Ids of the audiences it serves.")
    objectives: list[Slug] = Field(min_length=1, description="Ids of the objectives it serves.")
    costs: list[Cost] = Field(
        description="Fully loaded costs, participants' time included.")


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


class Pilot(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    initiative: Slug = Field(description="Id of the initiative piloted.")
    group: Text = Field(description="Who took part, e.g. 'Line 3, night shift'.")
    participants: int = Field(gt=0, description="How many took part.")
    start: IsoDate = Field(description="First day (YYYY-MM-DD).")
    end: IsoDate = Field(description="Last day (YYYY-MM-DD), not before start.")
    cost: Money = Field(description="What the pilot spent.")
    reaction: Reaction | None = Field(default=None, description="How participants rated it.")
    learning: Learning | None = Field(default=None, description="Assessment scores pre and post.")
    usage: Usage | None = Field(default=None, description="Enrolment and completion.")
    quotes: list[Quote] = Field(default_factory=list, description="What participants said.")
    results: list[Result] = Field(description="Business results measured; a metric at most once.")


class Stakeholder(Accepting):
    id: Slug = Field(description="Unique id (lowercase letters, digits, hyphens).")
    name: Text = Field(description="The manager's name.")
    role: Text = Field(description="Their role.")
    concerns: list[Text] = Field(default_factory=list, description="What worries them.")
    needs: list[Text] = Field(default_factory=list,
                              description="What they said their staff need (asked early).")
    benefits: list[Text] = Field(default_factory=list,
                                 description="What is in it for them, in their terms.")


class UsageTarget(Model):
    period: Text = Field(description="By when, e.g. '2027-Q2'.")
    completion: Fraction = Field(description="Share of the audience to have completed, 0–1.")


class Sponsor(Accepting):
    name: Text = Field(description="The senior sponsor.")
    role: Text = Field(description="Their role.")
    quote: Text = Field(description="Their endorsement, in their words.")
    usage_targets: list[UsageTarget] = Field(default_factory=list,
                                             description="Completion they expect, by period.")


class Objection(Model):
    objection: Text = Field(description="A question or doubt to prepare for.")
    response: Text = Field(description="The prepared answer.")
    evidence: Slug | None = Field(default=None, description="Id of a pilot that backs the answer.")


class Showcase(Model):
    title: Text = Field(description="The course to demo.")
    url: Text = Field(description="Where to open it.")


class Briefing(Accepting):
    id: Slug = Field(description="Unique id; names the output files ID.pptx and ID.md.")
    stakeholder: Slug = Field(description="Id of the stakeholder being briefed.")
    date: IsoDate = Field(description="The meeting's date (YYYY-MM-DD).")
    minutes: int = Field(gt=0, description="How long the meeting is.")
    opening_question: Text = Field(description="A question that invites a positive first answer.")
    asks: list[Text] = Field(min_length=1, description="The decisions wanted.")
    focus: list[Slug] = Field(default_factory=list,
                              description="Ids of objectives to lead with (default: all).")
    showcase: Showcase | None = Field(default=None, description="The course to demo.")


class Strategy(Accepting):
    """A learning team's case for management buy-in."""

    model_config = ConfigDict(title="buyin strategy")

    buyin: Literal[1] = Field(description="Format version: 1.")
    organisation: Text = Field(description="Whose strategy.")
    title: Text = Field(description="The strategy's headline.")
    presenter: Presenter = Field(description="Who gives the briefings.")
    currency: str = Field(default="USD", description="ISO 4217 currency code, e.g. GBP.")
    locale: str | None = Field(
        default=None,
        description="How to write money and numbers, e.g. 'en_GB' (£1,234) or 'de_DE' "
                    "(1.234 €); default: suited to the currency (en_GB for GBP, en_US for "
                    "USD, en_IE for EUR).")
    objectives: list[Objective] = Field(default_factory=list,
                                        description="Business goals leadership already owns.")
    metrics: list[Metric] = Field(default_factory=list,
                                  description="Business numbers, not learning numbers.")
    audiences: list[Audience] = Field(default_factory=list,
                                      description="Who learns, and what stands in their way.")
    initiatives: list[Initiative] = Field(default_factory=list,
                                          description="The learning proposed.")
    pilots: list[Pilot] = Field(default_factory=list, description="Evidence before the roll-out.")
    stakeholders: list[Stakeholder] = Field(
        default_factory=list, description="The managers whose support is needed.")
    sponsor: Sponsor | None = Field(default=None, description="Senior endorsement.")
    objections: list[Objection] = Field(default_factory=list,
                                        description="Questions to prepare for.")
    briefings: list[Briefing] = Field(default_factory=list, description="The meetings.")

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, code: str) -> str:
        if code not in ISO_4217:
            raise ValueError("unknown currency")
        return code

    @field_validator("locale")
    @classmethod
    def _locale_shape(cls, locale: str | None) -> str | None:
        # Only the shape: whether babel knows the locale is checked where money is formatted.
        if locale is not None and not LOCALE_PATTERN.fullmatch(locale):
            raise ValueError("expected a locale such as en_GB or de_DE (language, underscore, "
                             "country)")
        return locale
