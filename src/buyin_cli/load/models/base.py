"""What every model of the format is made of: the base models and the field types."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}([-_][A-Z]{2}|[-_][0-9]{3})?")
LOCALE_PATTERN = re.compile(r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_[0-9]{3})?")

# An id names files (ID.pptx, and '~$ID.pptx' beside it): well inside a file name's 255 bytes.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)]
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
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"not a real date ({exc}); write YYYY-MM-DD") from None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            # A day at the calendar's end (9999-12-31) has no day after it to count to.
            raise ValueError(f"a date from {FIRST_YEAR} to {LAST_YEAR}, got {value}")
        return day
    return value


FIRST_YEAR, LAST_YEAR = 1900, 2999  # a strategy's dates, and the years its periods name


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


MAX_NUMBER = 1e12  # more than any headcount, minutes or money a strategy counts
MIN_NUMBER = 1e-4  # smaller ones are written 1e-05, which the deck's outline reads as text


# A field's empty default. Functions, not `list` and `dict`: pydantic reads each factory's
# signature, and a builtin's is parsed from text, which starts Python's tokenizer (≈10 ms
# of every command's start-up for two dozen fields).
def new_list() -> list[Any]:
    """A new empty list."""
    return []


def new_dict() -> dict[Any, Any]:
    """A new empty dict."""
    return {}


class Model(BaseModel):
    """Base: unknown keys are errors, values are not coerced across types, nothing mutates."""

    # No .inf or .nan: every figure computed from them would be meaningless. `defer_build`:
    # pydantic builds a model's validator when it first validates, not as the class is made,
    # so the strategy's validator is built once with every nested model in it, instead of
    # each model's own as well (≈15 ms of every command's start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False,
                              defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _in_range(cls, value: Any) -> Any:
        """Numbers a strategy can hold: 1.0e+308 or a headcount of 4,000 digits passed here and
        then overflowed in the figures; a denormal such as 1e-320 broke the deck's charts."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if abs(value) > MAX_NUMBER:
                raise ValueError(f"the number is too large; a strategy's numbers are at most "
                                 f"{MAX_NUMBER:,.0f} either way")
            if value and abs(value) < MIN_NUMBER:
                raise ValueError(f"the number is too small to be a reading; write 0, or a "
                                 f"number of at least {MIN_NUMBER:g}")
        return value


class Accepting(Model):
    """An item whose readiness warnings may be accepted with a written reason."""

    accept: dict[str, Text] = Field(
        default_factory=new_dict,
        description="Readiness warnings accepted for this item: warning code → the written "
                    "justification (shown in the talking points), e.g. {W301: 'No control "
                    "group is possible: every site took part.'}")
