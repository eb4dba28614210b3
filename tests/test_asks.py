"""An ask is the decision as text, or {decision, initiative} for an ask that funds an initiative."""

from __future__ import annotations

from typing import Any

from conftest import VALID_YAML

ASK_LINE = "    asks: [Approve the roll-out to all 120 pickers]\n"
LINE = VALID_YAML.splitlines().index(ASK_LINE.rstrip("\n")) + 1


def _with_asks(block: str) -> str:
    assert ASK_LINE in VALID_YAML
    return VALID_YAML.replace(ASK_LINE, block)


def test_an_ask_that_names_its_initiative_is_valid(run, write):
    path = write("s.yaml", _with_asks(
        "    asks:\n"
        "      - decision: Approve $36,000 to roll out Pick Right\n"
        "        initiative: pick-right\n"
        "      - Agree that the ops review tracks picking errors monthly\n"))
    result = run("check", path)
    assert result.exit_code == 0, result.output


def test_an_unknown_initiative_is_located_at_the_reference(run, write):
    path = write("s.yaml", _with_asks(
        "    asks:\n"
        "      - decision: Approve the roll-out\n"
        "        initiative: pick-rite\n"))
    result = run("check", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"s.yaml:{LINE + 2}:21: E302 briefings[0].asks[0].initiative: unknown initiative "
        "'pick-rite' (did you mean 'pick-right'?)")


def test_an_ask_that_is_neither_text_nor_a_mapping_says_what_it_may_be(run, write):
    path = write("s.yaml", _with_asks("    asks: [[Approve, the roll-out]]\n"))
    result = run("check", path)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"s.yaml:{LINE}:12: E204 briefings[0].asks[0]: ")
    assert "expected the decision as text, or a mapping {decision, initiative}" in line


def test_an_ask_mapping_without_its_decision_is_missing_a_key(run, write):
    path = write("s.yaml", _with_asks("    asks:\n      - initiative: pick-right\n"))
    result = run("check", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(
        f"s.yaml:{LINE + 1}:9: E202 briefings[0].asks[0]: missing required key 'decision'")


def test_w502_reads_the_decision_of_a_mapping_ask(run, write):
    path = write("s.yaml", _with_asks(
        "    asks:\n"
        "      - decision: Discuss the roll-out\n"
        "        initiative: pick-right\n"))
    result = run("check", path)
    assert result.exit_code == 0
    assert (f"s.yaml:{LINE + 1}:19: W502 briefings[0].asks[0]: 'Discuss the roll-out' is not a "
            "decision") in result.stdout


def test_a_plain_ask_funds_what_it_names_only_when_it_asks_for_its_roll_out_or_money():
    from buyin_cli.load.models import Initiative
    from buyin_cli.plan.asks import ask_initiative, asks_fund

    doorstep = Initiative.model_validate({"id": "doorstep", "title": "Doorstep Conversations",
                                          "format": "e-learning", "audiences": ["a"],
                                          "objectives": ["o"], "costs": []})
    pilot = "Agree a three-month pilot of Doorstep Conversations at the Worcester depot"
    # About it, so its evidence leads; but a pilot of it asks for none of its roll-out's money.
    assert ask_initiative(pilot, None, [doorstep]) == "doorstep"
    assert asks_fund(pilot, None, [doorstep]) == []
    assert asks_fund("Support the roll-out of Doorstep Conversations at the board", None, [doorstep]) == []
    assert asks_fund("Einen Piloten von Doorstep Conversations vereinbaren", None, [doorstep]) == []
    for funding in ("Approve the roll-out of Doorstep Conversations to all 240",
                    "Fund Doorstep Conversations for the next year",
                    "Agree £47,600 for Doorstep Conversations",
                    "Budget für Doorstep Conversations freigeben",
                    "Roll out Doorstep Conversations, proven in the Worcester pilot"):
        assert asks_fund(funding, None, [doorstep]) == ["doorstep"], funding
    # A link is the strategy's own word: it funds what it links, whatever the text says.
    assert asks_fund(pilot, "doorstep", [doorstep]) == ["doorstep"]
    assert asks_fund("Nominate one coach per depot", None, [doorstep]) == []
    # People's time, not money: "freigeben" releases hours here, it approves no budget.
    for time in ("Ab Februar jedem Agent sechs Stunden für Doorstep Conversations im Schichtplan freigeben",
                 "Approve three paid hours per driver for Doorstep Conversations",
                 "Freigabe von 30 Minuten Patenzeit im Monat je Azubi für Doorstep Conversations",
                 "Approve 20 minutes a week per driver for Doorstep Conversations"):
        assert asks_fund(time, None, [doorstep]) == [], time
    assert asks_fund("Approve £4,000 and three paid hours per driver for Doorstep Conversations", None,
                     [doorstep]) == ["doorstep"]


def test_support_is_read_as_the_ask_s_verb_not_a_team_s_name():
    from buyin_cli.load.models import Initiative
    from buyin_cli.plan.asks import asks_fund

    def initiative(id_: str, title: str) -> Initiative:
        return Initiative.model_validate({"id": id_, "title": title, "format": "e-learning",
                                          "audiences": ["a"], "objectives": ["o"], "costs": []})

    fix, academy, talk = (initiative("fix", "Fix It First Time"), initiative("academy", "Pilot Academy"),
                          initiative("talk", "Time to Talk"))
    named = [fix, academy, talk]
    # A team called "support" is who the roll-out reaches; the ask still asks for its money.
    assert asks_fund("Approve the roll-out of Fix It First Time to all 122 support agents in Q1",
                     None, named) == ["fix"]
    for support in ("Support the roll-out of Fix It First Time at the board",
                    "Agree to back the roll-out of Fix It First Time",
                    "We ask for your support for the roll-out of Fix It First Time",
                    "Die Einführung von Fix It First Time unterstützen"):
        assert asks_fund(support, None, named) == [], support
    # Words inside an initiative's own title say nothing of what the ask asks for.
    assert asks_fund("Approve the roll-out of Pilot Academy to all sites", None, named) == ["academy"]
    assert asks_fund("Fund Time to Talk for all depots", None, named) == ["talk"]


def test_an_ask_naming_two_initiatives_funds_both_in_the_order_it_names_them():
    from buyin_cli.load.models import Initiative
    from buyin_cli.plan.asks import ask_initiatives, asks_fund

    def initiative(id_: str, title: str) -> Initiative:
        return Initiative.model_validate({"id": id_, "title": title, "format": "e-learning",
                                          "audiences": ["a"], "objectives": ["o"], "costs": []})

    named = [initiative("coach", "Coaching"), initiative("peer", "Peer Coaching"),
             initiative("safe", "Safe Lifting")]
    ask = "Approve the roll-out of Safe Lifting and Peer Coaching to all five sites"
    assert asks_fund(ask, None, named) == ["safe", "peer"]  # not "Coaching" inside "Peer Coaching"
    assert ask_initiatives("Agree a pilot of Safe Lifting and Coaching", None, named) == ["safe", "coach"]
    assert asks_fund("Agree a pilot of Safe Lifting and Coaching", None, named) == []
    assert asks_fund("Fund safe and peer next year", None, named) == ["safe", "peer"]  # ids, when no title


def test_matching_an_ask_to_initiatives_is_the_whole_word_search_ignoring_case():
    """The quick test that rules initiatives out never rules out one the search would find."""
    import random
    import re
    from types import SimpleNamespace

    from buyin_cli.plan.asks import ask_initiative

    def searched(text: str, initiatives: list) -> str | None:
        def names(words: str) -> bool:
            return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text, re.IGNORECASE) is not None
        named = [i for i in initiatives if names(i.title)]
        if named:
            return str(max(named, key=lambda i: len(i.title)).id)
        return next((i.id for i in initiatives if names(i.id)), None)

    rng = random.Random(3)
    words = ["Pick", "Right", "pick-right", "LINE", "line", "kit", "KİT", "ıtem", "ſafe", "\u212aaizen", "safe",
             "kaizen", "£36,000", "Ärger", "ärger", "ß", "SS", "x"]
    for _ in range(2000):
        initiatives: list[Any] = [SimpleNamespace(id=f"i{n}-{rng.choice(words).lower()}",
                                       title=" ".join(rng.choices(words, k=rng.randint(1, 2))))
                       for n in range(rng.randint(1, 4))]
        text = " ".join(rng.choices(words + [i.title for i in initiatives] + [i.id for i in initiatives],
                                    k=rng.randint(0, 5)))
        assert ask_initiative(text, None, initiatives) == searched(text, initiatives), text


def test_an_ask_for_time_is_tied_to_the_initiative_whose_audience_it_names():
    from buyin_cli.plan.time_asks import whose_time

    audiences = {"ccc": ["Dispensers and accuracy checkers", "Store pharmacists"],
                 "coaching": ["Counter and healthcare assistants"]}
    assert whose_time("Release each dispenser for three paid hours", None, audiences) == "ccc"
    assert whose_time("Release each dispenser for three paid hours", "coaching", audiences) == "coaching"
    # Not about people's time ("waiting time" is the customers'), or no one audience named.
    assert whose_time("Report errors next to waiting time", None, audiences) is None
    assert whose_time("Release staff for two hours", None, audiences) is None
    assert whose_time("Release dispensers and counter assistants for an hour", None, audiences) is None


def test_an_ask_names_an_audience_by_its_german_compounds_head():
    from buyin_cli.plan.time_asks import whose_time

    audiences = {"yard": ["Berufskraftfahrer, Nah- und Fernverkehr"], "load": ["Lager- und Umschlagmitarbeitende"]}
    assert whose_time("Je Fahrer vier bezahlte Stunden für das Hoftraining einplanen", None, audiences) == "yard"
    assert whose_time("Je Person vier bezahlte Stunden einplanen", None, audiences) is None


def test_an_ask_for_helpers_time_is_not_priced_from_the_learners_time():
    from buyin_cli.plan.time_asks import whose_time

    audiences = {"buddy-up": ["New starters in the contact centre"], "lead": ["Shift supervisors"]}
    # Mentors, coaches or "Paten" are not the new starters whose participants' time is costed.
    assert whose_time("Release 30 minutes a week of each mentor's time for Buddy Up", "buddy-up", audiences) is None
    assert whose_time("Freigabe von 30 Minuten Patenzeit pro Woche", "buddy-up", audiences) is None
    assert whose_time("Give coaches two hours a week", None, audiences) is None
    # The learners' own time, or helpers who are the learners, still are.
    assert whose_time("Release each new starter for two hours", None, audiences) == "buddy-up"
    assert whose_time("Release each supervisor for a day", None, audiences) == "lead"
    assert whose_time("Release each new starter for two hours to participate", "buddy-up", audiences) == "buddy-up"
    assert whose_time("Release each supervisor for six coaching sessions", None, audiences) == "lead"


def test_an_ask_for_time_is_about_the_audience_it_names_most_of():
    from buyin_cli.plan.time_asks import whose_time

    audiences = {"safe-turn": ["Ramp agents, all four airports"], "gate-ready": ["Check-in and gate agents"]}
    assert whose_time("Release each ramp agent for 6 paid hours in March", None, audiences) == "safe-turn"
    assert whose_time("Release each agent for 6 paid hours in March", None, audiences) is None  # both, as much


def test_an_ask_names_an_initiative_by_the_head_of_its_title():
    from buyin_cli.load.models import Initiative
    from buyin_cli.plan.asks import ask_initiatives

    damp = Initiative.model_validate({"id": "damp-course", "title": "Damp and Mould, Find the Cause",
                                      "format": "e-learning", "audiences": ["a"], "objectives": ["o"], "costs": []})
    assert ask_initiatives("Release each operative for half a day for the damp and mould course", None,
                           [damp]) == ["damp-course"]
    assert ask_initiatives("Agree the damp survey dates", None, [damp]) == []  # one word is no name


def test_a_time_ask_for_people_two_initiatives_reach_is_for_the_one_no_other_ask_is_about():
    from buyin_cli.plan.time_asks import whose_time

    timed = {"fix": ["Repairs operatives, all trades"], "damp": ["Repairs operatives, all trades"],
             "huddle": ["Repairs call-handlers"]}
    ask = "Release each operative for a day and a half off the tools"
    # Both reach the operatives; the other asks are about the damp course, so this one is Fix It's.
    assert whose_time(ask, None, timed, taken={"damp"}) == "fix"
    assert whose_time(ask, None, timed) is None  # nothing tells them apart
    assert whose_time("Release each call-handler for ten minutes a day", None, timed) == "huddle"
