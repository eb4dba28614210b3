"""The package's folders are its stages, and imports run one way: each stage uses only earlier ones.

    foundation (errors, codes, words, packaged) → load → figures → plan → review → present → render
    → the commands (commands/, cli, and the pipelines that join the stages: brief, watch, …)

A newcomer who wants "a new rule" finds review/checks/, "a new figure" figures/,
"a new slide" the templates and render/. These tests keep it so.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import buyin_cli
from buyin_cli.packaged import packaged_dir

SRC = Path(buyin_cli.__file__).parent
FOUNDATION = {"__init__", "errors", "codes", "words", "packaged", "translations", "records"}
STAGES = ["foundation", "load", "figures", "plan", "review", "present", "render", "commands"]
MAX_LINES = 300
TEMPLATES = packaged_dir("templates")
MAX_TEMPLATE_LINES = 80  # a screen: one section of the story, overridden as one small file
MAX_TEMPLATE_LINE_CHARS = 160

# Which third-party libraries each part of the package may import.
LIBRARIES = {
    "yaml": {"load", "render/outline"},  # the loader; the deck outline a template renders
    "pptx": {"render/pptx"},
    # templates, the sandbox and its attribute checks, code kept
    "jinja2": {"render/templating", "render/sandbox", "render/safe_attributes", "render/compiled"},
    "typer": {"cli", "commands"},
    "rich": {"commands", "present/terminal", "progress",
             "present/report"},  # check's colours, only when a terminal or FORCE_COLOR can show them
    "watchfiles": {"watch"},
    "xlsxwriter": {"render/xlsx"},
    "openpyxl": {"load/workbook"},  # .xlsx exports a strategy names, read-only
}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(SRC).with_suffix("").as_posix()


def _stage(name: str) -> str:
    """The stage of a module, given as its path inside the package (load/tree, cli)."""
    top = name.split("/")[0]
    if top in STAGES:
        return top
    return "foundation" if top in FOUNDATION else "commands"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports (at any depth: TYPE_CHECKING and function-local ones too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "buyin_cli":  # from buyin_cli import x: x is a module
                found += [(node.lineno, f"buyin_cli.{a.name}") for a in node.names]
    return found


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_imports_run_from_earlier_stages_only(path):
    here = STAGES.index(_stage(_name(path)))
    later = []
    for line, module in _imports(path):
        if not module.startswith("buyin_cli."):
            continue
        target = module.removeprefix("buyin_cli.").replace(".", "/")
        if target == "__version__":
            continue
        if STAGES.index(_stage(target)) > here:
            later.append(f"line {line}: {module} ({_stage(target)})")
    assert later == [], f"{_name(path)} ({_stage(_name(path))}) imports a later stage"


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_libraries_are_imported_only_where_they_belong(library):
    allowed = LIBRARIES[library]
    wrong = [f"{_name(path)}:{line}" for path in _modules()
             for line, module in _imports(path)
             if module.split(".")[0] == library
             and not any(_name(path) == a or _name(path).startswith(a + "/") for a in allowed)]
    assert wrong == []


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_modules_stay_small_and_say_what_lives_there(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES
    if text.strip():
        docstring = ast.get_docstring(ast.parse(text))
        assert docstring, f"{_name(path)} opens with a docstring saying what lives there"


def _templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.j2"))


@pytest.mark.parametrize("path", _templates(), ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_templates_stay_a_screen_long(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_TEMPLATE_LINES, \
        "split the template: one partial per section, the macros they share in their own file"


_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


@pytest.mark.parametrize("path", _templates(), ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_template_lines_stay_readable(path):
    """No line over the cap, but for one made long by a single message: gettext needs it whole."""
    long = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        message = max((len(m.group()) for m in _LITERAL.finditer(line)), default=0)
        if len(line) > MAX_TEMPLATE_LINE_CHARS and len(line) - message > MAX_TEMPLATE_LINE_CHARS // 2:
            long.append(f"line {number}: {len(line)} characters")
    assert long == [], "break the line inside a {{ }} or {% %} (outside its strings), where it changes no output"


def test_the_templates_were_found():
    assert {"deck_base.yaml.j2", "deck/macros.j2", "talking_points_base.md.j2"} <= \
        {p.relative_to(TEMPLATES).as_posix() for p in _templates()}


def test_every_folder_is_a_known_stage():
    folders = {p.relative_to(SRC).parts[0] for p in SRC.rglob("*.py") if p.parent != SRC}
    assert folders <= set(STAGES)
