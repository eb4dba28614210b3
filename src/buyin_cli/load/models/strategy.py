"""The strategy as a whole: its top-level keys and its sections."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal, Self

from pydantic import ConfigDict, Field, field_validator

from buyin_cli.load.currencies import ISO_4217
from buyin_cli.load.models.base import LANGUAGE_PATTERN, LOCALE_PATTERN, Accepting, Fraction, Text, new_list
from buyin_cli.load.models.business import Metric, Objective
from buyin_cli.load.models.evidence import Pilot
from buyin_cli.load.models.index import Index
from buyin_cli.load.models.learners import Audience
from buyin_cli.load.models.meetings import Briefing
from buyin_cli.load.models.people import Objection, Presenter, Sponsor, Stakeholder
from buyin_cli.load.models.proposal import Initiative


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
    language: str | None = Field(
        default=None,
        description="The language of the deck's and talking points' own wording, e.g. 'de' or "
                    "'en-GB'; default: the language of the locale, else English. The strategy's "
                    "own words stay as written.")
    discount_rate: Fraction = Field(
        default=0.0,
        description="The organisation's yearly discount rate for multi-year figures (NPV), "
                    "0–1, e.g. 0.08; default 0.")
    objectives: list[Objective] = Field(default_factory=new_list,
                                        description="Business goals leadership already owns.")
    metrics: list[Metric] = Field(default_factory=new_list,
                                  description="Business numbers, not learning numbers.")
    audiences: list[Audience] = Field(default_factory=new_list,
                                      description="Who learns, and what stands in their way.")
    initiatives: list[Initiative] = Field(default_factory=new_list,
                                          description="The learning proposed.")
    pilots: list[Pilot] = Field(default_factory=new_list, description="Evidence before the roll-out.")
    stakeholders: list[Stakeholder] = Field(
        default_factory=new_list, description="The managers whose support is needed.")
    sponsor: Sponsor | None = Field(default=None, description="Senior endorsement.")
    objections: list[Objection] = Field(default_factory=new_list,
                                        description="Questions to prepare for.")
    briefings: list[Briefing] = Field(default_factory=new_list, description="The meetings.")

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

    @field_validator("language")
    @classmethod
    def _language_shape(cls, language: str | None) -> str | None:
        if language is not None and not LANGUAGE_PATTERN.fullmatch(language):
            raise ValueError("expected a language code such as de, en or en-GB")
        return language

    @property
    def wording_language(self) -> str:
        """The language buyin's own words are in: `language`, else the locale's, else English."""
        chosen = self.language or (self.locale.split("_")[0] if self.locale else "en")
        return chosen.replace("-", "_").split("_")[0].lower()

    @cached_property
    def index(self) -> Index:
        """Its items by id and their places, built on first use and kept (load/models/index.py)."""
        return Index.of(self)

    # A copy (model_copy, copy.copy, copy.deepcopy) may be given other lists: it starts
    # without the kept index, which pydantic would otherwise copy with the fields.
    def __copy__(self) -> Self:
        copied = super().__copy__()
        copied.__dict__.pop("index", None)
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        copied.__dict__.pop("index", None)
        return copied
