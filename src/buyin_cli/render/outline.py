"""The deck outline: what a rendered deck template says each slide holds, and its parser.

The Jinja deck template renders YAML in this shape; every word on a slide comes
from it, and the renderer in `deck.py` only lays it out.
"""

from __future__ import annotations

import difflib
import math
from typing import Annotated, Any, Literal

import yaml
from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, ValidationError,
                      model_validator)
from pydantic_core import PydanticCustomError

from buyin_cli.errors import TemplateError
from buyin_cli.words import dotted


def _scalar_text(value: Any) -> Any:
    """Numbers become text (a year, a count); YAML's yes/no/true/false booleans do not."""
    if isinstance(value, bool):
        raise PydanticCustomError(
            "bool_text", "expected text, got a boolean (YAML reads unquoted yes/no/on/off/true/false "
            "as booleans: quote it)")
    if isinstance(value, (int, float)):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_text)]
def _number(value: Any) -> Any:
    """Only real numbers: no text that looks like one, no booleans, no infinities."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise PydanticCustomError("number", "expected a number")
    return value


Number = Annotated[float, BeforeValidator(_number)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Meta(_Model):
    """Document properties of the saved file."""

    title: Text | None = Field(None, description="Document title; defaults to the first slide's title.")
    author: Text | None = Field(None, description="Author and last editor recorded in the file.")
    subject: Text | None = Field(None, description="Document subject.")


class Bullet(_Model):
    """One point of a bullet list; a plain string is a level-0 bullet."""

    text: Text = Field(description="The words of the bullet.")
    level: int = Field(0, ge=0, le=4, description="Indent level, 0 (top) to 4.")
    bold: bool = Field(False, description="Whether the whole bullet is bold.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, (str, int, float)):
            return {"text": _scalar_text(value)}
        return value


class Series(_Model):
    """One series of a chart."""

    name: Text = Field(description="Series name, shown in the legend when there are several.")
    values: list[Number | None] = Field(
        description="One value per category; null leaves a gap.")


ChartKind = Literal["column", "bar", "line", "clustered_column", "clustered_bar", "doughnut"]


class Chart(_Model):
    """A native, editable chart."""

    kind: ChartKind = Field(description="column and clustered_column draw the same clustered columns; "
                                        "likewise bar and clustered_bar.")
    title: Text | None = Field(None, description="Chart title; none by default.")
    categories: list[Text] = Field(min_length=1, description="Category labels, in order.")
    series: list[Series] = Field(min_length=1, description="The series, each with one value per category.")
    number_format: str | None = Field(
        None, description='Excel number format for data labels and the value axis, e.g. 0.0"%".')
    unit: Text | None = Field(None, description="Unit of the values; informational only.")

    @model_validator(mode="after")
    def _shape(self) -> Chart:
        for i, s in enumerate(self.series):
            if len(s.values) != len(self.categories):
                raise PydanticCustomError(
                    "outline", "{n} value(s) for {m} categories",
                    {"where": f"series[{i}].values", "n": len(s.values), "m": len(self.categories)})
        if self.kind == "doughnut" and len(self.series) != 1:
            raise PydanticCustomError("outline", "a doughnut chart takes exactly one series",
                                      {"where": "series"})
        return self


Align = Literal["left", "center", "right"]


class Table(_Model):
    """A native table; long tables continue on following slides with the header repeated."""

    columns: list[Text] = Field(min_length=1, description="Header row.")
    rows: list[list[Text]] = Field(description="Body rows, each with one cell per column.")
    align: list[Align] | None = Field(None, description="Alignment per column; left by default.")

    @model_validator(mode="after")
    def _shape(self) -> Table:
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "outline", "{n} cell(s) for {m} columns",
                    {"where": f"rows[{i}]", "n": len(row), "m": len(self.columns)})
        if self.align is not None and len(self.align) != len(self.columns):
            raise PydanticCustomError(
                "outline", "{n} alignment(s) for {m} columns",
                {"where": "align", "n": len(self.align), "m": len(self.columns)})
        return self


class Link(_Model):
    """A hyperlink shown as the last paragraph of the slide's text."""

    text: Text = Field(description="The words shown.")
    url: str = Field(pattern=r"^(https?://|mailto:)\S+$", description="http(s):// or mailto: address.")


class Slide(_Model):
    """One slide (or more, when its list or table continues)."""

    layout: Text = Field(min_length=1, description="Layout name in the PowerPoint template.")
    title: Text = Field(min_length=1, description="Slide title.")
    subtitle: Text | None = Field(None, description="Subtitle (subtitle placeholder, else a body one).")
    body: list[Bullet] | None = Field(None, description="Bullets: strings or {text, level, bold}.")
    chart: Chart | None = Field(None, description="A chart, beside the body when both are given.")
    table: Table | None = Field(None, description="A table, beside the body when both are given.")
    link: Link | None = Field(None, description="A hyperlink after the body text.")
    notes: Text = Field(description="Speaker notes; continuation slides repeat them.")

    @model_validator(mode="after")
    def _one_visual(self) -> Slide:
        if self.chart is not None and self.table is not None:
            raise PydanticCustomError("outline", "a slide holds a chart or a table, not both",
                                      {"where": "table"})
        return self


class Outline(_Model):
    """The whole deck."""

    continued: Text = Field(description="Suffix added to the title of a continuation slide.")
    slide_numbers: bool = Field(True, description="Number the content slides (not title slides).")
    meta: Meta = Field(default_factory=Meta, description="Document properties.")
    slides: list[Slide] = Field(min_length=1, description="The slides, in order.")


_KEYS = sorted({name for m in (Meta, Bullet, Series, Chart, Table, Link, Slide, Outline)
                for name in m.model_fields})

_MESSAGES = {
    "missing": "required but missing",
    "string_type": "expected text",
    "list_type": "expected a list",
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "model_type": "expected a mapping",
    "dict_type": "expected a mapping",
    "too_short": "must not be empty",
    "finite_number": "expected a finite number",
}


def _parse(text: str) -> Any:
    """The outline's data: through libyaml when PyYAML has it, as an outline is tens of
    kilobytes parsed on every render; a failure is parsed again in Python, whose
    messages the errors below are worded for."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def parse_outline(text: str, template_name: str) -> Outline:
    """Parse the YAML that `template_name` rendered into an Outline, or raise TemplateError."""
    try:
        data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be read"
        raise TemplateError(f"{template_name}: rendered YAML is invalid{where}: {problem}") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{template_name}: expected a mapping with continued, slides, ... "
                            f"at the top level")
    try:
        return Outline.model_validate(data)
    except ValidationError as exc:
        # An unknown key first: a misspelt key also makes the intended one "missing".
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        first = _describe(errors[0], data)
        more = f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})" if len(errors) > 1 else ""
        raise TemplateError(f"{template_name}: {first}{more}") from None


def _describe(error: dict[str, Any], data: dict[str, Any]) -> str:
    """One pydantic error as `slide 3 (“Title”): chart.series[0].values: expected ...`."""
    loc = list(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    prefix = ""
    if len(loc) >= 2 and loc[0] == "slides" and isinstance(loc[1], int):
        raw = data["slides"][loc[1]]
        title = raw.get("title") if isinstance(raw, dict) else None
        prefix = f"slide {loc[1] + 1}" + (f" (\u201c{title}\u201d)" if isinstance(title, str) else "")
        loc = loc[2:]
    # A bad element of a list of numbers or of text is reported on the list itself.
    if "values" in loc and kind != "outline":
        loc, message = loc[:loc.index("values") + 1], "expected a list of numbers"
    elif len(loc) >= 2 and isinstance(loc[-1], int) and loc[-2] == "categories" and kind != "bool_text":
        loc, message = loc[:-1], "expected a list of text"
    elif kind == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), _KEYS, n=1)
        message = "unknown key" + (f" (did you mean '{close[0]}'?)" if close else "")
    elif kind == "outline":
        loc, message = loc + [ctx["where"]], error["msg"]
    elif kind == "literal_error":
        message = f"expected one of {ctx['expected']}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = "must be between 0 and 4" if loc[-1:] == ["level"] else error["msg"].lower()
    elif kind == "string_pattern_mismatch" and loc[-1:] == ["url"]:
        message = "expected an address starting with http://, https:// or mailto:"
    elif kind == "string_too_short":
        message = "must not be empty"
    else:
        message = _MESSAGES.get(kind, error["msg"])
    path = dotted(loc)
    parts = [p for p in (prefix, path) if p]
    return ": ".join(parts + [message])
