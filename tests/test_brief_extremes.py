"""Valid strategies at the edges still brief: long text, long lists, odd links, bare sections."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import VALID_YAML
from deck_helpers import pdf_pages, read_deck, to_pdf


def _strategy(edit) -> str:
    data = yaml.safe_load(VALID_YAML)
    edit(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _long(data: dict) -> None:
    sentence = ("Reduce the picking errors that turn into returns across every shift and every "
                "aisle while we also prepare the warehouse for the peak season audit ")
    data["title"] = (sentence * 3)[:300]
    data["objectives"][0]["title"] = (sentence * 3)[:250]
    data["organisation"] = "Ünïcödé Logistics — Zażółć gęślą jaźń Ltd"
    data["stakeholders"][0]["needs"] = [f"Need {i}: pickers who check the label twice before "
                                        "they scan it, even at peak" for i in range(30)]
    data["briefings"][0]["asks"] = [f"Approve step {i} of the plan, with its costs, its schedule "
                                    "and the people it needs" for i in range(15)]
    data["briefings"][0]["showcase"] = {"title": "Module 4 " + "x" * 150 + " and its practice" * 40,
                                        "url": "intranet/learning/module-4"}
    data["pilots"][0]["quotes"] = [{"text": "q" * 400, "by": "someone"}]
    data["sponsor"]["quote"] = "word " * 200


def _bare(data: dict) -> None:
    for section in ("pilots", "objections"):
        data[section] = []
    del data["sponsor"]
    data["stakeholders"][0].update(concerns=[], needs=[], benefits=[])
    data["initiatives"][0]["costs"] = []
    del data["briefings"][0]["showcase"]
    data["audiences"][0]["gaps"] = {}


@pytest.mark.libreoffice
def test_long_text_and_long_lists_still_brief_and_render(run, write, tmp_path: Path) -> None:
    write("s.yaml", _strategy(_long))
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    deck = Path("out/warehouse-manager-briefing.pptx")
    slides = read_deck(deck)
    titles = [s["title"] for s in slides]
    assert not any("…" in t for t in titles), "a title too long for its box is never cut"
    assert any(t.endswith(" (cont.)") for t in titles), "long lists continue"
    # A showcase that is not a web address is shown as text, not as a link.
    assert any("Open: intranet/learning/module-4" in (s["subtitle"] or "") or
               (0, "Open: intranet/learning/module-4") in s["body"] for s in slides)
    pdf = to_pdf(deck, tmp_path)
    assert len([p for p in pdf_pages(pdf) if p.strip()]) == len([s for s in slides if not s["hidden"]])


def test_a_strategy_with_only_the_required_parts_briefs(run, write) -> None:
    write("s.yaml", _strategy(_bare))
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    titles = [s["title"] for s in read_deck(Path("out/warehouse-manager-briefing.pptx"))]
    # Sections the strategy lacks are left out, never shown empty.
    assert titles == ["Fewer picking errors at the Columbus warehouse",
                      "We ask you to decide: Approve the roll-out to all 120 pickers",
                      "Picking errors: 42 errors per 10,000 lines at the last count; the target is 25",
                      "One decision today", "Would going into peak with fewer returns help?"]
