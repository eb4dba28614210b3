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
