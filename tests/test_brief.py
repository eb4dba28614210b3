"""`buyin brief` end to end: outputs, selection, overrides, atomicity, reproducible bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_YAML, replace_line
from deck_helpers import read_deck


@pytest.fixture
def strategy(write) -> Path:
    return write("s.yaml", VALID_YAML)


def test_writes_a_deck_and_talking_points_per_briefing(run, strategy: Path) -> None:
    result = run("brief", strategy, "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.lines[:2] == ["wrote out/warehouse-manager-briefing.pptx",
                                "wrote out/warehouse-manager-briefing.md"]
    slides = read_deck(Path("out/warehouse-manager-briefing.pptx"))
    assert slides[0]["layout"] == "Title Slide"
    assert slides[0]["title"] == "Fewer picking errors at the Columbus warehouse"
    assert "Kestrel Logistics" in slides[0]["subtitle"]
    assert "9 September 2025" not in slides[0]["subtitle"]  # en_US writes it the US way
    assert "September 9, 2025" in slides[0]["subtitle"]
    assert all(s["notes"].strip() for s in slides), "every slide has speaker notes"
    talking = Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")
    assert "> Would going into peak with fewer returns help?" in talking


def test_default_out_folder_is_build(run, strategy: Path) -> None:
    assert run("brief", strategy).exit_code == 0
    assert Path("build/warehouse-manager-briefing.pptx").is_file()


def test_one_briefing_by_id_and_an_unknown_id(run, write) -> None:
    text = VALID_YAML + """\
  - id: second-meeting
    stakeholder: warehouse-manager
    date: 2025-10-01
    minutes: 30
    opening_question: Shall we look at the first month?
    asks: [Agree the next step]
"""
    write("s.yaml", text)
    result = run("brief", "s.yaml", "--briefing", "second-meeting", "--out", "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == [".buyin-outputs.json", "second-meeting.md",
                                                             "second-meeting.pptx"]
    result = run("brief", "s.yaml", "--briefing", "nope", "--out", "out2")
    assert result.exit_code == 1
    assert result.lines == ["error: no briefing 'nope' in the strategy; known: "
                            "warehouse-manager-briefing, second-meeting"]
    assert not Path("out2").exists()


def test_invalid_strategy_writes_nothing(run, write) -> None:
    write("s.yaml", replace_line(VALID_YAML, "    baseline: 42", "    baselin: 42"))
    Path("out").mkdir()
    Path("out/warehouse-manager-briefing.md").write_text("mine", encoding="utf-8")
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 1
    assert "s.yaml:17:5: E201 metrics[0].baselin: unknown key (did you mean 'baseline'?)" \
        in result.lines
    assert result.lines[-1] == "✗ 1 error; nothing was written"
    assert [p.name for p in Path("out").iterdir()] == ["warehouse-manager-briefing.md"]
    assert Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8") == "mine"


def test_no_briefings_is_a_located_error(run, write) -> None:
    text = VALID_YAML[: VALID_YAML.index("briefings:")]
    write("s.yaml", text)
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 1
    assert result.lines[0] == ("s.yaml:1:1: E305 there are no briefings to render; add a meeting "
                               "under 'briefings' (id, stakeholder, date, minutes, "
                               "opening_question, asks)")
    assert not Path("out").exists()


def test_a_failing_template_leaves_earlier_outputs_as_they_were(run, strategy: Path) -> None:
    assert run("brief", strategy, "--out", "out").exit_code == 0
    before = {p.name: p.read_bytes() for p in Path("out").iterdir()}
    Path("mine").mkdir()
    Path("mine/talking-points.md.j2").write_text(
        '{% extends "talking_points_base.md.j2" %}\n{% block asks %}{{ view.askz }}{% endblock %}\n',
        encoding="utf-8")
    result = run("brief", strategy, "--out", "out", "--templates", "mine")
    assert result.exit_code == 1
    assert len(result.lines) == 1
    assert result.lines[0].startswith("error: ")
    assert "talking-points.md.j2:2" in result.lines[0]
    assert "askz" in result.lines[0]
    assert {p.name: p.read_bytes() for p in Path("out").iterdir()} == before


def test_user_template_overrides_one_block(run, strategy: Path) -> None:
    Path("mine").mkdir()
    Path("mine/deck.yaml.j2").write_text(
        '{% extends "deck_base.yaml.j2" %}\n'
        '{% block asks %}\n'
        '  - layout: Title and Content\n'
        '    title: {{ "Our requests" | q }}\n'
        '    body: {{ view.asks | q }}\n'
        '    notes: {{ "Ask, then wait." | q }}\n'
        '{% endblock %}\n', encoding="utf-8")
    assert run("brief", strategy, "--out", "out", "--templates", "mine").exit_code == 0
    titles = [s["title"] for s in read_deck(Path("out/warehouse-manager-briefing.pptx"))]
    assert "Our requests" in titles
    assert "One decision today" not in titles
    # The other blocks are the packaged ones: the questions slide leads with the question.
    assert "Would going into peak with fewer returns help?" in titles


def test_a_users_partial_overrides_one_section_by_name(run, strategy: Path) -> None:
    # One small file per section: the user's deck/asks.yaml.j2 is found before the packaged one.
    Path("mine/deck").mkdir(parents=True)
    Path("mine/deck/asks.yaml.j2").write_text(
        '  - layout: {{ layout.content | q }}\n'
        '    title: {{ "Our requests" | q }}\n'
        '    body: {{ view.asks | q }}\n'
        '    notes: {{ decisions(view.asks | length) | q }}\n', encoding="utf-8")
    Path("mine/talking_points").mkdir()
    Path("mine/talking_points/checklist.md.j2").write_text("## Our checklist\n", encoding="utf-8")
    assert run("brief", strategy, "--out", "out", "--templates", "mine").exit_code == 0
    deck = read_deck(Path("out/warehouse-manager-briefing.pptx"))
    titles = [s["title"] for s in deck]
    assert "Our requests" in titles and "One decision today" not in titles
    # The partial reads the base's layouts and macros by name, as the packaged partials do.
    assert next(s["notes"] for s in deck if s["title"] == "Our requests").endswith("One decision")
    assert "Would going into peak with fewer returns help?" in titles  # the other sections stay
    talking = Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")
    assert "## Our checklist" in talking and "Checklist for the day" not in talking
    assert "## Opening" in talking


def test_the_shared_phrasings_are_reworded_once_for_deck_and_talking_points(run, write) -> None:
    from buyin_cli.packaged import packaged_dir

    # A count, so its change is said per a period ("10 better a month"); a rate's never is.
    strategy = write("s.yaml", replace_line(VALID_YAML, "    unit: errors per 10,000 lines",
                                            "    unit: errors"))
    Path("mine").mkdir()
    shared = (packaged_dir("templates") / "units.j2").read_text(encoding="utf-8")
    Path("mine/units.j2").write_text(shared.replace('_("a month")', '"each month"'), encoding="utf-8")
    assert run("brief", strategy, "--out", "out", "--templates", "mine").exit_code == 0
    deck = read_deck(Path("out/warehouse-manager-briefing.pptx"))
    talking = Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")
    assert any("each month" in str(slide) for slide in deck)
    assert "each month" in talking


def test_templates_folder_beside_the_strategy_is_used(run, write) -> None:
    write("strategy/s.yaml", VALID_YAML)
    write("strategy/templates/talking-points.md.j2",
          '{% extends "talking_points_base.md.j2" %}{% block checklist %}CHECK{% endblock %}\n')
    assert run("brief", "strategy", "--out", "out").exit_code == 0
    talking = Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")
    assert "CHECK" in talking
    assert "Checklist for the day" not in talking


def test_sandbox_refuses_unsafe_template_code(run, strategy: Path) -> None:
    Path("mine").mkdir()
    Path("mine/talking-points.md.j2").write_text(
        "{{ view.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    result = run("brief", strategy, "--out", "out", "--templates", "mine")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not Path("out/warehouse-manager-briefing.md").exists()


def test_missing_templates_folder(run, strategy: Path) -> None:
    result = run("brief", strategy, "--templates", "nowhere")
    assert result.exit_code == 1
    assert result.lines == ["error: nowhere: no such templates folder; give a folder holding "
                            "templates to override (e.g. deck.yaml.j2)"]


def test_same_inputs_give_the_same_bytes(run, strategy: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    run("brief", strategy, "--out", "a")
    run("brief", strategy, "--out", "b")
    for name in ("warehouse-manager-briefing.pptx", "warehouse-manager-briefing.md"):
        assert (Path("a") / name).read_bytes() == (Path("b") / name).read_bytes()


def test_help_has_an_example(run) -> None:
    result = run("brief", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "buyin brief examples/northwind-manufacturing.yaml --out build" in result.stdout


def test_unknown_locale_is_located(run, write) -> None:
    write("s.yaml", replace_line(VALID_YAML, "currency: USD", "currency: USD\nlocale: xx_YY"))
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 1
    assert result.lines[0].startswith("s.yaml:6:9: E204 locale: ")
    assert not Path("out").exists()


def test_layout_names_can_be_renamed_for_a_corporate_template(run, strategy: Path) -> None:
    Path("mine").mkdir()
    Path("mine/deck.yaml.j2").write_text(
        '{% set layouts = {"content": "Two Content"} %}\n'
        '{% extends "deck_base.yaml.j2" %}\n', encoding="utf-8")
    assert run("brief", strategy, "--out", "out", "--templates", "mine").exit_code == 0
    layouts = {s["layout"] for s in read_deck(Path("out/warehouse-manager-briefing.pptx"))}
    assert "Two Content" in layouts
    assert "Title and Content" not in layouts
    assert {"Title Slide", "Title Only", "Section Header"} <= layouts


def test_a_layout_the_template_lacks_is_named_with_those_it_has(run, strategy: Path) -> None:
    Path("mine").mkdir()
    Path("mine/deck.yaml.j2").write_text(
        '{% set layouts = {"content": "Titel und Inhalt"} %}\n'
        '{% extends "deck_base.yaml.j2" %}\n', encoding="utf-8")
    result = run("brief", strategy, "--out", "out", "--templates", "mine")
    assert result.exit_code == 1
    assert len(result.lines) == 1
    assert "Titel und Inhalt" in result.lines[0]
    assert "Title and Content" in result.lines[0]  # one of the names it has
    assert not Path("out").exists()


def test_out_must_be_a_folder(run, strategy: Path) -> None:
    Path("taken").write_text("x", encoding="utf-8")
    result = run("brief", strategy, "--out", "taken")
    assert result.exit_code == 1
    assert result.lines == ["error: taken: is a file; --out takes a folder to write the decks into"]
    assert Path("taken").read_text(encoding="utf-8") == "x"


def test_readiness_warnings_are_pointed_out_after_writing(run, strategy: Path) -> None:
    result = run("brief", strategy, "--out", "out")
    assert result.exit_code == 0
    # W313 among them: the strategy's costs leave out participants' time; and W317: its
    # errors per 10,000 lines are a rate, priced and scaled up like a count.
    assert result.lines[-1] == ("8 readiness warnings listed in the talking points; "
                                "`buyin check s.yaml` shows where to fix them")
