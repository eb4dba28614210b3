"""Reading a strategy's words: an ask a decision? a metric a learning number? a unit's sum? a stakeholder a group?"""

from __future__ import annotations

import re
from typing import Literal

from buyin_cli.load.units import read_unit

# An ask is a decision when its first word (after a courtesy such as "please") is one of
# these; a discussion word names what makes it a conversation instead.
DECISION_VERBS = frozenset("""
    accept add adopt agree allocate appoint approve assign attend authorise authorize back
    book budget chair choose commit confirm decide delegate designate endorse extend fund
    give grant host include introduce invest join launch let make mandate name nominate
    open prioritise prioritize protect provide put release replace require reserve
    schedule select send set sign sponsor start stop ring-fence
""".split())
DISCUSSION_WORDS = ("discuss", "review", "update", "explore", "consider", "look at",
                    "look into", "talk about", "talk through", "think about", "share",
                    "present", "inform", "note", "hear", "understand", "learn about",
                    "brainstorm", "walk through", "go over", "touch base", "get feedback",
                    "feedback", "align", "reflect", "see", "catch up")
# German asks lead with the verb ("Genehmigen Sie …"), its noun ("Freigabe von …") or end
# with the infinitive ("75.180 € für den Rollout freigeben").
GERMAN_DECISION_WORDS = frozenset("""
    beauftragen beauftragung benennen benennung bereitstellen bereitstellung beschließen
    beschluss bestätigen bestätigung bewilligen bewilligung budgetieren einführen einführung
    einplanen entscheiden entscheidung festlegen festlegung freigeben freigabe freistellen
    freistellung genehmigen genehmigung mittragen starten übernehmen unterstützen verabschieden
    vereinbaren zusagen zusage zustimmen zustimmung
""".split())
GERMAN_DISCUSSION_WORDS = ("besprechen", "diskutieren", "informieren", "vorstellen",
                           "austauschen", "überlegen", "kennenlernen", "erörtern", "sprechen")
_PARTICLES = frozenset({"ein", "zu", "frei", "fest", "mit", "bereit", "über"})
_GERMAN_POLITE = re.compile(r"^(?:bitte|wir bitten sie(?:,)?(?: um)?|ihre)\s+", re.IGNORECASE)
_POLITE = re.compile(r"^(?:please|kindly|to|we ask(?: that)? you(?: to)?|(?:can|could|would|will)"
                     r" you|your|i ask you to)\s+", re.IGNORECASE)

# Words that mark what training counts (scores, completions) rather than what the business does.
LEARNING_WORDS = ("assessment", "quiz", "exam", "test score", "pre-test", "post-test",
                  "pass rate", "completion", "completions", "completed", "enrolment",
                  "enrollment", "enrolled", "attendance", "course", "courses", "training",
                  "learner", "learners", "module", "modules", "e-learning", "elearning",
                  "workshop", "smile sheet", "happy sheet", "knowledge check", "reaction")
_LEARNING = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in LEARNING_WORDS) + r")\b",
                       re.IGNORECASE)


def decision_problem(ask: str, language: str = "en") -> str | None:
    """Why an ask is not phrased as a decision, or None when it starts with a decision verb.

    A German ask (`language` "de") may also end with one, as German word order has it.
    """
    if language == "de":
        return _german_decision_problem(ask)
    text = ask.strip()
    while (stripped := _POLITE.sub("", text, count=1)) != text:
        text = stripped
    lowered = text.lower()
    first = re.split(r"[\s,:;.]+", lowered, maxsplit=1)[0]
    if first in DECISION_VERBS or lowered.startswith("sign off"):
        return None
    for word in DISCUSSION_WORDS:
        if re.match(re.escape(word) + r"\b", lowered):
            return f"'{word}' asks for a conversation, not a decision"
    return f"'{first}' is not a decision verb"


def _german_decision_problem(ask: str) -> str | None:
    text = ask.strip()
    while (stripped := _GERMAN_POLITE.sub("", text, count=1)) != text:
        text = stripped
    # Quotation marks and brackets are not part of a word: „Zimmerprofi“ freigeben; an aside in
    # brackets after the verb is not its last word: "… benennen (39.600 €, von der Zentrale getragen)".
    text = re.sub(r"\s*\([^()]*\)[\s.]*$", "", text) or text
    words = [w for w in re.split(r"[\s,:;.!?\"'„“”‚‘’«»‹›()\[\]]+", text.lower()) if w]
    if not words:
        return "it is empty"
    if words[0] in GERMAN_DECISION_WORDS or words[-1] in GERMAN_DECISION_WORDS:
        return None
    # A separable verb asked for politely parts its particle from the verb: "Planen Sie … ein",
    # "Stimmen Sie zu, dass …", "Geben Sie … frei" ask for einplanen, zustimmen, freigeben.
    if len(words) > 2 and words[1] == "sie" and any(
            w in _PARTICLES and w + words[0] in GERMAN_DECISION_WORDS for w in words[2:]):
        return None
    for word in GERMAN_DISCUSSION_WORDS:
        if word in (words[0], words[-1]):
            return f"'{word}' asks for a conversation, not a decision"
    return f"neither '{words[0]}' nor '{words[-1]}' is a decision word"


# Words that also name business things ("training-related downtime", "modules assembled",
# "job completion time"): alone, they do not make a metric put in money a learning number.
SHARED_WORDS = ("training", "course", "courses", "module", "modules", "workshop",
                "completion", "completions", "completed")
_LEARNING_ONLY = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in LEARNING_WORDS
                                              if w not in SHARED_WORDS) + r")\b", re.IGNORECASE)


def is_learning_number(name: str, unit: str, monetised: bool = False) -> bool:
    """Whether a metric's name or unit describe a learning number rather than a business one.

    A metric put in money (`monetised`) is judged by the words only learning uses (quiz,
    assessment, pass rate…): its money says the business counts it.
    """
    words = _LEARNING_ONLY if monetised else _LEARNING
    return bool(words.search(name) or words.search(unit))


# A metric counted in money taken rather than money kept (English, German).
_REVENUE = re.compile(r"\b(revenue|sales|turnover|income|takings|bookings|gmv)\b|umsatz|erlös",
                      re.IGNORECASE)


def is_revenue(name: str, unit: str) -> bool:
    """Whether a metric's name or unit say it counts revenue (sales, turnover…)."""
    return bool(_REVENUE.search(name) or _REVENUE.search(unit))


def unit_kind(unit: str) -> Literal["percent", "rate", "count"]:
    """How a metric's unit adds up over people, as the one unit model reads it.

    A `percent` ('%', 'Prozent der Anrufe') and a `rate` (any other level: 'complaints per
    1,000 calls', 'seconds', '€ je Bon', points on a scale) are the same for a group of any size: a
    roll-out moves them by the pilot's change. A `count` ('injuries per quarter', 'hours of
    rework', '€ of write-offs') adds up: a roll-out moves it by the change × the scale-up R.
    """
    read = read_unit(unit)
    return "percent" if read.is_percent else "count" if read.adds_up else "rate"


def unit_period(unit: str) -> str | None:
    """The period a unit names (week, month, quarter, year), or None."""
    return read_unit(unit).period


# Words that make a stakeholder a body of people rather than one person ("the Nurse Unit
# Managers' forum", "Regional leadership team"), in English and German.
GROUP_WORDS = frozenset("""
    forum team board committee council panel group network leadership management
    executive directors managers leaders heads partners staff department office
    community circle assembly union workforce everyone
    gremium vorstand team ausschuss rat kreis runde leitung führungskreis geschäftsleitung
    betriebsrat abteilung
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]*)?", re.UNICODE)


def is_group(name: str) -> bool:
    """Whether a stakeholder's name names a group of people (then the deck says "the …")."""
    words = [w.lower().rstrip("'’") for w in _WORD.findall(name)]
    return any(w in GROUP_WORDS for w in words) or any(w.endswith(("s'", "s’")) for w in
                                                       name.lower().split())


# A name written surname first, as a staff list sorts it: "Patel, Priya", "O'Neill, Sarah",
# "van Dijk, Anna", "Vogel, Dr. Katrin". One surname (after any lowercase particles), then one
# or two given names, each capitalised and not all capitals ("Brooks, HR" is not one).
_SURNAME_FIRST = re.compile(
    r"^((?:(?:van|von|de|der|den|da|di|du|la|le|del|della|ten|ter|zu|al|el|bin|ibn)\s+)*"
    r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*),\s+"
    r"((?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+){0,2}[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
    r"(?:\s+[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*)?)$")
# A title before a name written surname first ("Dr. Brandt, Matthias"), kept before the name said.
_TITLE = re.compile(r"^((?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?(?:\s+med\.)?\s+){1,2})(\S.*,.*)$")
# A word after the comma that says a role, not a given name: "Müller, Werksleiterin".
_ROLE_PARTS = ("direct", "manag", "head", "officer", "chief", "lead", "president", "chair",
               "partner", "founder", "owner", "leiter", "leitung", "führ", "vorstand", "vorsitz",
               "chef", "sprecher", "referent", "beauftragt", "coordinat", "supervis", "secretar",
               "minister", "mayor", "principal", "dean", "advis", "consult")


def said_name(name: str) -> str:
    """`name` as a sentence says it: a person's name written surname first ("Hughes, Gareth")
    with the given name first ("Gareth Hughes"); any other name (a group, a name with a role
    after its comma, "Shift leads, both halls") as written."""
    parts = name.split(",")
    if len(parts) > 2:  # "Pryce, Eleanor, Chief Operating Officer" → "Eleanor Pryce, Chief Operating Officer"
        person = ",".join(parts[:2]).strip()
        said = said_name(person)
        return said + "," + ",".join(parts[2:]) if said != person else name
    titled = _TITLE.match(name.strip())  # "Dr. Brandt, Matthias" → "Dr. Matthias Brandt"
    if titled:
        said = said_name(titled.group(2))
        return titled.group(1) + said if said != titled.group(2) else name
    match = _SURNAME_FIRST.match(name.strip())
    if match is None or is_group(name):
        return name
    surname, given = match.groups()
    words = [w for w in given.split() if w.rstrip(".") not in ("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx")]
    for word in [surname.split()[-1], *words]:
        if not word[:1].isupper() or word.isupper() or any(part in word.lower() for part in _ROLE_PARTS):
            return name
    return f"{given} {surname}"
