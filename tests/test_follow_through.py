"""End to end, in a git repository: brief, hold the meeting, record it, track the roll-out, brief again.

brief → record an outcome with an approval and two follow-ups → add tracking and
new metric readings, commit → check flags the overdue follow-up → the next
briefing's "Since we last met" holds the decisions, follow-ups, completion
against target and moved metrics → diff --since names each change with its
direction → brief --since hands the comparison to the decks.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from buyin_cli.figures.followup import since_last_met
from buyin_cli.load.strategy import load_strategy
from conftest import VALID_YAML, replace_line
from git_repo import commit, git, init

LINKED_ASK = """\
    asks:
      - {decision: Approve the roll-out to all 120 pickers, initiative: pick-right}"""
OUTCOME = """\
    outcome:
      held: 2025-09-09
      decisions:
        - {ask: 1, decision: approved, note: From October}
      follow_ups:
        - {action: Book the trainers for the night shift, owner: Dana Ruiz, due: 2025-09-30}
        - {action: Report completion at the January review, owner: Dana Ruiz, due: 2026-01-31}
  - id: warehouse-manager-december
    stakeholder: warehouse-manager
    date: 2025-12-02
    minutes: 20
    opening_question: Would a quieter January returns desk help?
    asks: [Approve a second wave for the day shift]
    focus: [fewer-errors]
    showcase: {title: Pick Right, url: "https://example.com/pick-right"}
"""
TRACKED = """\
      - {item: Build the guide, amount: 6000, kind: one-off}
    launch: 2025-10-01
    tracking:
      - {period: 2025-10, enrolled: 70, completed: 30}
      - {period: 2025-11, enrolled: 104, completed: 66}"""
FIRST_READING = """\
    value_per_unit: 30
    history:
      - {period: 2025-08, value: 41}"""
READINGS = """\
    value_per_unit: 30
    actual: 34
    history:
      - {period: 2025-08, value: 41}
      - {period: 2025-10, value: 37}
      - {period: 2025-11, value: 34}"""


@pytest.fixture
def repo(workdir: Path, run) -> Path:
    """The strategy briefed and committed before the meeting, then its outcome recorded."""
    init(workdir)
    before = replace_line(VALID_YAML, "    asks: [Approve the roll-out to all 120 pickers]",
                          LINKED_ASK)
    before = replace_line(before, "    value_per_unit: 30", FIRST_READING)
    Path("s.yaml").write_text(before, encoding="utf-8")
    briefed = run("brief", "s.yaml", "--out", "build-before")
    assert briefed.exit_code == 0, briefed.output
    commit(workdir, "Before the warehouse manager's briefing")
    git(workdir, "tag", "before")
    after = replace_line(before + OUTCOME, "      - {item: Build the guide, amount: 6000, "
                                           "kind: one-off}", TRACKED)
    assert after.count(FIRST_READING) == 1
    after = after.replace(FIRST_READING, READINGS)
    Path("s.yaml").write_text(after, encoding="utf-8")
    commit(workdir, "The meeting's outcome, the roll-out's first readings")
    return workdir


def test_the_strategy_after_the_meeting_is_valid(repo):
    strategy = load_strategy(Path("s.yaml")).strategy
    assert [b.id for b in strategy.briefings] == ["warehouse-manager-briefing",
                                                  "warehouse-manager-december"]
    assert [r.period for r in strategy.metrics[0].history] == ["2025-08", "2025-10", "2025-11"]


def test_check_flags_the_overdue_follow_up(repo, run):
    result = run("check", "s.yaml")
    assert result.exit_code == 0, result.output
    text = Path("s.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "Book the trainers" in t)
    assert (f"s.yaml:{line}:11: W505 briefings[0].outcome.follow_ups[0]: 'Book the trainers for "
            "the night shift' (Dana Ruiz) was due on 2025-09-30 and is not done as of 2025-12-02"
            ) in result.output
    # The December meeting has nothing on it: its asks do not come back to it.
    assert "W506 briefings[1]: 'warehouse-manager-december' meets Tanya Brooks again but does " \
           "not come back to 'Book the trainers for the night shift'" in result.output
    assert "Report completion" not in result.output  # due after the latest briefing: not late


def test_the_next_briefing_opens_with_since_we_last_met(repo):
    strategy = load_strategy(Path("s.yaml")).strategy
    since = since_last_met(strategy, strategy.briefings[1])
    assert (since.previous_id, since.held) == ("warehouse-manager-briefing", date(2025, 9, 9))
    [decision] = since.decisions
    assert (decision.ask, decision.decision, decision.note) == (
        "Approve the roll-out to all 120 pickers", "approved", "From October")
    assert [(f.action, f.state) for f in since.follow_ups] == [
        ("Book the trainers for the night shift", "overdue"),
        ("Report completion at the January review", "open")]
    [rollout] = since.rollouts
    [target] = rollout.targets
    # 66 of 120 by the end of November; the pace from the launch to 80% by 31 December
    # stands at 80% × 60/91 = 52.7% on 30 November.
    assert (target.period, target.reading.period, target.status) == (
        "2025-Q4", "2025-11", "on track")
    assert target.reading.completion == 0.55
    [moved] = since.moved
    assert (moved.before_period, moved.before, moved.after_period, moved.after,
            moved.direction) == ("2025-08", 41, "2025-11", 34, "good")


def test_diff_since_names_each_change_with_its_direction(repo, run):
    result = run("diff", "s.yaml", "--since", "before")
    assert result.exit_code == 0, result.output
    assert result.lines == [
        "Changes to s.yaml from before to the working tree:",
        "Metrics",
        "  Picking errors fell from 41 to 34 errors per 10,000 lines (better); new readings for "
        "2025-10, 2025-11",
        "Asks and decisions",
        "  Briefing warehouse-manager-december added",
        "  warehouse-manager-briefing held on September 9, 2025",
        "  Ask 1 of warehouse-manager-briefing now approved: From October",
        "  Follow-up of warehouse-manager-briefing agreed: Book the trainers for the night shift "
        "(Dana Ruiz, due September 30, 2025)",
        "  Follow-up of warehouse-manager-briefing agreed: Report completion at the January "
        "review (Dana Ruiz, due January 31, 2026)",
        "Roll-out",
        "  Pick Right launched on October 1, 2025",
        "  Pick Right: 30 of 120 completed by 2025-10 (25%)",
        "  Pick Right: 66 of 120 completed by 2025-11 (55%)"]
    assert run("diff", "s.yaml").lines == [  # HEAD is the working tree
        "No changes to s.yaml from HEAD to the working tree."]


def test_brief_since_hands_the_changes_to_the_decks(repo, run, monkeypatch):
    from buyin_cli import brief

    seen = []
    render = brief.render_briefings
    monkeypatch.setattr(brief, "render_briefings",
                        lambda *a, **k: seen.append(k["changes"]) or render(*a, **k))
    result = run("brief", "s.yaml", "--since", "before")
    assert result.exit_code == 0, result.output
    assert Path("build/warehouse-manager-december.pptx").is_file()
    [changes] = seen
    made = date.fromisoformat(git(repo, "show", "-s", "--format=%cs", "before").strip())
    assert changes.since == f"{made:%B} {made.day}, {made.year}"  # the day, not the git name
    assert [(d.briefing_id, d.number, d.after) for d in changes.decisions] == [
        ("warehouse-manager-briefing", 1, "approved")]
    assert git(repo, "status", "--porcelain", "--untracked-files=no") == ""


def test_the_next_deck_opens_with_since_we_last_met_read_back_from_the_pptx(repo, run):
    from deck_helpers import read_deck

    assert run("brief", "s.yaml").exit_code == 0
    slides = read_deck(Path("build/warehouse-manager-december.pptx"))
    since = slides[1]
    assert since["title"].startswith("Since we last met on September 9, 2025: 1 of 1 decision approved")
    body = [text for _, text in since["body"]]
    assert "Approved: Approve the roll-out to all 120 pickers" in body
    assert "Late: Book the trainers for the night shift (Dana Ruiz, due September 30, 2025)" in body
    assert "Open: Report completion at the January review (Dana Ruiz, due January 31, 2026)" in body
    assert "Pick Right: 55% of 120 people completed by November\u00a02025" in body
    assert "Picking errors fell from 41 to 34 errors per 10,000 lines (better)" in body
    talking = Path("build/warehouse-manager-december.md").read_text(encoding="utf-8")
    assert talking.index("## Since we last met on September 9, 2025") < talking.index("## Opening")
    assert "Book the trainers for the night shift (Dana Ruiz, due September 30, 2025) — **late**" \
        in talking
    first = read_deck(Path("build/warehouse-manager-briefing.pptx"))
    assert not any(s["title"].startswith("Since we last met") for s in first)


def test_the_trend_chart_marks_the_launch_between_its_readings(repo, run):
    from pptx import Presentation

    assert run("brief", "s.yaml").exit_code == 0
    deck = Presentation("build/warehouse-manager-december.pptx")
    trend = next(s for s in deck.slides
                 if any(sh.has_chart and sh.chart.chart_type is not None
                        and "LINE" in str(sh.chart.chart_type) for sh in s.shapes))
    chart = next(sh for sh in trend.shapes if sh.has_chart)
    labels = [sh for sh in trend.shapes if sh.has_text_frame
              and sh.text_frame.text.startswith(("Launch", "Pilot"))]
    assert [sh.text_frame.text for sh in labels] == ["Launch: Pick Right"], (
        "one launch mark, named, and no pilot mark: the pilot ran before the first reading")
    # Three readings in three slots: 0.5 (between 2025-08 and 2025-10) is a third of the way.
    plot_left = chart.left + chart.width * 0.09
    expected = plot_left + chart.width * 0.86 * (0.5 + 0.5) / 3
    assert abs(labels[0].left - expected) < chart.width * 0.02


def test_brief_since_adds_the_slide_of_what_has_changed(repo, run):
    from deck_helpers import read_deck

    assert run("brief", "s.yaml", "--since", "before", "--out", "since").exit_code == 0
    slides = read_deck(Path("since/warehouse-manager-december.pptx"))
    # titled by the day of the version it compares with, never by the git name asked for
    made = subprocess.run(["git", "show", "-s", "--format=%cs", "before"], capture_output=True,
                          text=True, check=True).stdout.strip()
    when = date.fromisoformat(made)
    [changed] = [s for s in slides
                 if s["title"] == f"What has changed since {when:%B} {when.day}, {when.year}"]
    body = [text for _, text in changed["body"]]
    assert "Picking errors fell from 41 to 34 errors per 10,000 lines (better)" in body
    assert "Approved: Approve the roll-out to all 120 pickers" in body
    assert "Launched: Pick Right, October 1, 2025" in body


SECOND_PILOT = """\
stakeholders:"""
DAY_SHIFT = """\
  - id: day-shift-pilot
    initiative: pick-right
    group: Day shift
    participants: 25
    start: 2025-10-06
    end: 2025-11-28
    cost: 3000
    results:
      - {metric: pick-errors, per: month, before: 38, after: 31, isolation: 0.7, confidence: 0.8}
stakeholders:"""


def _changed_slide(folder: Path, when: str) -> list[str]:
    """The body of the 'What has changed since' slide of the December deck in `folder`."""
    from deck_helpers import read_deck

    day = date.fromisoformat(git(Path.cwd(), "show", "-s", "--format=%cs", when).strip())
    slides = read_deck(folder / "warehouse-manager-december.pptx")
    [changed] = [s for s in slides
                 if s["title"] == f"What has changed since {day:%B} {day.day}, {day.year}"]
    return [text for _, text in changed["body"]]


def test_the_changed_slide_says_when_nothing_the_figures_show_has_changed(repo, run):
    assert run("brief", "s.yaml", "--since", "HEAD", "--out", "same").exit_code == 0
    assert _changed_slide(Path("same"), "HEAD") == ["Nothing the figures show has changed."]


def test_the_changed_slide_lists_a_new_pilot_and_the_figures_it_moves(repo, run):
    text = Path("s.yaml").read_text(encoding="utf-8")
    assert text.count(SECOND_PILOT) == 1
    Path("s.yaml").write_text(text.replace(SECOND_PILOT, DAY_SHIFT), encoding="utf-8")
    assert run("brief", "s.yaml", "--since", "HEAD", "--out", "more").exit_code == 0
    body = _changed_slide(Path("more"), "HEAD")
    assert body[:3] == ["New evidence", "A pilot with Day shift", "The figures"], body
    # each figure of the initiative the pilot belongs to, from the old value to the new
    assert [line.split(" ", 2)[2].split(" ")[0] for line in body[3:]] == ["return", "payback", "benefit"]
    assert all(line.startswith("Pick Right: ") and " → " in line for line in body[3:]), body
