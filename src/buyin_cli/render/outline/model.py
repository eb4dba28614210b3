"""The deck outline's shape: the slides a deck template renders, and what each may hold."""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

# What one deck may hold, checked before any slide is made: python-pptx's time grows with
# each slide and chart point, and no room reads more. A chart's categories fit a history of
# 20,000 readings (a data file holds at most 10,000 rows).
MAX_SLIDES = 500
MAX_CATEGORIES = 20_000
MAX_SERIES = 50
# Its YAML, before it is parsed: a deck's outline is tens of kilobytes, a 20,000-reading chart's
# about 500 KB; parsing takes seconds a megabyte.
MAX_OUTLINE_CHARS = 2_000_000


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
    # Validators built on first use, the outline's once with its parts in it (as the strategy's).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Meta(_Model):
    """Document properties of the saved file."""

    title: Text | None = Field(None, description="Document title; defaults to the first slide's title.")
    author: Text | None = Field(None, description="Author and last editor recorded in the file.")
    subject: Text | None = Field(None, description="Document subject.")
    language: Text | None = Field(None, description="The locale of the deck's figures as a tag "
                                                    "such as de-DE: charts write their numbers as "
                                                    "it does (1.000, not 1,000); also saved as "
                                                    "the document's language.")


class Bullet(_Model):
    """One point of a bullet list; a plain string is a level-0 bullet."""

    text: Text = Field(description="The words of the bullet.")
    level: int = Field(0, ge=0, le=4, description="Indent level, 0 (top) to 4.")
    bold: bool = Field(False, description="Whether the whole bullet is bold.")
    detail: bool = Field(False, description="On a slide that stays whole: left out (and said from "
                                            "the notes) before the list reads smaller.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, (str, int, float)):
            return {"text": _scalar_text(value)}
        return value


SeriesRole = Literal["focus", "context", "target", "expected"]


class Series(_Model):
    """One series of a chart."""

    name: Text = Field(description="Series name, shown in the legend when there are several.")
    values: list[Number | None] = Field(
        description="One value per category; null leaves a gap.")
    end_label: Text | None = Field(
        None, description="A line's label at its last value, e.g. 'Target 4'; default: the value.")
    role: SeriesRole | None = Field(
        None, description="focus: in the accent colour (what the title talks about); context: grey; "
                          "target: a dashed line; expected (what would have happened anyway, a trend's "
                          "projection): grey and dashed, hollow. Default: the first series focus, the rest context.")


class Mark(_Model):
    """When something happened on a line chart's time axis: a pilot's run, a launch."""

    label: Text = Field(description="What happened, e.g. 'Launch: Safe Hands'.")
    short_label: Text | list[Text] | None = Field(
        None, description="Shorter labels, the longest first, the first that fits the plot's "
                          "width on one line shown, e.g. 'Pilot: 105 of 2,060 people'.")
    start: Number = Field(description="Where, in category units: 0 is the first category, 0.5 "
                                      "between the first and the second.")
    end: Number | None = Field(None, description="Where it ended, for a span such as a pilot.")


ChartKind = Literal["column", "bar", "line", "clustered_column", "clustered_bar", "doughnut"]


class Chart(_Model):
    """A native, editable chart."""

    kind: ChartKind = Field(description="column and clustered_column draw the same clustered columns; "
                                        "likewise bar and clustered_bar.")
    title: Text | None = Field(None, description="Chart title; none by default.")
    categories: list[Text] = Field(min_length=1, max_length=MAX_CATEGORIES,
                                   description="Category labels, in order.")
    series: list[Series] = Field(min_length=1, max_length=MAX_SERIES,
                                 description="The series, each with one value per category.")
    number_format: str | None = Field(
        None, description='Excel number format for data labels and the value axis, e.g. 0.0"%".')
    unit: Text | None = Field(None, description="Unit of the values; informational only.")
    source: Text | None = Field(None, description="A source line under the chart, e.g. 'Source: MES'.")
    axis_min: Number | None = Field(
        None, description="Lowest value on the value axis. Default: 0 for bars and columns; for a "
                          "line, a range that shows every value and the target without magnifying noise.")
    axis_max: Number | None = Field(None, description="Highest value on the value axis.")
    ceiling: Number | None = Field(None, description="The highest value the measure can take "
                                                     "(100 for a percentage): the axis never runs past it.")
    marks: list[Mark] | None = Field(None, max_length=6,
                                     description="Events on a line chart's time axis, drawn as "
                                                 "vertical rules with their label.")

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
    total: list[Text] | None = Field(
        None, description="A total row, in bold under a rule, after the rows (on the last slide "
                          "of a table that continues).")
    align: list[Align] | None = Field(None, description="Alignment per column; left by default.")

    @model_validator(mode="after")
    def _shape(self) -> Table:
        rows = [(f"rows[{i}]", row) for i, row in enumerate(self.rows)]
        for where, row in rows + ([("total", self.total)] if self.total is not None else []):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "outline", "{n} cell(s) for {m} columns",
                    {"where": where, "n": len(row), "m": len(self.columns)})
        if self.align is not None and len(self.align) != len(self.columns):
            raise PydanticCustomError(
                "outline", "{n} alignment(s) for {m} columns",
                {"where": "align", "n": len(self.align), "m": len(self.columns)})
        return self


class Link(_Model):
    """A hyperlink shown as the last paragraph of the slide's text."""

    text: Text = Field(description="The words shown.")
    url: str = Field(pattern=r"^(https?://|mailto:)\S+$", description="http(s):// or mailto: address.")


class Callout(_Model):
    """A big number with a few words under it, for the figures a decision rests on."""

    value: Text = Field(description="The figure, e.g. '£189,040'.")
    label: Text = Field(description="A few words under it, e.g. 'to invest in year one'.")


class Step(_Model):
    """One step of a flow drawn as a row of boxes: the chain of impact, say."""

    label: Text = Field(description="What the step is, e.g. 'Reaction'.")
    short_label: Text | list[Text] | None = Field(
        None, description="A shorter label, shown when the label does not fit its box, e.g. "
                          "'Application: checklist used' for 'Application: checklist used at every "
                          "set-up'; or several, the longest first, the first that fits shown.")
    value: Text = Field(description="What was found, e.g. '4.4 / 5'.")
    weak: bool = Field(False, description="Draw this step as the weak link.")


class Slide(_Model):
    """One slide (or more, when its list or table continues)."""

    layout: Text = Field(min_length=1, description="Layout name in the PowerPoint template.")
    title: Text = Field(min_length=1, description="Slide title.")
    short_title: Text | list[Text] | None = Field(
        None, description="A shorter form of the title (or shorter forms, longest first), shown "
                          "when the title does not fit its box in two lines: rephrased, never cut.")
    subtitle: Text | None = Field(None, description="Subtitle (subtitle placeholder, else a body one).")
    section: Text | None = Field(
        None, description="Which part of the story the slide tells, e.g. 'evidence'; the talking "
                          "points read it, and a slide of section 'questions' gets the discussion time.")
    hidden: bool = Field(False, description="A backup slide: hidden in the slideshow and placed "
                                            "after the presented ones.")
    whole: bool = Field(False, description="Never continued (the decision): its list leaves out "
                                           "its details, then reads as small as 12 pt, to fit.")
    fill: bool = Field(False, description="What the room decides on (the asks again) or hears together (two "
                                          "quotes or more): its list, alone or "
                                          "under big numbers, fills its box as a statement, larger and "
                                          "centred, while it is short of three quarters of it.")
    weight: Number = Field(1, ge=0, description="Its share of the presenting time, relative to the "
                                                 "other presented slides (a demo takes more).")
    callouts: list[Callout] | None = Field(None, max_length=4,
                                           description="Up to four big numbers above the body.")
    flow: list[Step] | None = Field(None, max_length=6,
                                    description="A row of up to six steps above the chart or body.")
    body: list[Bullet] | None = Field(None, description="Bullets: strings or {text, level, bold}.")
    chart: Chart | None = Field(None, description="A chart, beside the body when both are given.")
    charts: list[Chart] | None = Field(None, max_length=2,
                                       description="Two charts side by side (instead of chart).")
    table: Table | None = Field(None, description="A table, beside the body when both are given, "
                                                  "above the chart when both are given.")
    link: Link | None = Field(None, description="A hyperlink after the body text.")
    footnote: Text | None = Field(None, description="A small line at the foot of the slide's content: "
                                                    "a source, a caveat.")
    short_footnote: Text | list[Text] | None = Field(
        None, description="What the footnote must keep (who took part and its caveats; then who "
                          "took part alone), the longest first: the first that leaves a chart "
                          "room is shown; the rest is said from the notes.")
    notes: Text = Field(description="Speaker notes, on the slide's first page.")

    @model_validator(mode="after")
    def _one_visual(self) -> Slide:
        if self.chart is not None and self.charts is not None:
            raise PydanticCustomError("outline", "give chart or charts, not both", {"where": "charts"})
        if self.table is not None and self.all_charts and self.body:
            raise PydanticCustomError("outline", "a slide with a table and a chart has no room "
                                                 "for a body", {"where": "body"})
        return self

    @property
    def title_forms(self) -> list[str]:
        """The title, then its shorter forms."""
        short = self.short_title
        return [self.title] + ([short] if isinstance(short, str) else list(short or []))

    @property
    def all_charts(self) -> list[Chart]:
        return [self.chart] if self.chart is not None else list(self.charts or [])


class Outline(_Model):
    """The whole deck."""

    continued: Text = Field(description="Suffix added to the title of a continuation slide.")
    continued_notes: Text = Field("", description="The notes of a continuation slide: it is no "
                                                  "new slide to present, and has no time of its own.")
    slide_numbers: bool = Field(True, description="Number the content slides (not title slides).")
    footer: Text | list[Text] | None = Field(
        None, description="A footer line on the content slides, e.g. the organisation and the date; "
                          "or several forms, the longest first, the first that reads on one line shown.")
    minutes: int | None = Field(None, gt=0, description="The meeting's length: shared among the "
                                                        "presented slides, a third kept for questions.")
    timing: Text | None = Field(None, description="How each slide's time opens its notes, with {} "
                                                  "for the time, e.g. '[{}] '; none when unset.")
    meta: Meta = Field(default_factory=Meta, description="Document properties.")
    slides: list[Slide] = Field(min_length=1, max_length=MAX_SLIDES, description="The slides, in order.")
