"""What the deck and talking points may claim: 'fully loaded' only over a total with
participants' time in it, 'no decay' said where the years assume it, and a working line that
names the trend line or the participants' estimates it uses."""

from __future__ import annotations

from pathlib import Path

from conftest import VALID_YAML, replace_line
from deck_helpers import deck_text

GUIDE = "      - {item: Build the guide, amount: 6000, kind: one-off}"
TIME = GUIDE + "\n      - {item: Pickers' paid hour, amount: 22, kind: per-participant, category: participants-time}"


def _brief(run, write, text: str) -> tuple[str, str]:
    write("s.yaml", text)
    result = run("brief", "s.yaml", "--out", "out")
    assert result.exit_code == 0, result.output
    return (Path("out/warehouse-manager-briefing.md").read_text(encoding="utf-8"),
            deck_text(Path("out/warehouse-manager-briefing.pptx")))


def test_a_total_without_participants_time_is_not_called_fully_loaded(run, write):
    _, deck = _brief(run, write, VALID_YAML)
    assert "fully loaded" not in deck and "Year one" in deck
    assert "Participants' time is not in these costs" in deck
    _, deck = _brief(run, write, replace_line(VALID_YAML, GUIDE, TIME))
    assert "fully loaded" in deck


def test_the_years_say_they_assume_no_decay_and_give_the_npv(run, write):
    text = replace_line(VALID_YAML, GUIDE, TIME + "\n    horizon_years: 3")
    notes, _ = _brief(run, write, text.replace("currency: USD", "currency: USD\ndiscount_rate: 0.1"))
    assert "No retention is given: this assumes no decay." in notes
    assert "Net present value at a discount rate of 10%: $" in notes


def test_the_working_names_the_trend_line_and_the_estimates(run, write):
    text = replace_line(VALID_YAML, "        control_before: 41", "")
    text = replace_line(text, "        control_after: 40", "        trend_after: 38")
    text = replace_line(text, "        isolation: 0.8", "")
    text = replace_line(text, "        confidence: 0.9",
                        "        estimates: [{share: 0.5, confidence: 0.8}, {share: 0.25, "
                        "confidence: 0.9}]")
    notes, deck = _brief(run, write, text)
    # 10 lower (a rate: no period), less 2 on the trend (40 → 38), × (0.4 + 0.225) ÷ 2 = 31.25% → 2.5
    assert ("(10 lower, less 2 on the pre-pilot trend) × 31.25%, the mean of 2 "
            "participants' estimates = 2.5") in notes
    assert "the pre-pilot trend projected 38" in deck
