"""The briefing view: narrowed to the briefing's focus, placed by its agenda, written for the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.strategy import load_strategy
from buyin_cli.present.build.own_words import has_period
from buyin_cli.present.numbers import deck_formatter
from buyin_cli.present.view_builder import build_view, web_link
from buyin_cli.review.score import review
from conftest import VALID_YAML

OTHER_GOAL = ("objectives:\n  - id: other-goal\n    title: Another goal\n"
              "    owner: Someone\n    driver: gain\n    metrics: [pick-errors]\n"
              "  - id: fewer-errors")


@pytest.fixture
def loaded(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_text(VALID_YAML, encoding="utf-8")
    return load_strategy(path)


def _view(tmp_path: Path, text: str, n: int = 0):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_strategy(path)
    strategy = loaded.strategy
    return build_view(loaded, compute_figures(strategy), review(loaded), strategy.briefings[n])


def test_focus_narrows_the_objectives(tmp_path: Path) -> None:
    view = _view(tmp_path, VALID_YAML.replace("objectives:\n  - id: fewer-errors", OTHER_GOAL))
    assert [o.id for o in view.objectives] == ["fewer-errors"]


def test_without_focus_every_objective_is_covered(tmp_path: Path) -> None:
    text = VALID_YAML.replace("objectives:\n  - id: fewer-errors", OTHER_GOAL)
    view = _view(tmp_path, text.replace("    focus: [fewer-errors]\n", ""))
    assert [o.id for o in view.objectives] == ["other-goal", "fewer-errors"]


def test_concern_answered_by_the_objection_that_restates_it(loaded) -> None:
    strategy = loaded.strategy
    view = build_view(loaded, compute_figures(strategy), None, strategy.briefings[0])
    # "Peak season starts in six weeks" has no restating objection.
    assert [(c.concern, c.answer) for c in view.stakeholder.concerns] == [
        ("Peak season starts in six weeks", None)]
    assert [o.answers_concern for o in view.objections] == [False]


def test_a_group_stakeholder_is_known_as_one(tmp_path: Path) -> None:
    view = _view(tmp_path, VALID_YAML.replace("name: Tanya Brooks", "name: Warehouse leadership team"))
    assert view.stakeholder.is_group
    assert not _view(tmp_path, VALID_YAML).stakeholder.is_group


def test_the_decision_totals_what_the_asks_fund(tmp_path: Path) -> None:
    text = VALID_YAML.replace("    asks: [Approve the roll-out to all 120 pickers]\n",
                              "    asks:\n      - {decision: Approve the roll-out, initiative: pick-right}\n")
    view = _view(tmp_path, text)
    ask = view.decision.asks[0]
    assert ask.initiative is not None and ask.initiative.id == "pick-right"
    assert view.decision.totals.cost_text == ask.initiative.rollout_cost_text
    assert view.decision.evidence is not None and view.decision.evidence.has_control


def test_cost_lines_are_quantity_times_unit(tmp_path: Path) -> None:
    text = VALID_YAML.replace("      - {item: Build the guide, amount: 6000, kind: one-off}\n",
                              "      - {item: Build the guide, amount: 6000, kind: one-off}\n"
                              "      - {item: Pickers' time, amount: 50, kind: per-participant}\n")
    (initiative,) = _view(tmp_path, text).initiatives
    assert [(c.quantity_text, c.amount_text, c.total_text) for c in initiative.costs] == [
        ("1", "$6,000", "$6,000"), ("120", "$50", "$6,000")]
    assert sum(c.total for c in initiative.costs) == initiative.rollout_cost


def test_readiness_shows_only_what_concerns_the_briefing(tmp_path: Path) -> None:
    # A second briefing with no showcase: its W501 belongs to it, not to the first.
    second = ("  - id: second\n    stakeholder: warehouse-manager\n    date: 2025-10-01\n"
              "    minutes: 30\n    opening_question: Shall we?\n    asks: [Approve it]\n")
    text = VALID_YAML + second
    first, other = _view(tmp_path, text, 0), _view(tmp_path, text, 1)
    assert "W501" not in [w.code for w in first.not_ready]
    assert "W501" in [w.code for w in other.not_ready]


@pytest.mark.parametrize("url, link", [
    ("https://example.com/x", "https://example.com/x"),
    ("www.example.com/x", "https://www.example.com/x"),
    ("mailto:ld@example.com", "mailto:ld@example.com"),
    ("intranet/learning/course-4", None),
    ("S:\\Training\\module.pptx", None),
])
def test_showcase_links_only_to_web_addresses(url: str, link: str | None) -> None:
    assert web_link(url) == link


def test_negative_figures_use_a_true_minus_sign() -> None:
    fmt = deck_formatter("GBP", None)
    assert fmt.percent(-17.84) == "\u221217.8%"
    assert fmt.money(-1234.4) == "\u2212£1,234"
    assert fmt.money(1234.5) == "£1,235"


def test_money_is_spoken_in_whole_units_as_written() -> None:
    fmt = deck_formatter("GBP", None)
    # As written, in whole units, whatever its size, as an ask and the tables state it.
    assert fmt.money_spoken(270733) == "£270,733"
    assert fmt.money_spoken(169560) == "£169,560"
    assert fmt.money_spoken(93680.4) == "£93,680"
    assert fmt.money_spoken(0) == "£0"
    assert fmt.money_spoken(2309631) == "£2,309,631"
    assert fmt.money_spoken(1305000.5) == "£1,305,001"  # half up, as people round
    # Half up, as people round: not to the even neighbour.
    assert fmt.percent_rounded(1542.5) == "1,543%"


def test_money_said_aloud_after_about_is_rounded_as_a_person_says_it() -> None:
    fmt = deck_formatter("GBP", None)
    assert [fmt.money_aloud(x) for x in (277943, 897900, 12700, 1454353, 950.4)] == [
        "£278,000", "£898,000", "£12,700", "£1,450,000", "£950"]


def test_money_is_short_for_a_callout() -> None:
    fmt = deck_formatter("GBP", None)
    # Under a million, the figure as the title says it (a "k" beside an exact title reads as
    # another number); from a million, to three significant figures, which its "m" shows.
    assert [fmt.money_short(x) for x in (9500, 189400, 1234567, -25000, 266500, 1250000)] == \
        ["£9,500", "£189,400", "£1.23m", "\u2212£25,000", "£266,500", "£1.25m"]
    assert [fmt.money_short(x) for x in (206700, 11700, 169560, 1454353)] == [
        "£206,700", "£11,700", "£169,560", "£1.45m"]
    for x in (206700, 169560, 12000, 999999.7):
        assert _digits(fmt.money_short(x)) == _digits(fmt.money_spoken(x))
    assert fmt.money_spoken(2094841) == "£2,094,841" and fmt.money_short(2094841) == "£2.09m"


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit()).rstrip("0")


def test_money_short_keeps_every_digit_where_a_locale_counts_in_other_steps() -> None:
    assert deck_formatter("INR", "en_IN").money_short(206700) == "₹2,06,700"  # not ₹2.1L
    assert deck_formatter("INR", "en_IN").money_short(1450000) == "₹14.5L"  # the same figure
    assert deck_formatter("JPY", "ja_JP").money_short(12000) == "￥12,000"  # not ￥1万


def test_money_short_falls_back_where_the_locale_has_no_word_for_thousands() -> None:
    fmt = deck_formatter("EUR", "de_DE")
    assert fmt.money_short(189400) == "189.400\u00a0€"  # as the title beside it
    assert fmt.money_short(204320) == fmt.money_spoken(204320) == "204.320\u00a0€"
    assert fmt.money_short(1234567) == "1,23\u00a0Mio.\u00a0€"  # the title's 1.234.567 €, its rounding shown


def test_excel_money_format_follows_the_locale() -> None:
    assert deck_formatter("GBP", None).excel_money_format() == '"£"#,##0'
    assert deck_formatter("EUR", "de_DE").excel_money_format() == '#,##0"\u00a0€"'


@pytest.mark.parametrize("unit, period", [
    ("injuries per quarter", True), ("parts a week", True), ("hours/week", True),
    ("Teile pro Woche", True), ("Stunden je Schicht", True), ("reports per month", True),
    # A rate, a percentage or a duration is a level, read and never summed over a period:
    # no period follows it ("% per quarter" reads wrong), whatever window its text names.
    ("complaints per 1,000 calls", True), ("falls per 1,000 bed days", True),
    ("% of calls with no repeat call in 7 days", True), ("errors per 10,000 lines picked", True),
    ("seconds", True),
    # A count or money that does not name its period is said per the result's period.
    ("injuries", False), ("hours of rework", False), ("€ of write-offs", False),
])
def test_a_unit_needs_a_period_only_when_it_adds_up_and_names_none(unit: str, period: bool) -> None:
    assert has_period(unit) is period


def test_readiness_rows_are_told_apart_or_said_once() -> None:
    from buyin_cli.present.view import Accepted, NotReady
    from buyin_cli.present.view_builder import _told_apart

    title = "An audience with a gap kind not analysed"
    open_rows = [NotReady("W201", title, f"audiences[0].gaps.{kind}: {kind} gaps not analysed", "s.yaml:9:5",
                          "Team leaders") for kind in ("knowledge", "motivation")]
    assert [r.subject for r in _told_apart(open_rows)] == ["Team leaders (knowledge)", "Team leaders (motivation)"]
    accepted = [Accepted(r.code, r.title, r.message, "They join the course in spring.", r.where, r.subject)
                for r in open_rows]
    assert [r.subject for r in _told_apart(accepted)] == ["Team leaders"]  # one reason, said once
