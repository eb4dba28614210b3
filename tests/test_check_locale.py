"""A warning writes money and numbers as the deck does, in the strategy's locale: a German
trainer reads "30.000 €" and "8.428 %" in `check`, as on the slides, never "€30,000"."""

from __future__ import annotations

from test_readiness import _extraordinary_pilot, base, run


def _german(d: dict) -> dict:
    d.update(currency="EUR", locale="de_DE")
    return d


def test_an_ask_off_the_figures_lists_the_figures_in_the_locale(tmp_path):
    d = _german(base())
    d["briefings"][0]["asks"] = ["Freigabe von 10.000 € für den Roll-out"]
    readiness, _ = run(tmp_path, d)
    [w504] = [w for w in readiness.warnings if w.code == "W504"]
    # As the deck writes it, with a space that never breaks from the number.
    assert w504.message.endswith("asks for 10.000 €, which is none of the figures; write an amount they give, or "
                                 "correct the costs, so the room hears one number: i1 costs 30.000\u00a0€ to roll out "
                                 "and 20.000\u00a0€ of it in cash"), w504.message


def test_an_extraordinary_return_reads_in_the_locale(tmp_path):
    d = _german(base())
    _extraordinary_pilot(d)
    d["metrics"][0]["value_per_unit"] = 10.5
    readiness, _ = run(tmp_path, d)
    [w310] = [w for w in readiness.warnings if w.code == "W310"]
    assert "claims an ROI of 8.428\u00a0%" in w310.message, w310.message
    assert "its value_per_unit of 10,50\u00a0€" in w310.message
    assert "," not in w310.message.split("claims ")[1].split("\u00a0%")[0]


def test_without_a_locale_a_warning_reads_as_before(tmp_path):
    d = base()
    d["briefings"][0]["asks"] = ["Approve £10,000 for the roll-out"]
    readiness, _ = run(tmp_path, d)
    [w504] = readiness.warnings
    assert "i1 costs £30,000 to roll out and £20,000 of it in cash" in w504.message
