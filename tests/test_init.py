"""`buyin init`: a strategy repository that works at once, and CI that rewrites only what changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from buyin_cli import scaffold

EXPECTED = [".github/workflows/briefings.yml", ".gitignore", ".pre-commit-config.yaml", "README.md",
            "buyin.schema.json", "buyin.toml", "strategy/audiences.yaml", "strategy/briefings.yaml",
            "strategy/data/repeat-visits.csv",
            "strategy/initiatives.yaml",
            "strategy/objectives.yaml", "strategy/pilots.yaml", "strategy/stakeholders.yaml",
            "strategy/strategy.yaml"]


def _tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_init_writes_the_starter_and_says_what_it_created(run, workdir: Path) -> None:
    result = run("init", "team", "--source", "buyin==0.1.0")
    assert result.exit_code == 0, result.output
    assert result.lines == [f"created team/{name}" for name in EXPECTED] + [
        "next: cd team && buyin check && buyin brief   (then git init, commit and push)"]
    assert _tree(workdir / "team") == EXPECTED
    text = "".join((workdir / "team" / name).read_text(encoding="utf-8") for name in EXPECTED)
    assert "%BUYIN" not in text  # every placeholder filled


def test_init_keeps_existing_files_unless_forced(run, workdir: Path) -> None:
    (workdir / "README.md").write_text("ours\n", encoding="utf-8")
    result = run("init", ".")
    assert result.exit_code == 0
    assert "kept README.md (it exists; --force overwrites it)" in result.lines
    assert "created strategy/strategy.yaml" in result.lines
    assert result.lines[-1] == "next: buyin check && buyin brief   (then git init, commit and push)"
    assert (workdir / "README.md").read_text(encoding="utf-8") == "ours\n"
    assert run("init", ".", "--force").exit_code == 0
    assert (workdir / "README.md").read_text(encoding="utf-8").startswith("# Our learning strategy")


def test_init_into_a_file_is_one_line(run, write) -> None:
    write("taken", "x")
    result = run("init", "taken")
    assert result.exit_code == 1
    assert result.lines == ["error: taken: is a file; give a folder to make the strategy "
                            "repository in"]


def test_the_starter_is_not_a_bundled_example() -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    bundled = {p.read_bytes() for p in examples.rglob("*.yaml")}
    starter = scaffold.starter_files()
    assert not bundled & set(starter.values())
    organisations = {yaml.safe_load(p.read_text(encoding="utf-8")).get("organisation")
                     for p in examples.rglob("*.yaml")} - {None}
    assert "Calder Home Services" not in organisations


def test_every_starter_file_says_it_is_an_example_and_teaches_its_step() -> None:
    starter = {rel.as_posix(): data.decode() for rel, data in scaffold.starter_files().items()}
    for name, text in starter.items():
        if name.startswith("strategy/") and name.endswith(".yaml"):  # not the exports in data/
            schema_line, example = text.split("\n", 2)[:2]
            assert schema_line == "# yaml-language-server: $schema=../buyin.schema.json", name
            assert example.startswith("# EXAMPLE: "), name
    teaching = {  # the method, where a learning team meets it
        "strategy/objectives.yaml": ["business results leadership already tracks", "pain", "gain"],
        "strategy/audiences.yaml": ["knowledge", "skills", "motivation"],
        "strategy/pilots.yaml": ["comparison group", "conservative", "isolation", "confidence"],
        "strategy/stakeholders.yaml": ["Ask them early", "in their terms", "senior sponsor",
                                       "usage targets"],
        "strategy/briefings.yaml": ["opening_question", "yes", "one course", "decisions",
                                    "questions"],
    }
    for name, phrases in teaching.items():
        comments = "\n".join(line for line in starter[name].splitlines() if "#" in line)
        for phrase in phrases:
            assert phrase in comments, (name, phrase)


def test_nothing_init_writes_outside_strategy_is_read_as_strategy() -> None:
    for rel in scaffold.starter_files():
        visible = not any(part.startswith(".") for part in rel.parts)
        if visible and rel.suffix in (".yaml", ".yml"):
            assert rel.parts[0] == "strategy", rel


# --- the whole workflow, in a git repository ---------------------------------------------

def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def _snapshot(build: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(build.iterdir())}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_init_check_brief_then_only_what_changed_is_written(run, workdir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", "repo").exit_code == 0
    repo = workdir / "repo"
    monkeypatch.chdir(repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Start from buyin init")

    check = run("check", ".")
    assert check.exit_code == 0, check.output
    assert check.lines[-1] == "✓ .: valid (0 errors, 0 warnings)"
    assert run("check", ".", "--strict", "--format", "github").output == ""

    first = run("brief", ".")
    assert first.exit_code == 0, first.output
    decks = ["ops-director-briefing", "regional-managers-briefing"]
    assert first.lines == [f"wrote build/{d}.{ext}" for d in decks for ext in ("pptx", "md")]
    assert _git(repo, "status", "--porcelain") == ""  # build/ is ignored

    before = _snapshot(repo / "build")
    again = run("brief", ".")
    assert again.lines == [f"unchanged build/{d}.{ext}" for d in decks for ext in ("pptx", "md")]
    assert _snapshot(repo / "build") == before

    # A change to one meeting rewrites that briefing's files, and only those.
    _edit(repo / "strategy/briefings.yaml", "    minutes: 45\n", "    minutes: 40\n")
    edited = run("brief", ".")
    assert edited.lines == ["unchanged build/ops-director-briefing.pptx",
                            "unchanged build/ops-director-briefing.md",
                            "wrote build/regional-managers-briefing.pptx",
                            "wrote build/regional-managers-briefing.md"]
    after = _snapshot(repo / "build")
    assert [n for n in after if after[n] != before[n]] == [
        ".buyin-outputs.json", "regional-managers-briefing.md", "regional-managers-briefing.pptx"]

    # A metric of an objective only one meeting focuses on: only that briefing changes,
    # and nothing else in the repository.
    _edit(repo / "strategy/objectives.yaml", "    actual: 4.3", "    actual: 4.4")
    metric = run("brief", ".")
    assert metric.lines == ["unchanged build/ops-director-briefing.pptx",
                            "unchanged build/ops-director-briefing.md",
                            "wrote build/regional-managers-briefing.pptx",
                            "wrote build/regional-managers-briefing.md"]
    assert _git(repo, "status", "--porcelain").splitlines() == [
        " M strategy/briefings.yaml", " M strategy/objectives.yaml"]


def test_the_generated_workflow_checks_pull_requests_and_briefs_main(tmp_path: Path) -> None:
    scaffold.init_repository(tmp_path, source="buyin==0.1.0")
    workflow = yaml.safe_load((tmp_path / ".github/workflows/briefings.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    assert set(triggers["workflow_dispatch"]["inputs"]) == {"today"}
    assert workflow["env"]["BUYIN_SOURCE"] == "${{ vars.BUYIN_SOURCE || 'buyin==0.1.0' }}"
    jobs = workflow["jobs"]
    assert jobs["check"]["if"] == "github.event_name == 'pull_request'"
    assert jobs["brief"]["if"] == "github.event_name != 'pull_request'"
    for job in jobs.values():
        assert job["runs-on"] == "ubuntu-latest"
        assert 0 < job["timeout-minutes"] <= 30
        checkout, python = job["steps"][:2]
        assert checkout["uses"].startswith("actions/checkout@")
        assert python["with"]["cache"] == "pip"
    assert jobs["check"]["steps"][0]["with"] == {"fetch-depth": 0}  # the base, to compare
    names = [step.get("name") for step in jobs["brief"]["steps"]]
    # LibreOffice only for the PDFs, after the decks are written
    assert names.index("Install LibreOffice") == names.index("buyin brief") + 1


def test_no_placeholder_is_left_in_what_init_writes(tmp_path: Path) -> None:
    for source in ("buyin @ git+https://github.com/acme/buyin@0123abcd", None):
        scaffold.init_repository(tmp_path, source=source, force=True)
        text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file())
        assert "%BUYIN" not in text and "OWNER" not in text
        assert ("acme/buyin@0123abcd" in text) == (source is not None)


# --- an existing repository: what it lacks is appended, never rewritten -------------------

def test_init_appends_what_gitignore_and_pre_commit_config_lack(run, workdir: Path) -> None:
    (workdir / ".gitignore").write_text("*.pyc\nbuild/\n", encoding="utf-8")
    ours = ("repos:\n    - repo: https://github.com/pre-commit/pre-commit-hooks\n"
            "      rev: v4.6.0\n      hooks:\n        - id: trailing-whitespace\n")
    (workdir / ".pre-commit-config.yaml").write_text(ours, encoding="utf-8")
    result = run("init", ".", "--source", "buyin==0.1.0")
    assert result.exit_code == 0, result.output
    assert "added to .gitignore: ~$*.pptx, .~lock.*#, .venv/" in result.lines
    assert "added to .pre-commit-config.yaml: the buyin-check hook" in result.lines
    gitignore = (workdir / ".gitignore").read_text(encoding="utf-8")
    assert gitignore.startswith("*.pyc\nbuild/\n") and gitignore.count("build/") == 1
    config_text = (workdir / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert config_text.startswith(ours)
    config = yaml.safe_load(config_text)
    assert [repo["repo"] for repo in config["repos"]] == [
        "https://github.com/pre-commit/pre-commit-hooks", "local"]
    assert config["repos"][1]["hooks"][0]["id"] == "buyin-check"
    # once there, nothing more is added
    again = run("init", ".", "--source", "buyin==0.1.0")
    assert not [line for line in again.lines if line.startswith("added")]
    assert (workdir / ".pre-commit-config.yaml").read_text(encoding="utf-8") == config_text


def test_a_pre_commit_config_init_cannot_safely_extend_is_kept_and_said(run, workdir) -> None:
    ours = "repos: [{repo: meta, hooks: [{id: identity}]}]\nfail_fast: true\n"
    (workdir / ".pre-commit-config.yaml").write_text(ours, encoding="utf-8")
    result = run("init", ".", "--source", "buyin==0.1.0")
    assert any(line.startswith("added to .pre-commit-config.yaml: nothing: its `repos:` is not")
               for line in result.lines), result.lines
    assert (workdir / ".pre-commit-config.yaml").read_text(encoding="utf-8") == ours
