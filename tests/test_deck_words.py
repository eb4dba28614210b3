"""Words that read right: who owns a goal, who was in a pilot and when, names in German sentences."""

from __future__ import annotations

from typing import Any

import pytest

from buyin_cli.present.language import translations
from buyin_cli.render.templating import make_environment
from conftest import dump
from deck_helpers import read_deck


def _brief(data: dict[str, Any], write, run, workdir) -> list[dict[str, Any]]:
    write("s.yaml", dump(data))
    result = run("brief", "s.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    return read_deck(workdir / "out" / "warehouse-manager-briefing.pptx")


def _evidence(deck: list[dict[str, Any]]) -> dict[str, Any]:
    return next(s for s in deck if any(t.startswith(("Pilot group:", "Pilotgruppe:"))
                                       for t in s["texts"]))


@pytest.mark.parametrize(("name", "said"), [
    ("Network repair technicians, gangers and leading hands",
     "network repair technicians, gangers and leading hands"),
    ("Ausschuss", "Ausschuss"),
    ("Mitarbeitende in der Pflege", "Mitarbeitende in der Pflege"),
    ("Führungskräfte, die neu eingestellt wurden", "Führungskräfte, die neu eingestellt wurden"),
    ("Techniker, neu eingestellt", "Techniker, neu eingestellt"),  # no English word: as written
    ("Press Line 2 and Line 3", "Press Line 2 and Line 3"),
])
def test_a_german_deck_lowers_a_name_only_when_it_is_written_in_english(name, said):
    assert make_environment(None, "de").filters["lowerfirst"](name) == said


def test_a_goals_owner_is_a_label_a_name_or_a_role_reads_in(valid_data, write, run, workdir):
    valid_data["objectives"][0]["owner"] = "Director of Operations"
    deck = _brief(valid_data, write, run, workdir)
    case = next(s for s in deck if (s["title"] or "").startswith("Picking errors:"))
    lines = [text for _, text in case["body"]]
    assert "Owner: Director of Operations · a problem to fix" in lines
    assert "Owner: Director of Operations. The goal is theirs already" in case["notes"]
    assert not any("owned by" in t or "move away from" in t for t in lines)


def test_an_evidence_slide_says_who_was_in_the_pilot_and_when(valid_data, write, run, workdir):
    valid_data["pilots"][0]["control_group"] = "Day shift"
    deck = _brief(valid_data, write, run, workdir)
    assert ("Pilot group: Night shift, 20 people, March 3, 2025 to May 30, 2025; comparison group: "
            "Day shift.") in " ".join(_evidence(deck)["texts"])


def test_a_pilot_of_one_is_one_person(valid_data, write, run, workdir):
    # Its rate valued for one person (W317 accepted): else × R 120 would pass what is possible.
    valid_data["pilots"][0].update(participants=1, usage={"enrolled": 1, "completed": 1},
                                   accept={"W317": "Each error is valued for one picker."})
    deck = _brief(valid_data, write, run, workdir)
    assert any(t.startswith("Pilot group: Night shift, 1 person,") for t in _evidence(deck)["texts"])


def test_a_shortened_evidence_title_keeps_a_real_name_that_fits(valid_data, write, run, workdir):
    group = ("Night shift pickers of aisles 1 to 40, both mezzanines, the returns desk, the "
             "cold store and the bulk yard, all three weeks")
    valid_data["pilots"][0].update(group=group, control_group="Day shift")
    deck = _brief(valid_data, write, run, workdir)
    title = _evidence(deck)["title"]
    assert "Day shift" in title or group in title
    assert f"Pilot group: {group}," in " ".join(_evidence(deck)["texts"])


def test_german_declines_the_pilot():
    words = translations("de")
    assert "einem kleinen Piloten" in words.gettext(
        "Scaled up from a small pilot: an estimate until the roll-out confirms it.")
    assert words.gettext("A year, in the pilot") == "Pro Jahr im Piloten"


def _titled(deck: list[dict[str, Any]], start: str) -> str:
    return next(s["title"] for s in deck if (s["title"] or "").startswith(start))


def test_what_we_heard_says_its_point_not_its_first_line(valid_data, write, run, workdir):
    deck = _brief(valid_data, write, run, workdir)
    # A need, and a concern no prepared answer restates.
    assert "We heard what your teams need, and will come back with answers to your concerns" in [
        s["title"] for s in deck]
    valid_data["objections"][0]["objection"] = "Peak season starts in six weeks"
    deck = _brief(valid_data, write, run, workdir)
    assert "We heard what your teams need, and have an answer to each of your concerns" in [
        s["title"] for s in deck]
    assert not any((s["title"] or "").startswith("What your teams need:") for s in deck)


def test_a_sponsors_target_says_whose_completion(valid_data, write, run, workdir):
    # A share of each roll-out's people: the one roll-out by its name, several as "each roll-out".
    deck = _brief(valid_data, write, run, workdir)
    assert _titled(deck, "Ana Silva").endswith(
        "expects 80% of the people Pick Right reaches to have completed it by Q4\u00a02025")
    valid_data["initiatives"].append({**valid_data["initiatives"][0], "id": "pick-fast",
                                      "title": "Pick Fast"})
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve Pick Right", "initiative": "pick-right"},
                                          {"decision": "Approve Pick Fast", "initiative": "pick-fast"}]
    deck = _brief(valid_data, write, run, workdir)
    assert _titled(deck, "Ana Silva").endswith(
        "expects 80% of the people each roll-out reaches to have completed it by Q4\u00a02025")
    # Asked to fund one of the two, the meeting still hears the sponsor's target as set: for each.
    valid_data["briefings"][0]["asks"] = [{"decision": "Approve Pick Fast", "initiative": "pick-fast"}]
    deck = _brief(valid_data, write, run, workdir)
    assert _titled(deck, "Ana Silva").endswith(
        "expects 80% of the people each roll-out reaches to have completed it by Q4\u00a02025")


@pytest.mark.parametrize(("group", "metric", "title"), [
    ("Night shift", "Picking errors", "Night shift cut picking errors"),
    ("North control room, day and night watches", "Picking errors",
     "North control room, day and night watches: down "),
    ("Night shift", "Overtime and call-out spend, network operations",
     "Night shift: down "),
])
def test_a_name_with_a_comma_is_not_glued_into_a_list(valid_data, write, run, workdir, group, metric,
                                                       title):
    # "North control room, day and night watches cut overtime and call-out spend, network operations
    # 48%" read as a list of four things; a colon ends the subject and the metric goes last.
    valid_data["pilots"][0]["group"] = group
    valid_data["metrics"][0]["name"] = metric
    heading = _evidence(_brief(valid_data, write, run, workdir))["title"]
    assert heading.startswith(title), heading
    if title.endswith("down "):
        assert heading.split(" in ", 1)[1].startswith(metric.lower()), heading



@pytest.mark.parametrize(("name", "role", "said"), [
    ("Area managers, North and South", "Area managers (22)", "the area managers, North and South (22)"),
    ("Area managers, North and South", "Area managers", "the area managers, North and South"),
    ("Leadership team", "Site leads (12)", "the leadership team (site leads, 12)"),
])
def test_a_group_is_named_once_on_the_title_slide(name, role, said, valid_data, write, run, workdir):
    valid_data["stakeholders"][0].update(name=name, role=role)
    deck = _brief(valid_data, write, run, workdir)
    assert deck[0]["subtitle"].startswith(f"Briefing for {said} · ")
    points = (workdir / "out" / "warehouse-manager-briefing.md").read_text(encoding="utf-8")
    whom, _, rest = said.partition(" (")
    assert f"**For {whom}**{' (' + rest if rest else ''} · " in points


def test_a_pilot_that_cost_nothing_says_so_in_its_notes(valid_data, write, run, workdir):
    valid_data["pilots"][0]["cost"] = 0
    deck = _brief(valid_data, write, run, workdir)
    notes = " ".join(s["notes"] for s in deck)
    assert "; it cost nothing in cash." in notes and "for $0" not in notes


def test_the_talking_points_list_each_slide_by_the_title_it_shows(valid_data, write, run, workdir):
    from pptx import Presentation

    Presentation().save(str(workdir / "narrow.pptx"))  # 4:3: long titles take a shorter form
    write("s.yaml", dump(valid_data))
    assert run("brief", "s.yaml", "-o", "out", "--pptx-template", "narrow.pptx").exit_code == 0
    deck = read_deck(workdir / "out" / "warehouse-manager-briefing.pptx")
    points = (workdir / "out" / "warehouse-manager-briefing.md").read_text(encoding="utf-8")
    titles = [s["title"] for s in deck if s["title"] and "(cont.)" not in s["title"]]
    assert any(" the comparison group" in t or t.startswith("The pilot group") for t in titles)
    assert [t for t in titles if t.replace("|", "\\|") not in points] == []


def test_a_cost_breakdown_leaves_out_the_kinds_that_cost_nothing(valid_data, write, run, workdir):
    deck = _brief(valid_data, write, run, workdir)  # one one-off cost, nothing a year or per person
    notes = " ".join(s["notes"] for s in deck)
    points = (workdir / "out" / "warehouse-manager-briefing.md").read_text(encoding="utf-8")
    for said in (notes, points):
        assert "Cost, year one: $6,000 ($6,000 one-off)." in said
        assert "$0 a year" not in said and "$0 per person" not in said
