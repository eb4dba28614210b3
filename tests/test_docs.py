"""Every code a user can see has its documentation, and every documented code exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import buyin_cli
from buyin_cli.review.score import RULES

DOCS = Path(__file__).resolve().parents[1] / "docs"
WARNINGS = DOCS / "warnings"
SRC = Path(buyin_cli.__file__).parent


def test_every_warning_code_has_a_page():
    missing = [code for code in RULES if not (WARNINGS / f"{code}.md").is_file()]
    assert missing == []


def test_every_page_is_a_warning_code():
    pages = {p.stem for p in WARNINGS.glob("*.md")} - {"README"}
    assert pages - set(RULES) == set()


def test_the_index_links_every_page():
    index = (WARNINGS / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"\]\((W\d{3})\.md\)", index)) == set(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_page_explains_why_how_and_acceptance(code):
    text = (WARNINGS / f"{code}.md").read_text(encoding="utf-8")
    assert text.startswith(f"# {code}: ")
    for heading in ("## Why it matters", "## How to fix it", "## Example", "## Accepting it"):
        assert heading in text
    shown = re.search(r"```text\n(.+)\n```", text)
    assert shown and f": {code} " in shown.group(1)  # an example message of this code
    if RULES[code].method:
        assert f"      {code}: " in text or f"  {code}: " in text  # an accept example
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        yaml.safe_load(block)  # every YAML example parses


def test_every_error_code_is_documented():
    emitted = set()
    for module in ("load/tree.py", "load/relations.py"):
        emitted |= set(re.findall(r'"(E\d{3})"', (SRC / module).read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| (E\d{3}) \|", (DOCS / "errors.md").read_text(
        encoding="utf-8"), re.M))
    assert emitted - documented == set()
    everywhere = {code for path in SRC.rglob("*.py")
                  for code in re.findall(r'"(E\d{3})"', path.read_text(encoding="utf-8"))}
    assert documented - everywhere == set()
