"""Every code a user can see has its documentation, and every documented code exists."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

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
    write_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(write_docs)
    for page in write_docs.pages():
        text = page.read_text(encoding="utf-8")
        assert write_docs.rewritten(text) == text, f"{page.name}: run tools/write_docs.py"


def test_every_registered_error_is_in_the_errors_page():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (E\d{3}) \|", text, re.M))
    assert documented == {code for code, c in CODES.items() if c.severity == "error"}


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
