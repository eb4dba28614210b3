"""The deck outline: what parses, and the exact line a template author sees when it does not."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, strategies as st
from pydantic import ValidationError

from buyin_cli.errors import TemplateError
from buyin_cli.render.outline import Bullet, Outline, parse_outline

VALID = """\
continued: " (cont.)"
slide_numbers: false
meta: {title: Pilot results, author: L&D team}
slides:
  - layout: Title Slide
    title: Pilot results
    subtitle: Board, March 2026
    notes: Open with the headline.
  - layout: Title and Content
    title: The numbers
    body:
      - First point
      - {text: A sub-point, level: 1}
      - {text: The ask, bold: true}
      - 2026
    chart:
      kind: column
      categories: [2024, Q2 2025]
      series: [{name: Scrap rate, values: [4.2, null]}]
      number_format: '0.0"%"'
      unit: "%"
    notes: |
      Line one.
      Line two.
  - layout: Title Only
    title: Costs
    table:
      columns: [Item, Amount]
      rows: [[Trainer days, "£12,000"], [Backfill, 3400]]
      align: [left, right]
    link: {text: Open the course, url: "https://example.com/c"}
    notes: From finance.
"""


def test_valid_outline() -> None:
    outline = parse_outline(VALID, "deck.yaml.j2")
    assert isinstance(outline, Outline)
    assert outline.continued == " (cont.)" and outline.slide_numbers is False
    assert outline.meta.title == "Pilot results" and outline.meta.subject is None
    title, numbers, costs = outline.slides
    assert title.subtitle == "Board, March 2026" and title.body is None
    assert numbers.body == [Bullet(text="First point"), Bullet(text="A sub-point", level=1),
                            Bullet(text="The ask", bold=True), Bullet(text="2026")]
    assert numbers.chart.categories == ["2024", "Q2 2025"]
    assert numbers.chart.series[0].values == [4.2, None]
    assert numbers.notes == "Line one.\nLine two.\n"
    assert costs.table.rows == [["Trainer days", "£12,000"], ["Backfill", "3400"]]
    assert costs.link.url == "https://example.com/c"


def test_defaults() -> None:
    outline = parse_outline('continued: " (cont.)"\nslides: [{layout: L, title: T, notes: ""}]', "d")
    assert outline.slide_numbers is True and outline.meta.title is None


def test_models_are_frozen() -> None:
    outline = parse_outline(VALID, "deck.yaml.j2")
    with pytest.raises(ValidationError, match="frozen"):
        outline.continued = "x"  # type: ignore[misc]


S2 = "deck.yaml.j2: slide 2 (“The numbers”): "


@pytest.mark.parametrize(("old", "new", "message"), [
    ("values: [4.2, null]", 'values: [4.2, "4.1"]', S2 + "chart.series[0].values: expected a list of numbers"),
    ("values: [4.2, null]", "values: [4.2, .inf]", S2 + "chart.series[0].values: expected a list of numbers"),
    ("values: [4.2, null]", "values: 4.2", S2 + "chart.series[0].values: expected a list of numbers"),
    ("values: [4.2, null]", "values: [4.2]", S2 + "chart.series[0].values: 1 value(s) for 2 categories"),
    ("kind: column", "kind: pie", S2 + "chart.kind: expected one of 'column', 'bar', 'line', "
                                       "'clustered_column', 'clustered_bar' or 'doughnut'"),
    ("kind: column", "kind: doughnut\n      title: [x]", S2 + "chart.title: expected text"),
    ("level: 1", "level: 5", S2 + "body[1].level: must be between 0 and 4"),
    ("- First point", "- yes", S2 + "body[0]: expected text, got a boolean (YAML reads unquoted "
                                    "yes/no/on/off/true/false as booleans: quote it)"),
    ("      Line two.\n", "      Line two.\n    notse: x\n", S2 + "notse: unknown key (did you mean 'notes'?)"),
    ("    notes: |\n      Line one.\n      Line two.\n", "", S2 + "notes: required but missing"),
    ("categories: [2024, Q2 2025]", "categories: []", S2 + "chart.categories: must not be empty"),
    ("    title: The numbers\n", "", "deck.yaml.j2: slide 2: title: required but missing"),
    ("rows: [[Trainer days", "rows: [[Trainer days, x",
     "deck.yaml.j2: slide 3 (“Costs”): table.rows[0]: 3 cell(s) for 2 columns"),
    ("align: [left, right]", "align: [left, middle]",
     "deck.yaml.j2: slide 3 (“Costs”): table.align[1]: expected one of 'left', 'center' or 'right'"),
    ('url: "https://example.com/c"', 'url: "javascript:alert(1)"',
     "deck.yaml.j2: slide 3 (“Costs”): link.url: expected an address starting with http://, https:// or mailto:"),
    ("slide_numbers: false", "slide_numbers: maybe", "deck.yaml.j2: slide_numbers: expected true or false"),
    ('continued: " (cont.)"\n', "", "deck.yaml.j2: continued: required but missing"),
    ("meta: {title: Pilot results, author: L&D team}", "meta: {titel: x}",
     "deck.yaml.j2: meta.titel: unknown key (did you mean 'title'?)"),
])
def test_invalid_outline_gives_one_exact_line(old: str, new: str, message: str) -> None:
    assert old in VALID
    with pytest.raises(TemplateError) as info:
        parse_outline(VALID.replace(old, new, 1), "deck.yaml.j2")
    assert str(info.value) == message


def test_several_problems_are_counted() -> None:
    text = VALID.replace("level: 1", "level: 9").replace("kind: column", "kind: pie")
    with pytest.raises(TemplateError, match=r"^deck\.yaml\.j2: slide 2 .*\(and 1 more problem\)$"):
        parse_outline(text, "deck.yaml.j2")


@pytest.mark.parametrize(("text", "message"), [
    ("slides: [", "deck.yaml.j2: rendered YAML is invalid at line 1, column 10: expected the node content, "
                  "but found '<stream end>'"),
    ("- a list", "deck.yaml.j2: expected a mapping with continued, slides, ... at the top level"),
    ("", "deck.yaml.j2: expected a mapping with continued, slides, ... at the top level"),
    ('continued: x\nslides: []', "deck.yaml.j2: slides: must not be empty"),
])
def test_unusable_yaml(text: str, message: str) -> None:
    with pytest.raises(TemplateError) as info:
        parse_outline(text, "deck.yaml.j2")
    assert str(info.value) == message


numbers = st.one_of(st.none(), st.integers(-10**9, 10**9),
                    st.floats(allow_nan=False, allow_infinity=False, width=32))


@given(values=st.lists(numbers, min_size=1, max_size=12))
def test_any_finite_numbers_parse_and_keep_their_value(values: list) -> None:
    categories = [f"C{i}" for i in range(len(values))]
    data = {"continued": "+", "slides": [{"layout": "L", "title": "T", "notes": "", "chart": {
        "kind": "line", "categories": categories, "series": [{"name": "s", "values": values}]}}]}
    parsed = parse_outline(yaml.safe_dump(data), "d").slides[0].chart.series[0].values
    assert len(parsed) == len(values)
    for got, want in zip(parsed, values):
        assert (got is None and want is None) or math.isclose(got, want, rel_tol=1e-6)
