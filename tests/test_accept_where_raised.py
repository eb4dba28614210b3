"""An acceptance works where the warning says it is raised: for every code the review can
raise, accepting it on the item its message names silences it, and an acceptance on the wrong
item says where it belongs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from buyin_cli.load.strategy import load_strategy
from buyin_cli.review.accepts import ACCEPTING_SECTIONS
from buyin_cli.review.score import review
from deck_helpers import read_deck
from test_counted_claims import BRIEFING, _counted
from test_deck_holds import brief_and_read
from test_readiness import FAILING, base, run

# The path a warning reports: its message's first word, "pilots[0].results[1]:".
_REPORTED = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*):")
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _item(reported: str) -> tuple[str, int] | tuple[str] | tuple[()]:
    """The item that carries `accept` for a reported path: its section and index, the
    sponsor, or the strategy itself for a path that names no item."""
    first = _STEP.match(reported)
    assert first is not None, reported
    if first.group(1) in ACCEPTING_SECTIONS and first.group(2) is not None:
        return (first.group(1), int(first.group(2)))
    return ("sponsor",) if first.group(1) == "sponsor" else ()


def write_yaml(folder: Path, data: dict) -> Path:
    path = folder / "strategy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _accept_at(data: dict, item: tuple, code: str) -> None:
    target = data
    if item:
        target = data[item[0]] if len(item) == 1 else data[item[0]][item[1]]
    target.setdefault("accept", {})[code] = "We know, and the room will hear why."


@pytest.mark.parametrize("code, change, _needle", FAILING,
                         ids=[f"{c}-{f.__name__.strip('_')}" for c, f, _ in FAILING])
def test_accepting_a_warning_where_it_says_it_is_raised_silences_it(tmp_path, code, change, _needle):
    data = base()
    change(data)
    readiness, _ = run(tmp_path, data)
    [warning] = [w for w in readiness.warnings if w.code == code]
    before = [a.warning.code for a in readiness.accepted]
    reported = _REPORTED.match(warning.message)
    # A warning that names no path (no sponsor at all) is about the strategy itself.
    item = _item(reported.group(1)) if reported else ()
    assert readiness.owner_of(warning) == item, warning.message
    _accept_at(data, item, code)
    readiness, _ = run(tmp_path, data)
    assert readiness.warnings == [], [str(w) for w in readiness.warnings]
    assert sorted(a.warning.code for a in readiness.accepted) == sorted(before + [code])


def _extraordinary_twice(data: dict) -> None:
    """A pilot whose $100 returns 32,300% and a roll-out at 3,140% on the same inputs."""
    _counted(data)
    data["pilots"][0]["cost"] = 100
    data["metrics"][0]["value_per_unit"] = 300


def test_one_extraordinary_return_is_raised_once_on_the_roll_out(valid_data, tmp_path):
    _extraordinary_twice(valid_data)
    readiness = review(load_strategy(write_yaml(tmp_path, valid_data)))
    [w310] = [w for w in readiness.warnings if w.code == "W310"]
    assert w310.message.startswith("initiatives[0]: 'pick-right' claims an ROI of 3,140% and a payback in "
                                   "0.37 months (pilot 'pick-right-pilot' an ROI of 32,300%)")
    assert readiness.about(w310) == (("initiatives", 0), ("pilots", 0))


def test_an_acceptance_on_the_pilot_says_the_roll_out_raises_it(valid_data, tmp_path):
    _extraordinary_twice(valid_data)
    valid_data["pilots"][0]["accept"] = {"W310": "The trainer's time was donated."}
    readiness = review(load_strategy(write_yaml(tmp_path, valid_data)))
    [w003] = [w for w in readiness.warnings if w.code == "W003"]
    assert w003.message.endswith("does not fire here; 'W310' is raised on initiatives[0]; accept it there")


def test_a_second_acceptance_says_the_first_already_does_it(valid_data, tmp_path):
    # Accepted where it fires and again on the pilot: "accept it there" would point at what is done.
    _extraordinary_twice(valid_data)
    valid_data["initiatives"][0]["accept"] = {"W310": "The trainer's time was donated."}
    valid_data["pilots"][0]["accept"] = {"W310": "The trainer's time was donated."}
    readiness = review(load_strategy(write_yaml(tmp_path, valid_data)))
    [w003] = [w for w in readiness.warnings if w.code == "W003"]
    assert w003.message.endswith("does not fire here; 'W310' is raised on initiatives[0], which accepts it "
                                 "already; remove this acceptance"), w003.message


def test_the_roll_outs_acceptance_silences_the_pilots_return_in_the_deck(valid_data, tmp_path):
    _extraordinary_twice(valid_data)
    reason = "Each error costs a $300 penalty under the retailer's contract"
    valid_data["initiatives"][0]["accept"] = {"W310": reason}
    readiness = review(load_strategy(write_yaml(tmp_path, valid_data)))
    assert [w for w in readiness.warnings if w.code in ("W003", "W310")] == []
    assert brief_and_read(valid_data, tmp_path) == []
    texts = [t for s in read_deck(tmp_path / "out" / f"{BRIEFING}.pptx") for t in s["texts"]]
    # The pilot's own return is said with the one reason, never as a doubt no one answered.
    assert any(f"This pilot's return is unusually high. {reason}." in t for t in texts), texts
    assert not any("An unusually high return." in t or "an upper bound" in t for t in texts)
