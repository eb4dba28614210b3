"""`buyin check` with readiness warnings: the three formats, --strict, --ignore, accept and
the score summary, as a trainer or a CI job sees them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from buyin_cli import __version__, cli
from buyin_cli.codes import CODES
from test_readiness import base, line_of


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(data: dict, name: str = "s.yaml") -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    Path(name).write_text(text, encoding="utf-8")
    return text


def check(*args: str):
    result = CliRunner().invoke(cli.app, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def unready() -> dict:
    """The base strategy with a missing showcase (W501) and pilot usage (W304)."""
    data = base()
    del data["briefings"][0]["showcase"]
    del data["pilots"][0]["usage"]
    return data


def test_text_lists_warnings_then_the_score_by_method(here):
    text = write(unready())
    result = check("s.yaml")
    assert result.exit_code == 0
    b1, p1 = line_of(text, "- id: b1"), line_of(text, "- id: p1")
    assert result.output.splitlines() == [
        f"s.yaml:{p1}:3: W304 pilots[0]: 'p1' does not report usage: add usage "
        "{enrolled, completed}",
        f"s.yaml:{b1}:3: W501 briefings[0]: 'b1' has no showcase: add showcase {{title, url}}: "
        "the course to demo, so they see the learning, not just hear about it",
        "",
        "Readiness 94/100",
        "  ✓ Tie to business results 20/20",
        "  ✓ Knowledge, skills and motivation 20/20",
        "  ! Prove it 19/20 (W304)",
        "  ✓ Bring managers along 20/20",
        "  ! The meeting 15/20 (W501)",
        "✓ s.yaml: valid (0 errors, 2 warnings)",
    ]


def test_a_ready_strategy(here):
    write(base())
    result = check("s.yaml", "--strict")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Readiness 100/100"
    assert result.output.splitlines()[-1] == "✓ s.yaml: valid (0 errors, 0 warnings)"


def test_an_open_warning_is_marked_open_beside_any_points():
    from buyin_cli.present.report import text_report
    from buyin_cli.review.score import MethodScore, Readiness
    methods = [MethodScore("Prove it", 20, 39, 40, {"W302": 1}),
               MethodScore("The meeting", 20, 4, 4)]
    lines = text_report(Path("s.yaml"), [], Readiness([], [], 40, methods), lambda s, _: s)
    assert "  ! Prove it 20/20 (W302)" in lines
    assert "  ✓ The meeting 20/20" in lines


def test_repeated_codes_are_counted(here):
    data = base()
    data["briefings"][0]["asks"] += ["Discuss the plan", "Review the options"]
    write(data)  # the meeting: W501, W502 ×3, W503 and W504 checked; 4 of 6 pass → 13
    assert "  ! The meeting 13/20 (W502 ×2)" in check("s.yaml").output.splitlines()


def test_strict_fails_on_warnings(here):
    write(unready())
    assert check("s.yaml", "--strict").exit_code == 1
    assert check("s.yaml").exit_code == 0


def test_json_lists_every_problem(here):
    text = write(unready())
    result = check("s.yaml", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["tool"] == {"name": "buyin", "version": __version__}
    assert report["valid"] is True
    assert report["score"] == sum(m["points"] for m in report["methods"]) < 100
    problems = report["problems"]
    assert problems[1] == {
        "file": "s.yaml", "line": line_of(text, "- id: b1"), "col": 3,
        "end_line": line_of(text, "- id: b1"), "end_col": 8,  # "id: b1" ends at column 8
        "code": "W501", "severity": "warning", "title": CODES["W501"].title,
        "message": "briefings[0]: 'b1' has no showcase: add showcase {title, url}: the course "
                   "to demo, so they see the learning, not just hear about it"}
    assert [p["code"] for p in problems] == ["W304", "W501"]


def test_github_annotations(here):
    text = write(unready())
    result = check("s.yaml", "--format", "github", "--strict")
    assert result.exit_code == 1
    assert (f"::warning file=s.yaml,line={line_of(text, '- id: p1')},col=3,"
            f"title=buyin W304%3A {CODES['W304'].title.replace(',', '%2C')}::W304 pilots[0]: 'p1' "
            "does not report usage: add usage {enrolled, completed}") in result.output.splitlines()
    assert len(result.output.splitlines()) == 2
    # GitHub shows ten of each kind: the method that lost the most points comes first
    report = json.loads(check("s.yaml", "--format", "json").output)
    lost = {m["name"]: m["out_of"] - m["points"] for m in report["methods"]}
    first = result.output.splitlines()[0].split("::")[2].split()[0]
    assert lost[CODES[first].method] == max(lost[CODES[c].method] for c in ("W304", "W501"))


def test_an_invalid_strategy_has_errors_and_no_review(here):
    data = unready()
    data["metrics"][0]["headcount"] = 3
    text = write(data)
    result = check("s.yaml", "--format", "github")
    assert result.exit_code == 1
    [line] = result.output.splitlines()  # warnings need a valid strategy
    assert line.startswith(f"::error file=s.yaml,line={line_of(text, 'headcount: 3')},col=3,"
                           f"title=buyin E201%3A {CODES['E201'].title.replace(':', '%3A').replace(',', '%2C')}"
                           "::E201 metrics[0].headcount: unknown key")
    assert "Readiness" not in check("s.yaml").output


@pytest.mark.parametrize("options", [["--ignore", "W304,W501"],
                                     ["--ignore", "W304", "--ignore", "w501"]])
def test_ignore_is_repeatable_and_comma_separated(here, options):
    write(unready())
    result = check("s.yaml", "--strict", *options)
    assert result.exit_code == 0, result.output
    assert "Readiness 100/100" in result.output


def test_ignoring_an_unknown_code_warns(here):
    write(base())
    result = check("s.yaml", "--ignore", "W999")
    assert result.output.splitlines()[0].startswith(
        "s.yaml:1:1: W002 --ignore W999: unknown warning code; use one of W101, ")


def test_accepted_warnings_are_counted_not_shown(here):
    data = unready()
    data["briefings"][0]["accept"] = {"W501": "The course is still being built."}
    write(data)
    result = check("s.yaml", "--format", "text")
    lines = result.output.splitlines()
    assert [line for line in lines if "W501" in line] == []
    assert "  ✓ The meeting 20/20" in lines
    assert "  1 warning accepted with a reason" in lines


def test_nothing_to_review(here):
    data = base()
    del data["briefings"]
    write(data)
    assert "  ! The meeting 0/20 (nothing to review yet)" in check("s.yaml").output.splitlines()


def test_plain_output_without_a_terminal(here):
    write(unready())
    result = CliRunner().invoke(cli.app, ["check", "s.yaml"], env={"NO_COLOR": "1"})
    assert "\033[" not in result.output


def test_force_color_colours_check_as_it_does_roi(here):
    write(unready())
    env = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm"}
    result = CliRunner().invoke(cli.app, ["check", "s.yaml"], env=env)
    assert "\033[1;33m" in result.output or "\033[33m" in result.output  # a warning, yellow
    assert "\033[1m" in result.output  # its location, bold


def test_no_color_wins_over_force_color(here):
    write(unready())
    result = CliRunner().invoke(cli.app, ["check", "s.yaml"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\033[" not in result.output


def test_help_describes_ignore_and_accept():
    result = CliRunner().invoke(cli.app, ["check", "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "--ignore" in result.output and "accept:" in result.output
    assert "buyin check strategy.yaml --ignore W501,W404" in result.output


def test_today_sets_the_day_follow_ups_are_due_against(here):
    from test_readiness import TRAINERS, _meeting_held

    data = base()
    _meeting_held(data, {**TRAINERS, "due": "2025-10-15"})
    write(data)
    assert "W505" not in check("s.yaml").output  # due after the latest briefing's date
    late = check("s.yaml", "--today", "2025-11-01")
    assert "W505 briefings[0].outcome.follow_ups[0]: 'Book the trainers for October' (Sam) " \
           "was due on 2025-10-15 and is not done as of 2025-11-01" in late.output
    assert late.exit_code == 0


@pytest.mark.parametrize("value", ["2025-13-01", "1 Nov", "2025-11-1"])
def test_today_must_be_a_date(here, value):
    write(base())
    result = check("s.yaml", "--today", value)
    assert result.exit_code == 2
    assert f"'{value}' is not a date; write YYYY-MM-DD" in result.output
