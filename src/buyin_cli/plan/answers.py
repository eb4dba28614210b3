"""Which prepared objection answers a stakeholder's concern.

A concern is free text ("Lines can't spare people for training") and so is an
objection. To prepare an answer to a concern, a trainer adds an objection that
restates it; the two match when the objection covers at least half of the
concern's content words (small words dropped, crude suffixes stripped), so
rewording slightly still matches. The best match wins. Readiness uses the same
rule to flag a concern with no prepared answer, so deck and warnings agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from buyin_cli.load.models import Objection

THRESHOLD = 0.5  # share of the concern's content words that the objection must cover

_STOP = frozenset("""
a an the and or but if then than that this these those to of in on at by for with from into
over under about as is are was were be been being it its we our us you your they them their
he she his her i me my do does did doing have has had not no can can't cannot could would
should will won't just only also too very more most much many any some all each every so
what which who whom how why when where there here up down out off again further once
""".split())


def content_words(text: str) -> set[str]:
    """The words that carry meaning, crudely stemmed so 'trainings' meets 'training'."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return {_stem(w) for w in words if w not in _STOP and len(w) > 2}


def answer_for(concern: str, objections: Sequence[Objection]) -> Objection | None:
    """The objection whose text best covers `concern`, or None when none covers enough."""
    wanted = content_words(concern)
    if not wanted:
        return None
    best, best_score = None, 0.0
    for objection in objections:
        have = content_words(objection.objection)
        score = len(wanted & have) / len(wanted)
        if score > best_score:
            best, best_score = objection, score
    return best if best_score >= THRESHOLD else None


def _stem(word: str) -> str:
    for suffix in ("ing", "ers", "ies", "ed", "es", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
