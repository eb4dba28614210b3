"""The docs are true: every code, field and option documented, cited files present, worked figures buyin's."""

from __future__ import annotations

import ast
import glob
import importlib.util
import io
import json
import operator
import re
import tokenize
from pathlib import Path

import pytest
import yaml
from typer.core import TyperGroup

from buyin_cli.codes import CODES, WARNINGS as WARNING_CODES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
WARNINGS = DOCS / "warnings"


def test_every_warning_code_has_a_page():
    missing = [code for code in WARNING_CODES if not (WARNINGS / f"{code}.md").is_file()]
    assert missing == []


def test_every_page_is_a_warning_code():
    pages = {p.stem for p in WARNINGS.glob("*.md")} - {"README"}
    assert pages - set(WARNING_CODES) == set()


def test_the_index_links_every_page():
    index = (WARNINGS / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"\]\((W\d{3})\.md\)", index)) == set(WARNING_CODES)


@pytest.mark.parametrize("code", list(WARNING_CODES))
def test_page_explains_why_how_and_acceptance(code):
    text = (WARNINGS / f"{code}.md").read_text(encoding="utf-8")
    assert text.startswith(f"# {code}: ")
    for heading in ("## Why it matters", "## How to fix it", "## Example", "## Accepting it"):
        assert heading in text
    shown = re.search(r"```text\n(.+)\n```", text)
    assert shown and f": {code} " in shown.group(1)  # an example message of this code
    if WARNING_CODES[code].method:
        assert f"      {code}: " in text or f"  {code}: " in text  # an accept example
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        yaml.safe_load(block)  # every YAML example parses


def test_the_code_tables_are_written_from_the_registry():
    spec = importlib.util.spec_from_file_location("write_docs", ROOT / "tools" / "write_docs.py")
    assert spec is not None and spec.loader is not None
    write_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(write_docs)
    for page in write_docs.pages():
        text = page.read_text(encoding="utf-8")
        assert write_docs.rewritten(text) == text, f"{page.name}: run tools/write_docs.py"


def test_every_registered_error_is_in_the_errors_page():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (E\d{3}) \|", text, re.M))
    assert documented == {code for code, c in CODES.items() if c.severity == "error"}


# --- the documents the code cites ----------------------------------------------------------------

CITING = [ROOT / "README.md", *(p for folder in ("src", "tests", "templates", "tools", "bench", "docs")
                                for p in sorted((ROOT / folder).rglob("*"))
                                if p.suffix in (".py", ".j2", ".md", ".yaml", ".yml", ".toml"))]
# A path into the repository, as a docstring, comment or document cites one.
REPO_PATH = re.compile(r"(?<![\w/.$~-])((?:docs|src|tests|templates|tools|bench|examples)/[\w.*/-]*[\w*/])")
# A document cited by its name alone (`figures.md`), not by its path.
# Not talking-points.md.j2, nor a file a shell example writes (`… > comment.md`).
DOCUMENT_NAME = re.compile(r"(?<![\w/.>-])(?<!> )([\w-]+\.md)(?!\w|\.\w)")


def prose(source: Path) -> str:
    """What a file says to its reader: a module's docstrings and comments, any other file whole.

    A test's code names the files it writes (`coo-briefing.md`); its prose cites documents.
    """
    text = source.read_text(encoding="utf-8")
    if source.suffix != ".py":
        return text
    tree = ast.parse(text)
    docstrings = [ast.get_docstring(node) or "" for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))]
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
                if t.type == tokenize.COMMENT]
    return "\n".join(docstrings + comments)


def cited_paths(text: str) -> list[str]:
    """The repository paths `text` cites; placeholders (`LANG/`, `ID.md`) and paths to create are not."""
    found = []
    for m in REPO_PATH.finditer(text):
        path = m.group(1).rstrip(".")
        if any(part.isupper() for part in re.split(r"[/.]", path)):
            continue  # a pattern: translations/LANG/LC_MESSAGES/buyin.po
        if text[max(0, m.start() - 9):m.start()] == "mkdir -p ":
            continue  # a folder the reader is told to make
        found.append(path)
    return found


def test_cited_paths_finds_citations_and_skips_placeholders():
    text = ("see docs/figures.md, (docs/deck.md) and `src/buyin_cli/figures/compute.py`; "
            "each translations/LANG/x and src/LANG/buyin.po; mkdir -p docs/new")
    assert cited_paths(text) == ["docs/figures.md", "docs/deck.md",
                                 "src/buyin_cli/figures/compute.py"]


def test_every_cited_repository_path_exists():
    dangling = [f"{source.relative_to(ROOT)}: {path}" for source in CITING
                for path in cited_paths(source.read_text(encoding="utf-8"))
                if not glob.glob(str(ROOT / path), recursive=True)]
    assert dangling == []


def _without_commands(text: str) -> str:
    """Prose without its command lines in code (`marp slides.md --pptx`): their names are arguments."""
    return re.sub(r"`[^`\n]*`", lambda span: "" if " " in span.group() else span.group(), text)


def test_every_document_cited_by_name_is_in_the_repository():
    names = {p.name for p in ROOT.rglob("*.md")} | {"ID.md"}  # ID.md: a briefing's output
    outside = [f"{source.relative_to(ROOT)}: {name}" for source in CITING
               if source.suffix in (".py", ".md", ".j2")  # a workflow's names are its files
               for name in DOCUMENT_NAME.findall(_without_commands(prose(source)))
               if name not in names]
    assert outside == []


def test_prose_is_what_a_module_says_not_what_its_code_names(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text('"""See figures.md; buyin diff > out.md."""\nOUT = "coo.md"  # and deck.md\n',
                    encoding="utf-8")
    assert DOCUMENT_NAME.findall(prose(path)) == ["figures.md", "deck.md"]
    assert DOCUMENT_NAME.findall(_without_commands("`a` | `marp in.md -o` (`x.md`)")) == ["x.md"]


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


LINKING = [ROOT / "README.md", ROOT / "templates" / "README.md", *sorted(DOCS.rglob("*.md"))]


@pytest.mark.parametrize("page", LINKING, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_in_a_document_resolves(page):
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            if anchor not in {_slug(h) for h in headings}:
                broken.append(target)
    assert broken == []


# --- the format page names every field -----------------------------------------------------------

def _schema_names(node, fields: set[str], choices: set[str]) -> None:
    """Every property name and every fixed choice in a JSON Schema, at any depth."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            fields.update(node["properties"])
        choices.update(v for v in node.get("enum", []) if isinstance(v, str))
        if isinstance(node.get("const"), str):
            choices.add(node["const"])
        for value in node.values():
            _schema_names(value, fields, choices)
    elif isinstance(node, list):
        for value in node:
            _schema_names(value, fields, choices)


def test_the_format_page_names_every_field_and_choice_of_the_schema():
    from buyin_cli.load.schema import strategy_schema

    fields: set[str] = set()
    choices: set[str] = set()
    _schema_names(strategy_schema(), fields, choices)
    assert {"buyin", "results", "usage_targets"} <= fields  # the walk reaches every depth
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("|")]
    named = {word for row in rows for span in re.findall(r"`([^`]+)`", row)
             for word in re.findall(r"[\w-]+", span)}
    assert sorted(fields - named) == []
    assert sorted(choices - named) == []


# --- the worked example of the figures -----------------------------------------------------------

FIGURES = DOCS / "figures.md"


def _worked_example() -> str:
    text = FIGURES.read_text(encoding="utf-8")
    return text[text.index("\n## Worked example"):]


def _number(text: str) -> float:
    return float(text.strip().replace(",", "").rstrip("%"))


def _decimals(text: str) -> int:
    text = text.strip().replace(",", "").rstrip("%")
    return len(text.split(".")[1]) if "." in text else 0


def _arithmetic(expression: str) -> float | None:
    """The value of a line's arithmetic, written as the page writes it; None for words."""
    plain = (expression.replace("×", "*").replace("÷", "/").replace("−", "-")
             .replace("^", "**").replace(",", "").strip())
    if not re.fullmatch(r"[\d.+\-*/() ]+", plain):
        return None
    return _evaluate(ast.parse(plain, mode="eval").body)


_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
              ast.Div: operator.truediv, ast.Pow: operator.pow}


def _evaluate(node: ast.expr) -> float:
    """Arithmetic only: numbers, + − × ÷ and powers."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    raise ValueError(f"not arithmetic: {ast.dump(node)}")


def test_every_working_line_of_the_figures_page_multiplies_out():
    blocks = re.findall(r"```text\n(.*?)```", _worked_example(), re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(lines) >= 20
    for line in lines:
        *_, stated = line.split(" = ")
        worked = [_arithmetic(part) for part in line.split(" = ")[1:-1]]
        assert worked and None not in worked, line
        for value in worked:
            assert value is not None and round(value, _decimals(stated)) == _number(stated), line


def test_the_worked_example_is_what_buyin_roi_prints(run, tmp_path):
    example = _worked_example()
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(re.search(r"```yaml\n(.*?)```", example, re.S).group(1), encoding="utf-8")
    result = run("roi", strategy, "--format", "json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    rows = re.findall(r"^\| [^|]+ \| `([\w.-]+)` \| (-?[\d.]+) \|$", example, re.M)
    assert len(rows) >= 15
    for key, stated in rows:
        value = printed
        for part in key.split("."):
            value = value[int(part)] if isinstance(value, list) else value[part]
        assert round(value, _decimals(stated)) == _number(stated), key


def _keys(node, keyed_by_id: bool = False) -> set[str]:
    """Every key of a JSON value at any depth, but the ids that key metrics, pilots and results."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not keyed_by_id:
                found.add(key)
            found |= _keys(value, not keyed_by_id and key in ("metrics", "pilots", "initiatives",
                                                               "results"))
    elif isinstance(node, list):
        for value in node:
            found |= _keys(value)
    return found


def test_the_commands_page_names_every_key_roi_prints(run, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(re.search(r"```yaml\n(.*?)```", _worked_example(), re.S).group(1),
                        encoding="utf-8")
    result = run("roi", strategy, "--format", "json", "--explain")
    assert result.exit_code == 0, result.output
    printed = _keys(json.loads(result.stdout))
    assert {"currency", "progress_pct", "scale", "year", "sources"} <= printed
    assert "scrap" not in printed and "line-2" not in printed  # ids are not keys to document
    text = re.sub(r"```.*?```", "", (DOCS / "commands.md").read_text(encoding="utf-8"), flags=re.S)
    named = {word for span in re.findall(r"`([^`]+)`", text) for word in re.findall(r"\w+", span)}
    assert sorted(printed - named) == []


def _sections(text: str) -> dict[str, str]:
    """A page's `## ` sections by heading."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_the_commands_page_gives_every_command_and_option():
    import typer.main

    from buyin_cli.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    sections = _sections((DOCS / "commands.md").read_text(encoding="utf-8"))
    missing = []
    for name, command in group.commands.items():
        section = sections.get(f"buyin {name}")
        if section is None:
            missing.append(f"buyin {name}")
            continue
        for param in command.params:
            if param.param_type_name == "option" and "--help" not in param.opts:
                if not any(f"`{opt}" in section or f"{opt} " in section or f"{opt}]" in section
                           for opt in param.opts if opt.startswith("--")):
                    missing.append(f"buyin {name} {max(param.opts, key=len)}")
    assert len(group.commands) >= 7
    assert missing == []
def test_the_architecture_walk_names_modules_and_functions_that_exist():
    """docs/architecture.md follows one value through the code: each module and function
    it names must still be there, so a rename cannot leave the tour pointing nowhere."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "buyin_cli"
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) < 14, "the walk from the YAML to the slide should stay short"
    for row in rows:
        where = row.split("|")[2]
        for module, names in re.findall(r"`([\w/]+\.py)`((?: (?:\+ |→ )?`[\w.]+`)*)", where):
            source = (package / module).read_text(encoding="utf-8")
            for name in re.findall(r"`([\w.]+)`", names):
                assert re.search(rf"\b(def|class) {name.split('.')[-1]}\b", source), (module, name)
    for path in set(re.findall(r"`((?:templates|src|tests)/[\w./-]+|[\w/]+/[\w]+\.py)`", text)):
        assert (ROOT / path).exists() or (package / path).exists(), path
