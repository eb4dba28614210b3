"""`roi`'s tables and lines drawn plainly are byte for byte what rich draws."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.text import Text

from buyin_cli.present.terminal.plaindraw import PlainLines, PlainTable

WORDS = ["a", "to", "net", "ROI", "Telford", "injuries,", "£12,345", "1.5 × 0.8", "scale-up",
         "Lost-time", "(R)", "per", "quarter", "—", "no control", "", "  ", "x" * 30]


def _console(width: int, colour: bool = False) -> Console:
    return Console(file=io.StringIO(), width=width, color_system="truecolor" if colour else None,
                   force_terminal=colour, highlight=False)


def _drawn(renderable: object, width: int, colour: bool = False) -> str:
    console = _console(width, colour)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _random_table(rng: random.Random) -> PlainTable:
    table = PlainTable()
    columns = rng.randint(1, 6)
    for _ in range(columns):
        options: dict[str, object] = {}
        if rng.random() < 0.5:
            options["justify"] = rng.choice(["left", "right"])
        if rng.random() < 0.4:
            options["no_wrap"] = True
        if rng.random() < 0.5:
            options["max_width"] = rng.randint(3, 30)
        table.add_column(" ".join(rng.choices(WORDS, k=rng.randint(0, 4))), **options)
    for _ in range(rng.randint(0, 8)):
        table.add_row(*(" ".join(rng.choices(WORDS, k=rng.randint(0, 5))) for _ in range(columns)))
    return table


@pytest.mark.parametrize("seed", range(40))
def test_a_table_is_drawn_as_rich_draws_it(seed):
    rng = random.Random(seed)
    drawn_plainly = 0
    for _ in range(60):
        table, width = _random_table(rng), rng.choice([20, 40, 60, 80, 100, 160])
        assert _drawn(table, width) == _drawn(table.rich_table(), width)
        drawn_plainly += table.lines(width) is not None
    assert drawn_plainly >= 5  # the plain way is taken, not only the fallback


def test_a_pilot_table_too_wide_for_the_terminal_is_drawn_as_rich_draws_it():
    table = PlainTable()
    table.add_column("", no_wrap=True)
    for name in ("Parts scrapped, Telford 1", "Lost-time injuries, Telford 1",
                 "Unplanned downtime, Telford 1"):
        table.add_column(name, justify="right", max_width=24)
    table.add_row("Annual benefit, roll-out", "£662,115", "£76,481", "£1,204")
    assert table.lines(80) is not None
    assert _drawn(table, 80) == _drawn(table.rich_table(), 80)


def test_in_colour_rich_draws_it():
    table = PlainTable()
    table.add_column("Metric")
    table.add_row("ROI")
    assert "\x1b[" in _drawn(table, 80, colour=True)
    assert _drawn(table, 80, colour=True) == _drawn(table.rich_table(), 80, colour=True)


@pytest.mark.parametrize("text", [Text("Pilot p1: Team 2, 29 people", style="bold"),
                                  Text.assemble(("ROI ", "bold"), "12.5%"),
                                  Text("word " * 30, style="dim"), Text("tab\there"), Text("")])
@pytest.mark.parametrize("colour", [False, True])
def test_a_line_is_drawn_as_rich_draws_it(text, colour):
    assert _drawn(PlainLines(text), 60, colour) == _drawn(text, 60, colour)
