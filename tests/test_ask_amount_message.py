"""W504 reads as one plain line, whatever the strategy: its smallest cases, in English and German."""

from __future__ import annotations

import copy
import re

import pytest

from test_readiness import base, run


def _with_initiatives(n: int, german: bool) -> dict:
    d = base()
    if german:
        d.update(currency="EUR", locale="de_DE")
    first = d["initiatives"][0]
    for k in range(2, n + 1):
        other = copy.deepcopy(first)
        other.update(id=f"i{k}", title=f"Initiative {k}", horizon_years=k)
        other["costs"] = [*other["costs"], {"item": "Licence", "amount": 1000 * k, "kind": "per-year"}]
        d["initiatives"].append(other)
    d["briefings"][0]["asks"] = ["Freigabe von 12.345 € für alles" if german else "Approve £12,345 for all of it"]
    return d


@pytest.mark.parametrize("german", [False, True])
@pytest.mark.parametrize("n", [1, 2, 3])
def test_an_ask_off_the_figures_reads_as_one_plain_line(tmp_path, n, german):
    readiness, _ = run(tmp_path, _with_initiatives(n, german))
    [w504] = [w for w in readiness.warnings if w.code == "W504"]
    message = w504.message
    # What is wrong; what would be right: one "; ", no brackets, no quoted ids.
    assert message.count("; ") == 1, message
    assert "(" not in message and "'" not in message, message
    assert message.count(" costs ") == n, message
    assert ("12.345 €" if german else "£12,345") in message
    # Money in the strategy's locale only.
    figures = re.findall(r"[\d.,\u00a0]+\u00a0€|£[\d,.]+", message.split(": ", 1)[1])
    assert figures and all(("€" in f) is german for f in figures), figures
    assert all(("," not in f) if german else ("." not in f.rstrip(".")) for f in figures), figures
