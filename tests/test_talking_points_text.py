"""The talking points are Markdown, and the strategy's text in them is text: no HTML, link, image, heading or column.

Each payload goes into every text of the strategy the talking points show, and
the file is rendered as a Markdown previewer would (markdown-it, CommonMark with
tables): nothing the strategy wrote may become markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import VALID_YAML

TALKING_POINTS = Path("out/warehouse-manager-briefing.md")
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "comment": "<!-- hidden",
    "javascript link": "[Demo](javascript:alert(1))",
    "remote image": "![x](https://tracker.example/pixel.png)",
    "reference image": "![x][r]\n\n[r]: https://tracker.example/p.png",
    "autolink": "<https://tracker.example/a>",
    "heading": "Kestrel\n# Forged heading",
    "line-start heading": "# Forged heading",
    "table column": "Picking | forged | columns",
    "emphasis": "**loud** _quiet_ `code`",
    "entity": "&#x3C;script&#x3E;",
    "escape cancel": "\\[Demo\\](javascript:x)",
}
# Texts of the strategy that the talking points show, one line each.
FIELDS = ["organisation: Kestrel Logistics", "title: Fewer picking errors at the Columbus warehouse",
          "    name: Picking errors", "    title: Pick Right", "    group: Night shift",
          "    name: Tanya Brooks", "    role: Warehouse General Manager",
          "    asks: [Approve the roll-out to all 120 pickers]"]


def _with(payload: str) -> str:
    text = VALID_YAML
    quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    for line in FIELDS:
        key, _, value = line.partition(": ")
        new = f"{key}: [{quoted}]" if value.startswith("[") else f"{key}: {quoted}"
        text = text.replace(line, new, 1)
    return text


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_strategy_text_is_text_in_the_talking_points(run, write, payload) -> None:
    baseline = _html(_ours(run, write, _with("plain words")))  # the same warnings
    result_md = _ours(run, write, _with(payload))
    html = _html(result_md)
    assert "<script" not in html and "<img" not in html and "<!--" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "tracker.example" not in " ".join(re.findall(r'(?:href|src)="([^"]*)"', html))
    for tag in ("<h1", "<h2", "<h3", "<strong", "<em", "<code", "<td", "<th", "<li", "<a "):
        assert html.count(tag) == baseline.count(tag), (tag, payload)
    assert not any(line.lstrip().startswith("# Forged") for line in result_md.splitlines())


def _ours(run, write, text: str) -> str:
    path = write("s.yaml", text)
    result = run("brief", path, "--out", "out", "--force")
    assert result.exit_code == 0, result.output
    return TALKING_POINTS.read_text(encoding="utf-8")


def test_a_showcase_link_that_is_no_web_address_links_nowhere(run, write) -> None:
    text = VALID_YAML.replace('url: "https://example.com/pick-right"', 'url: "javascript:alert(1)"')
    markdown = _ours(run, write, text)
    assert "javascript" not in markdown
    assert "[Pick Right]()" in markdown


def test_plain_text_reads_as_written(run, write) -> None:
    # Escapes only where markup would start: a date, a decimal, 'R&D', snake_case stay.
    from buyin_cli.render.markdown import markdown_text

    assert markdown_text("14. Oktober, 3.7 months, R&D, snake_case, 5 < 6, -5%") == \
        "14. Oktober, 3.7 months, R&D, snake_case, 5 < 6, -5%"
    assert markdown_text("a\n# b | c") == "a # b \\| c"


@pytest.mark.parametrize("template, where", [
    ("talking-points.md.j2", r"its output's line \d+, column 3"), ("deck.yaml.j2", "continued"),
])
def test_a_template_that_writes_a_control_character_is_refused_where_it_wrote_it(
        run, write, template, where) -> None:
    # The deck's XML cannot hold '\x01'; the talking points are screened the same way, so a
    # template cannot plant a control character in a file a previewer or terminal shows.
    if template == "deck.yaml.j2":
        write("mine/deck.yaml.j2", '{% extends "deck_base.yaml.j2" %}\n'
                                   '{% block continued %}"a\\x01"{% endblock %}\n')
    else:
        write("mine/talking-points.md.j2", '{% extends "talking_points_base.md.j2" %}\n'
                                           '{% block asks %}\nab{{ "\\x01" }}{% endblock %}\n')
    result = run("brief", write("s.yaml", VALID_YAML), "--out", "out", "--templates", "mine")
    assert result.exit_code == 1, result.output
    [line] = result.lines
    assert re.fullmatch(f"error: {template}: {where}: control character U\\+0001 in the "
                        "rendered text; a template must not write control characters", line), line
    assert not Path("out").exists()


def test_an_initiatives_cost_is_a_paragraph_of_its_own_not_part_of_the_last_result(run, write) -> None:
    # Rendered, "Cost, year one" ran into the bullet of the last result above it, and the years
    # into the cost: each is a paragraph of its own.
    html = _html(_ours(run, write, VALID_YAML))
    items = re.findall(r"<li>(.*?)</li>", html, flags=re.S)
    assert not any("Cost, year one" in item for item in items)
    assert re.search(r"<p>Cost, year one: [^<]*</p>", html)
