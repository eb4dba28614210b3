"""Day one, as a newcomer lives it: init, git, a commit through the hook, CI, the schema, the preview.

`buyin init team-strategy && cd team-strategy && git init && git add -A && git
commit -m start`, with a stray mkdocs.yml at the root, gives a repository whose
pre-commit hook runs, whose workflow runs check and brief with no placeholder
to edit, whose files validate against the schema, and whose `buyin watch
--serve` page shows the slides in a real browser and follows an edit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from browser import chromium
from test_ci_files import _stand_ins, run_workflow
from test_schema import _yaml_as_editors_read_it

BIN = Path(sys.executable).parent
SOURCE = "buyin @ git+https://github.com/acme/buyin@4f2a9c1e"  # as pip recorded the install
SLIDES = "return [...document.querySelectorAll('#briefing-{id} img.slide')]" \
         ".map(img => img.complete && img.naturalWidth > 0 ? img.getAttribute('src') : null)"


def _sh(cwd: Path, *command: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "GIT_AUTHOR_NAME": "New", "GIT_AUTHOR_EMAIL": "new@example.com",
           "GIT_COMMITTER_NAME": "New", "GIT_COMMITTER_EMAIL": "new@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit")}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=check)


@pytest.mark.browser
def test_a_new_strategy_repository_works_on_day_one(tmp_path: Path) -> None:
    _sh(tmp_path, str(BIN / "buyin"), "init", "team-strategy", "--source", SOURCE)
    repo = tmp_path / "team-strategy"
    (repo / "mkdocs.yml").write_text("site_name: Our learning strategy\n", encoding="utf-8")

    # git init, the hook installed once per clone, and the first commit through it
    _sh(repo, "git", "init", "-q", "-b", "main")
    _sh(repo, str(BIN / "pre-commit"), "install")
    _sh(repo, "git", "add", "-A")
    first = _sh(repo, "git", "commit", "-q", "-m", "start")
    assert "buyin check....." in first.stderr and first.stderr.rstrip().endswith("Passed")
    broken = repo / "strategy" / "broken.yaml"
    broken.write_text("metrics: [{id: x}]\n", encoding="utf-8")
    _sh(repo, "git", "add", "-A")
    refused = _sh(repo, "git", "commit", "-q", "-m", "broken", check=False)
    assert refused.returncode != 0
    assert "strategy/broken.yaml:1:11: E2" in refused.stdout + refused.stderr  # located
    broken.unlink()
    _sh(repo, "git", "add", "-A")

    # the workflow: nothing to edit, and every step a real command
    text = (repo / ".github/workflows/briefings.yml").read_text(encoding="utf-8")
    assert "%BUYIN" not in text and "OWNER" not in text and SOURCE in text
    log, reached = run_workflow(repo, "brief", _stand_ins(tmp_path / "bin", soffice=True))
    assert log[:3] == [f"python -m pip install --disable-pip-version-check -q {SOURCE}",
                       "buyin check --format github", "buyin brief --no-pdf"]
    assert reached[-1]["uses"].startswith("actions/upload-artifact@")
    assert (repo / "build" / "ops-director-briefing.pdf").is_file()

    # every strategy file validates against the schema its first line names
    for file in sorted((repo / "strategy").glob("*.yaml")):
        name = file.read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
        schema = json.loads((file.parent / name).read_text(encoding="utf-8"))
        data = _yaml_as_editors_read_it(file.read_text(encoding="utf-8"))
        assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data)), file

    # the preview, in a real browser: the slides, then the slides after an edit
    watch = subprocess.Popen([str(BIN / "buyin"), "watch", "--serve", "--port", "0"], cwd=repo,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = watch.stdout.readline().split("preview at ", 1)[1].strip()
        with chromium() as browser:
            browser.open(url)
            slides = SLIDES.format(id="ops-director-briefing")
            before = browser.until(f"const s = ({slides.removeprefix('return ')}); "
                                   "return s.length > 5 && s.every(Boolean) && s", 240)
            assert browser.run("return document.querySelector('#briefing-ops-director-briefing"
                               " pre.points').textContent").startswith("#")
            strategy = repo / "strategy" / "strategy.yaml"
            strategy.write_text(strategy.read_text(encoding="utf-8").replace(
                "title: Fix it first time, and sign up more service plans",
                "title: Fix it first time, every time"), encoding="utf-8")
            after = browser.until(f"const s = ({slides.removeprefix('return ')}); "
                                  f"return s.every(Boolean) && s[0] !== {json.dumps(before[0])}"
                                  " && s", 240)
            assert after[0] != before[0]  # the title slide, drawn again: the page followed
            assert after[1:] != before[1:] or len(after) == len(before)
            points = browser.run("return document.querySelector("
                                 "'#briefing-ops-director-briefing pre.points').textContent")
            assert "Fix it first time, every time" in points
    finally:
        watch.send_signal(signal.SIGINT)
        watch.wait(timeout=60)
        watch.stdout.close()
