"""Reading a strategy's words: whether an ask is a decision, a metric a learning number, a stakeholder a group."""

from __future__ import annotations

import re

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


def decision_problem(ask: str) -> str | None:
    """Why an ask is not phrased as a decision, or None when it starts with a decision verb."""
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


def is_learning_number(name: str, unit: str) -> bool:
    """Whether a metric's name or unit describe a learning number rather than a business one."""
    return bool(_LEARNING.search(name) or _LEARNING.search(unit))


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
