"""A pilot's chain of impact: each level's evidence and status, and where the chain is weakest."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from buyin_cli.figures.chain import LEVELS
from buyin_cli.figures.compute import compute_figures
from buyin_cli.load.models import Strategy
from conftest import dump
from test_figures import BASE


def chain(**pilot: Any):
    """The chain of BASE's pilot with every level recorded, then `pilot`'s keys changed."""
    data = copy.deepcopy(BASE)
    data["pilots"][0].update(
        cost=1000, reaction={"score": 4, "scale": 5}, learning={"pre": 50, "post": 80},
        application=[{"behaviour": "Scan before picking", "before": 31, "after": 92,
                      "unit": "% of observed picks", "source": "Floor walks"}],
        intangibles=["Fewer escalations to the shift lead"])
    for key, value in pilot.items():
        if value is None:
            data["pilots"][0].pop(key, None)
        else:
            data["pilots"][0][key] = value
    return compute_figures(Strategy.model_validate(data)).chains["night"]


def statuses(c) -> dict[str, tuple[str, str | None]]:
    return {level.name: (level.status, level.why) for level in c.levels}


def test_a_full_chain_worked_by_hand():
    c = chain()
    assert [level.name for level in c.levels] == list(LEVELS)
    assert (c.reaction.score, c.reaction.scale, c.reaction.share) == (4, 5, 0.8)
    assert (c.learning.gain, c.learning.normalised_gain) == (30, 0.6)   # 30 ÷ (100 − 50)
    [b] = c.application
    assert (b.behaviour, b.before, b.after, b.change) == ("Scan before picking", 31, 92, 61)
    assert b.relative == pytest.approx(61 / 69)  # a rising %: the 61 of 69 points of room it closed
    assert (b.unit, b.source) == ("% of observed picks", "Floor walks")
    assert [r.metric_id for r in c.impact] == ["errors"]
    assert c.roi_pct == pytest.approx(133.28) and c.monetised   # (2,332.8 − 1,000) ÷ 1,000
    assert c.intangibles == ("Fewer escalations to the shift lead",)
    assert set(statuses(c).values()) == {("holds", None)}
    # Every level holds: the weakest is the one with the lowest share of the possible.
    assert [round(level.strength, 3) for level in c.levels[:3]] == [0.8, 0.6, 0.884]
    assert (c.weakest.name, c.weakest.status) == ("learning", "holds")
    assert c.level("application").strength == pytest.approx(61 / 69)


def test_intangibles_are_never_money():
    with_them, without = chain(), chain(intangibles=None)
    assert without.intangibles == ()
    figures = [compute_figures(Strategy.model_validate(
        {**copy.deepcopy(BASE), "pilots": [{**BASE["pilots"][0], "intangibles": i}]}))
        for i in ([], ["Morale", "Reputation"])]
    assert figures[0].pilots["night"].benefit == figures[1].pilots["night"].benefit
    assert with_them.roi_pct == without.roi_pct


def test_a_missing_level_is_the_weakest_link():
    c = chain(application=None)
    assert statuses(c)["application"] == ("missing", "not-recorded")
    assert (c.weakest.name, c.weakest.status) == ("application", "missing")


def test_the_first_missing_level_in_chain_order_wins():
    c = chain(reaction=None, application=None, learning={"pre": 80, "post": 81})
    assert statuses(c)["learning"] == ("weak", "low-gain")
    assert (c.weakest.name, c.weakest.why) == ("reaction", "not-recorded")


def test_a_weak_level_beats_a_lower_strength_that_holds():
    c = chain(reaction={"score": 3, "scale": 5}, learning={"pre": 90, "post": 93})
    assert statuses(c)["reaction"] == ("weak", "low-rating")
    assert statuses(c)["learning"] == ("holds", None)          # 3 ÷ 10 = 0.3 is not low
    assert (c.weakest.name, c.weakest.why) == ("reaction", "low-rating")


@pytest.mark.parametrize("isolated_by", [{"trend_after": 38},
                                         {"estimates": [{"share": 0.5, "confidence": 0.8}]}])
def test_a_trend_line_or_estimates_isolate_the_impact(isolated_by):
    c = chain(results=[{"metric": "errors", "per": "month", "before": 40, "after": 30,
                        **isolated_by}])
    assert statuses(c)["impact"] == ("holds", None)


@pytest.mark.parametrize("pilot, level, why", [
    ({"reaction": {"score": 3.4, "scale": 5}}, "reaction", "low-rating"),
    ({"learning": {"pre": 60, "post": 60}}, "learning", "no-gain"),
    ({"learning": {"pre": 60, "post": 55}}, "learning", "no-gain"),
    ({"learning": {"pre": 100, "post": 100}}, "learning", "no-gain"),
    ({"learning": {"pre": 60, "post": 71}}, "learning", "low-gain"),      # 11 ÷ 40 < 0.3
    ({"application": [{"behaviour": "Scan", "after": 92, "unit": "%"}]}, "application",
     "no-before"),
    ({"application": [{"behaviour": "Scan", "before": 50, "after": 54, "unit": "%"}]},
     "application", "small-change"),                                         # 4 ÷ 54 < 0.1
    ({"results": [{"metric": "errors", "per": "month", "before": 40, "after": 40,
                   "isolation": 1, "confidence": 1}]}, "impact", "nothing-credited"),
    ({"results": [{"metric": "errors", "per": "month", "before": 40, "after": 30}]},
     "impact", "not-isolated"),
    ({"results": [{"metric": "errors", "per": "month", "before": 40, "after": 30,
                   "isolation": 1, "confidence": 0.9}]}, "impact", "not-isolated"),
    ({"results": []}, "impact", "missing"),
    ({"cost": 0}, "roi", "no-cost"),
    ({"cost": 1_000_000}, "roi", "negative"),
])
def test_thin_evidence_is_weak(pilot, level, why):
    c = chain(**pilot)
    status, reason = statuses(c)[level]
    if why == "missing":
        assert (status, reason) == ("missing", "not-recorded")
    else:
        assert (status, reason) == ("weak", why)
    assert c.weakest.name == level


@pytest.mark.parametrize("pilot, level", [
    ({"reaction": {"score": 3.5, "scale": 5}}, "reaction"),                 # exactly 70 %
    ({"learning": {"pre": 60, "post": 72}}, "learning"),                    # exactly 0.3
    ({"application": [{"behaviour": "Scan", "before": 45, "after": 50, "unit": "%"}]},
     "application"),                                                        # exactly 10 %
])
def test_the_thresholds_themselves_hold(pilot, level):
    assert statuses(chain(**pilot))[level] == ("holds", None)


def test_a_pilot_with_nothing_priced_has_no_roi_level():
    data = copy.deepcopy(BASE)
    del data["metrics"][0]["value_per_unit"]
    c = compute_figures(Strategy.model_validate(data)).chains["night"]
    assert statuses(c)["roi"] == ("missing", "not-monetised")
    assert not c.monetised


def test_application_and_intangibles_are_checked_like_any_field(run, write):
    data = copy.deepcopy(BASE)
    data["pilots"][0]["application"] = [{"behaviour": "Scan", "befor": 1, "unit": "%"}]
    data["pilots"][0]["intangibles"] = ["Morale", ""]
    text = dump(data)
    lines = text.splitlines()
    result = run("check", write("s.yaml", text))
    assert result.exit_code == 1
    line = next(n for n, s in enumerate(lines, 1) if "befor: 1" in s)
    assert result.errors == [
        f"s.yaml:{line - 1}:5: E202 pilots[0].application[0]: missing required key 'after' "
        "(how often or how well, after)",
        f"s.yaml:{line}:5: E201 pilots[0].application[0].befor: unknown key (did you mean "
        "'before'?)",
        f"s.yaml:{line + 4}:5: E204 pilots[0].intangibles[1]: must not be empty"]


def test_a_share_near_its_ceiling_moves_by_the_room_it_closed():
    # 91% → 98% is 7 of 98 (hardly changed) but 7 of the 9 points it could gain.
    c = chain(application=[{"behaviour": "Scan before loading", "before": 91, "after": 98, "unit": "% of pallets"}])
    assert statuses(c)["application"] == ("holds", None)
    assert c.level("application").strength == pytest.approx(7 / 9)
    # A count is still judged against its larger reading.
    c = chain(application=[{"behaviour": "Checks a shift", "before": 91, "after": 98, "unit": "checks"}])
    assert statuses(c)["application"] == ("weak", "small-change")
