"""Earlier versions of a strategy, read through git: the same loader, no checkout, clear refusals."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from buyin_cli.errors import StrategyInvalid
from buyin_cli.load.git import GitError, load_revision, read_revision
from conftest import VALID_YAML, replace_line
from git_repo import commit, git, init


def test_a_file_as_it_was_at_a_revision(workdir):
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    first = commit(workdir, "first")
    Path("s.yaml").write_text(replace_line(VALID_YAML, "    baseline: 42", "    baseline: 40"),
                              encoding="utf-8")
    commit(workdir, "second")
    assert load_revision(Path("s.yaml"), "HEAD~1").strategy.metrics[0].baseline == 42
    assert load_revision(Path("s.yaml"), first[:10]).strategy.metrics[0].baseline == 42
    assert load_revision(Path("s.yaml"), "HEAD").strategy.metrics[0].baseline == 40
    assert git(workdir, "status", "--porcelain") == ""  # nothing checked out or written
    assert git(workdir, "worktree", "list").count("\n") == 1


def test_a_folder_as_it_was_leaves_out_hidden_folders_and_other_files(workdir):
    init(workdir)
    head, _, tail = VALID_YAML.partition("objectives:\n")
    Path("strategy/.github/workflows").mkdir(parents=True)
    Path("strategy/.github/workflows/ci.yml").write_text("on: push\n", encoding="utf-8")
    Path("strategy/a.yaml").write_text(head, encoding="utf-8")
    Path("strategy/sections").mkdir()
    Path("strategy/sections/b.yaml").write_text("objectives:\n" + tail, encoding="utf-8")
    Path("strategy/notes.md").write_text("notes\n", encoding="utf-8")
    commit(workdir, "folder")
    Path("strategy/sections/b.yaml").unlink()  # the working tree no longer matters
    files = read_revision(Path("strategy"), "HEAD")
    assert [str(name) for name, _ in files] == ["HEAD:strategy/a.yaml",
                                                "HEAD:strategy/sections/b.yaml"]
    assert load_revision(Path("strategy"), "HEAD").strategy.organisation == "Kestrel Logistics"


def test_problems_of_an_old_version_are_located_at_the_revision(workdir):
    init(workdir)
    Path("s.yaml").write_text(replace_line(VALID_YAML, "    baseline: 42", "    baselin: 42"),
                              encoding="utf-8")
    commit(workdir, "typo")
    with pytest.raises(StrategyInvalid) as info:
        load_revision(Path("s.yaml"), "HEAD")
    assert str(info.value.problems[0]).startswith("HEAD:s.yaml:17:5: E201 metrics[0].baselin")


def test_outside_a_repository(workdir):
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    with pytest.raises(GitError, match=r"^s.yaml is not in a git repository; buyin compares"):
        read_revision(Path("s.yaml"), "HEAD")


@pytest.mark.parametrize("rev", ["nope", "HEAD~5", "--output=x", "", "HEAD:s.yaml"])
def test_an_unknown_revision(workdir, rev):
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    commit(workdir, "first")
    with pytest.raises(GitError, match=r"^unknown revision '.*'; name a commit, branch or tag"):
        read_revision(Path("s.yaml"), rev)
    assert not Path("x").exists()


def test_a_path_the_revision_does_not_have(workdir):
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    commit(workdir, "first")
    Path("t.yaml").write_text(VALID_YAML, encoding="utf-8")
    with pytest.raises(GitError, match=r"^t.yaml is not in HEAD; name a revision that has it"):
        read_revision(Path("t.yaml"), "HEAD")


def test_a_repository_with_no_commits(workdir):
    init(workdir)
    Path("s.yaml").write_text(VALID_YAML, encoding="utf-8")
    with pytest.raises(GitError, match=r"^unknown revision 'HEAD'"):
        read_revision(Path("s.yaml"), "HEAD")
    assert subprocess.run(["git", "status"], cwd=workdir, capture_output=True).returncode == 0


@pytest.mark.parametrize("count", [2, 6])
def test_a_folder_is_read_by_one_git_process_however_many_files(workdir, monkeypatch, count):
    init(workdir)
    Path("strategy").mkdir()
    head, _, tail = VALID_YAML.partition("objectives:\n")
    Path("strategy/a.yaml").write_text(head, encoding="utf-8")
    Path("strategy/b.yaml").write_text("objectives:\n" + tail, encoding="utf-8")
    for n in range(count - 2):
        Path(f"strategy/x{n}.yaml").write_text(f"# empty section {n}\n", encoding="utf-8")
    commit(workdir, "folder")
    runs = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: runs.append(args) or real(args, **kw))
    files = read_revision(Path("strategy"), "HEAD")
    assert [body for _, body in files] == [Path("strategy", n.name).read_bytes() for n, _ in files]
    assert len(files) == count
    # rev-parse twice, cat-file -t, ls-tree, cat-file --batch: the same for any number of files
    assert len(runs) == 5
