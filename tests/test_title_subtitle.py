"""The title slide names whom the meeting is for in a label, never after a bare preposition."""

from __future__ import annotations

from typing import Any

import pytest

from deck_helpers import read_deck
from test_deck_holds import brief_and_read


def _subtitle(data: dict[str, Any], folder, name: str, role: str, locale: str | None) -> str:
    data["stakeholders"][0].update(name=name, role=role)
    if locale:
        data["locale"] = locale
    assert brief_and_read(data, folder) == []
    return read_deck(folder / "out" / "warehouse-manager-briefing.pptx")[0]["subtitle"].split("\n")[0]


@pytest.mark.parametrize(("name", "role", "said"), [
    ("Helga Brandt", "Werkleiterin", "Entscheidungsvorlage · Helga Brandt, Werkleiterin · "),
    ("Verwaltungsvorstand der Stadt Lindenau", "Oberbürgermeister, Bürgermeisterin und Beigeordnete",
     "Entscheidungsvorlage · Verwaltungsvorstand der Stadt Lindenau "
     "(Oberbürgermeister, Bürgermeisterin und Beigeordnete) · ")])
def test_a_german_subtitle_is_a_label_that_needs_no_article(valid_data, tmp_path, name, role, said):
    subtitle = _subtitle(valid_data, tmp_path, name, role, "de_DE")
    assert subtitle.startswith(said) and " für " not in subtitle


@pytest.mark.parametrize(("name", "role", "said"), [
    ("Helen Price", "Chief Operating Officer", "Briefing for Helen Price, Chief Operating Officer · "),
    ("Station managers", "the nine UK station managers",
     "Briefing for the station managers (the nine UK station managers) · "),
    ("Executive board", "CEO, CFO and COO", "Briefing for the executive board (CEO, CFO and COO) · ")])
def test_an_english_subtitle_reads_for_a_person_and_for_a_group(valid_data, tmp_path, name, role, said):
    assert _subtitle(valid_data, tmp_path, name, role, None).startswith(said)
