"""The wheel ships what an installed `buyin` needs, and `buyin check` starts without the heavy libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from buyin_cli.packaged import packaged_dir
from conftest import VALID_YAML

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = ["default.pptx", "deck.yaml.j2", "deck_base.yaml.j2",
             "talking-points.md.j2", "talking_points_base.md.j2", "units.j2"]

# Imported inside the commands that need them; `check` needs none of them.
HEAVY = ("pptx", "jinja2", "rich", "babel", "watchfiles", "xlsxwriter", "openpyxl")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    """The wheel hatchling builds from this checkout, written outside the source tree."""
    out = tmp_path_factory.mktemp("dist")
    scratch = tmp_path_factory.mktemp("tmp")
    before = {name for name in ("dist", "build") if (ROOT / name).exists()}
    done = subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    # Every `pip install` builds a wheel: one that left its compiled catalogues behind would fill /tmp.
    assert list(scratch.iterdir()) == []
    # A build that leaves dist/ or build/ behind would dirty every contributor's checkout.
    assert {name for name in ("dist", "build") if (ROOT / name).exists()} == before
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as archive:
        yield archive


@pytest.mark.parametrize("name", TEMPLATES)
def test_wheel_ships_template(wheel, name):
    assert f"buyin_cli/templates/{name}" in wheel.namelist()


def test_wheel_ships_the_compiled_german_catalogue(wheel):
    assert "buyin_cli/translations/de/LC_MESSAGES/buyin.mo" in wheel.namelist()


def test_wheel_ships_the_chart_workbooks_theme(wheel):
    """chartbook.py writes each chart's workbook with it."""
    assert "buyin_cli/render/pptx/chartbook_theme.xml" in wheel.namelist()


def test_wheel_ships_the_walkthrough_example(wheel):
    assert "buyin_cli/examples/northwind-manufacturing.yaml" in wheel.namelist()


def test_wheel_ships_every_example_file(wheel):
    expected = {f"buyin_cli/examples/{p.relative_to(ROOT / 'examples').as_posix()}"
                for p in (ROOT / "examples").rglob("*") if p.is_file()}
    assert expected, "examples/ should hold files"
    assert sorted(expected - set(wheel.namelist())) == []


def test_wheel_declares_the_console_script(wheel):
    [entry_points] = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    lines = [line.strip() for line in wheel.read(entry_points).decode().splitlines()]
    assert "[console_scripts]" in lines
    assert "buyin = buyin_cli.cli:main" in lines


def test_packaged_templates_are_found():
    assert (packaged_dir("templates") / "deck.yaml.j2").is_file()


# What each command must not import: start-up is most of a short command's time, so each
# loads only what it uses. `--help` needs typer alone, not even the strategy model.
NOT_LOADED = {
    "--help": HEAVY + ("pydantic", "yaml", "buyin_cli.errors", "buyin_cli.load"),
    "check": HEAVY,
    "roi --format json": HEAVY + ("buyin_cli.review", "buyin_cli.present"),
    # Comparing with an earlier version (git, the comparison) is for `brief --since` alone;
    # the terminal's tables, workbooks, watching and the slides `watch` keeps, for other commands.
    "brief": ("buyin_cli.diff", "buyin_cli.load.git", "buyin_cli.figures.compare",
              "buyin_cli.figures.changes", "buyin_cli.present.diff_report", "rich", "openpyxl",
              "watchfiles", "buyin_cli.watch", "buyin_cli.render.pptx.reuse", "buyin_cli.render.xlsx",
              "buyin_cli.present.terminal",
              # XlsxWriter's package: the charts' workbooks are written without it (chartbook.py);
              # "xlsxwriter" itself is its stand-in (xlsx_later.py).
              "xlsxwriter.workbook"),
}


# A plain workbook is read without openpyxl: the largest example names one.
WORKBOOK_EXAMPLE = ROOT / "examples" / "northwind-one-meeting-later"


@pytest.mark.parametrize("command", [*NOT_LOADED, "check (a workbook)", "brief (charts)"])
def test_a_command_imports_only_what_it_uses(tmp_path, command):
    strategy = tmp_path / "s.yaml"
    strategy.write_text(VALID_YAML, encoding="utf-8")
    if command == "check (a workbook)":
        command, strategy = "check", WORKBOOK_EXAMPLE
    if command == "brief (charts)":  # the largest example's first meeting: nine charts
        command, strategy = "brief --briefing coo-briefing", WORKBOOK_EXAMPLE
    words = command.split()
    not_loaded = NOT_LOADED[command] if command in NOT_LOADED else NOT_LOADED[words[0]]
    argv = words[:1] + ([str(strategy)] if words[0] != "--help" else []) + words[1:]
    # A fresh interpreter: the test session itself has long since imported all of them.
    script = (
        "import json, sys\n"
        "from buyin_cli.cli import main\n"
        f"sys.argv = ['buyin', *{argv!r}]\n"
        "try:\n"
        "    main()\n"
        "    code = 0\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"loaded = sorted(m for m in {not_loaded!r} if m in sys.modules)\n"
        "print(json.dumps({'code': code, 'loaded': loaded}))\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] in (0, None), done.stdout
    assert result["loaded"] == [], (
        f"`buyin {command}` imported {result['loaded']}; find the chain with "
        f"`python -X importtime -m buyin_cli {command}`")


def test_wheel_ships_the_starter_repository(wheel):
    """`buyin init` copies these, hidden ones included, from the installed package."""
    starter = ROOT / "src" / "buyin_cli" / "starter"
    expected = {f"buyin_cli/starter/{p.relative_to(starter).as_posix()}"
                for p in starter.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert "buyin_cli/starter/.github/workflows/briefings.yml" in expected
    assert sorted(expected - set(wheel.namelist())) == []


def test_no_source_file_is_ignored_by_git():
    """A .gitignore rule meant for build output must not hide a package folder from commits."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")  # an sdist: nothing to check
    done = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard",
                           "src", "templates", "examples", "tests", "tools", "bench"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    hidden = [p for p in done.stdout.splitlines()
              if not any(part in p for part in ("__pycache__", "_cache/", ".egg-info")) and not p.endswith(".pyc")]
    assert hidden == []


@pytest.mark.parametrize("command", ["check", "brief"])
def test_start_up_skips_what_only_costs_time(tmp_path, command):
    """Two costs that are easy to bring back by accident, each a few milliseconds of start-up:
    parsing a builtin's signature from text (pydantic reads every default factory's: write
    `default_factory=new_list`, not `list`), which starts Python's tokenizer; and pydantic
    looking through every installed package for plugins, which buyin's models do not use, or
    even importing `importlib.metadata` to look with (plugins_off.py)."""
    strategy = tmp_path / "s.yaml"
    strategy.write_text(VALID_YAML, encoding="utf-8")
    argv = [command, str(strategy)] + (["--out", str(tmp_path / "out")] if command == "brief" else [])
    script = (
        "import json, sys, tokenize\n"
        "from buyin_cli.cli import main\n"
        f"sys.argv = ['buyin', *{argv!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "metadata = 'importlib.metadata' in sys.modules\n"
        "loader = sys.modules.get('pydantic.plugin._loader')\n"
        "print(json.dumps({'tokenizer': tokenize._compile.cache_info().misses, 'metadata': metadata,\n"
        "                  'plugins looked for': loader is not None and loader._plugins is not None}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {"tokenizer": 0, "metadata": False,
                                                        "plugins looked for": False}
