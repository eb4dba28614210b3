"""A strategy repo is untrusted input: CI runs `check` and `brief` on pull requests.

Each test is one way a pull request could read the machine running buyin, forge
its CI output or plant a payload in the decks, and proves it is refused or made
harmless.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import VALID_YAML

SECRET = "TOKEN-0123456789abcdef"


@pytest.fixture
def repo(workdir: Path) -> Path:
    """A strategy repo (`repo/s.yaml`) beside a secret file it must never reach (`secret.txt`)."""
    (workdir / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (workdir / "repo").mkdir()
    (workdir / "repo" / "s.yaml").write_text(VALID_YAML, encoding="utf-8")
    return Path("repo")


def _nothing_leaked(result, out: Path) -> None:
    assert SECRET not in result.output
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(SECRET.encode() in p.read_bytes() for p in written)


# 1. Templates read any file on the runner.

def test_a_template_folder_linked_out_of_templates_is_refused_before_reading(run, repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "root").symlink_to(Path.cwd(), target_is_directory=True)
    (repo / "templates" / "talking-points.md.j2").write_text(
        '{% extends "talking_points_base.md.j2" %}\n'
        '{% block header %}{% include "root/secret.txt" %}{% endblock %}\n', encoding="utf-8")
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: repo/templates/root/secret.txt: template 'root/secret.txt' is a link to a file "
        "outside the templates folder repo/templates; copy the file into the folder instead "
        "of linking to it"]
    _nothing_leaked(result, Path("out"))
    assert not Path("out").exists()


def test_a_template_file_linked_to_a_file_outside_is_refused(run, repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "deck.yaml.j2").symlink_to(Path("secret.txt").resolve())
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert "repo/templates/deck.yaml.j2: template 'deck.yaml.j2' is a link to a file outside" \
        in result.stderr
    _nothing_leaked(result, Path("out"))


def test_a_templates_folder_that_links_out_of_the_strategy_is_refused(run, repo: Path) -> None:
    Path("elsewhere").mkdir()
    (Path("elsewhere") / "talking-points.md.j2").write_text(SECRET, encoding="utf-8")
    (repo / "templates").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: repo/templates: the templates folder is a link to a folder outside the "
        "strategy's folder; put the templates in it instead"]
    _nothing_leaked(result, Path("out"))


def test_links_inside_the_templates_folder_still_work(run, repo: Path) -> None:
    (repo / "templates" / "parts").mkdir(parents=True)
    (repo / "templates" / "parts" / "header.j2").write_text("Our own header\n", encoding="utf-8")
    (repo / "templates" / "shared").symlink_to("parts", target_is_directory=True)
    (repo / "templates" / "talking-points.md.j2").write_text(
        '{% extends "talking_points_base.md.j2" %}\n'
        '{% block header %}{% include "shared/header.j2" %}{% endblock %}\n', encoding="utf-8")
    result = run("brief", repo, "--out", "out")
    assert result.exit_code == 0, result.output
    assert "Our own header" in Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8")


# 2. Strategy files that are links are followed, and E107 echoes what they point at.

def test_a_strategy_file_linked_out_of_the_folder_is_refused_unread(run, repo: Path) -> None:
    (repo / "credentials.yaml").symlink_to(Path("secret.txt").resolve())
    result = run("check", repo)
    assert result.exit_code == 1
    assert result.errors == [
        "repo/credentials.yaml:1:1: E001 is a link to a file outside the strategy's folder; "
        "buyin reads only the strategy's own files (copy the file in instead of linking to it)"]
    _nothing_leaked(result, Path("out"))


def test_a_strategy_given_as_a_link_out_of_its_folder_is_refused(run, repo: Path) -> None:
    (repo / "s.yaml").unlink()
    (repo / "s.yaml").symlink_to(Path("secret.txt").resolve())
    for command in ("check", "roi", "brief"):
        result = run(command, repo / "s.yaml")
        assert result.exit_code == 1
        assert result.errors[0].startswith("repo/s.yaml:1:1: E001 is a link to a file outside")
        _nothing_leaked(result, Path("out"))


def test_a_linked_folder_out_of_the_strategy_is_not_read(run, repo: Path) -> None:
    Path("elsewhere").mkdir()
    Path("elsewhere/leak.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    (repo / "more").symlink_to(Path("elsewhere").resolve(), target_is_directory=True)
    result = run("check", repo)
    assert result.exit_code == 0, result.output
    _nothing_leaked(result, Path("out"))


def test_a_file_that_is_no_strategy_is_not_echoed(run, write) -> None:
    write("s.yaml", f"https://dana:{SECRET}@github.example\n")
    result = run("check", "s.yaml")
    assert result.errors == ["s.yaml:1:1: E107 the top level is plain text; expected a mapping "
                             "of sections such as 'buyin: 1', 'organisation: ...'"]
    assert SECRET not in result.output


def test_a_link_between_files_of_the_strategy_is_still_read(run, repo: Path) -> None:
    Path("repo/shared").mkdir()
    (repo / "s.yaml").rename(repo / "shared" / "s.yaml")
    (repo / "s.yaml").symlink_to(Path("shared/s.yaml"))
    result = run("check", repo / "s.yaml")
    assert result.exit_code == 0, result.output
