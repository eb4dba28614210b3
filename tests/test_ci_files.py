"""The pre-commit hook and the GitHub action this repository provides, and the workflow init writes.

The action's own shell steps are run here, as GitHub would run them, with `python`
(the install) and LibreOffice replaced by stand-ins and `buyin` the real one, so
every command the action and the generated workflow give is a real buyin command.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.core import TyperGroup
from typer.main import get_command

from buyin_cli import cli, scaffold

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"
README = ROOT / "README.md"

# pre-commit's documented hook keys (pre-commit.com, "Creating new hooks") and their types.
HOOK_REQUIRED = {"id": str, "name": str, "entry": str, "language": str}
HOOK_OPTIONAL = {"files": str, "exclude": str, "types": list, "types_or": list,
                 "exclude_types": list, "always_run": bool, "fail_fast": bool, "verbose": bool,
                 "pass_filenames": bool, "require_serial": bool, "description": str,
                 "language_version": str, "minimum_pre_commit_version": str, "args": list,
                 "stages": list, "additional_dependencies": list, "log_file": str}


def test_pre_commit_hook_is_valid_and_runs_buyin_check() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    [hook] = hooks
    for key, kind in HOOK_REQUIRED.items():
        assert isinstance(hook.get(key), kind), key
    for key, value in hook.items():
        assert key in HOOK_REQUIRED or key in HOOK_OPTIONAL, f"not a pre-commit hook key: {key}"
        assert isinstance(value, {**HOOK_REQUIRED, **HOOK_OPTIONAL}[key]), key
    assert hook["id"] == "buyin-check"
    assert hook["language"] == "python"  # pre-commit installs this repository with pip
    assert hook["entry"] == "buyin check" and hook["args"] == ["."]
    assert hook["pass_filenames"] is False  # one check of the whole strategy, not file by file
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    assert files.search("strategy/pilots.yaml") and files.search("objectives.yml")
    assert files.search("strategy/data/incidents.csv") and files.search("data/lms.xlsx")
    assert not files.search("build/deck.pptx")
    assert exclude.search(".github/workflows/briefings.yml")
    assert exclude.search(".pre-commit-config.yaml")
    assert not exclude.search("strategy/pilots.yaml")


def test_the_hook_runs_as_pre_commit_would_run_it(tmp_path: Path) -> None:
    hook = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))[0]
    scaffold.init_repository(tmp_path)
    command = [str(_buyin()), *hook["entry"].split()[1:], *hook["args"]]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "strategy" / "broken.yaml").write_text("metrics: [{id: x}]\n", encoding="utf-8")
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "strategy/broken.yaml:1:11: E2" in done.stdout


def test_the_generated_pre_commit_config_is_a_local_hook_on_the_installed_buyin(
        tmp_path: Path) -> None:
    scaffold.init_repository(tmp_path, source="buyin==0.1.0")
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"  # nothing to fetch: no URL, no tag that may not exist
    [hook] = repo["hooks"]
    assert hook["id"] == "buyin-check" and hook["language"] == "system"
    assert hook["entry"] == "buyin check" and hook["pass_filenames"] is False
    for key, value in hook.items():
        assert key in HOOK_REQUIRED or key in HOOK_OPTIONAL, f"not a pre-commit hook key: {key}"
        assert isinstance(value, {**HOOK_REQUIRED, **HOOK_OPTIONAL}[key]), key
    files = re.compile(hook["files"])
    assert files.search("strategy/pilots.yaml") and files.search("buyin.toml")


# --- the action -----------------------------------------------------------------------------

def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_described_inputs() -> None:
    action = _action()
    assert {"name", "description", "runs"} <= set(action)
    assert action["runs"]["using"] == "composite"
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
        assert isinstance(spec.get("default"), str), f"{name}: inputs are strings"
    assert {"path", "briefing", "out", "pdf", "python-version", "source", "comment",
            "today"} <= set(action["inputs"])
    assert "version" not in action["inputs"]  # no package index has buyin to install from
    steps = action["runs"]["steps"]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/setup-python", "actions/upload-artifact"]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"  # a composite step must name its shell
            # Inputs reach the scripts through env only: never pasted into the shell text.
            assert "${{" not in step["run"], step.get("id")


def test_every_buyin_option_the_action_uses_exists() -> None:
    group = get_command(cli.app)
    assert isinstance(group, TyperGroup)
    commands = group.commands
    seen = set()
    for step in _action()["runs"]["steps"]:
        found = re.search(r"args=\((\w+) ", step.get("run", ""))
        if not found:
            continue
        command = found.group(1)
        seen.add(command)
        known = {opt for param in commands[command].params for opt in param.opts}
        used = set(re.findall(r"(?<![\w-])--[\w-]+", step["run"]))
        assert used and used <= known, (command, used - known)
    assert seen == {"check", "brief"}


def _buyin() -> Path:
    found = Path(sys.executable).parent / "buyin"
    return found if found.exists() else Path(shutil.which("buyin") or "buyin")


def _stand_ins(folder: Path, soffice: bool) -> Path:
    """A PATH folder: `buyin` logs its arguments and runs the real one; `python` and `sudo`
    only log theirs; `soffice`, when wanted, writes a one-line PDF per deck."""
    folder.mkdir()
    log = folder / "log"
    scripts = {
        "buyin": f'echo "buyin $*" >> "{log}"\nexec "{_buyin()}" "$@"\n',
        "python": f'echo "python $*" >> "{log}"\n',
        "sudo": f'echo "sudo $*" >> "{log}"\n',
        # GitHub's CLI: no comment yet; a comment posted is kept beside the log.
        "gh": f'echo "gh $1 $2 $3" >> "{log}"\n'
              f'for a in "$@"; do case "$a" in body=*) printf %s "${{a#body=}}" '
              f'> "{folder}/comment.md";; esac; done\n',
    }
    if soffice:
        scripts["soffice"] = ('while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2\n'
                              '/bin/mkdir -p "$out"\n'
                              'for deck in "$@"; do name="${deck##*/}"; '
                              'echo "%PDF" > "$out/${name%.pptx}.pdf"; done\n')
    for name, body in scripts.items():
        path = folder / name
        path.write_text("#!/bin/bash\n" + body, encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return folder


def _expression(text: str, inputs: dict[str, str], outcomes: dict[str, str], failed: bool,
                event: str = "push") -> bool:
    """The few GitHub expressions the action uses, evaluated as GitHub would."""
    text = text.strip().removeprefix("${{").removesuffix("}}")
    text = text.replace("github.event_name", repr(event))
    implicit = not re.search(r"\b(success|failure|always|cancelled)\(\)", text)
    text = re.sub(r"\binputs\.([\w-]+)", lambda m: repr(inputs[m.group(1)]), text)
    text = re.sub(r"\bsteps\.([\w-]+)\.outcome", lambda m: repr(outcomes.get(m.group(1), "")), text)
    text = (text.replace("&&", " and ").replace("||", " or ").replace("success()", str(not failed))
            .replace("failure()", str(failed)).replace("always()", "True")
            .replace("cancelled()", "False"))
    text = re.sub(r"!(?!=)", " not ", text)
    value = eval(text, {"__builtins__": {}})  # noqa: S307 - our own action file
    return bool(value) and (not failed if implicit else True)


def run_action(with_: dict, cwd: Path, bin_dir: Path, event: str = "push",
               extra_env: dict | None = None) -> tuple[list[str], list[dict]]:
    """Run action.yml's steps in `cwd`: the commands logged, and the `uses` steps reached."""
    action = _action()
    inputs = {name: spec["default"] for name, spec in action["inputs"].items()}
    inputs |= {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in with_.items()}

    github = {"base_ref": "main", "event.pull_request.number": "7", "token": "t",
              "action_path": str(ROOT)}

    def expand(value: str) -> str:
        value = re.sub(r"\$\{\{\s*github\.([\w.-]+)\s*\}\}", lambda m: github[m.group(1)],
                       str(value))
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)

    outcomes: dict[str, str] = {}
    reached: list[dict] = []
    failed = False
    for step in action["runs"]["steps"]:
        condition = step.get("if")
        runs = (_expression(condition, inputs, outcomes, failed, event) if condition
                else not failed)
        if not runs:
            outcomes[step.get("id", "")] = "skipped"
            continue
        if "uses" in step:
            reached.append({"uses": step["uses"],
                            "with": {k: expand(v) for k, v in step.get("with", {}).items()}})
            continue
        env = {"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin" if (bin_dir / "soffice").exists()
               else str(bin_dir), "HOME": str(cwd), "GITHUB_ACTION_PATH": str(ROOT),
               **(extra_env or {}), **{k: expand(v) for k, v in step.get("env", {}).items()}}
        done = subprocess.run(["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=120)
        outcomes[step["id"]] = "success" if done.returncode == 0 else "failure"
        failed = failed or (done.returncode != 0 and not step.get("continue-on-error"))
    log = bin_dir / "log"
    return (log.read_text(encoding="utf-8").splitlines() if log.exists() else []), reached


def test_the_generated_workflow_runs_check_on_pull_requests(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo, source="buyin @ git+https://github.com/acme/buyin@0123abcd")
    log, reached = run_workflow(repo, "check", _stand_ins(tmp_path / "bin", soffice=True))
    assert log[:2] == ["python -m pip install --disable-pip-version-check -q "
                       "buyin @ git+https://github.com/acme/buyin@0123abcd",
                       "buyin check --format github"]
    assert [step["uses"].split("@")[0] for step in reached] == ["actions/checkout",
                                                                "actions/setup-python"]
    assert not (repo / "build").exists()


def test_the_generated_workflow_briefs_main_with_pdfs_and_uploads_them(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo, source="buyin==0.1.0")
    log, reached = run_workflow(repo, "brief", _stand_ins(tmp_path / "bin", soffice=True),
                                inputs={"today": "2026-05-01"})
    assert log[0] == "python -m pip install --disable-pip-version-check -q buyin==0.1.0"
    assert log[1] == "buyin check --format github --today 2026-05-01"
    assert log[2] == "buyin brief --no-pdf"
    assert log[3].startswith("sudo apt-get update")  # LibreOffice, for the PDF step only
    assert log[5] == "buyin brief --pdf"
    upload = reached[-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["name"] == "briefings" and upload["with"]["path"] == "build"
    assert sorted(p.name for p in (repo / "build").iterdir()) == [".buyin-outputs.json"] + [
        f"{d}.{ext}" for d in ("ops-director-briefing", "regional-managers-briefing")
        for ext in ("md", "pdf", "pptx")]


def test_the_generated_workflow_comments_what_a_pull_request_changes(tmp_path: Path) -> None:
    repo = _pull_request(tmp_path, source="buyin==0.1.0")
    bin_dir = _stand_ins(tmp_path / "bin", soffice=True)
    log, _ = run_workflow(repo, "check", bin_dir)
    assert log[2:] == [f"buyin diff --since {_git_out(repo, 'rev-parse', 'origin/main')} "
                       "--format markdown",
                       "gh api repos/acme/strategy/issues/7/comments --paginate",
                       "gh api repos/acme/strategy/issues/7/comments -f"]
    comment = (bin_dir / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- buyin diff -->\n### What changed in strategy")
    assert "the pilot's participants went from 20 to 40" in comment


def test_the_generated_workflow_never_posts_an_empty_comment(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo, source="buyin==0.1.0")  # no git: diff cannot compare
    bin_dir = _stand_ins(tmp_path / "bin", soffice=True)
    log, _ = run_workflow(repo, "check", bin_dir)
    assert not [line for line in log if line.startswith("gh ")]
    assert not (repo / "changes.md").exists()


def test_the_generated_workflow_without_a_source_says_what_to_set(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo, source=None)
    bin_dir = _stand_ins(tmp_path / "bin", soffice=True)
    log, _ = run_workflow(repo, "brief", bin_dir)
    assert log == []  # the install step stopped the job, saying why
    log, _ = run_workflow(repo, "brief", bin_dir, variables={"BUYIN_SOURCE": "buyin==9.9"})
    assert log[0] == "python -m pip install --disable-pip-version-check -q buyin==9.9"


def test_the_action_installs_libreoffice_and_still_uploads_the_decks(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo)
    with_ = {"source": "buyin==0.1.0", "pdf": True, "strict": True,
             "briefing": "ops-director-briefing", "out": "decks"}
    log, reached = run_action(with_, repo, _stand_ins(tmp_path / "bin", soffice=False))
    assert log[0] == "python -m pip install --disable-pip-version-check -q buyin==0.1.0"
    assert log[1].startswith("sudo apt-get update")
    assert "libreoffice-impress" in log[2]
    assert log[3:] == ["buyin check --format github --strict",  # the strategy buyin.toml names
                       "buyin brief --out decks --briefing ops-director-briefing --pdf"]
    # The stand-in sudo installed nothing, so brief --pdf failed; the decks go up all the same.
    assert reached[-1]["with"]["path"] == "decks"
    assert sorted(p.name for p in (repo / "decks").iterdir()) == [
        ".buyin-outputs.json", "ops-director-briefing.md", "ops-director-briefing.pptx"]


def run_workflow(repo: Path, job: str, bin_dir: Path, *, inputs: dict | None = None,
                 variables: dict | None = None, github: dict | None = None
                 ) -> tuple[list[str], list[dict]]:
    """Run one job of the workflow init wrote, in `repo`, as GitHub would run its steps."""
    workflow = yaml.safe_load((repo / ".github/workflows/briefings.yml").read_text())
    context = {"inputs": inputs or {}, "vars": variables or {},
               "github": {"token": "t", "base_ref": "main", "repository": "acme/strategy",
                          "event": {"pull_request": {"number": 7}}, **(github or {})}}

    def value(text: str) -> str:
        def one(match: re.Match) -> str:
            expr = re.sub(r"hashFiles\('([^']+)'\)",
                          lambda m: repr("h" if (repo / m[1]).exists() else ""), match[1])
            expr = re.sub(r"'[^']*'|\b(inputs|vars|github)((?:\.[\w-]+)+)",  # quoted: as is
                          lambda m: repr(_lookup(context[m[1]], m[2])) if m[1] else m[0], expr)
            expr = (expr.replace("&&", " and ").replace("||", " or ")
                    .replace("!cancelled()", "True").replace("cancelled()", "False"))
            return str(eval(expr, {"__builtins__": {}}))  # noqa: S307 - our own workflow file
        return re.sub(r"\$\{\{(.+?)\}\}", one, str(text))

    env = {k: value(v) for k, v in workflow.get("env", {}).items()}
    reached, failed = [], False
    for step in workflow["jobs"][job]["steps"]:
        condition = step.get("if")
        if (value(condition) if condition else "True") not in ("True", "h") or (
                failed and not condition):
            continue
        if "uses" in step:
            reached.append({"uses": step["uses"],
                            "with": {k: value(v) for k, v in step.get("with", {}).items()}})
            continue
        assert "${{" not in step["run"]  # values reach the shell through env only
        done = subprocess.run(
            ["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo, capture_output=True, text=True, timeout=120,
            env={"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "HOME": str(repo),
                 "GITHUB_REPOSITORY": "acme/strategy", "RUNNER_TEMP": str(bin_dir), **env,
                 **{k: value(v) for k, v in step.get("env", {}).items()}})
        if done.returncode != 0 and not step.get("continue-on-error"):
            failed = True
    log = bin_dir / "log"
    return (log.read_text(encoding="utf-8").splitlines() if log.exists() else []), reached


def _lookup(data: dict, dotted: str) -> object:
    for key in dotted.strip(".").split("."):
        data = data.get(key, "") if isinstance(data, dict) else ""
    return data


def _pull_request(tmp_path: Path, source: str) -> Path:
    """A repository made by init, pushed to an origin, with a commit that grows the pilot."""
    origin, repo = tmp_path / "origin.git", tmp_path / "repo"
    scaffold.init_repository(repo, source=source)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        subprocess.run([*git, *args], cwd=repo, check=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(origin)], check=True)
    subprocess.run([*git, "remote", "add", "origin", str(origin)], cwd=repo, check=True)
    subprocess.run([*git, "fetch", "-q", "origin"], cwd=repo, check=True)
    pilots = repo / "strategy" / "pilots.yaml"
    pilots.write_text(pilots.read_text(encoding="utf-8").replace(
        "    participants: 20\n", "    participants: 40\n", 1), encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "a bigger pilot"], cwd=repo, check=True)
    return repo


def test_the_action_comments_what_a_pull_request_changes(tmp_path: Path) -> None:
    repo = _pull_request(tmp_path, source="buyin==0.1.0")
    bin_dir = _stand_ins(tmp_path / "bin", soffice=True)
    log, _ = run_action({"brief": False}, repo, bin_dir, event="pull_request",
                        extra_env={"RUNNER_TEMP": str(tmp_path), "GITHUB_REPOSITORY": "a/b"})
    assert log[1:] == ["buyin check --format github",
                       f"buyin diff --since {_git_out(repo, 'rev-parse', 'origin/main')} "
                       "--format markdown",
                       "gh api repos/a/b/issues/7/comments --paginate",  # is there one already?
                       "gh api repos/a/b/issues/7/comments -f"]  # no: post one
    comment = (bin_dir / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith("<!-- buyin diff -->\n### What changed in strategy")
    assert "the pilot's participants went from 20 to 40" in comment


def _git_out(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_failed_check_neither_briefs_nor_uploads(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    scaffold.init_repository(repo)
    (repo / "buyin.toml").unlink()  # a repository without one: the repository is the strategy
    (repo / "strategy" / "broken.yaml").write_text("metrics: [{id: x}]\n", encoding="utf-8")
    log, reached = run_action({}, repo, _stand_ins(tmp_path / "bin", soffice=True))
    assert log[-1] == "buyin check . --format github"
    assert [step["uses"].split("@")[0] for step in reached] == ["actions/setup-python"]


# --- the README shows both, in the line a user copies ---------------------------------------

def test_readme_documents_the_hook_and_the_action() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "- id: buyin-check" in readme or "{id: buyin-check}" in readme
    assert "repo: https://github.com/OWNER/buyin" in readme
    assert "uses: OWNER/buyin@<commit or tag>" in readme  # no release tag that may not exist
    assert "OWNER" in readme.split("uses: OWNER/buyin@", 1)[1]  # and says what OWNER is
    for name in _action()["inputs"]:
        assert f"`{name}`" in readme, f"action input {name} is not documented"


@pytest.mark.parametrize("command", ["init", "watch", "brief . --pdf", "--install-completion"])
def test_readme_documents_the_workflow_commands(command: str) -> None:
    assert f"buyin {command}" in README.read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    """The README's second line is what a contributor copies; CI must run exactly it."""
    test_line = re.findall(r"^python3 -m venv .*$", README.read_text(encoding="utf-8"), re.M)[1]
    assert "ruff check" in test_line and "mypy" in test_line and "pytest" in test_line
    assert test_line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
