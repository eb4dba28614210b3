"""Nothing buyin prints can drive a CI runner: no runner command the strategy wrote, in any command, format or stream.

GitHub's runner acts on `::cmd::` at a line's start and on its legacy `##[cmd]`
anywhere in a line; Azure Pipelines on `##vso[` anywhere. The strategy's text
reaches the output through keys, values, file names, git paths, JSON and the
command-line library's own errors: each door is tried here with each form.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from conftest import VALID_YAML

# A runner command anywhere in a line, as GitHub's legacy parser and Azure's find one.
ANYWHERE = re.compile(r"##\[|##vso\[", re.IGNORECASE)
FORMS = ["##[error]Forged", "##[set-output name=x;]y", "##vso[task.setvariable variable=x]y",
         "##VSO[task.complete result=Failed]", "x ##[stop-commands]z"]


def _inert(output: str) -> None:
    assert not ANYWHERE.search(output), [line for line in output.splitlines() if ANYWHERE.search(line)]
    for line in output.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("::"):  # only buyin's own annotations and stop-commands
            assert re.match(r"::(error|warning|notice) file=|::stop-commands::|::[0-9a-f]{32}::",
                            stripped), line


def _forged(form: str) -> str:
    text = VALID_YAML.replace("buyin: 1", f'buyin: 1\n"{form}": 1')
    text = text.replace("concerns: [Peak season starts in six weeks]", f'concerns: ["{form}"]')
    return text.replace("    name: Picking errors", f'    name: "Pick {form}"')


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("args", [["check"], ["check", "--format", "json"],
                                  ["check", "--format", "github"], ["roi"],
                                  ["roi", "--explain"], ["roi", "--format", "json", "--explain"],
                                  ["brief", "-o", "out"]],
                         ids=lambda a: "-".join(a))
def test_a_runner_command_in_keys_values_and_concerns_is_inert(run, write, form, args) -> None:
    path = write("s.yaml", _forged(form))
    _inert(run(args[0], path, *args[1:]).output)
    valid = write("v.yaml", _forged(form).replace(f'"{form}": 1\n', ""))
    _inert(run(args[0], valid, *args[1:]).output)


def test_json_output_decodes_back_to_what_the_strategy_wrote(run, write) -> None:
    # A problem's message is one printable line in every format; figures are data.
    write("s.yaml", _forged("##[error]Forged"))
    problems = json.loads(run("check", "s.yaml", "--format", "json").stdout)["problems"]
    assert problems[0]["message"].startswith("#\\u0023[error]Forged: unknown key")
    result = run("roi", write("v.yaml", _forged("##[error]F").replace('"##[error]F": 1\n', "")),
                 "--format", "json", "--explain")
    assert "Pick ##[error]F" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_text_output_shows_the_marker_with_one_visible_escape(run, write) -> None:
    result = run("check", write("s.yaml", _forged("##[error]Forged")))
    assert result.errors[0].startswith("s.yaml:2:1: E201 #\\u0023[error]Forged: unknown key")


@pytest.mark.parametrize("name", ["a##[error]x.yaml", "##vso[task.x]y.yaml", "::error::x.yaml"])
@pytest.mark.parametrize("command", ["check", "roi", "brief"])
def test_a_file_name_is_inert_found_or_not(run, write, name, command) -> None:
    _inert(run(command, name).output)  # the command-line library's own error, or E001
    write(f"d/{name}", VALID_YAML.replace("buyin: 1", "buyin: 1\nx: 1"))
    _inert(run(command, "d", *(["-o", "out"] if command == "brief" else [])).output)


def test_diff_notes_and_git_paths_are_inert(run, workdir) -> None:
    from git_repo import commit, init

    init(workdir)
    folder = Path("s##[error]git")
    folder.mkdir()
    forged = _forged("##vso[task.x]y").replace('"##vso[task.x]y": 1\n', "")
    (folder / "s.yaml").write_text(forged, encoding="utf-8")
    commit(workdir, "first")
    (folder / "s.yaml").write_text(forged.replace("    value_per_unit: 30",
                                                  "    value_per_unit: 30\n    actual: 36"))
    for args in ([], ["--format", "json"]):
        result = run("diff", folder / "s.yaml", *args)
        _inert(result.output)
        assert "fell from 42 to 36" in result.stdout or "36" in result.stdout
    _inert(run("diff", folder / "s.yaml", env={"GITHUB_ACTIONS": "true"}).output)


def test_a_lone_surrogate_is_located_in_every_format_of_check(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("organisation: Kestrel Logistics",
                                              'organisation: "Kes\\ud800trel"'))
    for args in ([], ["--format", "json"], ["--format", "github"]):
        result = run("check", path, *args)
        assert result.exit_code == 1
        assert "internal error" not in result.output
        assert "E204" in result.output and "Kes\\ud800trel" in result.output.replace("\\\\", "\\")


def test_a_zero_width_character_is_echoed_visibly(run, write) -> None:
    path = write("s.yaml", VALID_YAML.replace("    baseline: 42", "    basel\u200bine: 42"))
    [line] = [e for e in run("check", path).errors if "E201" in e]
    assert "basel\\u200bine: unknown key (did you mean 'baseline'?)" in line


def test_the_stream_guard_breaks_a_marker_split_across_writes() -> None:
    from buyin_cli.streams import InertStream

    target = io.StringIO()
    stream = InertStream(target)
    for piece in ("x #", "#", "v", "SO[task]", " ##", "[error] a\ud800 #"):
        stream.write(piece)
    stream.flush()
    assert target.getvalue() == "x #\\u0023vSO[task] #\\u0023[error] a\\ud800 #"
    with pytest.raises(TypeError):
        stream.write(b"")  # still a text stream, as click probes
