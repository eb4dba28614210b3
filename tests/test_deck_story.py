"""Every bundled deck, read back from the saved .pptx, tells the story a COO can be briefed with.

Checked on the file itself, not on the renderer's data: the presented slides fit the
minutes and end at the questions, the backup is hidden after them, the decision comes
first, nothing only the tool should see is on a slide, charts start at zero and show
targets, cost tables add up, notes are timed and true to the evidence.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import pytest
from babel.numbers import get_decimal_symbol
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from buyin_cli.brief import brief
from buyin_cli.load.strategy import load_strategy
from buyin_cli.present.language import translations
from buyin_cli.present.locales import resolve_locale
from deck_helpers import read_deck

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir()
                  if p.is_dir() or p.suffix in (".yaml", ".yml"))
LINES = {XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS}
TOOL_TEXT = re.compile(r"\b[EW]\d{3}\b|\.ya?ml:\d+|value_per_unit|buyin ")


def _name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Per briefing: its deck read back, its talking points, the strategy and the briefing."""
    out = {}
    for example in EXAMPLES:
        folder = tmp_path_factory.mktemp(_name(example))
        brief(example, folder)
        strategy = load_strategy(example).strategy
        for b in strategy.briefings:
            deck = folder / f"{b.id}.pptx"
            out[f"{_name(example)}/{b.id}"] = (read_deck(deck), (folder / f"{b.id}.md").read_text(),
                                               strategy, b, deck)
    return out


def _each(decks):
    return sorted(decks)


EXAMPLES_BY_NAME = {_name(e): e for e in EXAMPLES}
BRIEFINGS = [f"{_name(e)}/{b.id}" for e in EXAMPLES for b in load_strategy(e).strategy.briefings]


@pytest.mark.parametrize("key", BRIEFINGS)
def test_the_presented_slides_fit_the_minutes_and_the_backup_is_hidden_after_them(decks, key):
    slides, _, _, briefing, _ = decks[key]
    presented = [s for s in slides if not s["hidden"]]
    budget = math.ceil(briefing.minutes * 2 / 3 / 1.5 - 1e-9)
    assert len(presented) <= budget + 2  # besides the title and the questions
    flags = [s["hidden"] for s in slides]
    assert flags == sorted(flags), "every hidden slide comes after the presented ones"
    assert presented[-1]["title"] == briefing.opening_question, "the slideshow ends at the questions"
    assert len(slides) - len(presented) <= 15, "the backup is bounded"


@pytest.mark.parametrize("key", BRIEFINGS)
def test_the_decision_comes_right_after_the_title(decks, key):
    slides, _, _, briefing, _ = decks[key]
    # Right after the title, or after "since we last met" when there was an earlier meeting.
    opening = 2 if slides[1]["title"].startswith("Since we last met on ") else 1
    decision = slides[opening]
    asks = [a.decision for a in briefing.asks]
    # Under "What we ask you to decide", or at the top level when the slide left that heading out.
    level = next(level for level, text in decision["body"] if text == asks[0])
    listed = [text for at, text in decision["body"] if at == level]
    if level == 0:  # what standing still costs stands before the asks at the same level
        listed = listed[next(i for i, text in enumerate(listed) if text == asks[0]):]
    assert listed[:len(asks)] == asks
    # After the asks, what else the decision funds, each with its money.
    titles = [i.title for i in load_strategy(EXAMPLES_BY_NAME[key.split("/")[0]]).strategy.initiatives]
    assert all(any(line.startswith(t + ": ") for t in titles) for line in listed[len(asks):])
    if any(a.initiative for a in briefing.asks):
        assert len(decision["texts"]) >= 4, "big-number callouts: cost, benefit, payback, risk"


@pytest.mark.parametrize("key", BRIEFINGS)
def test_no_slide_shows_codes_ids_sources_or_tool_advice(decks, key):
    slides, _, strategy, _, _ = decks[key]
    ids = {item.id for section in ("metrics", "objectives", "pilots", "initiatives", "audiences")
           for item in getattr(strategy, section) if "-" in item.id}
    for n, slide in enumerate(slides, start=1):
        text = " ".join([slide["title"] or "", slide["subtitle"] or ""] + [t for _, t in slide["body"]]
                        + slide["texts"] + [c for row in slide["table"] or [] for c in row])
        assert not TOOL_TEXT.search(text), f"slide {n}: {TOOL_TEXT.search(text).group()}"
        assert not [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text)], f"slide {n}"


@pytest.mark.parametrize("key", BRIEFINGS)
def test_bars_start_at_zero_and_trend_lines_show_their_target(decks, key):
    slides, _, strategy, _, _ = decks[key]
    words = translations(strategy.wording_language)
    target, before_after = words.gettext("Target"), [words.gettext("Before"), words.gettext("After")]
    for slide in slides:
        for chart in slide["charts"]:
            low, high = chart["axis"]
            values = [v for _, vs in chart["series"] for v in vs if v is not None]
            assert low <= min(values) and high >= max(values), "every value on the chart"
            if chart["type"] in LINES and chart["categories"] == before_after:
                continue  # a level's before and after: a line around its values, no target
            if chart["type"] in LINES:
                targets = [vs for name, vs in chart["series"] if name == target]
                assert targets and len(set(targets[0])) == 1, "a target line at one value"
            else:
                assert low == 0, f"{slide['title']}: bars start at zero"


def _money(text: str, decimal: str = ".") -> float:
    """A figure as the deck writes it, in a locale whose decimal mark is `decimal`."""
    digits = re.sub(rf"[^\d{re.escape(decimal)}\-−]", "", text).replace("−", "-")
    return float(digits.replace(decimal, "."))


@pytest.mark.parametrize("key", BRIEFINGS)
def test_cost_tables_add_up_line_by_line_and_in_total(decks, key):
    slides, _, strategy, _, _ = decks[key]
    words = translations(strategy.wording_language).gettext
    decimal = get_decimal_symbol(resolve_locale(strategy.locale, strategy.currency))
    tables = [s["table"] for s in slides if s["table"] and s["table"][0][:1] == [words("Cost")]]
    assert tables, "a cost table"
    for table in tables:
        header, *rows, total = table
        quantity, unit, line = (header.index(words(c)) for c in ("Quantity", "Unit cost", "Total"))
        for row in rows:
            product = _money(row[quantity], decimal) * _money(row[unit], decimal)
            assert product == pytest.approx(_money(row[line], decimal), abs=1)
        assert sum(_money(r[line], decimal) for r in rows) == \
            pytest.approx(_money(total[line], decimal), abs=len(rows))


@pytest.mark.parametrize("key", BRIEFINGS)
def test_notes_are_timed_and_claim_a_comparison_group_only_where_there_was_one(decks, key):
    slides, _, strategy, _, _ = decks[key]
    controlled = {p.group: any(r.control_before is not None for r in p.results)
                  for p in strategy.pilots}
    for slide in slides:
        if not slide["hidden"]:
            assert re.match(r"\[[^\]]+\] ", slide["notes"]), slide["title"]
        for group, has_control in controlled.items():
            if slide["title"].startswith(group) and not has_control:
                assert "comparison group did not also get" not in slide["notes"]


@pytest.mark.parametrize("key", BRIEFINGS)
def test_a_briefing_lists_only_its_own_readiness_items(decks, key):
    _, talking, strategy, briefing, _ = decks[key]
    for other in strategy.briefings:
        if other.id != briefing.id:
            assert f"'{other.id}'" not in talking


@pytest.mark.parametrize("key", BRIEFINGS)
def test_nothing_on_a_slide_is_set_under_12_points(decks, key):
    *_, deck = decks[key]
    with zipfile.ZipFile(deck) as z:
        for name in z.namelist():
            if name.startswith(("ppt/slides/slide", "ppt/charts/chart")) and name.endswith(".xml"):
                sizes = [int(s) for s in re.findall(rb'\bsz="(\d+)"', z.read(name))]
                assert all(s >= 1200 for s in sizes), f"{name}: {min(sizes) / 100} pt"


def test_a_15_minute_briefing_on_one_objective_presents_9_slides(decks):
    slides, _, _, briefing, deck = decks["riverside-hospital/num-forum-briefing"]
    assert briefing.minutes == 15 and briefing.focus == ["fewer-falls"]
    presented = [s for s in slides if not s["hidden"]]
    assert len(presented) == 9
    titles = " ".join(s["title"] for s in slides)
    assert "medication" not in titles.lower(), "the objective out of focus is not in the deck"
    assert presented[0]["subtitle"].startswith("Briefing for the Nurse Unit Managers' forum")
    assert "Thank Nurse" not in " ".join(s["notes"] for s in slides)
    assert Presentation(str(deck)).slides[len(presented)]._element.get("show") == "0"
