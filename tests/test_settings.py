"""buyin.toml: a repository's defaults, found upward, that the command line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import VALID_YAML

BRIEFING = yaml.safe_load(VALID_YAML)["briefings"][0]["id"]


@pytest.fixture
def repo(write) -> Path:
    """A strategy repository whose root also holds YAML that is not strategy."""
    write("strategy/strategy.yaml", VALID_YAML)
    write("mkdocs.yml", "site_name: Our learning strategy\n")
    write("docker-compose.yml", "services: {}\n")
    return Path.cwd()


def test_without_buyin_toml_stray_root_yaml_is_read_as_strategy(run, repo) -> None:
    result = run("check", ".")
    assert result.exit_code == 1
    assert any(line.startswith("mkdocs.yml:1:1: E201 site_name") for line in result.lines)


def test_a_command_without_path_checks_the_strategy_buyin_toml_names(run, repo, write,
                                                                      monkeypatch) -> None:
    write("buyin.toml", 'strategy = "strategy"\n')
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.lines[-1].startswith("✓ strategy: valid")
    # found from a folder below, as mkdocs finds mkdocs.yml; paths are the file's own
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    assert run("check").exit_code == 0
    assert run("roi", "--format", "json").exit_code == 0


def test_exclude_leaves_files_out_of_the_strategy(run, repo, write) -> None:
    write("strategy/old/pilots.yaml", "pilots: [{id: x}]\n")
    assert run("check", "strategy").exit_code == 1
    write("buyin.toml", 'strategy = "strategy"\nexclude = ["strategy/old/*.yaml"]\n')
    assert run("check", "strategy").exit_code == 0
    # a whole root read with mkdocs.yml left out
    write("buyin.toml", 'exclude = ["mkdocs.yml", "docker-compose.yml", "strategy/old/*"]\n')
    assert run("check", ".").exit_code == 0


def test_out_and_pdf_come_from_buyin_toml_and_the_command_line_wins(run, repo, write) -> None:
    write("buyin.toml", 'strategy = "strategy"\nout = "decks"\n')
    first = run("brief")
    assert first.exit_code == 0, first.output
    assert (repo / "decks" / f"{BRIEFING}.pptx").exists()
    assert run("brief", "--out", "elsewhere").exit_code == 0
    assert (repo / "elsewhere" / f"{BRIEFING}.pptx").exists()


def test_no_path_and_no_buyin_toml_is_a_usage_error(run, workdir) -> None:
    result = run("check")
    assert result.exit_code == 2
    assert "Missing argument 'PATH'" in result.output
    assert "buyin.toml" in result.output


@pytest.mark.parametrize(("text", "line"), [
    ('strategy = "strategy\n', "buyin.toml:1:21: E003 not valid TOML: illegal character"),
    ('\n\nstrategie = "strategy"\n', "buyin.toml:3:1: E003 strategie: unknown key; the keys are "
                                     "strategy, exclude, out, templates, pptx_template, pdf"),
    ('pdf = "yes"\n', "buyin.toml:1:1: E003 pdf: should be true or false"),
    ('exclude = "a.yaml"\n', "buyin.toml:1:1: E003 exclude: should be a list of file patterns"),
])
def test_a_bad_buyin_toml_is_one_located_line(run, repo, write, text, line) -> None:
    write("buyin.toml", text)
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(line), result.stderr
    assert "Traceback" not in result.output


def test_pdf_from_buyin_toml_and_no_pdf_on_the_command_line(run, repo, write) -> None:
    # an soffice that writes a one-line PDF per deck, so no LibreOffice is needed here
    bin_dir = repo / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text('#!/bin/bash\nwhile [ "$1" != "--outdir" ]; do shift; done; out="$2"; '
                       'shift 2; mkdir -p "$out"\nfor deck in "$@"; do name="${deck##*/}"; '
                       'echo "%PDF" > "$out/${name%.pptx}.pdf"; done\n', encoding="utf-8")
    soffice.chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin"}
    write("buyin.toml", 'strategy = "strategy"\npdf = true\n')
    assert run("brief", "--no-pdf", env=env).exit_code == 0
    assert not (repo / "build" / f"{BRIEFING}.pdf").exists()  # the command line wins
    result = run("brief", env=env)
    assert result.exit_code == 0, result.output
    assert f"wrote build/{BRIEFING}.pdf" in result.lines
