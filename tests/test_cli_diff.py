"""`buyin diff`: two versions of a strategy in git, compared, as a person and a tool read it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import VALID_YAML, replace_line
from git_repo import commit, git, init

BETTER = replace_line(VALID_YAML, "    value_per_unit: 30", "    value_per_unit: 30\n    actual: 36")


def repo(workdir: Path) -> None:
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    commit(workdir, "first")
    Path("s.yaml").write_text(BETTER, encoding="utf-8")


def test_head_against_the_working_tree(run, workdir):
    repo(workdir)
    result = run("diff", "s.yaml")
    assert result.exit_code == 0, result.output
    assert result.lines[:3] == ["Changes to s.yaml from HEAD to the working tree:", "Metrics",
                                "  Picking errors fell from 42 to 36 errors per 10,000 lines "
                                "(better)"]
    assert git(workdir, "status", "--porcelain") == " M s.yaml\n"  # nothing else touched


def test_between_two_revisions_as_json(run, workdir):
    repo(workdir)
    commit(workdir, "second")
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")  # the working tree is not read
    result = run("diff", "s.yaml", "--since", "HEAD~1", "--until", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["since"], data["until"]) == ("HEAD~1", "HEAD")
    assert [(m["metric_id"], m["before"], m["after"], m["direction"]) for m in data["metrics"]] \
        == [("pick-errors", 42.0, 36.0, "good")]  # the first reading moves from the baseline


def test_no_changes(run, workdir):
    repo(workdir)
    commit(workdir, "second")
    result = run("diff", "s.yaml")
    assert (result.exit_code, result.lines) == (
        0, ["No changes to s.yaml from HEAD to the working tree."])


def test_outside_a_repository_is_one_line(run, workdir):
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    result = run("diff", "s.yaml")
    assert result.exit_code == 1
    assert result.lines == ["error: s.yaml is not in a git repository; buyin compares versions "
                            "of a strategy kept in git"]


def test_an_unknown_revision_is_one_line(run, workdir):
    repo(workdir)
    result = run("diff", "s.yaml", "--since", "v9")
    assert result.exit_code == 1
    assert result.lines == ["error: unknown revision 'v9'; name a commit, branch or tag, "
                            "e.g. HEAD~1"]


def test_an_invalid_old_version_is_located_at_its_revision(run, workdir):
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML.replace("    baseline: 42", "    baseline: high"),
                              encoding="utf-8")
    commit(workdir, "broken")
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    result = run("diff", "s.yaml")
    assert result.exit_code == 1
    assert result.lines[0].startswith("HEAD:s.yaml:17:15: E203 metrics[0].baseline")
    assert "Traceback" not in result.output


def test_help_has_an_example(run):
    result = run("diff", "--help")
    assert result.exit_code == 0
    assert "buyin diff strategy/ --since v1 --until v2" in result.stdout


# --- brief --since ---------------------------------------------------------------------------

def test_brief_since_hands_the_comparison_to_the_decks(run, workdir, monkeypatch):
    from buyin_cli import brief

    repo(workdir)
    seen = []
    render = brief.render_briefings
    monkeypatch.setattr(brief, "render_briefings",
                        lambda *a, **k: seen.append(k["changes"]) or render(*a, **k))
    result = run("brief", "s.yaml", "--since", "HEAD")
    assert result.exit_code == 0, result.output
    assert Path("build/warehouse-manager-briefing.pptx").is_file()
    [changes] = seen
    # the deck names the day HEAD was committed (git_repo's fixed date), never "HEAD"
    assert (changes.since, changes.until) == ("January 5, 2026", "the working tree")
    assert [(m.metric_id, m.direction) for m in changes.metrics] == [("pick-errors", "good")]


def test_brief_without_since_compares_nothing(run, workdir, monkeypatch):
    from buyin_cli import brief

    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")  # not even a repository
    seen = []
    render = brief.render_briefings
    monkeypatch.setattr(brief, "render_briefings",
                        lambda *a, **k: seen.append(k["changes"]) or render(*a, **k))
    assert run("brief", "s.yaml").exit_code == 0
    assert seen == [None]


def test_brief_since_an_unknown_revision_writes_nothing(run, workdir):
    repo(workdir)
    result = run("brief", "s.yaml", "--since", "v9")
    assert result.exit_code == 1
    assert result.lines == ["error: unknown revision 'v9'; name a commit, branch or tag, "
                            "e.g. HEAD~1"]
    assert not Path("build").exists()
