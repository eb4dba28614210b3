"""No possessive is built on a name: "Matrons, all three hospitals's concerns", "Tanya Brooks's"
or "Operators's headcount" read wrong, and a name can be any words. English says "of"/"by",
German "von" (never "%(name)ss" nor an apostrophe after a placeholder)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from buyin_cli.figures.changes import FigureChange, InputChange
from buyin_cli.packaged import packaged_dir
from buyin_cli.present.diff_report import _figure_why
from buyin_cli.present.numbers import Formatter
from buyin_cli.translations import FOLDER

# A placeholder or an expression's output followed by a possessive: "%(name)s's", "}}'s", "~ \"'s\"".
_ENGLISH = re.compile(r"\)s['’]s\b|\}\}['’]s\b|~\s*[\"']['’]s")
# German: a placeholder with a genitive s or an apostrophe glued on: "%(name)ss", "%(name)s'".
_GERMAN = re.compile(r"%\(\w+\)s(?:s\b|['’](?!\w))")


def test_no_template_puts_a_possessive_on_what_it_is_given():
    found = [f"{path.name}:{n}: {line.strip()}"
             for path in sorted(Path(packaged_dir("templates")).rglob("*.j2"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if not line.lstrip().startswith("{#") and _ENGLISH.search(line)]
    assert found == []


def test_no_catalogue_entry_puts_a_possessive_on_a_placeholder():
    for po in Path(FOLDER).glob("*/LC_MESSAGES/*.po"):
        with po.open("rb") as f:
            catalog = read_po(f)
        for message in catalog:
            ids = [str(i) for i in (message.id if isinstance(message.id, (tuple, list)) else [message.id])]
            strings = [str(s) for s in (message.string if isinstance(message.string, (tuple, list))
                                        else [message.string])]
            assert not any(_ENGLISH.search(i) for i in ids if i), ids
            assert not any(_GERMAN.search(s) for s in strings if s), strings


def test_what_changed_names_an_audience_or_pilot_group_after_of():
    causes = (InputChange("audience", "ops", "Matrons, all three hospitals", ("headcount",), 40, 60),
              InputChange("pilot", "p1", "Night shifts", ("participants",), 10, 12),
              InputChange("pilot", "p2", "Day shifts", ("participants",), 10, 14))
    change = FigureChange("i1", "Safe Hands", "roi_pct", 200.0, 150.0, "bad", causes)
    said = _figure_why(change, Formatter("GBP", "en_GB"), first=True)
    assert "the headcount of Matrons, all three hospitals went from 40 to 60" in said, said
    assert "the participants of pilot Night shifts went from 10 to 12" in said
    assert "'s " not in said.replace("the pilot's", "")
