"""The briefing view: time budget, ordering, links and the appendix rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buyin_cli.figures.explain import explain_figures
from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.strategy import load_strategy
from buyin_cli.present.view_builder import SECTION_WEIGHTS, Formatter, _link, build_view, time_budget
from buyin_cli.present.working import working_steps

from conftest import VALID_YAML

ALL = {name: True for name in SECTION_WEIGHTS}


def test_time_budget_shares_two_thirds_by_weight() -> None:
    # 30 minutes: 20 to present over weights summing to 20, one minute per weight unit.
    timing = time_budget(30, ALL)
    assert sum(SECTION_WEIGHTS.values()) == 20
    assert timing.sections == {name: float(w) for name, w in SECTION_WEIGHTS.items()}
    assert timing.presenting == 20
    assert timing.discussion == 10


def test_sections_without_content_get_no_time() -> None:
    has = dict(ALL, showcase=False, endorsement=False)
    timing = time_budget(30, has)
    assert "showcase" not in timing.sections and "endorsement" not in timing.sections
    # 20 minutes over weights 16: 1.25 per unit, rounded down to the half minute.
    assert timing.sections["business_case"] == 3.5  # 3 × 1.25 = 3.75 → 3.5
    assert timing.sections["opening"] == 1.0  # 1.25 → 1


@given(st.integers(min_value=1, max_value=600),
       st.dictionaries(st.sampled_from(sorted(SECTION_WEIGHTS)), st.booleans()))
def test_at_least_a_third_is_always_kept_for_questions(minutes: int, has: dict) -> None:
    timing = time_budget(minutes, has)
    assert timing.discussion >= minutes / 3 - 1e-9
    assert timing.presenting + timing.discussion == pytest.approx(minutes)
    assert all(v >= 0 and (v * 2).is_integer() for v in timing.sections.values())


@pytest.fixture
def loaded(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_text(VALID_YAML, encoding="utf-8")
    return load_strategy(path)


def test_focus_objectives_come_first(tmp_path: Path) -> None:
    text = VALID_YAML.replace("objectives:\n  - id: fewer-errors",
                              "objectives:\n  - id: other-goal\n    title: Another goal\n"
                              "    owner: Someone\n    driver: gain\n    metrics: [pick-errors]\n"
                              "  - id: fewer-errors")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_strategy(path)
    strategy = loaded.strategy
    view = build_view(loaded, compute_figures(strategy), None, strategy.briefings[0])
    assert [o.id for o in view.objectives] == ["fewer-errors", "other-goal"]
    assert [o.in_focus for o in view.objectives] == [True, False]


def test_concern_answered_by_the_objection_that_restates_it(loaded) -> None:
    strategy = loaded.strategy
    view = build_view(loaded, compute_figures(strategy), None, strategy.briefings[0])
    # "Peak season starts in six weeks" has no restating objection.
    assert [(c.concern, c.answer) for c in view.concerns] == [
        ("Peak season starts in six weeks", None)]
    assert [o.answers_concern for o in view.objections] == [False]


@pytest.mark.parametrize("url, link", [
    ("https://example.com/x", "https://example.com/x"),
    ("www.example.com/x", "https://www.example.com/x"),
    ("mailto:ld@example.com", "mailto:ld@example.com"),
    ("intranet/learning/course-4", None),
    ("S:\\Training\\module.pptx", None),
])
def test_showcase_links_only_to_web_addresses(url: str, link: str | None) -> None:
    assert _link(url) == link


def test_negative_figures_use_a_true_minus_sign() -> None:
    fmt = Formatter("GBP", None)
    assert fmt.percent(-17.84) == "\u221217.8%"
    assert fmt.money(-1234.4) == "\u2212£1,234"
    assert fmt.money(1234.5) == "£1,235"


def test_excel_money_format_follows_the_locale() -> None:
    assert Formatter("GBP", None).excel_money_format() == '"£"#,##0'
    assert Formatter("EUR", "de_DE").excel_money_format() == '#,##0"\u00a0€"'


def test_appendix_rows_name_sources_relative_to_the_strategy(loaded) -> None:
    strategy = loaded.strategy
    figures = compute_figures(strategy)
    rows = working_steps(explain_figures(loaded, figures), Formatter("USD", None), loaded.path)
    assert rows, "every figure has a working"
    sourced = [r for r in rows if r.source]
    assert sourced and all(r.source.startswith("s.yaml:") for r in sourced)
    assert all(" = " in r.working for r in rows)
