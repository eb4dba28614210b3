"""CI that speaks to reviewers: the job summary, the pull request comment, JSON for tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import VALID_YAML, replace_line
from git_repo import commit, git, init

# The pilot grows and the guide costs more: the ROI falls, and the comment says why.
CHANGED = replace_line(replace_line(VALID_YAML, "    participants: 20", "    participants: 40"),
                       "      - {item: Build the guide, amount: 6000, kind: one-off}",
                       "      - {item: Build the guide, amount: 9000, kind: one-off}")


@pytest.fixture
def summary(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = workdir / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(path))
    return path


def test_diff_markdown_says_each_figure_before_and_after_and_why(run, workdir) -> None:
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    head = commit(workdir, "first")
    Path("s.yaml").write_text(CHANGED, encoding="utf-8")
    result = run("diff", "s.yaml", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "### What changed in s.yaml"
    assert lines[2] == f"From HEAD ({head[:7]}, 2026-01-05) to the working tree."
    roi = next(line for line in lines if line.startswith("- ROI of Pick Right"))
    assert roi == ("- ROI of Pick Right 133.3% → -22.2% (worse), because its costs › Build the "
                   "guide › amount went from 6,000 to 9,000 and the pilot's participants went "
                   "from 20 to 40")
    payback = next(line for line in lines if line.startswith("- Payback of Pick Right"))
    assert "because" not in payback  # the causes once per initiative


def test_diff_markdown_escapes_the_strategys_text(run, workdir) -> None:
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    commit(workdir, "first")
    Path("s.yaml").write_text(replace_line(CHANGED, "    title: Pick Right",
                                           "    title: '**Pick** <img src=x> @ceo'"),
                              encoding="utf-8")
    text = run("diff", "s.yaml", "--format", "markdown").stdout
    assert "ROI of \\*\\*Pick\\*\\* &lt;img src=x&gt; &#64;ceo" in text
    assert "<img" not in text and "@ceo" not in text


def test_diff_json_resolves_revisions_and_names_the_working_tree(run, workdir) -> None:
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    first = commit(workdir, "first")
    Path("s.yaml").write_text(CHANGED, encoding="utf-8")
    data = json.loads(run("diff", "s.yaml", "--format", "json").stdout)
    assert (data["since"], data["since_commit"]) == ("HEAD", first)
    assert (data["until"], data["until_commit"], data["working_tree"]) == (None, None, True)
    [roi] = [f for f in data["figures"] if f["figure"] == "roi_pct"]
    assert {"kind": "pilot", "id": "pick-right-pilot", "label": "Night shift",
            "field": ["participants"], "before": 20, "after": 40} in roi["causes"]
    second = commit(workdir, "second")
    data = json.loads(run("diff", "s.yaml", "--since", "HEAD~1", "--until", "HEAD",
                          "--format", "json").stdout)
    assert (data["since_commit"], data["until_commit"], data["working_tree"]) == (
        first, second, False)


def test_check_brief_and_diff_append_to_the_job_summary(run, workdir, summary) -> None:
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    commit(workdir, "first")
    Path("s.yaml").write_text(CHANGED, encoding="utf-8")
    check = run("check", "s.yaml", "--format", "github")
    assert check.exit_code == 0
    annotations = check.stdout.splitlines()
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### buyin check s.yaml: ✓ valid (0 errors, ")
    assert "| Method | Points | Warnings |" in text
    score = json.loads(run("check", "s.yaml", "--format", "json").stdout)["score"]
    assert f"**Readiness {score}/100**" in text
    # every problem is listed, by file, however many GitHub would annotate
    listed = [line for line in text.splitlines() if line.startswith("- ⚠️ line ")]
    assert len(listed) == len(annotations) > 0
    assert "**s.yaml**" in text

    assert run("brief", "s.yaml").exit_code == 0
    assert run("diff", "s.yaml").exit_code == 0
    sections = [line for line in summary.read_text(encoding="utf-8").splitlines()
                if line.startswith("### ")]
    assert sections[1:] == ["### buyin check s.yaml: " + sections[1].split(": ", 1)[1],
                            "### buyin brief: 2 files written, 0 unchanged",
                            "### What changed in s.yaml"]
    assert git(workdir, "status", "--porcelain").splitlines()[0] == " M s.yaml"


def test_no_summary_without_github(run, write, workdir, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    write("s.yaml", VALID_YAML)
    assert run("check", "s.yaml").exit_code == 0
    assert sorted(p.name for p in workdir.iterdir()) == ["s.yaml"]
