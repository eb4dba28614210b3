"""Which prepared objection answers a concern: the rule the deck and readiness share."""

from __future__ import annotations

from buyin_cli.load.models import Objection
from buyin_cli.plan.answers import Answers, answer_for, content_words


def objection(text: str) -> Objection:
    return Objection(objection=text, response="Prepared response.")


def test_a_restated_concern_is_answered_by_its_objection() -> None:
    spare = objection("Lines can't spare people for training")
    scrap = objection("Will it reduce scrap?")
    assert answer_for("Lines cannot spare people for training", [scrap, spare]) is spare
    assert answer_for("Will it actually reduce scrap?", [spare, scrap]) is scrap


def test_half_the_concern_words_must_be_covered() -> None:
    # operator + hour of {losing, operator, hour, peak}: exactly half.
    assert answer_for("Losing operator hours at peak",
                      [objection("Operators lose two hours each")]) is not None
    # supervisor of {supervisor, overload}: half.
    assert answer_for("Supervisors overloaded", [objection("Supervisors have no time")])
    # one of {spend, frozen, year}: a third.
    assert answer_for("Spending is frozen this year", [objection("Spending on tools")]) is None


def test_unrelated_or_empty_concerns_are_unanswered() -> None:
    assert answer_for("Spending is frozen", [objection("Training works on the line")]) is None
    assert answer_for("It is", [objection("It is")]) is None
    assert answer_for("Anything at all", []) is None


def test_the_best_match_wins() -> None:
    weak = objection("Scrap is a problem")
    strong = objection("Will the training reduce scrap on the presses?")
    assert answer_for("Will training reduce scrap on presses?", [weak, strong]) is strong


def test_content_words_drop_small_words_and_plurals() -> None:
    assert content_words("The operators and the lines") == {"operator", "line"}


def _brute(concern: str, objections: list[Objection]) -> Objection | None:
    """The rule as the module states it, reading every objection."""
    wanted = content_words(concern)
    scores = [len(wanted & content_words(o.objection)) / len(wanted) if wanted else 0.0
              for o in objections]
    best = max(range(len(objections)), key=lambda n: (scores[n], -n), default=None)
    return objections[best] if best is not None and scores[best] >= 0.5 else None


def test_the_index_finds_what_reading_every_objection_finds() -> None:
    # Many objections sharing common words, some repeated: the first of equals wins.
    sites = ["Telford 101", "Cork 202", "Leeds 303"]
    texts = [f"{kind} at {site}" for site in sites for kind in (
        "Spending is frozen until the summer budget review",
        "Spending is frozen until the autumn budget review",
        "Supervisors are already overloaded",
        "Results came from something else, not the training")]
    objections = [objection(t) for t in texts + texts[::2]]
    concerns = texts + ["Spending frozen at Leeds", "Budget review in autumn", "overloaded",
                        "Supervisors at Cork 202 overloaded by the autumn budget review", ""]
    for concern in concerns:
        assert Answers(objections).to(concern) is _brute(concern, objections), concern


def answered(concerns: list[str], objections: list[Objection]) -> list[str | None]:
    found = Answers(objections).match(concerns)
    return [None if n is None else objections[n].objection for n in found]


def test_an_answer_in_other_words_matches_by_what_it_says() -> None:
    # The objection covers one of six words; with its response, three: release, peak, season.
    release = Objection(objection="Can we release staff?",
                        response="Two hours each, booked outside the peak season.")
    assert answered(["Releasing pickers for training during the peak season"],
                    [objection("Does training reduce errors?"), release]) == [release.objection]
    # Nor are two, though 40% of the concern's words: "shift" and "start" are a coincidence.
    peak = Objection(objection="Peak starts in November; no depot can lose hours.",
                     response="The drill is one hour on shift and the buddy day replaces a round.")
    stretched = "Supervisors are already stretched at shift start"
    assert answered([stretched], [peak]) == [None]
    assert Answers([peak]).near(stretched) == (peak, ["shift", "start"])
    # Three words, all in the response, are not the question the objection asks.
    aside = Objection(objection="Who pays?", response="Booked outside the peak season for pickers.")
    assert answered(["Releasing pickers during the peak season"], [aside]) == [None]
    # One shared word is not an answer.
    assert answered(["Agency cover costs money"], [Objection(
        objection="Who covers the line?", response="A rota from the bank pool.")]) == [None]


def test_each_answer_goes_to_its_closest_concern_first() -> None:
    spare = objection("Can lines spare people for training?")
    scrap = objection("Will the training reduce scrap on the presses?")
    concerns = ["Training will not reduce scrap on the presses", "Lines cannot spare people"]
    assert answered(concerns, [spare, scrap]) == [scrap.objection, spare.objection]


def test_a_word_and_its_forms_are_one() -> None:
    assert content_words("release released releasing releases") == {"releas"}
    # German too: its small words dropped, its umlauts and its -en plurals folded.
    assert content_words("Die Schichtleitungen müssen freistellen") == {"schichtleitung", "freistell"}


def test_a_concern_naming_the_pilot_an_answer_cites_is_linked_to_it_first() -> None:
    held = Objection(objection="Will it work elsewhere?", response="The result held for three months.",
                     evidence="ward-5")
    restated = objection("Does the Ward 5 result hold?")
    names = {"ward-5": ("ward-5", "Ward 5 medication nurses")}
    concern = "Will the Ward 5 medication nurses result hold on other wards?"
    assert Answers([restated, held], names).match([concern]) == [1]  # held, not the restatement
    # Naming the pilot alone is no link: they must share a word besides its name.
    other = Objection(objection="Budget?", response="From the L&D line.", evidence="ward-5")
    assert Answers([other], names).match(["Ward 5 medication nurses are short-staffed"]) == [None]


def test_the_names_a_concern_says_are_found_as_searching_every_name_finds_them() -> None:
    """Each concern tries only the names that begin with one of its words: the same names,
    in the same order, as searching it for every cited name."""
    import random
    import re

    rng = random.Random(7)
    pieces = ["ward", "5", "ward-5", "line", "3a", "nurses", "ü", "straße", "#2", "-", " ", "_x", "é"]
    names = {f"p{i}": tuple("".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))).strip() or "w"
                            for _ in range(2)) for i in range(40)}
    cited = [Objection(objection=f"Q{i}?", response="R.", evidence=f"p{i}") for i in range(40)]
    answers = Answers(cited, names)
    for _ in range(400):
        concern = " ".join("".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(4)).lower()
        every = [name for name in answers._cited
                 if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", concern)]
        assert answers._named_in(concern) == every
    assert any(answers._named_in(name) for name in answers._cited)  # names are found at all


def test_a_german_coincidence_is_no_answer_either() -> None:
    # Small German words do not count: {teamleitung, schichtbeginn, ausgelastet} share two.
    peak = Objection(objection="Kann die Hauptsaison warten?",
                     response="Die Übung dauert eine Stunde bei Schichtbeginn, wenn niemand ausgelastet ist.")
    concern = "Die Teamleitungen sind bei Schichtbeginn schon ausgelastet"
    assert answered([concern], [peak]) == [None]
    assert Answers([peak]).near(concern) == (peak, ["Schichtbeginn", "ausgelastet"])
    restated = Objection(objection="Sind die Teamleitungen bei Schichtbeginn ausgelastet?",
                         response="Die Karte spart ihnen später Zeit.")
    assert answered([concern], [peak, restated]) == [restated.objection]
